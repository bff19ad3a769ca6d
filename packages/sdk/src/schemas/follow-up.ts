import * as z from 'zod/mini';
import { DateOnly, HttpUrl, Id } from './common.js';
import type { LocalizedText } from './localized-text.js';

// The statuses live without zod (values.ts), so that an element showing them does not bring zod.
import { FOLLOW_UP_STATUSES } from './values.js';
export { FOLLOW_UP_STATUSES };

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.map((v) => `"${v}"`).join(', ')}` });

/**
 * Builds the follow-up schemas on the dataset's `LocalizedText` schema (which
 * knows the default language). Called by `buildEntitySchemas`.
 */
export function buildFollowUpSchemas(L: z.ZodMiniType<LocalizedText>) {
  /** A document or page that shows what was done. Only http(s) addresses. */
  const Evidence = z.object({ title: L, url: HttpUrl });

  /** One commitment's status in one year's report. `commitmentId` points at a commitment of a principle. */
  const FollowUpCommitment = z.object({
    commitmentId: Id,
    status: oneOf(FOLLOW_UP_STATUSES),
    note: z.optional(L),
    evidence: z._default(z.array(Evidence), () => []),
  });

  /** One year's follow-up of the agreement: a status per commitment, a summary and the report itself. */
  const FollowUp = z.object({
    id: Id,
    year: z.int({ error: 'must be a year such as 2025' }).check(z.gte(2000, 'must be a year from 2000 on'), z.lte(2200, 'must be a year before 2200')),
    publishedOn: z.optional(DateOnly),
    summary: z.optional(L),
    documentUrl: z.optional(HttpUrl),
    commitments: z._default(z.array(FollowUpCommitment), () => []),
  });

  return { Evidence, FollowUpCommitment, FollowUp };
}
