import * as z from 'zod/mini';
import { DateOnly, DateTime, Email, HttpUrl, Id, LanguageTag, OrganisationNumber, Phone, Text } from './common.js';
import { localizedText } from './localized-text.js';
import { rules } from '../validators/rules.js';
import { buildFollowUpSchemas } from './follow-up.js';
import { buildOpportunitySchemas } from './opportunity.js';

// The lists of allowed values live without zod (values.ts, exported from
// schemas/index.ts), so that an element that only needs a list does not bring zod.
import { COMMITMENT_PARTIES, MEETING_KINDS, MEETING_STATUSES, ORGANISATION_FORMS, SIGNATURE_VIAS } from './values.js';

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.map((v) => `"${v}"`).join(', ')}` });

const list = <T extends z.ZodMiniType>(item: T) => z._default(z.array(item), () => []);

/**
 * Builds every entity schema for a dataset whose texts must include
 * `defaultLanguage` (or any language when it is not given). Use
 * {@link entitySchemas}, which builds them once per language.
 */
export function buildEntitySchemas(defaultLanguage?: string) {
  const L = localizedText(defaultLanguage);

  const Municipality = z.object({
    name: Text,
    organisationNumber: z.optional(OrganisationNumber),
    website: z.optional(HttpUrl),
  });

  const GeneralContact = z.object({
    name: L,
    email: z.optional(Email),
    phone: z.optional(Phone),
    website: z.optional(HttpUrl),
  });

  const Agreement = z.object({
    title: L,
    municipality: Municipality,
    adoptedOn: DateOnly,
    revisionIntervalYears: z.optional(z.int().check(z.positive('must be a positive whole number'))),
    developmentPlanIntervalYears: z.optional(z.int().check(z.positive('must be a positive whole number'))),
    documentUrl: z.optional(HttpUrl),
    /** The municipality's general way in, shown when a search finds no contact person. */
    generalContact: z.optional(GeneralContact),
  });

  const Commitment = z.object({ id: Id, party: oneOf(COMMITMENT_PARTIES), text: L });

  const Principle = z.object({
    id: Id,
    title: L,
    description: z.optional(L),
    commitments: list(Commitment),
  });

  const Action = z.object({ id: Id, text: L });

  const DevelopmentArea = z.object({
    id: Id,
    title: L,
    goal: z.optional(L),
    actions: list(Action),
  });

  const Signature = z.object({ signedOn: DateOnly, via: oneOf(SIGNATURE_VIAS) });

  const CollaborationContact = z.object({ name: Text, email: z.optional(Email), phone: z.optional(Phone) });

  const Organisation = z.object({
    id: Id,
    name: Text,
    organisationNumber: z.optional(OrganisationNumber),
    form: oneOf(ORGANISATION_FORMS),
    description: z.optional(L),
    website: z.optional(HttpUrl),
    email: z.optional(Email),
    phone: z.optional(Phone),
    districts: list(Text),
    activities: list(Text),
    languages: list(LanguageTag),
    signature: z.optional(Signature),
    collaborationContact: z.optional(CollaborationContact),
    /** When the entry was last confirmed to be current (contract additions, December 2026). */
    confirmedOn: z.optional(DateOnly),
  });

  const Contact = z.object({
    id: Id,
    name: Text,
    title: L,
    unit: L,
    topics: list(L),
    email: z.optional(Email),
    phone: z.optional(Phone),
    languages: list(LanguageTag),
    principles: list(Id),
    /** When the entry was last confirmed to be current (contract additions, December 2026). */
    confirmedOn: z.optional(DateOnly),
  });

  const Location = z.object({
    name: z.optional(L),
    address: z.optional(Text),
    onlineUrl: z.optional(HttpUrl),
  });

  const Meeting = z
    .object({
      id: Id,
      title: L,
      kind: oneOf(MEETING_KINDS),
      start: DateTime,
      end: DateTime,
      location: z.optional(Location),
      description: z.optional(L),
      registrationUrl: z.optional(HttpUrl),
      languages: list(LanguageTag),
      status: z._default(oneOf(MEETING_STATUSES), 'scheduled'),
      /** Revision number for calendar clients (iCalendar SEQUENCE). */
      sequence: z.optional(z.int().check(z.nonnegative('must be zero or more'))),
      /** When the meeting's details last changed (iCalendar LAST-MODIFIED). */
      updatedAt: z.optional(DateTime),
    })
    .check(
      z.refine(rules.endsAfterStart, {
        message: 'must be after the start',
        path: ['end'],
        // Compare only two valid date-times; a bad start is reported on its own.
        when: (payload) => payload.issues.length === 0,
      }),
    );

  return {
    LocalizedText: L,
    Agreement,
    Commitment,
    Principle,
    Action,
    DevelopmentArea,
    Signature,
    CollaborationContact,
    Organisation,
    Contact,
    Location,
    Meeting,
    // The yearly follow-up and the volunteer opportunities (issue 15).
    ...buildFollowUpSchemas(L),
    ...buildOpportunitySchemas(L),
  };
}

/** The entity schemas of one default language. */
export type EntitySchemas = ReturnType<typeof buildEntitySchemas>;
const cache = new Map<string, EntitySchemas>();

/** The entity schemas for a dataset with the given default language. */
export function entitySchemas(defaultLanguage?: string): EntitySchemas {
  const key = defaultLanguage ?? '';
  let schemas = cache.get(key);
  if (!schemas) {
    schemas = buildEntitySchemas(defaultLanguage);
    cache.set(key, schemas);
  }
  return schemas;
}

