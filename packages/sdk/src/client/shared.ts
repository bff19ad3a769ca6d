// The page-wide copies of datasets, and how either client gets one: the
// ky-based createClient and the fetch-based createFetchClient differ only in
// how they send one request (a DatasetRequest); sharing per URL, the
// conditional GET, the persistent copy and falling back to it live here once.
import { isHttpError, isNetworkError, isTimeoutError, isValidationError, type Issue, type SamverkanError } from '../errors.js';
import type { Dataset } from '../schemas/dataset.js';
import type { DatasetResult, GetDatasetOptions, SamverkanClient, SignupReceipt, SubmitSignupOptions } from './client.js';
import { httpErrorOf, withSourceOf } from './lazy-errors.js';
import type { DatasetStorage } from './storage.js';
import type { Submission } from './submissions.js';
import { mayRevalidateItself } from './urls.js';

/** One validated copy of a dataset, shared by every client on the page. */
export interface SharedCopy {
  dataset: Dataset;
  issues: Issue[];
  etag?: string | undefined;
  /** When the server last sent or confirmed this copy. */
  fetchedAt: Date;
}

/** What the page knows about one dataset URL. */
export interface SharedEntry {
  copy?: SharedCopy | undefined;
  /** The request under way, which every caller joins. */
  inflight?: Promise<SharedOutcome> | undefined;
  /** The last failure and when, so a broken server is not asked again by every element. */
  failure?: { error: unknown; at: number } | undefined;
  /** The persistent copy was looked at already. */
  restored?: boolean;
}

/** The outcome of one load: a copy (perhaps stale) or the error to throw. */
export type SharedOutcome = { copy: SharedCopy; stale: boolean; error?: SamverkanError | undefined };

// Module-level on purpose: all clients for one absolute URL share one request
// and one copy, so five elements on a page make one request. Elements that
// bundle their own copy of the SDK get their own map; that costs one extra
// request, never a wrong answer.
const entries = new Map<string, SharedEntry>();

/** The entry for an absolute dataset URL, created on first use. */
export function sharedEntry(url: string): SharedEntry {
  let entry = entries.get(url);
  if (!entry) {
    entry = {};
    entries.set(url, entry);
  }
  return entry;
}

/**
 * Forgets every in-memory copy shared by the clients of this page (or of one
 * URL): the next `getDataset()` asks the server (and the persistent cache)
 * again. Requests under way finish for those who wait on them.
 */
export function clearDatasetCache(url?: string | URL): void {
  if (url === undefined) entries.clear();
  else entries.delete(String(url instanceof URL ? url.href : url));
}

/**
 * Sends one GET for a dataset and gives the answer, with its body read, when
 * it is 2xx or 304; any other outcome is thrown as one of the SDK's errors
 * (see http-errors.ts).
 */
export type DatasetRequest = (url: string, init: { headers: Record<string, string>; cache?: RequestCache }) => Promise<{ response: Response; text: string }>;

/** How a client keeps its copies. */
export interface CopySettings {
  /** Milliseconds an in-memory copy counts as fresh. */
  maxAge: number;
  /** The persistent copy, if any. */
  storage?: DatasetStorage | undefined;
}

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

