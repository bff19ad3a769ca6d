import * as z from 'zod/mini';
import { DateOnly, LanguageTag, OrganisationNumber, Text } from './common.js';
import { OpportunityContactSchema } from './opportunity.js';
import { rules } from '../validators/rules.js';

/** The longest description an offered opportunity may carry. */
export const OPPORTUNITY_DESCRIPTION_MAX_LENGTH = 2000;
const short = (max: number) => Text.check(z.maxLength(max, `must be at most ${max} characters`));
const shortList = z.optional(z.array(short(100)).check(z.maxLength(30, 'must list at most 30')));

/**
 * A volunteer opportunity that a signatory organisation offers (what the
 * opportunity form sends to `POST /api/v1/opportunities`; the server checks
 * it with this same schema, looks the organisation number up among the
 * signatories and stores it as pending until the municipality approves).
 * Texts are in the form's `language`; the contact is published with the
 * opportunity, so `consent` confirms that it may be.
 */
export const OpportunityOfferSchema = z
  .object({
    /** The offering organisation's number: only signatories may offer. */
    organisationNumber: OrganisationNumber,
    title: short(200),
    description: short(OPPORTUNITY_DESCRIPTION_MAX_LENGTH),
    districts: shortList,
    activities: shortList,
    languages: z.optional(z.array(LanguageTag).check(z.maxLength(30, 'must list at most 30'))),
    timeCommitment: z.optional(short(200)),
    start: z.optional(DateOnly),
    end: z.optional(DateOnly),
    validThrough: DateOnly,
    contact: OpportunityContactSchema,
    /** That the contact details may be published with the opportunity. */
    consent: z.literal(true, { error: 'must be given' }),
    language: LanguageTag,
  })
  .check(
    z.refine(rules.endNotBeforeStart, {
      message: 'must not be before the start',
      path: ['end'],
      when: (payload) => payload.issues.length === 0,
    }),
  );

/** A valid offer, as the server stores it (normalised). */
export type OpportunityOffer = z.output<typeof OpportunityOfferSchema>;
/** An offer as a form or a script writes it, before validation. */
export type OpportunityOfferInput = z.input<typeof OpportunityOfferSchema>;
