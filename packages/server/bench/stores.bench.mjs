// Requests per second over loopback, with wrk, for the server on SQLite and on
// PostgreSQL, with one and with two server processes (issue 16):
//
//   GET  /api/v1/dataset  200  (a ~1 MB dataset, served from memory)
//   GET  /api/v1/dataset  304  (If-None-Match with the current ETag)
//   POST /api/v1/signups  201  (each application committed before the 201)
//
// Two processes share one database (SQLite: one file in WAL mode; PostgreSQL:
// one database); one wrk per process runs at the same time and the figures
// are summed. PostgreSQL is a throwaway cluster this script starts
// (Debian's binaries, as an unprivileged user) with fsync and full-page
// writes turned back ON, so a 201 costs a real flush, as SQLite's
// synchronous=FULL does. The machine has two cores shared by the servers,
// PostgreSQL and wrk: compare the rows with each other, not with other
// machines. nginx's ceiling for the dataset route is measured by
// http.bench.mjs in the same `npm run bench -- packages/server`.
//
//   node --conditions=samverkan-source --import tsx packages/server/bench/stores.bench.mjs [--duration=4] [--runs=3] [--connections=32]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { generateDataset } from '../../../bench/generate-dataset.mjs';
import { benchArgs, median } from '../../../scripts/bench/options.mjs';
import { postgresBinDir, startPostgres } from '../../../scripts/postgres-cluster.mjs';
import { spawnServer } from '../test/child-server.ts';

const args = benchArgs();
const DURATION = Number(args.duration ?? 4);
const RUNS = Number(args.runs ?? 3);
const CONNECTIONS = Number(args.connections ?? 32);

const wrk = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).stdout.trim();
if (!wrk) {
  console.log('SKIPPED: this benchmark needs wrk (sudo apt-get install wrk).');
  process.exit(0);
}

/** One wrk run in the background; resolves to its requests/s and whether every answer was 2xx/3xx. */
function runWrk(url, { headers = {}, script, connections = CONNECTIONS } = {}) {
  const argv = ['-t1', `-c${connections}`, `-d${DURATION}s`, '--timeout', '5s'];
  for (const [name, value] of Object.entries(headers)) argv.push('-H', `${name}: ${value}`);
  if (script) argv.push('-s', script);
  argv.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(wrk, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', () => {
      const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
      if (!Number.isFinite(rps)) return reject(new Error(`wrk failed: ${out}`));
      const bad = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
      const socketErrors = /Socket errors:(.*)/.exec(out)?.[1]?.trim();
      resolve({ rps, bad, socketErrors });
    });
  });
}

const work = mkdtempSync(join(tmpdir(), 'samverkan-stores-bench-'));
const servers = [];
let cluster;
const cleanup = () => {
  for (const server of servers) server.child.kill('SIGKILL');
  servers.length = 0;
};
process.on('exit', () => {
  cleanup();
  cluster?.stop();
  rmSync(work, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));

async function adminQuery(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

try {
  const datasetFile = join(work, 'dataset.json');
  writeFileSync(datasetFile, JSON.stringify(generateDataset({ organisations: 1000, meetings: 400, contacts: 100, seed: 1 })));
  const postScript = join(work, 'post.lua');
  const application = {
    organisation: { name: 'Bänkföreningen', form: 'non-profit-association', email: 'info@bank.example.org' },
    contact: { name: 'Testperson', email: 'test@example.org' },
    acceptsPrinciples: true,
    consent: true,
    language: 'sv',
  };
  writeFileSync(postScript, `wrk.method = "POST"\nwrk.body = ${JSON.stringify(JSON.stringify(application))}\nwrk.headers["Content-Type"] = "application/json"\n`);

  const stores = [{ name: 'SQLite', env: () => ({}) }];
  if (postgresBinDir()) {
    cluster = await startPostgres();
    // The test cluster runs with fsync off; a benchmark of commits must flush like production.
    await adminQuery(cluster.url, 'ALTER SYSTEM SET fsync = on');
    await adminQuery(cluster.url, 'ALTER SYSTEM SET full_page_writes = on');
    await adminQuery(cluster.url, 'SELECT pg_reload_conf()');
    let n = 0;
    stores.push({
      name: 'PostgreSQL',
      env: async () => {
        const name = `samverkan_bench_${n++}`;
        await adminQuery(cluster.url, `CREATE DATABASE ${name}`);
        const url = new URL(cluster.url);
        url.pathname = `/${name}`;
        return { SAMVERKAN_DATABASE_URL: url.toString() };
      },
    });
  } else {
    console.log('PostgreSQL is absent (no /usr/lib/postgresql/*/bin): only SQLite is measured.');
  }

  console.log(`wrk -t1 -c${CONNECTIONS} -d${DURATION}s per process, median of ${RUNS} runs; the dataset from a file, applications into the store`);
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores; other work on the machine skews every figure)`);
  const rows = [];
  let problems = 0;
  for (const store of stores) {
    for (const processes of [1, 2]) {
      const dataDir = join(work, `${store.name}-${processes}`);
      const env = { SAMVERKAN_DATASET: datasetFile, SAMVERKAN_LOG: join(work, 'server.log'), ...(await store.env()) };
      for (let i = 0; i < processes; i++) servers.push(await spawnServer(dataDir, env, 30_000));
      const first = await fetch(`${servers[0].base}/api/v1/dataset`);
      await first.arrayBuffer();
      const etag = first.headers.get('etag');
      const scenarios = [
        ['GET /api/v1/dataset 200', (base) => [`${base}/api/v1/dataset`]],
        ['GET /api/v1/dataset 304', (base) => [`${base}/api/v1/dataset`, { headers: { 'If-None-Match': etag } }]],
        ['POST /api/v1/signups 201', (base) => [`${base}/api/v1/signups`, { script: postScript }]],
      ];
      for (const [name, target] of scenarios) {
        // Warm up, then the runs: every process at once, summed.
        await Promise.all(servers.map((s) => runWrk(...target(s.base))));
        const figures = [];
        for (let run = 0; run < RUNS; run++) {
          const results = await Promise.all(servers.map((s) => runWrk(...target(s.base))));
          for (const result of results) {
            if (result.bad || result.socketErrors) {
              problems++;
              console.log(`  ! ${store.name} ×${processes} ${name}: ${result.bad} non-2xx/3xx answers, socket errors: ${result.socketErrors ?? 'none'}`);
            }
          }
          figures.push(results.reduce((sum, r) => sum + r.rps, 0));
        }
        console.log(`  ${store.name} ×${processes} ${name}: ${figures.map(Math.round).join(', ')}`);
        rows.push({ store: store.name, processes, scenario: name, 'req/s (median, summed over processes)': Math.round(median(figures)) });
      }
      cleanup();
    }
  }
  console.table(rows);
  process.exitCode = problems ? 1 : 0;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  cleanup();
}
