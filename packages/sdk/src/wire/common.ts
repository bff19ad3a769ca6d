/**
 * The API's wire format shared by the server and the SDK's clients: the one
 * error shape and the receipts. The server validates and answers with these
 * schemas; a client parses answers with them, so neither writes them twice.
 */
import * as z from 'zod/mini';
import { REFERENCE_ALPHABET } from '../reference.js';

/**
 * The codes of the refusals a client may say in its own words (a `409`, or
 * the problems of a batch of content writes), each with the facts behind
 * its message as `params` (names and ids). The one list: the server's
 * refusals are typed by it, and the docs name these.
 *
 * - `signatory-has-opportunities`: rejecting an application whose
 *   organisation offers volunteer opportunities (`organisationId`,
 *   `organisation`, `opportunities`, `change`).
 * - `organisation-has-opportunities`: a write that would take an
 *   organisation, or its signature (`change`: `"organisation"` or
 *   `"signature"`), while it offers opportunities.
 * - `not-a-signatory`: an opportunity for an organisation without a
 *   signature (with `organisation` when written through the content API;
 *   without it, an offer's approval).
 * - `erased`: deciding on something whose content was erased (`action`:
 *   `"approve"` or `"reject"`); at path `reason` with `reason: "not-kept"`,
 *   a rejection that sent a reason where only one without is taken (the
 *   withdrawal of an erased application's signatory).
 * - `stale`: a write in a batch whose `etag` is not the entity's now
 *   (`etag`: the current one; absent when it was deleted).
 * - `id-taken`: a created entity's id is in use (`id`).
 * - `not-found`: a replaced or deleted entity does not exist (`id`).
 * - `version-erased`: a restore that read a version in which personal data
 *   was erased before the restore was written (`version`); restoring again
 *   gives it without the erased data.
 * - `precondition-required` (`428`): a replace or delete sent without
 *   `If-Match`.
 * - `file-mode`: a content write to a server that publishes the dataset
 *   from a file (`file`, when the server was told its name).
 * - `dataset-moved`: another change was published while this one was being
 *   saved; nothing was saved.
 *
 * `stale` also answers a single write's `412` (`etag`: the current one),
 * `id-taken` a single create's `409` and `not-found` a single write's `404`
 * (`id`). Every refusal's `message` is in the caller's language
 * (`Accept-Language`: Swedish unless English is preferred; a body's own
 * `lang` or `language` first), so a client without words of its own for a
 * code can show it as it is.
 */
export const REFUSAL_CODES = [
  'signatory-has-opportunities',
  'organisation-has-opportunities',
  'not-a-signatory',
  'erased',
  'stale',
  'id-taken',
  'not-found',
  'version-erased',
  'precondition-required',
  'file-mode',
  'dataset-moved',
] as const;
/** One of {@link REFUSAL_CODES}. */
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/**
 * One problem in an error answer: where (`""` for the request as a whole),
 * what, and for validation errors and refusals a code. A refusal a client
 * may say in its own words (one of {@link REFUSAL_CODES}) also gives the
 * facts behind the message as `params` (names and ids).
 */
export const ApiErrorItemSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.optional(z.string()),
  params: z.optional(z.record(z.string(), z.string())),
});
/** One problem in an error answer. */
export type ApiErrorItem = z.infer<typeof ApiErrorItemSchema>;

/** Every error answer of the API: `{ errors: [{ path, message, code? }] }`. */
export const ApiErrorSchema = z.object({ errors: z.array(ApiErrorItemSchema) });
/** Every error answer of the API. */
export type ApiError = z.infer<typeof ApiErrorSchema>;

const REFERENCE = new RegExp(`^[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`);

/**
 * The answer to `POST /api/v1/signups` (and `POST /api/v1/opportunities`):
 * `201 { id, status: "pending", reference }`. `reference` is the short code
 * (`K7QM-2X9C`) a person can read out on the phone; `id` stays the UUID.
 */
export const SubmissionReceiptSchema = z.object({
  id: z.string(),
  status: z.literal('pending'),
  reference: z.string().check(z.regex(REFERENCE, 'must be a reference such as K7QM-2X9C')),
});
/** The answer to an accepted application. */
export type SubmissionReceipt = z.infer<typeof SubmissionReceiptSchema>;
