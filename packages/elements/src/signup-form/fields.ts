// The form's fields, as data: where each one sits in a SignupApplication,
// and how the browser should help fill it in. DOM-free, so the path mapping
// is one table the template, the validation and the review all read.
import type { FormFieldSpec } from '../internal/form-answers.js';
import type { SignupValues } from './validation.js';

/** The answers about the organisation, in the form's order. */
export const ORGANISATION_FIELDS = [
  'orgName',
  'orgNumber',
  'orgForm',
  'orgWebsite',
  'orgEmail',
  'orgPhone',
  'orgDistricts',
  'orgActivities',
  'orgDescription',
] as const;

/** The answers about the contact person. */
export const CONTACT_FIELDS = ['contactName', 'contactEmail', 'contactPhone'] as const;

/** The answers after those: the two checkboxes and the message. */
export const OTHER_FIELDS = ['acceptsPrinciples', 'consent', 'message'] as const;

/** Every answer the form asks for, in the form's order. */
export const FIELD_NAMES = [...ORGANISATION_FIELDS, ...CONTACT_FIELDS, ...OTHER_FIELDS] as const;

/** One of the form's answers. */
export type FieldName = (typeof FIELD_NAMES)[number];

/** The answers given as text (everything but the two checkboxes). */
export type TextFieldName = Exclude<FieldName, 'acceptsPrinciples' | 'consent'>;

/** What a field of the signup form is: a form field that may be published once the application is approved. */
export interface FieldSpec extends FormFieldSpec {
  /**
   * Published with the organisation once the application is approved: the
   * form says so beside the field (`contact`: an address or number, where
   * small associations often give someone's private one).
   */
  published?: 'contact' | 'text';
}

/** The fields and their specs, in the order they appear. */
export const FIELDS: Readonly<Record<FieldName, FieldSpec>> = {
  orgName: { path: 'organisation.name', id: 'org-name', optional: false, control: 'text', autocomplete: 'organization', maxLength: 200 },
  orgNumber: { path: 'organisation.organisationNumber', id: 'org-number', optional: true, control: 'text', inputmode: 'numeric', narrow: true, ltr: true, noSpellcheck: true },
  orgForm: { path: 'organisation.form', id: 'org-form', optional: false },
  orgWebsite: { path: 'organisation.website', id: 'org-website', optional: true, control: 'url', autocomplete: 'url', inputmode: 'url', ltr: true, noSpellcheck: true },
  orgEmail: { path: 'organisation.email', id: 'org-email', optional: false, control: 'email', autocomplete: 'work email', inputmode: 'email', ltr: true, noSpellcheck: true, published: 'contact' },
  orgPhone: { path: 'organisation.phone', id: 'org-phone', optional: true, control: 'tel', autocomplete: 'work tel', inputmode: 'tel', narrow: true, ltr: true, published: 'contact' },
  orgDistricts: { path: 'organisation.districts', id: 'org-districts', optional: true, control: 'text', maxLength: 100 },
  orgActivities: { path: 'organisation.activities', id: 'org-activities', optional: true, control: 'text', maxLength: 100 },
  orgDescription: { path: 'organisation.description', id: 'org-description', optional: true, control: 'textarea', maxLength: 2000, published: 'text' },
  contactName: { path: 'contact.name', id: 'contact-name', optional: false, control: 'text', autocomplete: 'name', maxLength: 200 },
  contactEmail: { path: 'contact.email', id: 'contact-email', optional: false, control: 'email', autocomplete: 'email', inputmode: 'email', ltr: true, noSpellcheck: true },
  contactPhone: { path: 'contact.phone', id: 'contact-phone', optional: true, control: 'tel', autocomplete: 'tel', inputmode: 'tel', narrow: true, ltr: true },
  acceptsPrinciples: { path: 'acceptsPrinciples', id: 'accepts-principles', optional: false },
  consent: { path: 'consent', id: 'consent', optional: false },
  message: { path: 'message', id: 'message', optional: true, control: 'textarea', rows: 6, maxLength: 2000 },
};

/** The fields listed as lists (comma-separated in the form, arrays in the application). */
export const LIST_FIELDS: ReadonlySet<FieldName> = new Set(['orgDistricts', 'orgActivities']);


/** Answers nobody has given yet. */
export function emptyValues(): SignupValues {
  const values = {} as Record<string, string | boolean>;
  for (const name of Object.keys(FIELDS) as FieldName[]) values[name] = name === 'acceptsPrinciples' || name === 'consent' ? false : '';
  return values as SignupValues;
}
