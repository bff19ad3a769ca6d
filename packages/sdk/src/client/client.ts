import ky, { HTTPError as KyHttpError, TimeoutError as KyTimeoutError, type KyInstance } from 'ky';
import type { Issue, SamverkanError } from '../errors.js';
import type { Dataset } from '../schemas/dataset.js';
import type { SignupApplicationInput } from '../schemas/signup.js';
import type { OpportunityOfferInput } from '../schemas/opportunity-offer.js';
import { httpError, parseRetryAfter, timeoutError, toSamverkanError, type RequestContext } from './http-errors.js';
import { assembleClient, type DatasetRequest } from './shared.js';
import type { DatasetStorage } from './storage.js';
import { checkedSubmission, notJsonReceipt, receiptFrom, type Submission } from './submissions.js';
import { clientUrls } from './urls.js';

/** Options of {@link createClient}. Every URL may be absolute or relative to the page. */
export interface ClientOptions {
  /** The dataset's URL. Defaults to `<apiUrl>/dataset`. */
  datasetUrl?: string | URL;
  /** The API's base URL including its version path, e.g. `https://kommun.example/api/v1`. */
  apiUrl?: string | URL;
  /** The `fetch` to use (a proxy, a test double, Node's with a dispatcher). Defaults to the global one. */
  fetch?: typeof fetch;
  /** Milliseconds each attempt may take before it is given up. Default 10 000. */
  timeout?: number;
  /** How many times a failed request is tried again (network errors, 408, 429, 5xx). Default 2. */
  retry?: number;
  /**
   * A persistent copy of the dataset (e.g. {@link localStorageDatasetStorage}), shown with
   * `stale: true` when the server cannot be reached. `false` or absent: none.
   */
  cache?: DatasetStorage | false;
  /**
   * Milliseconds an in-memory copy counts as fresh: within it, `getDataset()`
   * answers from memory without asking the server. Default 60 000.
   */
  maxAge?: number;
  /** The longest `Retry-After` (seconds) the client waits for by itself before retrying; longer ones fail with {@link HttpError.retryAfter}. Default 5. */
  maxRetryAfter?: number;
}

/** What {@link SamverkanClient.getDataset} gives back. */
export interface DatasetResult {
  /** The valid part of the dataset. */
  dataset: Dataset;
  /** Entries that were dropped or corrected, with their paths (see `parseDataset`). */
  issues: Issue[];
  /** `true` when the server could not give a fresh copy and this is the last good one. */
  stale: boolean;
  /** When the server last sent or confirmed this copy; the copy's age is `Date.now() - fetchedAt`. */
  fetchedAt: Date;
  /** The absolute URL the dataset came from. */
  url: string;
  /** With `stale: true`, why no fresh copy could be had. */
  error?: SamverkanError;
}

/** Options of {@link SamverkanClient.getDataset}. */
export interface GetDatasetOptions {
  /** Stops waiting (the shared request goes on for other callers). */
  signal?: AbortSignal;
  /** Ask the server even if the in-memory copy is younger than `maxAge`. */
  revalidate?: boolean;
}

/** Options of {@link SamverkanClient.submitSignup}. */
export interface SubmitSignupOptions {
  /** Sent as `Idempotency-Key`; the same key on every retry. Default: `crypto.randomUUID()`. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /**
   * Top-level keys sent beside the validated application, untouched by the
   * schema (which drops unknown keys): e.g. the signup form's honeypot
   * `{ website_confirm: '' }`, which the server reads from the raw body.
   * Keys of the application itself cannot be overridden this way.
   */
  extra?: Record<string, unknown>;
}

/** What the server answers to an accepted application. */
export interface SignupReceipt {
  /** The application's id at the server. */
  id: string;
  /** Its state, `"pending"` until the municipality decides. */
  status: string;
  /**
   * A short reference the applicant can read out on the phone
   * (`"K7QM-2XPD"`, Crockford base32), when the server gives one.
   */
  reference?: string;
}

