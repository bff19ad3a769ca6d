// Requests per second over loopback, with wrk, for the Samverkan server and
// for nginx serving the same bytes in the same run (the ceiling):
//
//   GET  /api/v1/dataset  200  (a ~1 MB dataset, no compression asked)
//   GET  /api/v1/dataset  304  (If-None-Match with the current ETag)
//   POST /api/v1/signups  201  (a valid application; the server stores each
//                               one with an fsync; nginx just `return 201`s,
//                               so that ratio is for scale, not a budget)
//
// Budget (issue 7): ≥ 0.8 × nginx on the 200 and ≥ 0.5 × on the 304, with
// routing, headers and the JSON request log on (written to a file here, not
// a terminal). Each figure is the median of several runs; node and nginx
// alternate, and the verdict uses the median of the per-round ratios (node
// and nginx measured back to back), which drifting load from other work on
// the machine moves far less than the absolute figures. The server runs as its own
// process (the CLI, through tsx), nginx with one worker, wrk with one
// thread: one core each on a two-core machine.
//
//   npm run bench -- server
//   node --conditions=samverkan-source --import tsx packages/server/bench/http.bench.mjs [--duration=5] [--runs=3] [--connections=32] [--log=/dev/null] [--bare]
//
// --bare adds a target: a bare node:http handler sending the same bytes
// with three headers and no routing or logging, to see what ours cost (its
// req/s and its CPU per request, beside ours).
//
// --stores=file,sqlite,postgres (the default: every one this machine has)
// measures the server with the dataset in each place it can live: the file
// (SAMVERKAN_DATASET), the SQLite store and the PostgreSQL store (issue 16:
// ≥ 0.8 × nginx for 200s with either store, because the published dataset is
// served from memory). The same generated dataset is imported into each
// store; every node target alternates with nginx round by round.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { generateDataset } from '../../../bench/generate-dataset.mjs';
import { benchArgs, median } from '../../../scripts/bench/options.mjs';
import { postgresBinDir, startPostgres } from '../../../scripts/postgres-cluster.mjs';
import { spawnServer } from '../test/child-server.ts';

const args = benchArgs();
const DURATION = Number(args.duration ?? 4);
const RUNS = Number(args.runs ?? 5);
const CONNECTIONS = Number(args.connections ?? 32);
const BUDGET = { 200: 0.8, 304: 0.5 };

function which(command, extra = []) {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  return extra.find((path) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  });
}

const wrk = which('wrk');
const nginx = which('nginx', ['/usr/sbin/nginx']);
if (!wrk || !nginx) {
  console.log('SKIPPED: this benchmark needs wrk and nginx (the ceiling it is compared with).');
  if (!wrk) console.log('  wrk is missing:   sudo apt-get install wrk');
  if (!nginx) console.log('  nginx is missing: sudo apt-get install nginx-light');
  process.exit(0);
}

