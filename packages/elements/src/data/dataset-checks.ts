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
