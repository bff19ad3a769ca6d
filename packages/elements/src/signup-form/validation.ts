// From the form's answers to a SignupApplication, and from the SDK's issues
// (the same zod schema the server uses) to one kind of problem per field.
// DOM-free; the messages themselves are in messages.ts.
import { organisationNumberProblem, validateSignupApplication, withHttpsScheme, type Issue, type SignupApplication } from '@samverkan/sdk';
import { FIELDS, fieldOfPath, LIST_FIELDS, type FieldName, type TextFieldName } from './fields.js';

/** The form's answers as typed: text fields as strings, the two consents as booleans. */
export type SignupValues = { [K in TextFieldName]: string } & { acceptsPrinciples: boolean; consent: boolean };

/** What is wrong with an answer; each kind has its own message per field. */
export type ProblemKind = 'required' | 'invalid' | 'tooLong' | 'tooMany' | 'format' | 'legalPerson' | 'checkDigit';

/** Which privacy notice the form showed, and when. */
export interface PrivacyNoticeShown {
  url?: string;
  version?: string;
  shownAt: string;
}

/** Answers nobody has given yet. */
export function emptyValues(): SignupValues {
  const values = {} as Record<string, string | boolean>;
  for (const name of Object.keys(FIELDS) as FieldName[]) values[name] = name === 'acceptsPrinciples' || name === 'consent' ? false : '';
  return values as SignupValues;
}

/** `forening.example.org` → `https://forening.example.org`: the SDK's one rule, shared with the CSV import. */
export const withScheme: (website: string) => string = withHttpsScheme;

/** `"Centrum, Hovsjö\nRonna"` → `["Centrum", "Hovsjö", "Ronna"]`. */
export function splitList(value: string): string[] {
  return value
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * The application the answers make: trimmed, empty optional answers left
 * out, lists split, a website without a scheme given `https://`.
 */
export function toApplication(values: SignupValues, language: string, privacy?: PrivacyNoticeShown): Record<string, unknown> {
  const text = (name: TextFieldName) => values[name].trim();
  const optional = (name: TextFieldName, value = text(name)) => (value === '' ? undefined : value);
  const list = (name: TextFieldName) => {
    const items = splitList(values[name]);
    return items.length > 0 ? items : undefined;
  };
  const organisation = {
    name: text('orgName'),
    organisationNumber: optional('orgNumber'),
    form: optional('orgForm'),
    website: optional('orgWebsite', withScheme(values.orgWebsite)),
    email: text('orgEmail'),
    phone: optional('orgPhone'),
    districts: list('orgDistricts'),
    activities: list('orgActivities'),
    description: optional('orgDescription'),
  };
  const application: Record<string, unknown> = {
    organisation: dropUndefined(organisation),
    contact: dropUndefined({ name: text('contactName'), email: text('contactEmail'), phone: optional('contactPhone') }),
    // Only `true` is valid; `false` stays false so the schema reports it.
    acceptsPrinciples: values.acceptsPrinciples,
    consent: values.consent,
    message: optional('message'),
    language,
    privacyNotice: privacy ? dropUndefined({ ...privacy }) : undefined,
  };
  return dropUndefined(application);
}

function dropUndefined<T extends Record<string, unknown>>(object: T): T {
  for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
  return object;
}

/** The problems by field, and the issues no field of the form can show (kept for the error summary). */
export interface FieldProblems {
  byField: Map<FieldName, ProblemKind>;
  other: Issue[];
}

/**
 * One problem per field from the schema's issues (the form's own check or a
 * server's 400). The kind comes from the answer as much as from the code:
 * an empty answer is `required` whatever zod called it, and an organisation
 * number says which of its rules it breaks.
 */
export function problemsFromIssues(issues: readonly Issue[], values: SignupValues): FieldProblems {
  const byField = new Map<FieldName, ProblemKind>();
  const other: Issue[] = [];
  for (const issue of issues) {
    const field = fieldOfPath(issue.segments);
    if (!field) {
      other.push(issue);
      continue;
    }
    if (!byField.has(field)) byField.set(field, kindOf(field, issue, values));
  }
  return { byField, other };
}

function kindOf(field: FieldName, issue: Issue, values: SignupValues): ProblemKind {
  const value = values[field];
  if (value === false || (typeof value === 'string' && value.trim() === '')) return 'required';
  if (field === 'orgNumber') {
    const problem = organisationNumberProblem(values.orgNumber);
    if (problem === 'legal-person') return 'legalPerson';
    if (problem === 'check-digit') return 'checkDigit';
    if (problem === 'format') return 'format';
  }
  if (issue.code === 'too_big') {
    // A list's own length has no index in its path; one of its entries does.
    return LIST_FIELDS.has(field) && typeof issue.segments.at(-1) !== 'number' ? 'tooMany' : 'tooLong';
  }
  return 'invalid';
}

/** The outcome of {@link checkAnswers}. */
export type CheckResult = { ok: true; application: SignupApplication } | ({ ok: false } & FieldProblems);

/** Checks the answers with the SDK's schema, the one the server uses. */
export function checkAnswers(values: SignupValues, language: string, privacy?: PrivacyNoticeShown): CheckResult {
  const result = validateSignupApplication(toApplication(values, language, privacy));
  if (result.success) return { ok: true, application: result.data };
  return { ok: false, ...problemsFromIssues(result.issues, values) };
}
