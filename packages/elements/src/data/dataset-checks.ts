// The checks of a dataset given as `data` (dataset-source.ts, with the SDK's
// validators and progressive check), imported when a dataset element is
// defined (SamverkanElement.finalize; again at connect, which joins that
// import), in parallel with its first render and its dataset's request, so that
// its first render waits for neither and its first row for the slower of
// the two, not their sum. In the browser bundle dataset-source.ts travels in
// one file with the validators the SDK client imports for a fetched
// dataset (scripts/bundle-chunks.mjs), so both imports are one request.
import { deferredModule } from './deferred-module.js';
import type { checkFromData, datasetFromData } from './dataset-source.js';

/** What the dataset controller uses of dataset-source.ts. */
export interface DatasetChecks {
  datasetFromData: typeof datasetFromData;
  checkFromData: typeof checkFromData;
}

/**
 * The code that checks a dataset could not be fetched (the connection broke
 * while the page loaded it). The element says so and offers to try again;
 * `cause` is the browser's own error.
 */
export class CheckerNotLoadedError extends Error {
  override readonly name = 'CheckerNotLoadedError';
  constructor(cause: unknown) {
    super('The code that checks the dataset could not be fetched; try again when the connection is back.', { cause });
  }
}

// The same mechanism as an element's own later code (deferred-module.ts), with the checks' own error.
const checks = deferredModule<DatasetChecks>(() => import('./dataset-source.js'), (cause) => new CheckerNotLoadedError(cause));

/** A JSON text given as `data` before the checks arrived, and what `JSON.parse` made of it (see {@link readBeforeChecks}). */
export interface EarlyRead {
  readonly text: string;
  readonly value: unknown;
}

/** The last text read early, until a check takes it: elements given the same text in the wait share one reading. */
let early: EarlyRead | undefined;

/**
 * A JSON text given as `data` while the checks (or the element's parts) are
 * still on their way, read now: the wait for them is the network's, and the
 * reading, which every page that shows the text must do, fills it, so that
 * their arrival starts the check, not `JSON.parse` (a page that sets `data`
 * as soon as it makes the element waited for both, one after the other).
 * `undefined` when the text is not JSON: the checks read it again and name
 * the problem.
 */
export function readBeforeChecks(text: string): EarlyRead | undefined {
  if (early?.text === text) return early;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return (early = { text, value });
}

/** A check has taken `read` (and keeps what it needs of it, shared with elements given the same text): it is let go here. */
export function letGoOf(read: EarlyRead): void {
  if (early === read) early = undefined;
}

/** The checks, if they are loaded already (then a valid `data` is shown in the same update). */
export function datasetChecksIfLoaded(): DatasetChecks | undefined {
  return checks.loaded;
}

/**
 * The checks: one import for the page, whichever elements ask; after a
 * failure ({@link CheckerNotLoadedError}) the next call imports again.
 */
export function importDatasetChecks(): Promise<DatasetChecks> {
  return checks.load();
}
