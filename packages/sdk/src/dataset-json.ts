// A dataset's JSON text, read: a text that is not JSON is the dataset's
// ValidationError, naming the line and column (json-text.ts). Browser code
// imports this module only after JSON.parse failed (read-dataset.ts), so the
// scanner stays off a page whose dataset is JSON.
import { ValidationError } from './errors.js';
import { isJsonSyntaxError, parseJsonText } from './json-text.js';

/** The value of a dataset's JSON text, or a {@link ValidationError} saying where the text breaks. */
export function datasetFromJsonText(text: string): unknown {
  try {
    return parseJsonText(text);
  } catch (error) {
    if (!isJsonSyntaxError(error)) throw error;
    throw new ValidationError('The dataset is not valid JSON.', [{ path: '', segments: [], code: 'invalid-json', message: `is not valid JSON: ${error.message}` }]);
  }
}
