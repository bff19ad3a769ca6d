// Where elements get their dataset. This is the one module that talks to the
// SDK's loading side: the SDK client owns the page-wide sharing (same absolute
// URL → one request, one copy), revalidation, typed errors and stale copies.
// The elements use its fetch-based client, which leaves ky out of the page.
// The fetching itself is in load-dataset.ts (in an element's first
// download); this module, with the validators, is imported beside the
// request (dataset-checks.ts). (It does not re-export loadDataset: the
// bundle puts this module in the validators' file, and rollup would pull
// the fetch client in with it.)
import {
  checkDataset,
  parseDatasetWithoutZod,
  readDataset,
  type Dataset,
  type DatasetCheck,
  type Issue,
  type ParseDatasetResult,
} from '@samverkan/sdk';
import type { EarlyRead } from './dataset-checks.js';

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
 * checked as `parseDataset` does), or what `parseDataset` or the SDK client's
 * `getDataset()` returned (taken as it is: it has been checked). Each object
 * is parsed once per page, so elements given the same object share one copy;
 * so are the last few JSON strings. A valid dataset is checked at once,
 * without zod; one with a problem gives a promise, since zod is loaded to
 * name it. Throws (or rejects with) the SDK's `ValidationError` when the top
 * level is broken.
 */
export function datasetFromData(value: unknown, read?: EarlyRead): LoadedDataset | Promise<LoadedDataset> {
  if (typeof value === 'object' && value !== null) {
    const known = parsed.get(value);
    if (known) return known;
    const result = isLoaded(value)
      ? { dataset: value.dataset, issues: value.issues, stale: value.stale ?? false, fetchedAt: value.fetchedAt }
      : check(value);
    remember(result, (done) => parsed.set(value, done));
    return result;
  }
  if (typeof value === 'string') {
    const known = parsedTexts.get(value);
    if (known) return known;
    const result = check(value, read);
    remember(result, (done) => {
      if (parsedTexts.size >= PARSED_TEXTS_KEPT) parsedTexts.delete(parsedTexts.keys().next().value!);
      parsedTexts.set(value, done);
    });
    return result;
  }
  return check(value);
}

/** `value` checked; a JSON text `read` already (readBeforeChecks) is not read again. */
function check(value: unknown, read?: EarlyRead): LoadedDataset | Promise<LoadedDataset> {
  let input = value;
  if (typeof value === 'string') {
    try {
      input = read?.text === value ? read.value : JSON.parse(value);
    } catch {
      // readDataset names the problem.
      return readDataset(value).then((result) => ({ ...result, stale: false }));
    }
  }
  const quick = parseDatasetWithoutZod(input);
  return quick ? { ...quick, stale: false } : readDataset(input).then((result) => ({ ...result, stale: false }));
}

function remember(result: LoadedDataset | Promise<LoadedDataset>, keep: (done: LoadedDataset) => void): void {
  if (result instanceof Promise) result.then(keep, () => {});
  else keep(result);
}

const checks = new WeakMap<object, DatasetCheck>();
const checkedTexts = new Map<string, DatasetCheck>();

/**
 * Like {@link datasetFromData}, for an element that shows a dataset while it
 * is being checked (the signatory list): what is known already (a parsed
 * result, a dataset checked before), else the SDK's progressive check of it
 * (`checkDataset`: the header now, entries as they are asked for, the rest
 * in slices); elements given the same object or text share one. When the
 * top level needs zod, or the text is not JSON, datasetFromData's promise.
 */
export function checkFromData(value: unknown, read?: EarlyRead): LoadedDataset | DatasetCheck | Promise<LoadedDataset> {
  const key = typeof value === 'object' && value !== null ? value : undefined;
  const known = key ? parsed.get(key) : typeof value === 'string' ? parsedTexts.get(value) : undefined;
  if (known) return known;
  const begun = key ? checks.get(key) : typeof value === 'string' ? checkedTexts.get(value) : undefined;
  // Once finished, it is a parsed dataset like any other.
  if (begun?.finished) return remembered(value, { ...begun.finished, stale: false });
  if (begun) return begun;
  if (key && isLoaded(key)) return datasetFromData(value);
  let input = value;
  if (typeof value === 'string') {
    try {
      input = read?.text === value ? read.value : JSON.parse(value);
    } catch {
      return datasetFromData(value);
    }
  }
  const check = checkDataset(input);
  if (check instanceof Promise) return datasetFromData(input);
  if (key) checks.set(key, check);
  else if (typeof value === 'string') {
    if (checkedTexts.size >= PARSED_TEXTS_KEPT) checkedTexts.delete(checkedTexts.keys().next().value!);
    checkedTexts.set(value, check);
  }
  return check;
}

/** `done`, kept as datasetFromData keeps what it parsed (shared by elements given the same object or text). */
function remembered(value: unknown, done: LoadedDataset): LoadedDataset {
  if (typeof value === 'object' && value !== null) parsed.set(value, done);
  else if (typeof value === 'string') {
    if (parsedTexts.size >= PARSED_TEXTS_KEPT) parsedTexts.delete(parsedTexts.keys().next().value!);
    parsedTexts.set(value, done);
  }
  return done;
}