/** A free loopback port (bound and released; good enough for a benchmark). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** CPU time (user + system, µs) a process has used so far, from /proc (Linux); undefined elsewhere. */
function cpuMicros(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Runs wrk and returns requests/s, plus the counts that say whether the run
 * was clean, and with `pid` that process's CPU time per request (µs): what
 * one answer costs the server, which other work on the machine hardly moves.
 */
function runWrk(url, { headers = {}, script, pid } = {}) {
  const argv = ['-t1', `-c${CONNECTIONS}`, `-d${DURATION}s`, '--timeout', '5s'];
  for (const [name, value] of Object.entries(headers)) argv.push('-H', `${name}: ${value}`);
  if (script) argv.push('-s', script);
  argv.push(url);
  const cpuBefore = pid && cpuMicros(pid);
  const result = spawnSync(wrk, argv, { encoding: 'utf8', timeout: (DURATION + 30) * 1000 });
  const cpuAfter = pid && cpuMicros(pid);
  const out = result.stdout ?? '';
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const non2xx3xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socketErrors = /Socket errors:(.*)/.exec(out)?.[1]?.trim();
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  if (!Number.isFinite(rps)) throw new Error(`wrk failed: ${result.stderr || out}`);
  const cpuUs = cpuBefore !== undefined && cpuAfter !== undefined && requests ? (cpuAfter - cpuBefore) / requests : undefined;
  return { rps, non2xx3xx, socketErrors, requests, cpuUs };
}

const work = mkdtempSync(join(tmpdir(), 'samverkan-http-bench-'));
// nginx's workers run as nobody: they must be able to read the file it serves.
chmodSync(work, 0o755);
const logFile = args.log ?? join(work, 'server.log');
let server;
const servers = [];
let cluster;
let nginxProcess;
let bareProcess;
const cleanup = () => {
  for (const one of servers) one.child.kill('SIGKILL');
  cluster?.stop();
  cluster = undefined;
  nginxProcess?.kill('SIGQUIT');
  bareProcess?.kill('SIGKILL');
};

/** Publishes the dataset file into the store that `env` names, as `samverkan-server import` does. */
function importInto(dataDir, env, file) {
  mkdirSync(dataDir, { recursive: true });
  const result = spawnSync(
    process.execPath,
    ['--conditions=samverkan-source', '--import', 'tsx', 'packages/server/src/cli.ts', 'import', file],
    { cwd: new URL('../../../', import.meta.url), env: { ...process.env, SAMVERKAN_DATA_DIR: dataDir, ...env }, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`import into ${dataDir} failed: ${result.stderr || result.stdout}`);
}

/** A bare node:http server (no routing, no logging) sending the file; resolves to its base URL. */
function startBare(file) {
  const code = `
    const http = require('node:http');
    const body = require('node:fs').readFileSync(process.env.FILE);
    const etag = '"bare"';
    const server = http.createServer((req, res) => {
      if (req.method === 'POST') { req.resume(); req.on('end', () => { res.writeHead(201, { 'Content-Type': 'application/json' }); res.end('{"id":"x","status":"pending"}'); }); return; }
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, { ETag: etag }); res.end(); return; }
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length, ETag: etag });
      res.end(body);
    });
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  bareProcess = spawn(process.execPath, ['-e', code], { env: { ...process.env, FILE: file }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    bareProcess.stdout.once('data', (chunk) => resolve(`http://127.0.0.1:${String(chunk).trim()}`));
    bareProcess.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
  });
}
process.on('exit', () => {
  cleanup();
  rmSync(work, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));

try {
  // The dataset: generated, about 1 MB of compact JSON.
  const datasetFile = join(work, 'dataset.json');
  writeFileSync(datasetFile, JSON.stringify(generateDataset({ organisations: 1000, meetings: 400, contacts: 100, seed: 1 })));

  const wanted = String(args.stores ?? 'file,sqlite,postgres').split(',');
  const stores = [];
  for (const name of wanted) {
    if (name === 'file') {
      server = await spawnServer(join(work, 'data'), { SAMVERKAN_DATASET: datasetFile, SAMVERKAN_LOG: logFile });
      servers.push(server);
      stores.push({ target: 'node', label: 'node (file)', server });
    } else if (name === 'sqlite') {
      const env = { SAMVERKAN_DATASET: '', SAMVERKAN_LOG: logFile };
      importInto(join(work, 'sqlite'), env, datasetFile);
      const one = await spawnServer(join(work, 'sqlite'), env);
      servers.push(one);
      stores.push({ target: 'sqlite', label: 'node (SQLite store)', server: one });
    } else if (name === 'postgres') {
      if (!postgresBinDir()) {
        console.log('PostgreSQL is absent (no /usr/lib/postgresql/*/bin): the PostgreSQL store is not measured.');
        continue;
      }
      cluster = await startPostgres();
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query('CREATE DATABASE samverkan_http_bench');
      await admin.end();
      const url = new URL(cluster.url);
      url.pathname = '/samverkan_http_bench';
      const env = { SAMVERKAN_DATASET: '', SAMVERKAN_LOG: logFile, SAMVERKAN_DATABASE_URL: url.toString() };
      importInto(join(work, 'postgres'), env, datasetFile);
      const one = await spawnServer(join(work, 'postgres'), env, 30_000);
      servers.push(one);
      stores.push({ target: 'postgres', label: 'node (PostgreSQL store)', server: one });
    } else {
      throw new Error(`--stores: unknown store ${name} (file, sqlite or postgres)`);
    }
  }
  if (!server) server = stores[0].server;
  const first = await fetch(`${server.base}/api/v1/dataset`, { headers: { 'Accept-Encoding': 'identity' } });
  const published = Buffer.from(await first.arrayBuffer());

  // nginx serves the very bytes the server publishes.
  const www = join(work, 'www');
  mkdirSync(www, { mode: 0o755 });
  writeFileSync(join(www, 'dataset.json'), published, { mode: 0o644 });
  const nginxPort = await freePort();
  const nginxLog = join(work, 'nginx-access.log');
  const conf = join(work, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log ${args.log ?? nginxLog};
  client_body_temp_path ${work}/client_body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${nginxPort};
    location = /api/v1/dataset {
      default_type application/json;
      alias ${www}/dataset.json;
      add_header Cache-Control "public, max-age=60";
    }
    location = /api/v1/signups {
      default_type application/json;
      return 201 '{"id":"00000000-0000-4000-8000-000000000000","status":"pending"}';
    }
  }
}
`,
  );
  nginxProcess = spawn(nginx, ['-p', work, '-c', conf, '-e', `${work}/nginx-error.log`], { stdio: 'ignore' });
  const nginxBase = `http://127.0.0.1:${nginxPort}`;
  let nginxEtag;
  for (const deadline = Date.now() + 10_000; !nginxEtag && Date.now() < deadline; ) {
    try {
      const res = await fetch(`${nginxBase}/api/v1/dataset`);
      const body = Buffer.from(await res.arrayBuffer());
      if (!body.equals(published)) throw new Error('nginx does not serve the same bytes');
      nginxEtag = res.headers.get('etag');
    } catch (error) {
      if (error.message.includes('same bytes')) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (!nginxEtag) throw new Error(`nginx did not start: ${readFileSync(`${work}/nginx-error.log`, 'utf8')}`);

  const bareBase = args.bare ? await startBare(join(www, 'dataset.json')) : undefined;

  const postScript = join(work, 'post.lua');
  const application = {
    organisation: { name: 'Bänkföreningen', form: 'non-profit-association', email: 'info@bank.example.org' },
    contact: { name: 'Testperson', email: 'test@example.org' },
    acceptsPrinciples: true,
    consent: true,
    language: 'sv',
  };
  writeFileSync(
    postScript,
    `wrk.method = "POST"\nwrk.body = ${JSON.stringify(JSON.stringify(application))}\nwrk.headers["Content-Type"] = "application/json"\n`,
  );

  // Each store's own ETag for the 304 (the store-published dataset has its own).
  for (const store of stores) {
    const res = await fetch(`${store.server.base}/api/v1/dataset`, { headers: { 'Accept-Encoding': 'identity' } });
    store.bytes = (await res.arrayBuffer()).byteLength;
    store.etag = res.headers.get('etag');
  }
  const scenarios = [
    {
      name: `GET /api/v1/dataset 200 (${(published.length / 1e6).toFixed(2)} MB)`,
      budget: BUDGET[200],
      node: (store) => [`${store.server.base}/api/v1/dataset`, { pid: store.server.child.pid }],
      nginx: [`${nginxBase}/api/v1/dataset`],
      bare: [`${bareBase}/`, { pid: bareProcess?.pid }],
    },
    {
      name: 'GET /api/v1/dataset 304',
      budget: BUDGET[304],
      node: (store) => [`${store.server.base}/api/v1/dataset`, { headers: { 'If-None-Match': store.etag }, pid: store.server.child.pid }],
      nginx: [`${nginxBase}/api/v1/dataset`, { headers: { 'If-None-Match': nginxEtag } }],
      bare: [`${bareBase}/`, { headers: { 'If-None-Match': '"bare"' }, pid: bareProcess?.pid }],
    },
    {
      name: 'POST /api/v1/signups 201',
      budget: undefined,
      node: (store) => [`${store.server.base}/api/v1/signups`, { script: postScript, pid: store.server.child.pid }],
      nginx: [`${nginxBase}/api/v1/signups`, { script: postScript }],
      bare: [`${bareBase}/`, { script: postScript, pid: bareProcess?.pid }],
    },
  ];

  console.log(`wrk -t1 -c${CONNECTIONS} -d${DURATION}s, median of ${RUNS} runs, each node target and nginx alternating; server log: ${args.log ?? 'a file'}`);
  for (const store of stores) console.log(`  ${store.label}: ${(store.bytes / 1e6).toFixed(2)} MB published (nginx serves ${(published.length / 1e6).toFixed(2)} MB)`);
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores; other work on the machine skews every figure)`);
  const rows = [];
  let problems = 0;
  for (const scenario of scenarios) {
    const targets = [
      ...stores.map((store) => ({ name: store.label, node: true, args: scenario.node(store) })),
      { name: 'nginx', args: scenario.nginx },
      ...(bareBase ? [{ name: 'bare', bare: true, args: scenario.bare }] : []),
    ];
    // Warm up every target (JIT, page cache, connection setup) before measuring.
    for (const target of targets) runWrk(...target.args);
    const figures = new Map(targets.map((target) => [target.name, { rps: [], cpu: [] }]));
    for (let run = 0; run < RUNS; run++) {
      for (const target of targets) {
        const result = runWrk(...target.args);
        if (result.non2xx3xx || result.socketErrors) {
          problems++;
          console.log(`  ! ${scenario.name} ${target.name}: ${result.non2xx3xx} non-2xx/3xx answers, socket errors: ${result.socketErrors ?? 'none'}`);
        }
        figures.get(target.name).rps.push(result.rps);
        if ((target.node || target.bare) && result.cpuUs !== undefined) figures.get(target.name).cpu.push(result.cpuUs);
      }
    }
    const nginxFigures = figures.get('nginx').rps;
    const ceiling = median(nginxFigures);
    for (const target of targets.filter((t) => t.node)) {
      const own = figures.get(target.name);
      const ratio = median(own.rps.map((n, i) => n / nginxFigures[i]));
      const verdict = scenario.budget === undefined ? '(no budget)' : ratio >= scenario.budget ? `ok (budget ≥ ${scenario.budget})` : `BELOW BUDGET (≥ ${scenario.budget})`;
      if (scenario.budget !== undefined && ratio < scenario.budget) problems++;
      const row = { scenario: scenario.name, server: target.name, 'node req/s': Math.round(median(own.rps)), 'nginx req/s': Math.round(ceiling), 'ratio (median per round)': ratio.toFixed(2), verdict };
      // The server's CPU per answer: load-independent, so it compares builds run at different times.
      if (own.cpu.length) row['server CPU µs/req'] = Math.round(median(own.cpu));
      if (bareBase) {
        const bare = figures.get('bare');
        Object.assign(row, { 'bare node:http req/s': Math.round(median(bare.rps)), 'bare/nginx': (median(bare.rps) / ceiling).toFixed(2) });
        if (bare.cpu.length) row['bare CPU µs/req'] = Math.round(median(bare.cpu));
      }
      rows.push(row);
    }
    console.log(`  ${scenario.name}: ` + targets.map((t) => `${t.name} ${figures.get(t.name).rps.map(Math.round).join(', ')}`).join(' | '));
  }
  console.table(rows);

  if (!args.log) {
    const lines = readFileSync(logFile, 'utf8').split('\n').length - 1;
    console.log(`request log: ${lines} JSON lines written by the server during the run`);
  }
  process.exitCode = problems ? 1 : 0;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  cleanup();
}
