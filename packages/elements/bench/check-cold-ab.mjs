// The check of a calendar month's meetings alone, cold, in Chromium (issue 18): two builds of the SDK
// (their packages/sdk/dist), a fresh tab per build and round, alternating. Each tab imports the meeting
// list's validator, checks one meeting of another month (its functions are then compiled, as the
// calendar's are by the compile hint, and the zone's formatter is made, as the header's check makes it),
// and then times ONE pass of the generated validator and the offset rule over the 241 meetings of the
// March 2026 grid (peers.bench.mjs's data, bench-pages.mjs): the code has run once, not yet warmed up.
// Prints each build's median and the per-round ratio B ÷ A. Not a *.bench.mjs: it compares two builds.
//
//   node --conditions=samverkan-source --import tsx packages/elements/bench/check-cold-ab.mjs A_SDK_DIST B_SDK_DIST [rounds]
//
// What it showed (2 cores at load 7–8): the same code took 4–23 ms from tab to tab, so a cut of a few
// microseconds per meeting (which node --no-opt --no-sparkplug --no-maglev shows plainly) is lost in it.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { launchChromium } from '../../../scripts/bench/chromium.mjs';
import { calendarText } from './bench-pages.mjs';

const [aDir, bDir, roundsArg] = process.argv.slice(2);
if (!aDir || !bDir) throw new Error('usage: check-cold-ab.mjs A_SDK_DIST B_SDK_DIST [rounds]');
const DIRS = { A: resolve(aDir), B: resolve(bDir) };
for (const dir of Object.values(DIRS)) if (!existsSync(join(dir, 'validators/lists/meetings.js'))) throw new Error(`${dir}/validators/lists/meetings.js is missing`);
const ROUNDS = Number(roundsArg ?? 15);
const text = calendarText();

const page = (which) => `<!doctype html><script type="module">
const L = (await import('/${which}/validators/lists/meetings.js')).meetingsListValidator;
const meetings = JSON.parse(await (await fetch('/data.json')).text()).meetings;
const month = [];
meetings.forEach((m, i) => { if (m.start >= '2026-02-23' && m.start < '2026-04-06') month.push(i); });
const other = meetings.findIndex((m) => m.start.startsWith('2026-09'));
L.offsetsHold(L.validate(meetings[other], 'sv'), 'Europe/Stockholm');
await new Promise((resolve) => setTimeout(resolve, 50));
const start = performance.now();
let kept = 0;
for (const i of month) if (L.offsetsHold(L.validate(meetings[i], 'sv'), 'Europe/Stockholm')) kept++;
window.result = { ms: performance.now() - start, kept, of: month.length };
</script>`;

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/A.html' || path === '/B.html') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(path[1]));
  if (path === '/data.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(text);
  const dir = DIRS[path[1]];
  if (dir && path[2] === '/') {
    const file = normalize(join(dir, path.slice(3)));
    if (file.startsWith(dir) && existsSync(file)) return res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(file));
  }
  res.writeHead(404).end();
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;
const { browser, close } = await launchChromium('samverkan-check-cold');
const results = { A: [], B: [] };
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const which of round % 2 ? ['B', 'A'] : ['A', 'B']) {
      const tab = await browser.newPage();
      await tab.goto(`${origin}/${which}.html`);
      await tab.waitForFunction(() => window.result, { timeout: 20_000 });
      results[which].push(await tab.evaluate(() => window.result));
      await tab.close();
    }
  }
} finally {
  await close();
  server.close();
}
const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
for (const which of ['A', 'B']) {
  const runs = results[which];
  console.log(`${which} ${DIRS[which]}: one cold pass over ${runs[0].of} meetings, median ${median(runs.map((r) => r.ms)).toFixed(2)} ms (${runs.map((r) => r.ms.toFixed(1)).join(' ')}); kept ${runs[0].kept}`);
}
console.log(`B ÷ A, median of the rounds' ratios: ${median(results.A.map((a, i) => results.B[i].ms / a.ms)).toFixed(2)}×`);
