import { ALL, headerValidator, validatorsFor } from './validators/index.js';
import type { Explainer } from './explain-with-zod.js';
import { ValidationError } from './errors.js';
import { startDatasetCheck, type DatasetCheck, type DatasetValidators, type ParseDatasetResult } from './progressive-dataset.js';

export type { ParseDatasetResult } from './progressive-dataset.js';

/** Options of {@link parseDataset}. */
export interface ParseDatasetOptions {
  /** Throw one {@link ValidationError} listing every problem instead of dropping invalid entries. */
  strict?: boolean;
}

/** Every generated validator of the dataset (validators/generated.ts): what parseDataset uses. */
export const allDatasetValidators: DatasetValidators = { header: headerValidator, entities: validatorsFor, generated: ALL };

/**
 * {@link parseDataset} with zod behind `explain`: the generated validators
 * decide every value they accept; `explain` (zod) decides, and names the
 * problems of, the rest. `parseDataset` (parse-dataset-sync.ts) passes zod
 * itself; `read-dataset.ts` one that loads zod only when needed. This module
 * imports no zod, so that a browser page reading a valid dataset never does.
 * The rules themselves are in progressive-dataset.ts: this is its check run
 * to the end at once.
 * @internal
 */
export function parseDatasetWith(json: unknown, options: ParseDatasetOptions, explain: Explainer): ParseDatasetResult {
  // With an explainer at hand the check is never waiting for one: it starts, and finishes, in this task.
  const check = startDatasetCheck(json, { validators: allDatasetValidators, explain }) as DatasetCheck;
  const result = check.finishNow()!;
  const { issues } = result;
  if (options.strict && issues.length > 0) {
    throw new ValidationError(`The dataset has ${issues.length} problem${issues.length === 1 ? '' : 's'}:`, issues);
  }
  return result;
}
