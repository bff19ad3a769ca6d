// What the two import-batch benches share (import-batch.bench.mjs, the whole
// request; import-batch-check.bench.mjs, the check inside it): the same batch
// of --writes changed organisations in a generated dataset of --organisations.
import { generateDataset } from '../../../bench/generate-dataset.mjs';

/** The batch's size and its dataset from the bench's options (`benchArgs()`), and a line that names them. */
export function importBatchSetup(args) {
  const writes = Number(args.writes ?? 50);
  const organisations = Number(args.organisations ?? 400);
  const dataset = generateDataset({ organisations, meetings: 200, contacts: 100 });
  const what = `${writes} changed organisations in a dataset of ${organisations} (${(JSON.stringify(dataset).length / 1024).toFixed(0)} KB)`;
  return { writes, organisations, dataset, what };
}
