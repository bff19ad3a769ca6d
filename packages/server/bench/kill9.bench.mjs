// The kill -9 cycle, many times: start the server on one data directory,
// post applications from several connections, SIGKILL it while requests are
// in flight, start it again, and check that every application answered 201
// is stored. Prints the cycles run, applications acknowledged and lost (must
// be 0), and the restart times. Bounded: at most --cycles (default 20) or
// --seconds (default 120), whichever comes first.
//
//   npm run bench -- kill9
//   node --conditions=samverkan-source --import tsx packages/server/bench/kill9.bench.mjs [--cycles=20] [--seconds=120]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from '../test/child-server.ts';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const CYCLES = Number(args.cycles ?? 20);
const SECONDS = Number(args.seconds ?? 120);
const TOKEN = 'kill9-bench-admin-token-0123456789';
const env = { SAMVERKAN_ADMIN_TOKEN: TOKEN };

const body = JSON.stringify({
  organisation: { name: 'Kill Nio Föreningen', form: 'other', email: 'info@kill9.example.org' },
  contact: { name: 'Testperson', email: 'test@example.org' },
  acceptsPrinciples: true,
  consent: true,
  language: 'sv',
});

async function postFor(base, until) {
  const ids = [];
  const worker = async () => {
    while (Date.now() < until) {
      try {
        const res = await fetch(`${base}/api/v1/signups`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        if (res.status === 201) ids.push((await res.json()).id);
      } catch {
        return; // the server is gone
      }
    }
  };
  return { ids, done: Promise.all(Array.from({ length: 6 }, worker)) };
}

const dir = mkdtempSync(join(tmpdir(), 'samverkan-kill9-bench-'));
const acknowledged = [];
const starts = [];
let cycles = 0;
let current;
try {
  const deadline = Date.now() + SECONDS * 1000;
  while (cycles < CYCLES && Date.now() < deadline) {
    const t0 = performance.now();
    current = await spawnServer(dir, env);
    starts.push(performance.now() - t0);
    // Post from 6 connections without pause; kill after a random 200–700 ms, mid-flight.
    const run = await postFor(current.base, Date.now() + 10_000);
    await new Promise((r) => setTimeout(r, 200 + Math.random() * 500));
    current.child.kill('SIGKILL');
    await current.exited;
    await run.done;
    acknowledged.push(...run.ids);
    cycles++;
  }
  current = await spawnServer(dir, env);
  const res = await fetch(`${current.base}/api/v1/signups`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  const stored = new Set((await res.json()).applications.map((a) => a.id));
  const lost = acknowledged.filter((id) => !stored.has(id));
  current.child.kill('SIGKILL');
  await current.exited;
  const sorted = [...starts].sort((a, b) => a - b);
  console.log(`kill -9 cycles: ${cycles}`);
  console.log(`applications answered 201: ${acknowledged.length}, stored after the last restart: ${acknowledged.length - lost.length}, lost: ${lost.length}`);
  console.log(`rows in the store (including requests killed before their answer arrived): ${stored.size}`);
  console.log(`start-up time (tsx, includes compiling): median ${Math.round(sorted[Math.floor(sorted.length / 2)])} ms`);
  process.exitCode = lost.length === 0 && cycles > 0 ? 0 : 1;
} catch (error) {
  console.error(error);
  current?.child.kill('SIGKILL');
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
