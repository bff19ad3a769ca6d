// What an import of N changed organisations costs on SQLite: one batch
// (POST /api/v1/admin/changes: one strict check of the dataset the whole batch
// makes and one version) against the same N writes one by one (N PUTs, the
// admin page's import before the batch: N strict checks and N versions).
// Rounds alternate which goes first; each round starts from a fresh server on
// the same dataset. Compare the two rows of one run with each other.
//
//   node --conditions=samverkan-source --import tsx packages/server/bench/import-batch.bench.mjs [--writes=50] [--runs=5] [--organisations=400]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, createLogger } from '@samverkan/server';
import { alternate, benchArgs, median } from '../../../scripts/bench/options.mjs';
import { importBatchSetup } from './import-batch-setup.mjs';

const args = benchArgs();
const RUNS = Number(args.runs ?? 5);
const TOKEN = 'bench-admin-token-0123456789abcdef';
const { writes: WRITES, dataset, what } = importBatchSetup(args);

async function server() {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-import-bench-'));
  const app = createApp({ dataDir: join(dir, 'data'), dataset, adminToken: TOKEN, logger: createLogger(join(dir, 'log')) });
  await new Promise((resolve) => app.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${app.address().port}/api/v1/admin`;
  const call = (path, init = {}) => fetch(base + path, { ...init, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...init.headers } });
  const items = (await (await call('/organisations')).json()).items.slice(0, WRITES);
  return {
    call,
    items,
    async close() {
      await new Promise((resolve) => {
        app.close(() => resolve());
        app.closeAllConnections();
      });
      app.logger.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const changed = (item) => ({ ...item.data, confirmedOn: '2026-12-01' });

async function oneByOne() {
  const s = await server();
  const start = performance.now();
  for (const item of s.items) {
    const res = await s.call(`/organisations/${encodeURIComponent(item.id)}`, { method: 'PUT', headers: { 'if-match': item.etag }, body: JSON.stringify(changed(item)) });
    if (res.status !== 200) throw new Error(`PUT answered ${res.status}: ${await res.text()}`);
  }
  const ms = performance.now() - start;
  await s.close();
  return ms;
}

async function batch() {
  const s = await server();
  const writes = s.items.map((item) => ({ op: 'replace', collection: 'organisations', id: item.id, etag: item.etag, data: changed(item) }));
  const start = performance.now();
  const res = await s.call('/changes', { method: 'POST', body: JSON.stringify({ writes }) });
  if (res.status !== 200) throw new Error(`the batch answered ${res.status}: ${await res.text()}`);
  const ms = performance.now() - start;
  await s.close();
  return ms;
}

console.log(`An import of ${what}, SQLite, ${RUNS} rounds; load ${loadavg()[0].toFixed(1)}`);
await batch(); // warm-up: the first server start compiles and loads more than the rest
const [single, batched] = await alternate(RUNS, oneByOne, batch);
const a = median(single);
const b = median(batched);
console.log(`one by one (${WRITES} PUTs, ${WRITES} versions): median ${a.toFixed(0)} ms`);
console.log(`one batch (1 request, 1 version):           median ${b.toFixed(0)} ms`);
console.log(`ratio: ${(a / b).toFixed(1)}× (load ${loadavg()[0].toFixed(1)})`);
