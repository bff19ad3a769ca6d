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
import { generateDataset } from '../../../bench/generate-dataset.mjs';
import { benchArgs, median } from '../../../scripts/bench/options.mjs';

const args = benchArgs();
const WRITES = Number(args.writes ?? 50);
const ORGANISATIONS = Number(args.organisations ?? 400);
const ROUNDS = Number(args.rounds ?? 15);
const dataset = generateDataset({ organisations: ORGANISATIONS, meetings: 200, contacts: 100 });
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

console.log(`The check of a batch of ${WRITES} changed organisations in a dataset of ${ORGANISATIONS} (${(JSON.stringify(dataset).length / 1024).toFixed(0)} KB), ${ROUNDS} rounds; load ${loadavg()[0].toFixed(1)}`);
once();
twice(); // warm-up
const single = [];
const double = [];
for (let round = 0; round < ROUNDS; round++) {
  if (round % 2 === 0) {
    single.push(time(once));
    double.push(time(twice));
  } else {
    double.push(time(twice));
    single.push(time(once));
  }
}
const a = median(double);
const b = median(single);
console.log(`checked twice (before): median ${a.toFixed(1)} ms`);
console.log(`checked once (now):     median ${b.toFixed(1)} ms`);
console.log(`once/twice: ${(b / a).toFixed(2)} (load ${loadavg()[0].toFixed(1)})`);
