// From the form's answers to a SignupApplication, and from the SDK's issues
// (the same zod schema the server uses) to one kind of problem per field.
// DOM-free; the messages themselves are in messages.ts.
import type { Issue, SignupApplication, validateSignupApplication } from '@samverkan/sdk';
import { dropUndefined, organisationNumberKind, problemsByField, sizeKind, splitList, withScheme, type FieldProblems } from '../internal/form-answers.js';
import type { FormCheck } from '../internal/form-element.js';
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

/**
 * One problem per field from the schema's issues (the form's own check or a
 * server's 400). The kind comes from the answer as much as from the code:
 * an empty answer is `required` whatever zod called it, and an organisation
 * number says which of its rules it breaks.
 */
export function problemsFromIssues(issues: readonly Issue[], values: SignupValues): FieldProblems<FieldName, ProblemKind> {
  return problemsByField(issues, fieldOfPath, (field, issue) => kindOf(field, issue, values));
}

function kindOf(field: FieldName, issue: Issue, values: SignupValues): ProblemKind {
  const value = values[field];
  if (value === false || (typeof value === 'string' && value.trim() === '')) return 'required';
  if (field === 'orgNumber') {
    const kind = organisationNumberKind(values.orgNumber);
    if (kind) return kind;
  }
  if (issue.code === 'too_big') return sizeKind(field, issue, LIST_FIELDS);
  return 'invalid';
}

let validate: typeof validateSignupApplication | undefined;

/**
 * Loads the SDK's check of an application (zod and the schema the server
 * uses): not needed to show the form, so it is fetched when the reader
 * starts answering.
 */
export async function prepareCheck(): Promise<void> {
  validate ??= await import('@samverkan/sdk').then(({ validateSignupApplication }) => validateSignupApplication);
}

/** Checks the answers with the SDK's schema, the one the server uses (after {@link prepareCheck}). */
export function checkAnswers(values: SignupValues, language: string, privacy?: PrivacyNoticeShown): FormCheck<FieldName, ProblemKind, SignupApplication> {
  if (!validate) throw new Error('checkAnswers() before prepareCheck() finished.');
  const result = validate(toApplication(values, language, privacy));
  if (result.success) return { ok: true, payload: result.data };
  return { ok: false, ...problemsFromIssues(result.issues, values) };
}
