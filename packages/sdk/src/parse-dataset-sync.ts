import { datasetFromJsonText } from './dataset-json.js';
import { zodExplainer } from './explain-with-zod.js';
import { parseDatasetWith, type ParseDatasetOptions, type ParseDatasetResult } from './parse-dataset.js';

/**
 * Reads a dataset (a JSON string or an already parsed value) and checks it
 * against the data model.
 *
 * Lenient by default: an invalid principle, development area, organisation,
 * contact or meeting is dropped and reported in `issues` with its path
 * (`organisations[3].website`), the rest is kept. A second entry with an id
 * already used is dropped; a contact's reference to a principle that does not
 * exist is removed. A meeting whose `start` or `end` offset is not the
 * dataset `timeZone`'s offset at that instant (a June meeting written with
 * `+01:00` in Europe/Stockholm) is dropped. The same goes for follow-ups (a
 * status for a commitment that does not exist, a second report for a year)
 * and opportunities (of an organisation that does not exist). All are
 * reported.
 *
 * A broken top level (not an object, not JSON, a wrong `schemaVersion`, a
 * missing or invalid `agreement`) throws a {@link ValidationError} naming the
 * path. With `strict: true`, any problem throws one error listing them all.
 *
 * The input is never changed. The result may share objects that needed no
 * change with it, so treat both as read-only (or pass a JSON string).
 */
export function parseDataset(json: unknown, options: ParseDatasetOptions = {}): ParseDatasetResult {
  return parseDatasetWith(typeof json === 'string' ? datasetFromJsonText(json) : json, options, zodExplainer);
}
