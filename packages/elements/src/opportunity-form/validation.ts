// From the form's answers to an OpportunityOffer, and from the SDK's issues
// (the schema the server uses) to one kind of problem per field. DOM-free.
// Loaded with the later steps (later.ts), not before the form shows.
import { findUnsafeText, signatoryByOrganisationNumber, todayIn, validateOpportunityOffer, type Dataset, type Issue, type OpportunityOffer } from '@samverkan/sdk';
import { splitList, withScheme, type FieldProblems } from '../internal/form-answers.js';
import { dropUndefined, fieldFinder, organisationNumberKind, problemsByField, sizeKind } from '../internal/form-problems.js';
import type { FormCheck } from '../internal/form-element.js';
import { FIELDS, LIST_FIELDS, type FieldName, type TextFieldName } from './fields.js';

/**
 * The field an issue's path points at (`['contact', 'email']` →
 * `contactEmail`). The contact as a whole (no way to get in touch) points at
 * its first field, the e-mail address.
 */
const fieldOfPath = fieldFinder(FIELDS, (keys) => (keys[0] === 'contact' ? 'contactEmail' : undefined));

/** The answers as typed: text fields as strings, the consent as a boolean, the languages as tags. */
export type OpportunityValues = { [K in TextFieldName]: string } & { consent: boolean; languages: string[] };

/** What is wrong with an answer; each kind has its own message per field. */
export type ProblemKind =
  | 'required'
  | 'invalid'
  | 'tooLong'
  | 'tooMany'
  | 'format'
  | 'legalPerson'
  | 'checkDigit'
  | 'notSignatory'
  | 'noContact'
  | 'past'
  | 'beforeStart'
  | 'unsafeText';

/** The codes of the SDK's text-safety rule (control characters, broken characters, unpaired bidi controls). */
const UNSAFE_TEXT_CODES = new Set(['control-character', 'lone-surrogate', 'unpaired-bidi-control']);

/** The offer the answers make: trimmed, empty optional answers left out, lists split, a web address without a scheme given `https://`. */
export function toOffer(values: OpportunityValues, language: string): Record<string, unknown> {
  const text = (name: TextFieldName) => values[name].trim();
  const optional = (name: TextFieldName, value = text(name)) => (value === '' ? undefined : value);
  const list = (name: TextFieldName) => {
    const items = splitList(values[name]);
    return items.length > 0 ? items : undefined;
  };
  return dropUndefined({
    organisationNumber: text('orgNumber'),
    title: text('title'),
    description: text('description'),
    districts: list('districts'),
    activities: list('activities'),
    languages: values.languages.length > 0 ? [...values.languages] : undefined,
    timeCommitment: optional('timeCommitment'),
    start: optional('start'),
    end: optional('end'),
    validThrough: text('validThrough'),
    contact: dropUndefined({ email: optional('contactEmail'), phone: optional('contactPhone'), url: optional('contactUrl', withScheme(values.contactUrl)) }),
    // Only `true` is valid; `false` stays false so the schema reports it.
    consent: values.consent,
    language,
  });
}

function isEmpty(value: OpportunityValues[FieldName]): boolean {
  return value === false || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * One problem per field from the schema's issues (the form's own check or a
 * server's 400). An empty required answer is `required`; an organisation
 * number says which rule it breaks, and a valid one the server refuses is
 * not a signatory's.
 */
export function problemsFromIssues(issues: readonly Issue[], values: OpportunityValues): FieldProblems<FieldName, ProblemKind> {
  return problemsByField(issues, fieldOfPath, (field, issue) => kindOf(field, issue, values));
}

function kindOf(field: FieldName, issue: Issue, values: OpportunityValues): ProblemKind {
  if (issue.segments.length === 1 && issue.segments[0] === 'contact') return 'noContact';
  if (issue.code === 'not-a-signatory') return 'notSignatory';
  if (UNSAFE_TEXT_CODES.has(issue.code)) return 'unsafeText';
  if (isEmpty(values[field])) return 'required';
  if (field === 'orgNumber') {
    // A well-formed number that is still refused: the server knows no signatory with it.
    return organisationNumberKind(values.orgNumber) ?? 'notSignatory';
  }
  if (field === 'end' && /before the start/.test(issue.message)) return 'beforeStart';
  if (issue.code === 'too_big') return sizeKind(field, issue, LIST_FIELDS);
  return 'invalid';
}

/**
 * Checks the answers with the SDK's schema (the one the server uses), and
 * two things the form can tell before sending: that the last day shown is
 * not already past (today in the dataset's time zone, else the reader's),
 * and, when the form has the dataset, that the organisation number is a
 * signatory's.
 */
export function checkAnswers(values: OpportunityValues, language: string, dataset?: Dataset, now: Date = new Date()): FormCheck<FieldName, ProblemKind, OpportunityOffer> {
  const offer = toOffer(values, language);
  const result = validateOpportunityOffer(offer);
  const problems = result.success ? { byField: new Map<FieldName, ProblemKind>(), other: [] as Issue[] } : problemsFromIssues(result.issues, values);
  // The server refuses text that is not what it seems (the SDK's text-safety rule): say so before sending.
  for (const issue of findUnsafeText(offer)) {
    const field = fieldOfPath(issue.segments);
    if (field && !problems.byField.has(field)) problems.byField.set(field, 'unsafeText');
  }
  const validThrough = values.validThrough.trim();
  if (!problems.byField.has('validThrough') && /^\d{4}-\d{2}-\d{2}$/.test(validThrough)) {
    const today = todayIn(dataset?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, now);
    if (validThrough < today) problems.byField.set('validThrough', 'past');
  }
  if (dataset && !problems.byField.has('orgNumber') && !signatoryByOrganisationNumber(dataset, values.orgNumber)) {
    problems.byField.set('orgNumber', 'notSignatory');
  }
  if (result.success && problems.byField.size === 0) return { ok: true, payload: result.data };
  return { ok: false, ...problems };
}
