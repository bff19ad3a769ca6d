import type { Issue, SamverkanError } from '../errors.js';
import type { Dataset } from '../schemas/dataset.js';

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