async function restore(url: string, entry: SharedEntry, storage: DatasetStorage | undefined): Promise<void> {
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

async function persist(url: string, copy: SharedCopy, storage: DatasetStorage | undefined): Promise<void> {
  if (!storage) return;
  try {
    await storage.set(url, { json: copy.dataset, ...(copy.etag ? { etag: copy.etag } : {}), fetchedAt: copy.fetchedAt.toISOString() });
  } catch {
    // The persistent copy is an aid; failing to write it changes nothing now.
  }
}

async function fetchCopy(url: string, entry: SharedEntry, request: DatasetRequest): Promise<SharedCopy> {
  const conditional = Boolean(entry.copy?.etag) && mayRevalidateItself(url);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (conditional) headers['if-none-match'] = entry.copy!.etag!;
  // Cross-origin in a browser: let the browser's HTTP cache revalidate
  // (it sends If-None-Match itself, without a CORS preflight).
  const { response, text } = await request(url, typeof (globalThis as { document?: unknown }).document !== 'undefined' && !conditional ? { headers, cache: 'no-cache' } : { headers });
  if (response.status === 304) {
    if (!entry.copy) throw await httpErrorOf(response, { url, subject: 'dataset' });
    return { ...entry.copy, fetchedAt: new Date() };
  }
  try {
    // The validators are imported with the first dataset, not with the client (the forms send without them).
    const { readDataset } = await import('../read-dataset.js');
    const { dataset, issues } = await readDataset(text);
    return { dataset, issues, etag: response.headers.get('etag') ?? undefined, fetchedAt: new Date() };
  } catch (error) {
    throw isValidationError(error) ? await withSourceOf(error, url) : error;
  }
}

async function load(url: string, entry: SharedEntry, settings: CopySettings, request: DatasetRequest): Promise<SharedOutcome> {
  await restore(url, entry, settings.storage);
  try {
    const copy = await fetchCopy(url, entry, request);
    entry.copy = copy;
    entry.failure = undefined;
    await persist(url, copy, settings.storage);
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

/**
 * The dataset at the absolute `url`: the page's copy while it is fresh, else
 * one request shared by every caller (conditional when there is an ETag),
 * validated with `readDataset`; the last good copy, marked stale, when the
 * server cannot give one.
 */
export async function getSharedDataset(url: string, settings: CopySettings, request: DatasetRequest, options: GetDatasetOptions = {}): Promise<DatasetResult> {
  const entry = sharedEntry(url);
  if (!options.revalidate && !entry.inflight) {
    const now = Date.now();
    if (entry.copy && now - entry.copy.fetchedAt.getTime() < settings.maxAge && !entry.failure) return toResult(url, { copy: entry.copy, stale: false });
    // A server that just failed is not asked again by every element on the page.
    if (entry.failure && now - entry.failure.at < Math.min(settings.maxAge, 10_000)) {
      if (entry.copy && fallsBackToCopy(entry.failure.error)) {
        return toResult(url, { copy: entry.copy, stale: true, error: entry.failure.error as SamverkanError });
      }
      throw entry.failure.error;
    }
  }
  entry.inflight ??= load(url, entry, settings, request).finally(() => {
    entry.inflight = undefined;
  });
  return toResult(url, await abortable(entry.inflight, options.signal));
}

/** What a client is made of: its URLs and copy settings, how it fetches the dataset, how it posts a submission. */
export interface ClientParts {
  datasetUrl: string | undefined;
  apiUrl: string | undefined;
  copies: CopySettings;
  request: DatasetRequest;
  post: (submission: Submission, options: SubmitSignupOptions) => Promise<SignupReceipt>;
}

/**
 * The client `createClient` (ky) and `createFetchClient` (fetch) both give:
 * one set of methods over each one's own `request` and `post`. `made` names
 * the function in the message when no dataset URL was given.
 */
export function assembleClient(made: string, { datasetUrl, apiUrl, copies, request, post }: ClientParts): SamverkanClient {
  return {
    datasetUrl,
    apiUrl,

    getDataset(getOptions: GetDatasetOptions = {}) {
      if (datasetUrl === undefined) {
        return Promise.reject(new TypeError(`${made}() needs a datasetUrl (or an apiUrl, whose /dataset is used) to load a dataset.`));
      }
      return getSharedDataset(datasetUrl, copies, request, getOptions);
    },

    submitSignup(application, submitOptions: SubmitSignupOptions = {}) {
      return post({ subject: 'signup', value: application }, submitOptions);
    },

    submitOpportunity(offer, submitOptions: SubmitSignupOptions = {}) {
      return post({ subject: 'opportunity', value: offer }, submitOptions);
    },
  };
}
