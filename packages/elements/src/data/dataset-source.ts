// Where elements get their dataset. This is the one module that talks to the
// SDK's loading side, so the way data arrives can change in one place.
//
// INTERIM: until `createClient` lands in @samverkan/sdk this uses a plain
// fetch + parseDataset with a page-wide promise per absolute URL. Swap for
// the SDK client (which owns sharing, errors and staleness) when it exists.
import { parseDataset, type Dataset, type Issue, type ParseDatasetResult } from '@samverkan/sdk';

/** A dataset as an element shows it. */
export interface LoadedDataset {
  /** The valid part of the dataset. */
  dataset: Dataset;
  /** Problems found; the entries they concern were left out. */
  issues: Issue[];
  /** `true` when this is a saved copy because the latest could not be fetched. */
  stale: boolean;
  /** When this copy was fetched, if known. */
  fetchedAt?: Date;
}

const shared = new Map<string, Promise<LoadedDataset>>();

function namedError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  const error = new Error(message);
  error.name = name;
  Object.assign(error, extra);
  return error;
}

async function fetchDataset(url: string): Promise<LoadedDataset> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (cause) {
    throw namedError('NetworkError', `Could not reach ${url}: ${(cause as Error).message}`, { cause });
  }
  if (!response.ok) throw namedError('HttpError', `${url} answered ${response.status} ${response.statusText}`, { status: response.status });
  const text = await response.text();
  return { ...parseDataset(text), stale: false, fetchedAt: new Date() };
}

/**
 * The dataset at `src` (resolved against the page). Every element on the page
 * asking for the same absolute URL gets the same promise, so one request and
 * one copy. A failed load is forgotten, so a retry fetches again. `signal`
 * only stops this caller waiting; the shared request goes on for the others.
 */
export function loadDataset(src: string, signal: AbortSignal): Promise<LoadedDataset> {
  const url = new URL(src, document.baseURI).href;
  let promise = shared.get(url);
  if (!promise) {
    promise = fetchDataset(url);
    shared.set(url, promise);
    promise.catch(() => shared.delete(url));
  }
  return abandonable(promise, signal);
}

function abandonable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

const parsed = new WeakMap<object, LoadedDataset>();

function isLoaded(value: object): value is ParseDatasetResult & Partial<LoadedDataset> {
  const candidate = value as Partial<ParseDatasetResult>;
  return (
    typeof candidate.dataset === 'object' &&
    candidate.dataset !== null &&
    'schemaVersion' in candidate.dataset &&
    Array.isArray(candidate.issues)
  );
}

/**
 * A dataset from the `data` property: raw JSON (a string or a plain object,
 * checked with `parseDataset`), or what `parseDataset` or the SDK client's
 * `getDataset()` returned (taken as it is: it has been checked). Each object
 * is parsed once per page, so elements given the same object share one copy.
 * Throws the SDK's `ValidationError` when the top level is broken.
 */
export function datasetFromData(value: unknown): LoadedDataset {
  if (typeof value === 'object' && value !== null) {
    const known = parsed.get(value);
    if (known) return known;
    const result: LoadedDataset = isLoaded(value)
      ? { dataset: value.dataset, issues: value.issues, stale: value.stale ?? false, fetchedAt: value.fetchedAt }
      : { ...parseDataset(value), stale: false };
    parsed.set(value, result);
    return result;
  }
  return { ...parseDataset(value), stale: false };
}
