// Two builds of the calendar, cold first render of the month view, alternating
// tab by tab (issue 18): the same page and data as peers.bench.mjs's
// 'ours-calendar' without FullCalendar's pages in between, so that more rounds
// fit in the time a loaded machine gives. Prints, per build, the median wall
// time (`data` set → first meeting visible, then a frame), the main thread's
// CPU time between the two marks (from a trace: far less sensitive to the
// other engineers' load than the wall time), the browser's own work in it
// (style, layout, pre-paint, paint, GC) and the DOM the grid has (nodes in the
// shadow root by type). Ratios B ÷ A come from the same run.
//
//   node --conditions=samverkan-source --import tsx packages/elements/bench/calendar-cold-ab.mjs A_DIST B_DIST [rounds] [--with-element]
//
// --with-element: the window starts before the element is made (made, given the data and put on the page in one
// task; bench-pages.mjs), so that it holds the element's whole first render, its frame's too: the total a page
// waits for when it adds a calendar and its data at once, not only what the data adds.
// --warm-next: after the cold render, as peers.bench.mjs does, a warm render in the same host (the cold calendar
// replaced by a new one) and six month changes on it; prints their medians and the first change's time too.
//
// A_DIST, B_DIST: two copies of packages/elements/dist (e.g. /tmp/main-dcf4bde-dist and packages/elements/dist).
// Not a *.bench.mjs: peers.bench.mjs stays the measure of the budget; this one compares two builds.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { launchChromium } from '../../../scripts/bench/chromium.mjs';
import { CALENDAR_COLD, PAGE_WAITS, calendarText } from './bench-pages.mjs';

const args = process.argv.slice(2);
const WITH_ELEMENT = args.includes('--with-element');
const WARM_NEXT = args.includes('--warm-next');
const [aDist, bDist, roundsArg] = args.filter((arg) => !arg.startsWith('--'));
if (!aDist || !bDist) throw new Error('usage: calendar-cold-ab.mjs A_DIST B_DIST [rounds]');
const DISTS = { A: resolve(aDist), B: resolve(bDist) };
for (const dist of Object.values(DISTS)) if (!existsSync(join(dist, 'samverkan.min.js'))) throw new Error(`${dist}/samverkan.min.js is missing`);
const ROUNDS = Number(roundsArg ?? 9);

// The same data, waits and cold render as peers.bench.mjs (bench-pages.mjs).
const text = calendarText();

const page = (dist) => `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>a/b</title>
<script type="module" src="/${dist}/samverkan.min.js"></script>
<style>body{font-family:sans-serif;margin:1rem;width:1100px}</style></head><body><div id="host"></div><script type="module">${PAGE_WAITS}${CALENDAR_COLD}
window.cold = async (text) => {
  const { el, wall } = await window.calendarCold(document.getElementById('host'), text, { withElement: ${WITH_ELEMENT} });
  await el.updateComplete;
  const count = { elements: 0, text: 0, comments: 0 };
  const walker = document.createTreeWalker(el.shadowRoot, NodeFilter.SHOW_ALL);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) count.elements++;
    else if (node.nodeType === 3) count.text++;
    else if (node.nodeType === 8) count.comments++;
  }
  const lines = el.shadowRoot.querySelectorAll('.day-meetings li').length;
  if (!${WARM_NEXT}) return { wall, ...count, lines };
  // As peers.bench.mjs: a warm render in the same host, then the month changes on the warm calendar.
  const host = document.getElementById('host');
  host.replaceChildren();
  const warm = await window.calendarCold(host, text + ' ');
  const nexts = [];
  for (let i = 0; i < 6; i++) nexts.push(await window.calendarNext(warm.el));
  return { wall, ...count, lines, warm: warm.wall, firstNext: nexts[0], next: [...nexts].sort((a, b) => a - b)[3] };
};
window.ready = true;
</script></body></html>`;

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/A' || path === '/B') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(path.slice(1)));
  if (path === '/data.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(text);
  const which = path.slice(1, 2);
  if ((which === 'A' || which === 'B') && path[2] === '/') {
    const dist = DISTS[which];
    const file = normalize(join(dist, path.slice(3)));
    if (file.startsWith(dist) && existsSync(file)) return res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(file));
  }
  res.writeHead(404).end();
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

