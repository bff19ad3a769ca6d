import * as z from 'zod/mini';
import { DateOnly, Email, HttpUrl, Id, LanguageTag, Phone, Text } from './common.js';
import type { LocalizedText } from './localized-text.js';
import { rules } from '../validators/rules.js';

/** Whether an ISO date `b` is on or after `a` (both `YYYY-MM-DD`, so text order is date order). */
export function onOrAfter(a: string, b: string): boolean {
  return b >= a;
}

/**
 * For a date-order rule: run it once every field is valid; the issues of the
 * other date-order rules (`custom`) do not stop it, so both orders are told.
 */
export const whenFieldsValid = (payload: { issues: readonly { code?: string }[] }): boolean => payload.issues.every((issue) => issue.code === 'custom');

/**
 * How to get in touch about an opportunity: at least one of e-mail, phone
 * and a web page (http(s) only). Shared by the dataset's opportunities and
 * the offer the opportunity form sends.
 */
export const OpportunityContactSchema = z
  .object({
    email: z.optional(Email),
    phone: z.optional(Phone),
    url: z.optional(HttpUrl),
  })
  .check(
    z.refine(rules.hasContactWay, {
      message: 'must give at least one way to get in touch: an e-mail address, a phone number or a web address',
      // Said once, when the fields given are valid (a bad e-mail is reported on its own).
      when: (payload) => payload.issues.length === 0,
    }),
  );

/**
 * Builds the opportunity schema on the dataset's `LocalizedText` schema.
 * Called by `buildEntitySchemas`.
 */
export function buildOpportunitySchemas(L: z.ZodMiniType<LocalizedText>) {
  const list = <T extends z.ZodMiniType>(item: T) => z._default(z.array(item), () => []);

  /**
   * A volunteer opportunity in a signatory organisation (the agreement's
   * *frivilligdatabas*). `organisationId` points at an organisation; it is
   * shown until `validThrough` has passed (in the dataset's time zone).
   */
  const Opportunity = z
    .object({
      id: Id,
      organisationId: Id,
      title: L,
      description: L,
      districts: list(Text),
      activities: list(Text),
      languages: list(LanguageTag),
      timeCommitment: z.optional(L),
      start: z.optional(DateOnly),
      end: z.optional(DateOnly),
      publishedOn: DateOnly,
      validThrough: DateOnly,
      contact: OpportunityContactSchema,
    })
    .check(
      z.refine(rules.endNotBeforeStart, {
        message: 'must not be before the start',
        path: ['end'],
        when: whenFieldsValid,
      }),
      z.refine(rules.validThroughNotBeforePublished, {
        message: 'must not be before publishedOn',
        path: ['validThrough'],
        when: whenFieldsValid,
      }),
    );

  return { Opportunity, OpportunityContact: OpportunityContactSchema };
}
