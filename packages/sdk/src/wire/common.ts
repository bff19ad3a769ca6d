/**
 * The API's wire format shared by the server and the SDK's clients: the one
 * error shape and the receipts. The server validates and answers with these
 * schemas; a client parses answers with them, so neither writes them twice.
 */
import * as z from 'zod/mini';
import { REFERENCE_ALPHABET } from '../reference.js';

/**
 * One problem in an error answer: where (`""` for the request as a whole),
 * what, and for validation errors and refusals a code. A refusal a client
 * may say in its own words (`409 signatory-has-opportunities`,
 * `organisation-has-opportunities`, `not-a-signatory`) also gives the facts
 * behind the message as `params` (names and ids).
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
