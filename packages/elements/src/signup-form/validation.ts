// From the form's answers to a SignupApplication, and from the SDK's issues
// (the same zod schema the server uses) to one kind of problem per field.
// DOM-free; the messages themselves are in messages.later.ts. Loaded with the
// later steps (later.ts), not before the form shows.
import { validateSignupApplication, type Issue, type SignupApplication } from '@samverkan/sdk';
import { splitList, withScheme, type FieldProblems } from '../internal/form-answers.js';
import { dropUndefined, fieldFinder, organisationNumberKind, problemsByField, sizeKind } from '../internal/form-problems.js';
import type { FormCheck } from '../internal/form-element.js';
import { FIELDS, LIST_FIELDS, type FieldName, type TextFieldName } from './fields.js';

/**
 * The field an issue's path points at (`['organisation', 'districts', 2]` →
 * `orgDistricts`), or `undefined` for a path the form has no field for.
 */
const fieldOfPath = fieldFinder(FIELDS);

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

/** Checks the answers with the SDK's schema, the one the server uses. */
export function checkAnswers(values: SignupValues, language: string, privacy?: PrivacyNoticeShown): FormCheck<FieldName, ProblemKind, SignupApplication> {
  const result = validateSignupApplication(toApplication(values, language, privacy));
  if (result.success) return { ok: true, payload: result.data };
  return { ok: false, ...problemsFromIssues(result.issues, values) };
}
