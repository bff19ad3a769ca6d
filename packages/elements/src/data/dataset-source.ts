// Where elements get their dataset. This is the one module that talks to the
// SDK's loading side: the SDK client owns the page-wide sharing (same absolute
// URL → one request, one copy), revalidation, typed errors and stale copies.
import {
  createClient,
  localStorageDatasetStorage,
  parseDataset,
  type Dataset,
  type Issue,
  type ParseDatasetResult,
  type SamverkanClient,
} from '@samverkan/sdk';

/** A dataset as an element shows it. */
export interface LoadedDataset {
  /** The valid part of the dataset. */
  dataset: Dataset;
  /** Problems found; the entries they concern were left out. */
  issues: Issue[];
  /** `true` when this is a saved copy because the latest could not be fetched. */
  stale: boolean;
  /** When this copy was fetched (or confirmed by the server), if known. */
  fetchedAt?: Date | undefined;
}

/** Options of {@link loadDataset}. */
export interface LoadOptions {
  /** Stops this caller waiting; the shared request goes on for the others. */
  signal: AbortSignal;
  /** Ask the server again even if it just failed (the retry button). */
  retry?: boolean;
  /** Keep a copy in localStorage to show (marked stale) when the server cannot be reached. */
  offlineCopy?: boolean;
}

const clients = new Map<string, SamverkanClient>();

/**
 * The dataset at `src` (resolved against the page), through the SDK client.
 * Every element on the page asking for the same absolute URL shares one
 * request and one copy (the SDK keeps them per URL, whichever client asks).
 */
export function loadDataset(src: string, options: LoadOptions): Promise<LoadedDataset> {
  const url = new URL(src, document.baseURI).href;
  const key = `${options.offlineCopy ? 'offline' : 'memory'} ${url}`;
  let client = clients.get(key);
  if (!client) {
    client = createClient({ datasetUrl: url, ...(options.offlineCopy ? { cache: localStorageDatasetStorage() } : {}) });
    clients.set(key, client);
  }
  return client.getDataset({ signal: options.signal, ...(options.retry ? { revalidate: true } : {}) });
}

const parsed = new WeakMap<object, LoadedDataset>();
// Strings cannot key a WeakMap: the last few JSON texts given as `data`,
// newest last, so that elements given the same text share one parse too.
const parsedTexts = new Map<string, LoadedDataset>();
const PARSED_TEXTS_KEPT = 4;

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
 * is parsed once per page, so elements given the same object share one copy;
 * so are the last few JSON strings. Throws the SDK's `ValidationError` when
 * the top level is broken.
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
  if (typeof value === 'string') {
    const known = parsedTexts.get(value);
    if (known) return known;
    const result: LoadedDataset = { ...parseDataset(value), stale: false };
    if (parsedTexts.size >= PARSED_TEXTS_KEPT) parsedTexts.delete(parsedTexts.keys().next().value!);
    parsedTexts.set(value, result);
    return result;
  }
  return { ...parseDataset(value), stale: false };
}
