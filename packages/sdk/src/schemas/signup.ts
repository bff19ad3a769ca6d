import * as z from 'zod/mini';
import { Email, HttpUrl, LanguageTag, OrganisationNumber, Phone, Text } from './common.js';
// SIGNUP_MESSAGE_MAX_LENGTH lives in values.ts (zod-free), so the signup form can show the limit without loading zod.
import { ORGANISATION_FORMS, SIGNUP_MESSAGE_MAX_LENGTH } from './values.js';
const short = (max: number) => Text.check(z.maxLength(max, `must be at most ${max} characters`));

/**
 * A written application to join the agreement, as the signup form sends it
 * and the server validates it (the same schema on both sides).
 */
export const SignupApplicationSchema = z.object({
  organisation: z.object({
    name: short(200),
    organisationNumber: z.optional(OrganisationNumber),
    form: z.enum(ORGANISATION_FORMS, { error: 'must be one of the listed forms of organisation' }),
    website: z.optional(HttpUrl),
    email: Email,
    phone: z.optional(Phone),
    districts: z.optional(z.array(short(100)).check(z.maxLength(30, 'must list at most 30'))),
    activities: z.optional(z.array(short(100)).check(z.maxLength(30, 'must list at most 30'))),
    description: z.optional(short(2000)),
  }),
  contact: z.object({
    name: short(200),
    email: Email,
    phone: z.optional(Phone),
  }),
  acceptsPrinciples: z.literal(true, { error: 'must be accepted' }),
  consent: z.literal(true, { error: 'must be given' }),
  message: z.optional(short(SIGNUP_MESSAGE_MAX_LENGTH)),
  language: LanguageTag,
  /** Which version of the privacy notice the form showed, and when (server stores both). */
  privacyNotice: z.optional(
    z.object({
      url: z.optional(HttpUrl),
      version: z.optional(short(100)),
      shownAt: z.optional(z.iso.datetime({ offset: true, error: 'must be a date and time with an offset' })),
    }),
  ),
});

/** A valid application, as the server stores it (normalised). */
export type SignupApplication = z.output<typeof SignupApplicationSchema>;
/** An application as a form or a script writes it, before validation. */
export type SignupApplicationInput = z.input<typeof SignupApplicationSchema>;
