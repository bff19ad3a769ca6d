// parseDataset without zod on the way of a valid dataset: what a browser
// page runs. zod (some 20 KB gzip with the schemas) is fetched only when the
// dataset has a value the generated validators do not accept, to decide it
// and name the problem.
import type { Explainer } from './explain-with-zod.js';
import { parseJson } from './json-parse.js';
import { allDatasetValidators, parseDatasetWith, type ParseDatasetOptions, type ParseDatasetResult } from './parse-dataset.js';
import { startDatasetCheck, type DatasetCheck, type DatasetCheckOptions } from './progressive-dataset.js';

const NEEDS_ZOD: unique symbol = Symbol('the dataset needs zod');
const withoutZod: Explainer = {
  header() {
    throw NEEDS_ZOD;
  },
  entity() {
    throw NEEDS_ZOD;
  },
};

/**
 * {@link parseDataset}'s result if the generated validators accept every
 * value (ids, references and the rest checked as parseDataset does), or
 * `undefined` when some value needs zod, or when a text is not JSON: then
 * use {@link readDataset}, which names the problem (where the text breaks,
 * with the code for that loaded only then).
 */
export function parseDatasetWithoutZod(json: unknown, options: ParseDatasetOptions = {}): ParseDatasetResult | undefined {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = parseJson(json);
    } catch {
      return undefined;
    }
  }
  return valueWithoutZod(input, options);
}

/** {@link parseDatasetWithoutZod} of a value already read from JSON (a string in it is a string value, not a text to read again). */
function valueWithoutZod(input: unknown, options: ParseDatasetOptions): ParseDatasetResult | undefined {
  try {
    return parseDatasetWith(input, options, withoutZod);
  } catch (error) {
    if (error === NEEDS_ZOD) return undefined;
    throw error;
  }
}

/**
 * The same as {@link parseDataset}, but zod is imported only when the dataset
 * needs it (a value the generated validators do not accept).
 */
export async function readDataset(json: unknown, options: ParseDatasetOptions = {}): Promise<ParseDatasetResult> {
  let input = json;
  if (typeof json === 'string') {
    try {
      // Parsed once here, so that a second pass with zod does not parse the text again.
      input = parseJson(json);
    } catch {
      // Where the text breaks, by line and column: that code only now (it throws the ValidationError).
      input = (await import('./dataset-json.js')).datasetFromJsonText(json);
    }
  }
  const quick = valueWithoutZod(input, options);
  if (quick) return quick;
  const { zodExplainer } = await import('./explain-with-zod.js');
  return parseDatasetWith(input, options, zodExplainer);
}

/**
 * Starts a progressive check of a dataset with every generated validator
 * (see {@link startDatasetCheck}, which takes only the validators a page
 * needs): the header and agreement now, each list's entries as they are
 * asked for, the rest by `finish()`, whose result is exactly
 * {@link parseDataset}'s. zod is imported only if some value needs it.
 */
export function checkDataset(json: unknown, options: Partial<DatasetCheckOptions> = {}): DatasetCheck | Promise<DatasetCheck> {
  return startDatasetCheck(json, { validators: allDatasetValidators, ...options });
}
