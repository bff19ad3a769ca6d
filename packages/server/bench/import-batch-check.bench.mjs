// What the check of an import batch costs inside the request (import-batch.bench.mjs times the whole request; on
// a shared machine its rounds vary more than this difference). The same batch as there: N changed organisations
// in a generated dataset. Per round, in the same process and alternating which goes first:
//   once:  checkBatch (apply the writes, the strict check of the dataset they make, the signatories' rule), then
//          the version is stored as checked (publishChecked): what POST /api/v1/admin/changes does since 03ba01a;
//   twice: the same, then checkedDataset again on that dataset, as publishChange did before (the second strict
//          check found nothing new: the dataset had just passed it).
//
//   npm run bench -- import-batch-check [--writes=50] [--organisations=400] [--rounds=15]
import { loadavg } from 'node:os';
import { applyWrites, checkBatch } from '../src/content/batch.ts';
import { entityEtag } from '../src/content/entities.ts';
import { checkedDataset } from '../src/content/publish.ts';
import { alternate, benchArgs, median } from '../../../scripts/bench/options.mjs';
import { importBatchSetup } from './import-batch-setup.mjs';

const args = benchArgs();
const ROUNDS = Number(args.rounds ?? 15);
const { writes: WRITES, dataset, what } = importBatchSetup(args);
const writes = dataset.organisations
  .slice(0, WRITES)
  .map((o) => ({ op: 'replace', collection: 'organisations', id: o.id, etag: entityEtag(o), data: { ...o, confirmedOn: '2026-12-01' } }));

function once() {
  const at = new Date().toISOString();
  const checked = checkBatch(dataset, applyWrites(dataset, writes), at);
  if (!checked.dataset) throw new Error(`the batch was refused: ${JSON.stringify(checked.problems.slice(0, 3))}`);
  return checked.dataset;
}

function twice() {
  const first = once();
  const again = checkedDataset({ ...first, updatedAt: new Date().toISOString() });
  if (!again.dataset) throw new Error('the second check refused what the first passed');
  return again.dataset;
}

const time = (run) => {
  globalThis.gc?.();
  const start = performance.now();
  run();
  return performance.now() - start;
};

console.log(`The check of a batch of ${what}, ${ROUNDS} rounds; load ${loadavg()[0].toFixed(1)}`);
once();
twice(); // warm-up
const [single, double] = await alternate(ROUNDS, () => time(once), () => time(twice));
const a = median(double);
const b = median(single);
console.log(`checked twice (before): median ${a.toFixed(1)} ms`);
console.log(`checked once (now):     median ${b.toFixed(1)} ms`);
console.log(`once/twice: ${(b / a).toFixed(2)} (load ${loadavg()[0].toFixed(1)})`);
