/**
 * What each content form shows, as data: one spec per field, keyed by its
 * path in the entity (`collaborationContact.email`, `title` for a
 * LocalizedText, `commitments` for a repeated group). The form, the mapping
 * between an entity and the form's values and the mapping of the SDK's
 * issues back to fields all read these specs, so a field is described once.
 */
import { COMMITMENT_PARTIES, FOLLOW_UP_STATUSES, MEETING_KINDS, MEETING_STATUSES, ORGANISATION_FORMS, SIGNATURE_VIAS } from '@samverkan/sdk';
import type { CollectionName } from '../api.js';

/** How a field is entered, and how its value is checked and shown. */
export type FieldKind =
  /** One line of text. */
  | 'text'
  /** Several lines of text. */
  | 'textarea'
  /** A LocalizedText: one input per dataset language, side by side. */
  | 'localized'
  /** A LocalizedText written over several lines. */
  | 'localized-textarea'
  /** A list of strings, separated by commas. */
  | 'list'
  /** A list of LocalizedText (a contact's topics): one per line, per language. */
  | 'localized-list'
  /** One of a fixed set. */
  | 'select'
  /** A calendar date (YYYY-MM-DD). */
  | 'date'
  /** A meeting's start or end: a local date and a local time in the dataset's zone, never an offset. */
  | 'zoned-datetime'
  /** A repeated group of sub-fields (commitments, actions). */
  | 'group';

/** What kind of value a text field holds, for its message when it is not right. */
export type FieldFormat = 'email' | 'url' | 'phone' | 'organisationNumber' | 'id' | 'languages' | 'date' | 'positiveInteger' | 'year';

export interface FieldSpec {
  /** The path in the entity, dot-separated. */
  key: string;
  kind: FieldKind;
  /** The key of the label in `messages.fields`. */
  label: string;
  required?: boolean;
  format?: FieldFormat;
  /** For `select`: the values, and the `messages` table that names them. */
  options?: readonly string[];
  optionLabels?: 'forms' | 'kinds' | 'statuses' | 'vias' | 'parties' | 'followUpStatuses';
  /** For `select`: the key in `messages.fields` of what the empty choice says (`–` when not given). */
  emptyLabel?: string;
  /** For `select`: the choices are entries of this collection (by id, named by their name), loaded with the form. */
  optionsFrom?: 'signatories';
  /** For `select`: whether "none" is a choice (the field is then left out). */
  optional?: boolean;
  /** For `group`: the sub-fields of one item (keys relative to the item). */
  item?: FieldSpec[];
  /**
   * For `group`: the sub-field that tells an item apart across saves (`id`
   * when not given; `''` for items with none, such as evidence links). Only
   * items keyed by `id` get one made for them.
   */
  itemKey?: string;
  /** For `group`: the key of the label of one item in `messages.fields`, when not the first required sub-field's. */
  itemLabel?: string;
}

const id: FieldSpec = { key: 'id', kind: 'text', label: 'id', format: 'id' };

/** A form: one per content collection, and the agreement's own. */
export type FormName = CollectionName | 'agreement';