/** The main thread's CPU (thread time of top-level events) between the marks, and the browser's own work in it by kind. */
function cpuBetweenMarks(events) {
  const start = events.find((e) => e.name === 'cold-start');
  const end = events.find((e) => e.name === 'cold-end' && e.pid === start?.pid);
  if (!start || !end) return undefined;
  let cpu = 0;
  let until = -Infinity;
  const work = {};
  const mine = events.filter((e) => e.ph === 'X' && e.pid === start.pid && e.tid === start.tid && e.ts + e.dur > start.ts && e.ts < end.ts).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  for (const e of mine) {
    if (['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'MinorGC', 'MajorGC', 'FunctionCall', 'v8.callFunction', 'RunMicrotasks'].includes(e.name)) work[e.name] = (work[e.name] ?? 0) + (e.tdur ?? e.dur) / 1000;
    if (e.ts < until) continue;
    until = e.ts + e.dur;
    const inside = Math.min(e.ts + e.dur, end.ts) - Math.max(e.ts, start.ts);
    cpu += (e.tdur ?? e.dur) * Math.min(1, inside / Math.max(1, e.dur));
  }
  return { cpu: cpu / 1000, work };
}

const chromium = await launchChromium('samverkan-ab');
const { browser } = chromium;
const results = { A: [], B: [] };
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const which of round % 2 ? ['B', 'A'] : ['A', 'B']) {
      const tab = await browser.newPage();
      await tab.setViewport({ width: 1200, height: 1000 });
      await tab.goto(`${origin}/${which}`, { waitUntil: 'load' });
      await tab.waitForFunction(() => window.ready === true);
      await tab.evaluate(async () => (window.text = await (await fetch('/data.json')).text()));
      await tab.tracing.start({ categories: ['toplevel', 'devtools.timeline', 'blink', 'v8', 'blink.user_timing'] });
      const run = await tab.evaluate(() => window.cold(window.text));
      const traced = cpuBetweenMarks(JSON.parse(Buffer.from(await tab.tracing.stop()).toString()).traceEvents);
      results[which].push({ ...run, ...traced });
      await tab.close();
    }
  }
} finally {
  await chromium.close();
  server.close();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const fmt = (ms) => ms.toFixed(1).padStart(7);
console.log(`calendar month view, cold${WITH_ELEMENT ? ', the element made in the window' : ''}, ${ROUNDS} rounds alternating (A ${DISTS.A}, B ${DISTS.B})`);
const summary = {};
for (const which of ['A', 'B']) {
  const runs = results[which];
  const kinds = [...new Set(runs.flatMap((r) => Object.keys(r.work ?? {})))].sort();
  summary[which] = { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
  console.log(`${which}: wall median ${fmt(summary[which].wall)} ms (${runs.map((r) => r.wall.toFixed(0)).join(' ')}); main thread CPU median ${fmt(summary[which].cpu)} ms (${runs.map((r) => r.cpu.toFixed(0)).join(' ')})`);
  console.log(`   browser work, medians (ms): ${kinds.map((k) => `${k} ${median(runs.map((r) => r.work?.[k] ?? 0)).toFixed(1)}`).join(', ')}`);
  const last = runs[runs.length - 1];
  if (WARM_NEXT) console.log(`   then, medians: warm ${fmt(median(runs.map((r) => r.warm)))} ms, next month ${fmt(median(runs.map((r) => r.next)))} ms, the first month change ${fmt(median(runs.map((r) => r.firstNext)))} ms`);
  console.log(`   shadow DOM: ${last.elements} elements, ${last.text} text nodes, ${last.comments} comments; ${last.lines} cell lines`);
}
console.log(`B ÷ A: wall ${(summary.B.wall / summary.A.wall).toFixed(2)}×, main thread CPU ${(summary.B.cpu / summary.A.cpu).toFixed(2)}×`);
