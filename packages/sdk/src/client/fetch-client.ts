// The lean client: createClient's dataset sharing, conditional GET, offline
// copy and typed errors (one home each: shared.ts, http-errors.ts,
// submissions.ts, urls.ts), on the platform's fetch alone. The elements use
// it; without ky, a page with one element downloads some 5 KB less. What only
// a failure or a submission needs (the error messages, the receipt rules) is
// imported then, not with the client: a page that only reads a dataset never
// downloads it.
import type { ClientOptions, SamverkanClient, SignupReceipt, SubmitSignupOptions } from './client.js';
import type { RequestContext } from './http-errors.js';
import { httpErrorOf, samverkanErrorOf, timeoutErrorOf } from './lazy-errors.js';
import { assembleClient, type DatasetRequest } from './shared.js';
import type { Submission } from './submissions.js';
import { clientUrls } from './urls.js';

/** Options of {@link createFetchClient}: those of `createClient` but `retry` and `maxRetryAfter`. */
export type FetchClientOptions = Omit<ClientOptions, 'retry' | 'maxRetryAfter'>;

const DEFAULT_TIMEOUT = 10_000;
const DEFAULT_MAX_AGE = 60_000;

/**
 * A client with the same methods, sharing and errors as {@link createClient},
 * on the platform's `fetch` instead of ky: the dataset is asked for with its
 * ETag (`If-None-Match`), shared by every client on the page for the same
 * URL, and kept in `cache` for when the server cannot be reached; each
 * request may take `timeout` milliseconds (answer and body). It does not try
 * again by itself: a failed request is a typed error at once (the elements
 * offer a "try again" button; a POST tried again keeps its
 * `Idempotency-Key`, so the server stores it once). Use `createClient` where
 * retries with backoff matter more than 5 KB.
 */
export function createFetchClient(options: FetchClientOptions = {}): SamverkanClient {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const copies = { maxAge: options.maxAge ?? DEFAULT_MAX_AGE, storage: options.cache || undefined };
  const { apiUrl, datasetUrl } = clientUrls(options);

  /**
   * `fetch` within the time limit, the body read as text; an answer that is
   * not 2xx (or 304, when `notModified` is allowed) is an HttpError.
   */
  async function send(context: RequestContext, init: RequestInit, notModified = false): Promise<{ response: Response; text: string }> {
    const timer = new AbortController();
    const timeoutId = setTimeout(() => timer.abort(), timeout);
    const caller = init.signal;
    // The caller's abort is passed on as it is; our own is the time limit.
    const onAbort = () => timer.abort(caller!.reason);
    if (caller?.aborted) onAbort();
    else caller?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await (options.fetch ?? fetch)(context.url, { ...init, signal: timer.signal });
      if (!response.ok && !(notModified && response.status === 304)) throw await httpErrorOf(response, context);
      return { response, text: response.status === 304 ? '' : await response.text() };
    } catch (error) {
      if (caller?.aborted) throw error;
      if (timer.signal.aborted) throw await timeoutErrorOf(context);
      throw await samverkanErrorOf(error, context);
    } finally {
      clearTimeout(timeoutId);
      caller?.removeEventListener('abort', onAbort);
    }
  }

  const request: DatasetRequest = (url, init) => send({ url, timeout, subject: 'dataset' }, init, true);

  async function post(submission: Submission, submitOptions: SubmitSignupOptions): Promise<SignupReceipt> {
    // Loaded at the first submission, as the schema it checks with (submissions.ts imports that then too).
    const { checkedSubmission, notJsonReceipt, receiptFrom } = await import('./submissions.js');
    const { url, body } = await checkedSubmission('createFetchClient', apiUrl, submission, submitOptions.extra);
    const { text } = await send(
      { url, timeout, subject: submission.subject },
      {
        method: 'POST',
        body: JSON.stringify(body),
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': submitOptions.idempotencyKey ?? crypto.randomUUID(),
        },
        ...(submitOptions.signal ? { signal: submitOptions.signal } : {}),
      },
    );
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      throw notJsonReceipt(url, submission.subject);
    }
    return receiptFrom(answer, url, submission.subject);
  }

  return assembleClient('createFetchClient', { datasetUrl, apiUrl, copies, request, post });
}