/** The form of each collection, in the order the fields show. */
export const FORMS: Record<FormName, FieldSpec[]> = {
  agreement: [
    { key: 'title', kind: 'localized', label: 'title', required: true },
    { key: 'municipality.name', kind: 'text', label: 'municipalityName', required: true },
    { key: 'municipality.organisationNumber', kind: 'text', label: 'organisationNumber', format: 'organisationNumber' },
    { key: 'municipality.website', kind: 'text', label: 'website', format: 'url' },
    { key: 'adoptedOn', kind: 'date', label: 'adoptedOn', required: true, format: 'date' },
    { key: 'revisionIntervalYears', kind: 'text', label: 'revisionIntervalYears', format: 'positiveInteger' },
    { key: 'developmentPlanIntervalYears', kind: 'text', label: 'developmentPlanIntervalYears', format: 'positiveInteger' },
    { key: 'documentUrl', kind: 'text', label: 'documentUrl', format: 'url' },
  ],
  organisations: [
    { key: 'name', kind: 'text', label: 'name', required: true },
    { key: 'organisationNumber', kind: 'text', label: 'organisationNumber', format: 'organisationNumber' },
    { key: 'form', kind: 'select', label: 'form', required: true, options: ORGANISATION_FORMS, optionLabels: 'forms' },
    { key: 'description', kind: 'localized-textarea', label: 'description' },
    { key: 'website', kind: 'text', label: 'website', format: 'url' },
    { key: 'email', kind: 'text', label: 'email', format: 'email' },
    { key: 'phone', kind: 'text', label: 'phone', format: 'phone' },
    { key: 'districts', kind: 'list', label: 'districts' },
    { key: 'activities', kind: 'list', label: 'activities' },
    { key: 'languages', kind: 'list', label: 'languages', format: 'languages' },
    { key: 'signature.signedOn', kind: 'date', label: 'signedOn', format: 'date' },
    { key: 'signature.via', kind: 'select', label: 'via', options: SIGNATURE_VIAS, optionLabels: 'vias', optional: true },
    { key: 'collaborationContact.name', kind: 'text', label: 'contactName' },
    { key: 'collaborationContact.email', kind: 'text', label: 'contactEmail', format: 'email' },
    { key: 'collaborationContact.phone', kind: 'text', label: 'contactPhone', format: 'phone' },
    { key: 'confirmedOn', kind: 'date', label: 'confirmedOn', format: 'date' },
    id,
  ],
  contacts: [
    { key: 'name', kind: 'text', label: 'name', required: true },
    { key: 'title', kind: 'localized', label: 'jobTitle', required: true },
    { key: 'unit', kind: 'localized', label: 'unit', required: true },
    { key: 'topics', kind: 'localized-list', label: 'topics' },
    { key: 'email', kind: 'text', label: 'email', format: 'email' },
    { key: 'phone', kind: 'text', label: 'phone', format: 'phone' },
    { key: 'languages', kind: 'list', label: 'languages', format: 'languages' },
    { key: 'principles', kind: 'list', label: 'principles', format: 'id' },
    { key: 'confirmedOn', kind: 'date', label: 'confirmedOn', format: 'date' },
    id,
  ],
  meetings: [
    { key: 'title', kind: 'localized', label: 'title', required: true },
    { key: 'kind', kind: 'select', label: 'kind', required: true, options: MEETING_KINDS, optionLabels: 'kinds' },
    { key: 'start', kind: 'zoned-datetime', label: 'start', required: true },
    { key: 'end', kind: 'zoned-datetime', label: 'end', required: true },
    { key: 'status', kind: 'select', label: 'status', required: true, options: MEETING_STATUSES, optionLabels: 'statuses' },
    { key: 'location.name', kind: 'localized', label: 'locationName' },
    { key: 'location.address', kind: 'text', label: 'address' },
    { key: 'location.onlineUrl', kind: 'text', label: 'onlineUrl', format: 'url' },
    { key: 'description', kind: 'localized-textarea', label: 'description' },
    { key: 'registrationUrl', kind: 'text', label: 'registrationUrl', format: 'url' },
    { key: 'languages', kind: 'list', label: 'languages', format: 'languages' },
    id,
  ],
  principles: [
    { key: 'title', kind: 'localized', label: 'title', required: true },
    { key: 'description', kind: 'localized-textarea', label: 'description' },
    {
      key: 'commitments',
      kind: 'group',
      label: 'commitments',
      item: [
        { key: 'party', kind: 'select', label: 'party', required: true, options: COMMITMENT_PARTIES, optionLabels: 'parties' },
        { key: 'text', kind: 'localized-textarea', label: 'commitmentText', required: true },
        { ...id },
      ],
    },
    id,
  ],
  developmentAreas: [
    { key: 'title', kind: 'localized', label: 'title', required: true },
    { key: 'goal', kind: 'localized-textarea', label: 'goal' },
    {
      key: 'actions',
      kind: 'group',
      label: 'actions',
      item: [
        { key: 'text', kind: 'localized-textarea', label: 'actionText', required: true },
        { ...id },
      ],
    },
    id,
  ],
  // A volunteer opportunity (issue 15): the organisation offering it is chosen among the signatories.
  opportunities: [
    { key: 'title', kind: 'localized', label: 'title', required: true },
    { key: 'organisationId', kind: 'select', label: 'offeredBy', required: true, optionsFrom: 'signatories' },
    { key: 'description', kind: 'localized-textarea', label: 'description', required: true },
    { key: 'timeCommitment', kind: 'localized', label: 'timeCommitment' },
    { key: 'districts', kind: 'list', label: 'districts' },
    { key: 'activities', kind: 'list', label: 'activities' },
    { key: 'languages', kind: 'list', label: 'languages', format: 'languages' },
    { key: 'start', kind: 'date', label: 'start', format: 'date' },
    { key: 'end', kind: 'date', label: 'end', format: 'date' },
    { key: 'publishedOn', kind: 'date', label: 'publishedOn', required: true, format: 'date' },
    { key: 'validThrough', kind: 'date', label: 'validThrough', required: true, format: 'date' },
    { key: 'contact.email', kind: 'text', label: 'opportunityEmail', format: 'email' },
    { key: 'contact.phone', kind: 'text', label: 'opportunityPhone', format: 'phone' },
    { key: 'contact.url', kind: 'text', label: 'opportunityUrl', format: 'url' },
    id,
  ],
  // A year's follow-up report: one status per commitment (keyed by the commitment's id), with a note and evidence links.
  followUps: [
    { key: 'year', kind: 'text', label: 'year', required: true, format: 'year' },
    { key: 'publishedOn', kind: 'date', label: 'reportPublishedOn', format: 'date' },
    { key: 'summary', kind: 'localized-textarea', label: 'summary' },
    { key: 'documentUrl', kind: 'text', label: 'reportUrl', format: 'url' },
    {
      key: 'commitments',
      kind: 'group',
      label: 'commitments',
      itemKey: 'commitmentId',
      item: [
        { key: 'commitmentId', kind: 'text', label: 'commitmentText', required: true, format: 'id' },
        { key: 'status', kind: 'select', label: 'followUpStatus', optional: true, options: FOLLOW_UP_STATUSES, optionLabels: 'followUpStatuses', emptyLabel: 'unreported' },
        { key: 'note', kind: 'localized-textarea', label: 'note' },
        {
          key: 'evidence',
          kind: 'group',
          label: 'evidence',
          itemKey: '',
          itemLabel: 'evidenceItem',
          item: [
            { key: 'title', kind: 'localized', label: 'evidenceTitle', required: true },
            { key: 'url', kind: 'text', label: 'evidenceUrl', required: true, format: 'url' },
          ],
        },
      ],
    },
    id,
  ],
};

/** The schema (in `entitySchemas()`) that validates each collection's entities. */
export const SCHEMA_NAMES = {
  agreement: 'Agreement',
  organisations: 'Organisation',
  contacts: 'Contact',
  meetings: 'Meeting',
  principles: 'Principle',
  developmentAreas: 'DevelopmentArea',
  opportunities: 'Opportunity',
  followUps: 'FollowUp',
} as const;
