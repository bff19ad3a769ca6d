import * as z from 'zod/mini';
import { DateTime, LanguageTag, TimeZone } from './common.js';
import { entitySchemas } from './entities.js';

import { SCHEMA_VERSION } from './version.js';
export { SCHEMA_VERSION };

const generic = entitySchemas();

/**
 * The top level of a dataset, with its lists left unchecked. `parseDataset`
 * checks this first (a failure here is fatal), then each entry on its own
 * (a failure there drops only that entry).
 */
export const DatasetHeaderSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION, { error: `must be "${SCHEMA_VERSION}"` }),
  updatedAt: DateTime,
  defaultLanguage: LanguageTag,
  languages: z._default(z.array(LanguageTag), () => []),
  timeZone: TimeZone,
  agreement: z.unknown(),
  principles: z._default(z.array(z.unknown()), () => []),
  developmentAreas: z._default(z.array(z.unknown()), () => []),
  organisations: z._default(z.array(z.unknown()), () => []),
  contacts: z._default(z.array(z.unknown()), () => []),
  meetings: z._default(z.array(z.unknown()), () => []),
  followUps: z._default(z.array(z.unknown()), () => []),
  opportunities: z._default(z.array(z.unknown()), () => []),
});

/** The whole dataset document (schemaVersion "1"). */
export function datasetSchema(defaultLanguage?: string) {
  const s = entitySchemas(defaultLanguage);
  return z.object({
    schemaVersion: z.literal(SCHEMA_VERSION, { error: `must be "${SCHEMA_VERSION}"` }),
    updatedAt: DateTime,
    defaultLanguage: LanguageTag,
    languages: z._default(z.array(LanguageTag), () => []),
    timeZone: TimeZone,
    agreement: s.Agreement,
    principles: z._default(z.array(s.Principle), () => []),
    developmentAreas: z._default(z.array(s.DevelopmentArea), () => []),
    organisations: z._default(z.array(s.Organisation), () => []),
    contacts: z._default(z.array(s.Contact), () => []),
    meetings: z._default(z.array(s.Meeting), () => []),
    followUps: z._default(z.array(s.FollowUp), () => []),
    opportunities: z._default(z.array(s.Opportunity), () => []),
  });
}

/**
 * The schema of a whole, valid dataset, for strict validation and for the
 * JSON Schema. It cannot know the dataset's default language in advance, so
 * `parseDataset` (which does) is the better way to read a dataset: it also
 * requires every text in the default language and checks ids and references.
 */
export const DatasetSchema = datasetSchema();

/** The agreement: title, municipality, adoption date, revision cycle, document and general contact. */
export const AgreementSchema = generic.Agreement;
/** A principle of the agreement with its commitments. */
export const PrincipleSchema = generic.Principle;
/** A commitment under a principle, for the municipality, civil society or both. */
export const CommitmentSchema = generic.Commitment;
/** A development area with its goal and actions. */
export const DevelopmentAreaSchema = generic.DevelopmentArea;
/** An action under a development area. */
export const ActionSchema = generic.Action;
/** A civil-society organisation; with a `signature` it is a signatory of the agreement. */
export const OrganisationSchema = generic.Organisation;
/** When and how an organisation signed the agreement. */
export const SignatureSchema = generic.Signature;
/** A municipal contact person ("one way in"), with topics, languages spoken and the principles they answer for. */
export const ContactSchema = generic.Contact;
/** A meeting (dialogue meeting, forum, collaboration group …); its end must be after its start. */
export const MeetingSchema = generic.Meeting;
/** Where a meeting takes place: a named place, an address and/or an online link. */
export const LocationSchema = generic.Location;

/** One year's follow-up of the commitments: a status per commitment, a summary and the report. */
export const FollowUpSchema = generic.FollowUp;
/** One commitment's status (with a note and evidence links) in a year's follow-up. */
export const FollowUpCommitmentSchema = generic.FollowUpCommitment;
/** A link that shows what was done for a commitment. */
export const EvidenceSchema = generic.Evidence;
/** A volunteer opportunity in an organisation (the agreement's *frivilligdatabas*). */
export const OpportunitySchema = generic.Opportunity;

/** A whole dataset as `parseDataset` returns it. */
export type Dataset = z.output<typeof DatasetSchema>;
/** A dataset as it may be written (lists and `status` may be left out). */
export type DatasetInput = z.input<typeof DatasetSchema>;
/** The agreement (see {@link AgreementSchema}). */
export type Agreement = z.output<typeof AgreementSchema>;
/** A principle (see {@link PrincipleSchema}). */
export type Principle = z.output<typeof PrincipleSchema>;
/** A commitment (see {@link CommitmentSchema}). */
export type Commitment = z.output<typeof CommitmentSchema>;
/** A development area (see {@link DevelopmentAreaSchema}). */
export type DevelopmentArea = z.output<typeof DevelopmentAreaSchema>;
/** An action of a development area (see {@link ActionSchema}). */
export type Action = z.output<typeof ActionSchema>;
/** An organisation (see {@link OrganisationSchema}). */
export type Organisation = z.output<typeof OrganisationSchema>;
/** An organisation's signature (see {@link SignatureSchema}). */
export type Signature = z.output<typeof SignatureSchema>;
/** A municipal contact person (see {@link ContactSchema}). */
export type Contact = z.output<typeof ContactSchema>;
/** A meeting (see {@link MeetingSchema}). */
export type Meeting = z.output<typeof MeetingSchema>;
/** A meeting's location (see {@link LocationSchema}). */
export type MeetingLocation = z.output<typeof LocationSchema>;
/** One of {@link ORGANISATION_FORMS}. */
export type OrganisationForm = Organisation['form'];
/** One of {@link SIGNATURE_VIAS}. */
export type SignatureVia = Signature['via'];
/** One of {@link COMMITMENT_PARTIES}. */
export type CommitmentParty = Commitment['party'];
/** One of {@link MEETING_KINDS}. */
export type MeetingKind = Meeting['kind'];
/** One of {@link MEETING_STATUSES}. */
export type MeetingStatus = Meeting['status'];
/** A year's follow-up (see {@link FollowUpSchema}). */
export type FollowUp = z.output<typeof FollowUpSchema>;
/** A commitment's status in a follow-up (see {@link FollowUpCommitmentSchema}). */
export type FollowUpCommitment = z.output<typeof FollowUpCommitmentSchema>;
/** One of {@link FOLLOW_UP_STATUSES}. */
export type FollowUpStatus = FollowUpCommitment['status'];
/** An evidence link (see {@link EvidenceSchema}). */
export type Evidence = z.output<typeof EvidenceSchema>;
/** A volunteer opportunity (see {@link OpportunitySchema}). */
export type Opportunity = z.output<typeof OpportunitySchema>;
/** How to get in touch about an opportunity. */
export type OpportunityContact = Opportunity['contact'];
