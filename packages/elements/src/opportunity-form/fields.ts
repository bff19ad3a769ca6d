// The opportunity form's fields, as data: where each sits in an
// OpportunityOffer and how the browser should help fill it in. DOM-free, so
// the template, the validation and the review read one table.
import type { FormFieldSpec } from '../internal/form-answers.js';
import type { OpportunityValues } from './validation.js';

/** The answer about the organisation. */
export const ORGANISATION_FIELDS = ['orgNumber'] as const;
/** What the opportunity is. */
export const WHAT_FIELDS = ['title', 'description', 'districts', 'activities', 'languages', 'timeCommitment'] as const;
/** When it is, and until when it is shown. */
export const WHEN_FIELDS = ['start', 'end', 'validThrough'] as const;
/** How volunteers get in touch (at least one). */
export const CONTACT_FIELDS = ['contactEmail', 'contactPhone', 'contactUrl'] as const;
/** The consent to publish. */
export const OTHER_FIELDS = ['consent'] as const;

/** Every answer, in the form's order. */
export const FIELD_NAMES = [...ORGANISATION_FIELDS, ...WHAT_FIELDS, ...WHEN_FIELDS, ...CONTACT_FIELDS, ...OTHER_FIELDS] as const;

/** One of the form's answers. */
export type FieldName = (typeof FIELD_NAMES)[number];
/** The answers typed as text (all but the consent box and the language boxes). */
export type TextFieldName = Exclude<FieldName, 'consent' | 'languages'>;

/** The fields and their specs. */
export const FIELDS: Readonly<Record<FieldName, FormFieldSpec>> = {
  orgNumber: { path: 'organisationNumber', id: 'org-number', optional: false, control: 'text', inputmode: 'numeric', narrow: true, ltr: true, noSpellcheck: true },
  title: { path: 'title', id: 'title', optional: false, control: 'text' },
  description: { path: 'description', id: 'description', optional: false, control: 'textarea', rows: 6 },
  districts: { path: 'districts', id: 'districts', optional: true, control: 'text' },
  activities: { path: 'activities', id: 'activities', optional: true, control: 'text' },
  languages: { path: 'languages', id: 'languages', optional: true },
  timeCommitment: { path: 'timeCommitment', id: 'time-commitment', optional: true, control: 'text' },
  start: { path: 'start', id: 'start', optional: true, control: 'date', narrow: true },
  end: { path: 'end', id: 'end', optional: true, control: 'date', narrow: true },
  validThrough: { path: 'validThrough', id: 'valid-through', optional: false, control: 'date', narrow: true },
  contactEmail: { path: 'contact.email', id: 'contact-email', optional: true, control: 'email', autocomplete: 'work email', inputmode: 'email', ltr: true, noSpellcheck: true },
  contactPhone: { path: 'contact.phone', id: 'contact-phone', optional: true, control: 'tel', autocomplete: 'work tel', inputmode: 'tel', narrow: true, ltr: true, noSpellcheck: true },
  contactUrl: { path: 'contact.url', id: 'contact-url', optional: true, control: 'url', autocomplete: 'url', inputmode: 'url', ltr: true, noSpellcheck: true },
  consent: { path: 'consent', id: 'consent', optional: false },
};

/** The languages offered as boxes to tick: those most spoken in the municipality's associations. */
export const OFFERED_LANGUAGES = ['sv', 'en', 'ar', 'syc', 'fi', 'so', 'fa', 'ku', 'tr', 'ti', 'bs'] as const;

/** The fields written as comma-separated lists. */
export const LIST_FIELDS: ReadonlySet<FieldName> = new Set(['districts', 'activities']);


/** Answers nobody has given yet. */
export function emptyValues(): OpportunityValues {
  const values = {} as Record<string, unknown>;
  for (const name of Object.keys(FIELDS) as FieldName[]) values[name] = name === 'consent' ? false : name === 'languages' ? [] : '';
  return values as OpportunityValues;
}
