// What the accounts plugin costs the public, tuned routes: requests per
// second for GET /api/v1/dataset (200 and 304) from the same server with and
// without accountsForApp (its cookie parsing and session hook run for every
// route; an anonymous reader sends no cookie). wrk, one thread, loopback;
// the two servers run one after the other, alternating, several rounds. The
// verdict uses the server's CPU time per request (robust when other work
// shares the machine): without / with, median of the rounds, ≥ 0.95.
//
//   npm run bench -- accounts
//   node --conditions=samverkan-source --import tsx packages/server/bench/accounts-overhead.bench.mjs [--duration=3] [--runs=3]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountsForApp, createApp, createLogger } from '@samverkan/server';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const DURATION = Number(args.duration ?? 3);
const RUNS = Number(args.runs ?? 3);
const wrk = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).stdout.trim();
if (!wrk) {
  console.log('SKIPPED: this benchmark needs wrk (sudo apt-get install wrk).');
  process.exit(0);
}
const demo = JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));
const TOKEN = 'bench-admin-token-0123456789abcdef';

async function serve(withAccounts) {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-accounts-bench-'));
  const server = createApp({
    dataset: demo,
    dataDir: dir,
    adminToken: TOKEN,
    logger: createLogger('/dev/null'),
    ...(withAccounts && { plugins: [accountsForApp({ adminToken: TOKEN })] }),
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const etag = (await fetch(`${base}/api/v1/dataset`)).headers.get('etag');
  return {
    base,
    etag,
    async close() {
      await new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs wrk against `url`; answers requests per second and the server's CPU
 * time per request (this process is the server; wrk is another process).
 * CPU time per request is what the hooks add, and unlike req/s it hardly
 * moves when other work shares the machine.
 */
async function measure(url, headers = []) {
  const { spawn } = await import('node:child_process');
  const cpu = process.cpuUsage();
  const out = await new Promise((resolve) => {
    const p = spawn(wrk, ['-t1', '-c32', `-d${DURATION}s`, ...headers.flatMap((h) => ['-H', h]), url]);
    let text = '';
    p.stdout.on('data', (d) => (text += d));
    p.on('close', () => resolve(text));
  });
  const used = process.cpuUsage(cpu);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0), cpuUs: requests ? (used.user + used.system) / requests : Infinity };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = {};
for (const status of [200, 304]) results[status] = { with: [], without: [], cpuWith: [], cpuWithout: [], ratio: [] };
for (let round = 0; round < RUNS; round++) {
  for (const status of [200, 304]) {
    const figures = {};
    for (const withAccounts of round % 2 ? [true, false] : [false, true]) {
      const running = await serve(withAccounts);
      const headers = status === 304 ? [`If-None-Match: ${running.etag}`] : [];
      figures[withAccounts ? 'with' : 'without'] = await measure(`${running.base}/api/v1/dataset`, headers);
      await running.close();
    }
    const r = results[status];
    r.with.push(figures.with.rps);
    r.without.push(figures.without.rps);
    r.cpuWith.push(figures.with.cpuUs);
    r.cpuWithout.push(figures.without.cpuUs);
    // Throughput the CPU cost allows, with over without (1 = free).
    r.ratio.push(figures.without.cpuUs / figures.with.cpuUs);
  }
}
let ok = true;
for (const status of [200, 304]) {
  const r = results[status];
  const ratio = median(r.ratio);
  if (ratio < 0.95) ok = false;
  console.log(
    `GET /api/v1/dataset ${status}: server CPU per request without accounts ${median(r.cpuWithout).toFixed(1)} µs, with ${median(r.cpuWith).toFixed(1)} µs; ` +
      `ratio ${ratio.toFixed(3)} (rounds: ${r.ratio.map((x) => x.toFixed(3)).join(', ')}); req/s without ${median(r.without).toFixed(0)}, with ${median(r.with).toFixed(0)}`,
  );
}
console.log(`load average during the run: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
console.log(ok ? 'OK: the accounts cost the public dataset route less than 5 % of its CPU time.' : 'OVER BUDGET: the accounts cost the dataset route 5 % or more of its CPU time.');
process.exit(ok ? 0 : 1);
