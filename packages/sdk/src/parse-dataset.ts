import { ALL, agreementValidator, headerValidator, validatorsFor } from './validators/index.js';
import { ALL_LIST_VALIDATORS } from './validators/lists/all.js';
import type { Explainer } from './explain-with-zod.js';
import { ValidationError } from './errors.js';
import { startCheckOfValue, type DatasetValidators, type ParseDatasetResult } from './progressive-dataset.js';

export type { ParseDatasetResult } from './progressive-dataset.js';

/** Options of {@link parseDataset}. */
export interface ParseDatasetOptions {
  /** Throw one {@link ValidationError} listing every problem instead of dropping invalid entries. */
  strict?: boolean;
}

/** Every generated validator of the dataset (validators/generated.ts) and every list's rules: what parseDataset uses. */
export const allDatasetValidators: DatasetValidators = { header: headerValidator, agreement: agreementValidator, lists: ALL_LIST_VALIDATORS, entities: validatorsFor, generated: ALL };

/**
 * {@link parseDataset} of a value already read from JSON, with zod behind `explain`: the generated validators
 * decide every value they accept; `explain` (zod) decides, and names the
 * problems of, the rest. `parseDataset` (parse-dataset-sync.ts) passes zod
 * itself; `read-dataset.ts` one that loads zod only when needed. This module
 * imports no zod, so that a browser page reading a valid dataset never does.
 * The rules themselves are in progressive-dataset.ts: this is its check run
 * to the end at once.
 * @internal
 */
export function parseDatasetWith(json: unknown, options: ParseDatasetOptions, explain: Explainer): ParseDatasetResult {
  // `json` is a value already read (a string in it is a string value, not a text to read again), and with
  // an explainer at hand the check never waits for one: it starts, and finishes, in this task.
  const result = startCheckOfValue(json, { validators: allDatasetValidators, explain }).finishNow()!;
  const { issues } = result;
  if (options.strict && issues.length > 0) {
    throw new ValidationError(`The dataset has ${issues.length} problem${issues.length === 1 ? '' : 's'}:`, issues);
  }
  return result;
}