/** A configured client; see {@link createClient}. */
export interface SamverkanClient {
  /** The absolute dataset URL, or `undefined` when neither `datasetUrl` nor `apiUrl` was given. */
  readonly datasetUrl: string | undefined;
  /** The absolute API base URL, if given. */
  readonly apiUrl: string | undefined;
  /**
   * Fetches the dataset, validates it with `parseDataset` (lenient) and returns
   * it with its issues. Shared with every other client for the same URL.
   *
   * @throws {NetworkError | TimeoutError | HttpError | ValidationError} when there is no copy to fall back on.
   */
  getDataset(options?: GetDatasetOptions): Promise<DatasetResult>;
  /**
   * Validates the application with `SignupApplicationSchema` (a {@link ValidationError}
   * before anything is sent) and posts it to `<apiUrl>/signups`. Retried with the same
   * `Idempotency-Key` after a dropped connection or a 5xx, so it is stored once.
   *
   * @throws {ValidationError | HttpError | NetworkError | TimeoutError}; a `400` answer's
   * `errors` are mapped to {@link HttpError.issues} by field path, a `429`'s `Retry-After` to `retryAfter`.
   */
  submitSignup(application: SignupApplicationInput, options?: SubmitSignupOptions): Promise<SignupReceipt>;
  /**
   * Validates an offered volunteer opportunity with `OpportunityOfferSchema` (a
   * {@link ValidationError} before anything is sent) and posts it to
   * `<apiUrl>/opportunities`, with the same `Idempotency-Key` and retry rules
   * as {@link submitSignup}. The answer is `{ id, status: "pending" }`.
   *
   * @throws {ValidationError | HttpError | NetworkError | TimeoutError}
   */
  submitOpportunity(offer: OpportunityOfferInput, options?: SubmitSignupOptions): Promise<SignupReceipt>;
}

const DEFAULT_TIMEOUT = 10_000;
const DEFAULT_RETRY = 2;
const DEFAULT_MAX_AGE = 60_000;
const DEFAULT_MAX_RETRY_AFTER = 5;

/** Whatever ky threw, as one of the SDK's errors (see http-errors.ts for the rules). */
async function fromKy(error: unknown, context: RequestContext): Promise<unknown> {
  if (error instanceof KyHttpError) return httpError(error.response, context);
  if (error instanceof KyTimeoutError) return timeoutError(context);
  return toSamverkanError(error, context);
}

/**
 * Creates a client for one dataset and one API, on ky (retries with backoff,
 * `Retry-After`, timeouts). {@link createFetchClient} is the same without ky
 * and without retries, for pages that count their bytes.
 *
 * ```ts
 * const client = createClient({ apiUrl: 'https://kommun.example/api/v1', cache: localStorageDatasetStorage() });
 * const { dataset, stale } = await client.getDataset();
 * ```
 *
 * Relative URLs resolve against the page (`document.baseURI`); in Node they must be absolute.
 */
export function createClient(options: ClientOptions = {}): SamverkanClient {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const retryLimit = options.retry ?? DEFAULT_RETRY;
  const maxRetryAfter = options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER;
  const copies = { maxAge: options.maxAge ?? DEFAULT_MAX_AGE, storage: options.cache || undefined };
  const { apiUrl, datasetUrl } = clientUrls(options);

  const http: KyInstance = ky.create({
    timeout,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retry: {
      limit: retryLimit,
      // Without this, ky would wait as long as any Retry-After says; a page
      // should rather show the stale copy or tell the user when to try again.
      shouldRetry: ({ error }) => {
        if (error instanceof KyHttpError) {
          const after = parseRetryAfter(error.response.headers.get('retry-after'));
          if (after !== undefined && after > maxRetryAfter) return false;
        }
        return undefined;
      },
    },
  });

  /** POSTs a checked body with an Idempotency-Key (which makes retrying a POST safe) and reads `{ id, status }`. */
  async function post(submission: Submission, submitOptions: SubmitSignupOptions): Promise<SignupReceipt> {
    const { url, body } = await checkedSubmission('createClient', apiUrl, submission, submitOptions.extra);
    const idempotencyKey = submitOptions.idempotencyKey ?? crypto.randomUUID();
    let answer: unknown;
    try {
      answer = await http
        .post(url, {
          json: body,
          headers: { 'idempotency-key': idempotencyKey, accept: 'application/json' },
          // POST may be retried only because the key makes it safe: the server stores once.
          retry: { limit: retryLimit, methods: ['post'], statusCodes: [408, 429, 500, 502, 503, 504] },
          ...(submitOptions.signal ? { signal: submitOptions.signal } : {}),
        })
        .json();
    } catch (error) {
      if (error instanceof SyntaxError) throw notJsonReceipt(url, submission.subject);
      throw await fromKy(error, { url, timeout, subject: submission.subject });
    }
    return receiptFrom(answer, url, submission.subject);
  }

  const request: DatasetRequest = async (url, init) => {
    const context = { url, timeout, subject: 'dataset' as const };
    try {
      const response = await http.get(url, { ...init, throwHttpErrors: (status) => status !== 304 });
      return { response, text: response.status === 304 ? '' : await response.text() };
    } catch (error) {
      throw await fromKy(error, context);
    }
  };

  return assembleClient('createClient', { datasetUrl, apiUrl, copies, request, post });
}
