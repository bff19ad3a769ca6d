// What both clients do around a POST of a signup application or an offered
// opportunity, apart from sending it: check it with its zod schema first
// (loaded only then, so a page that only reads never loads zod), and read the
// server's receipt. One home for the ky-based and the fetch-based client.
import { HttpError, ValidationError } from '../errors.js';
import { toIssues } from '../issues.js';
import type { OpportunityOfferInput } from '../schemas/opportunity-offer.js';
import type { SignupApplicationInput } from '../schemas/signup.js';
import type { SignupReceipt } from './client.js';
import { joinUrl } from './urls.js';

/** What is sent where: a signup application or an offered opportunity. */
export type Submission = { subject: 'signup'; value: SignupApplicationInput } | { subject: 'opportunity'; value: OpportunityOfferInput };

const NO_API: Record<Submission['subject'], string> = {
  signup: 'needs an apiUrl to submit a signup application.',
  opportunity: 'needs an apiUrl to offer a volunteer opportunity.',
};

/**
 * The checked body and the URL of a submission: a {@link ValidationError}
 * (nothing is sent) when the schema the server uses rejects it. `extra`
 * keys go beside the checked value and cannot override its own keys.
 */
export async function checkedSubmission(
  factory: string,
  apiUrl: string | undefined,
  submission: Submission,
  extra?: Record<string, unknown>,
): Promise<{ url: string; body: unknown }> {
  if (apiUrl === undefined) throw new TypeError(`${factory}() ${NO_API[submission.subject]}`);
  const parsed =
    submission.subject === 'signup'
      ? (await import('../schemas/signup.js')).SignupApplicationSchema.safeParse(submission.value)
      : (await import('../schemas/opportunity-offer.js')).OpportunityOfferSchema.safeParse(submission.value);
  if (!parsed.success) {
    const what = submission.subject === 'signup' ? 'The signup application' : 'The offered opportunity';
    throw new ValidationError(`${what} is not complete or has errors:`, toIssues(parsed.error.issues));
  }
  const path = submission.subject === 'signup' ? 'signups' : 'opportunities';
  return { url: joinUrl(apiUrl, path), body: extra ? { ...extra, ...(parsed.data as object) } : parsed.data };
}

/** The receipt in a server's answer to an accepted submission: `{ id, status, reference? }`. */
export function receiptFrom(body: unknown, url: string, subject: Submission['subject']): SignupReceipt {
  const what = subject === 'signup' ? 'the signup' : 'the offered opportunity';
  const receipt = body as Partial<SignupReceipt> | null;
  if (!receipt || typeof receipt.id !== 'string') {
    throw new HttpError(`The server at ${url} accepted ${what} but did not say its id; check the API address.`, { status: 200, url, body });
  }
  return {
    id: receipt.id,
    status: typeof receipt.status === 'string' ? receipt.status : 'pending',
    ...(typeof receipt.reference === 'string' ? { reference: receipt.reference } : {}),
  };
}

/** The error for an accepted submission whose answer is not JSON. */
export function notJsonReceipt(url: string, subject: Submission['subject']): HttpError {
  return new HttpError(`The server at ${url} answered ${subject === 'signup' ? 'the signup' : 'the offered opportunity'} with something that is not JSON.`, { status: 200, url });
}
