import ky, { HTTPError as KyHttpError, type KyInstance } from 'ky';
import { HttpError, isHttpError, isNetworkError, isTimeoutError, isValidationError, ValidationError, type Issue, type SamverkanError } from '../errors.js';
import { toIssues } from '../issues.js';
import type { Dataset } from '../schemas/dataset.js';
import type { SignupApplicationInput } from '../schemas/signup.js';
import type { OpportunityOfferInput } from '../schemas/opportunity-offer.js';
import { httpError, parseRetryAfter, toSamverkanError, withSource, type RequestSubject } from './http-errors.js';
import { sharedEntry, type SharedCopy, type SharedEntry, type SharedOutcome } from './shared.js';
import type { DatasetStorage } from './storage.js';
import { joinUrl, mayRevalidateItself, resolveUrl } from './urls.js';

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

/** A failure after which the last good copy is better than nothing. */
function fallsBackToCopy(error: unknown): boolean {
  if (isNetworkError(error) || isTimeoutError(error) || isValidationError(error)) return true;
  return isHttpError(error) && (error.status >= 500 || error.status === 408 || error.status === 429);
}

/** Waits for `promise`, or stops waiting when `signal` aborts (the promise itself goes on). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Creates a client for one dataset and one API.
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
  const maxAge = options.maxAge ?? DEFAULT_MAX_AGE;
  const maxRetryAfter = options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER;
  const storage = options.cache || undefined;
  const apiUrl = options.apiUrl === undefined ? undefined : resolveUrl(options.apiUrl, 'apiUrl');
  const datasetUrl =
    options.datasetUrl !== undefined ? resolveUrl(options.datasetUrl, 'datasetUrl') : apiUrl !== undefined ? joinUrl(apiUrl, 'dataset') : undefined;

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

  async function failWith(error: unknown, url: string, subject: RequestSubject): Promise<never> {
    throw await toSamverkanError(error, { url, timeout, subject });
  }

  /** POSTs a validated body with an Idempotency-Key (which makes retrying a POST safe) and reads `{ id, status }`. */
  async function post(path: string, subject: 'signup' | 'opportunity', data: unknown, submitOptions: SubmitSignupOptions): Promise<SignupReceipt> {
    const url = joinUrl(apiUrl!, path);
    const idempotencyKey = submitOptions.idempotencyKey ?? crypto.randomUUID();
    const what = subject === 'signup' ? 'the signup' : 'the offered opportunity';
    let body: unknown;
    try {
      body = await http
        .post(url, {
          json: submitOptions.extra ? { ...submitOptions.extra, ...(data as object) } : data,
          headers: { 'idempotency-key': idempotencyKey, accept: 'application/json' },
          // POST may be retried only because the key makes it safe: the server stores once.
          retry: { limit: retryLimit, methods: ['post'], statusCodes: [408, 429, 500, 502, 503, 504] },
          ...(submitOptions.signal ? { signal: submitOptions.signal } : {}),
        })
        .json();
    } catch (error) {
      if (error instanceof SyntaxError) {
        throw new HttpError(`The server at ${url} answered ${what} with something that is not JSON.`, { status: 200, url });
      }
      return failWith(error, url, subject);
    }
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

  async function restore(url: string, entry: SharedEntry): Promise<void> {
    if (entry.restored || entry.copy || !storage) return;
    entry.restored = true;
    try {
      const stored = await storage.get(url);
      if (!stored) return;
      const { readDataset } = await import('../read-dataset.js');
      const { dataset, issues } = await readDataset(stored.json);
      const fetchedAt = new Date(stored.fetchedAt);
      if (Number.isNaN(fetchedAt.getTime())) return;
      entry.copy = { dataset, issues, etag: stored.etag, fetchedAt };
    } catch {
      // A broken or outdated stored copy is as good as none.
    }
  }

  async function persist(url: string, copy: SharedCopy): Promise<void> {
    if (!storage) return;
    try {
      await storage.set(url, { json: copy.dataset, ...(copy.etag ? { etag: copy.etag } : {}), fetchedAt: copy.fetchedAt.toISOString() });
    } catch {
      // The persistent copy is an aid; failing to write it changes nothing now.
    }
  }

  async function fetchCopy(url: string, entry: SharedEntry): Promise<SharedCopy> {
    const conditional = Boolean(entry.copy?.etag) && mayRevalidateItself(url);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (conditional) headers['if-none-match'] = entry.copy!.etag!;
    let response: Response;
    try {
      response = await http.get(url, {
        headers,
        throwHttpErrors: (status) => status !== 304,
        // Cross-origin in a browser: let the browser's HTTP cache revalidate
        // (it sends If-None-Match itself, without a CORS preflight).
        ...(typeof (globalThis as { document?: unknown }).document !== 'undefined' && !conditional ? { cache: 'no-cache' as const } : {}),
      });
    } catch (error) {
      return failWith(error, url, 'dataset');
    }
    if (response.status === 304) {
      if (!entry.copy) throw await httpError(response, { url, subject: 'dataset' });
      return { ...entry.copy, fetchedAt: new Date() };
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return failWith(error, url, 'dataset');
    }
    try {
      // The validators are imported with the first dataset, not with the client (the forms send without them).
      const { readDataset } = await import('../read-dataset.js');
      const { dataset, issues } = await readDataset(text);
      return { dataset, issues, etag: response.headers.get('etag') ?? undefined, fetchedAt: new Date() };
    } catch (error) {
      throw isValidationError(error) ? withSource(error, url) : error;
    }
  }

  async function load(url: string, entry: SharedEntry): Promise<SharedOutcome> {
    await restore(url, entry);
    try {
      const copy = await fetchCopy(url, entry);
      entry.copy = copy;
      entry.failure = undefined;
      await persist(url, copy);
      return { copy, stale: false };
    } catch (error) {
      entry.failure = { error, at: Date.now() };
      if (entry.copy && fallsBackToCopy(error)) return { copy: entry.copy, stale: true, error: error as SamverkanError };
      throw error;
    }
  }

  function toResult(url: string, outcome: SharedOutcome): DatasetResult {
    const { copy, stale, error } = outcome;
    return { dataset: copy.dataset, issues: copy.issues, stale, fetchedAt: copy.fetchedAt, url, ...(error ? { error } : {}) };
  }

  return {
    datasetUrl,
    apiUrl,

    async getDataset(getOptions: GetDatasetOptions = {}) {
      if (datasetUrl === undefined) {
        throw new TypeError('createClient() needs a datasetUrl (or an apiUrl, whose /dataset is used) to load a dataset.');
      }
      const url = datasetUrl;
      const entry = sharedEntry(url);
      if (!getOptions.revalidate && !entry.inflight) {
        const now = Date.now();
        if (entry.copy && now - entry.copy.fetchedAt.getTime() < maxAge && !entry.failure) return toResult(url, { copy: entry.copy, stale: false });
        // A server that just failed is not asked again by every element on the page.
        if (entry.failure && now - entry.failure.at < Math.min(maxAge, 10_000)) {
          if (entry.copy && fallsBackToCopy(entry.failure.error)) {
            return toResult(url, { copy: entry.copy, stale: true, error: entry.failure.error as SamverkanError });
          }
          throw entry.failure.error;
        }
      }
      entry.inflight ??= load(url, entry).finally(() => {
        entry.inflight = undefined;
      });
      return toResult(url, await abortable(entry.inflight, getOptions.signal));
    },

    async submitSignup(application, submitOptions: SubmitSignupOptions = {}) {
      if (apiUrl === undefined) throw new TypeError('createClient() needs an apiUrl to submit a signup application.');
      // zod only now: a page that never submits (every element but the form) does not load it.
      const { SignupApplicationSchema } = await import('../schemas/signup.js');
      const parsed = SignupApplicationSchema.safeParse(application);
      if (!parsed.success) {
        throw new ValidationError('The signup application is not complete or has errors:', toIssues(parsed.error.issues));
      }
      return post('signups', 'signup', parsed.data, submitOptions);
    },

    async submitOpportunity(offer, submitOptions: SubmitSignupOptions = {}) {
      if (apiUrl === undefined) throw new TypeError('createClient() needs an apiUrl to offer a volunteer opportunity.');
      // Loaded when an offer is sent, like the signup's schema: zod stays off a page that only reads.
      const { OpportunityOfferSchema } = await import('../schemas/opportunity-offer.js');
      const parsed = OpportunityOfferSchema.safeParse(offer);
      if (!parsed.success) {
        throw new ValidationError('The offered opportunity is not complete or has errors:', toIssues(parsed.error.issues));
      }
      return post('opportunities', 'opportunity', parsed.data, submitOptions);
    },
  };
}

