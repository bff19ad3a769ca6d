import * as z from 'zod/mini';
import { DateTime, LanguageTag, TimeZone } from './common.js';
import { entitySchemas } from './entities.js';

export const SCHEMA_VERSION = '1';

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
  });
}

/**
 * The schema of a whole, valid dataset, for strict validation and for the
 * JSON Schema. It cannot know the dataset's default language in advance, so
 * `parseDataset` (which does) is the better way to read a dataset: it also
 * requires every text in the default language and checks ids and references.
 */
export const DatasetSchema = datasetSchema();

export const AgreementSchema = generic.Agreement;
export const PrincipleSchema = generic.Principle;
export const CommitmentSchema = generic.Commitment;
export const DevelopmentAreaSchema = generic.DevelopmentArea;
export const ActionSchema = generic.Action;
export const OrganisationSchema = generic.Organisation;
export const SignatureSchema = generic.Signature;
export const ContactSchema = generic.Contact;
export const MeetingSchema = generic.Meeting;
export const LocationSchema = generic.Location;

export type Dataset = z.output<typeof DatasetSchema>;
export type DatasetInput = z.input<typeof DatasetSchema>;
export type Agreement = z.output<typeof AgreementSchema>;
export type Principle = z.output<typeof PrincipleSchema>;
export type Commitment = z.output<typeof CommitmentSchema>;
export type DevelopmentArea = z.output<typeof DevelopmentAreaSchema>;
export type Action = z.output<typeof ActionSchema>;
export type Organisation = z.output<typeof OrganisationSchema>;
export type Signature = z.output<typeof SignatureSchema>;
export type Contact = z.output<typeof ContactSchema>;
export type Meeting = z.output<typeof MeetingSchema>;
export type MeetingLocation = z.output<typeof LocationSchema>;
export type OrganisationForm = Organisation['form'];
export type SignatureVia = Signature['via'];
export type CommitmentParty = Commitment['party'];
export type MeetingKind = Meeting['kind'];
export type MeetingStatus = Meeting['status'];
