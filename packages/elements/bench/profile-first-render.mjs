// Where our first render spends its time (issue 18): opens the list or the
// calendar page from packages/elements/dist (as published: the autoloader
// and its chunks, with their source maps), gives the element the same data
// as peers.bench.mjs, and records a V8 CPU profile and a Chromium trace of
// `data` set → first row visible. Prints self time by source file (mapped
// back through the source maps), the hottest functions, and the browser's
// own work (style, layout, paint, garbage collection) from the trace.
//
//   node --conditions=samverkan-source --import tsx packages/elements/bench/profile-first-render.mjs [list|calendar] [--warm] [--keys] [--save DIR]
//
// Not a *.bench.mjs: a profile is for reading, not for a budget. `--warm`
// profiles a second render in the same page (the JIT has seen the code);
// `--keys` (list only) profiles the peers benchmark's keystrokes instead,
// typed right after the first render, as there;
// `--save DIR` writes the .cpuprofile and the trace (open them in Chromium's
// DevTools, Performance panel). PROFILE_PAGE_CSS adds CSS to the page (e.g.
// `samverkan-signatory-list::part(item){content-visibility:visible}`, to compare a style);
// PROFILE_DIST profiles another build's packages/elements/dist (before/after).
// `--timeline` also prints, per run, every main-thread task in the window
// (start and length from `data` set, the trace events under it and the
// source files whose code ran in it), and the idle gaps between them: where
// the wall time goes, not only the CPU time.
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CpuProfileSummary } from './cpu-profile-summary.mjs';
import { printTimeline } from './trace-timeline.mjs';
import { calendarText, listText } from './bench-pages.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIST = process.env.PROFILE_DIST ?? join(ROOT, 'packages/elements/dist');
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const args = process.argv.slice(2);
const which = args.find((a) => a === 'list' || a === 'calendar') ?? 'list';
const warm = args.includes('--warm');
const keys = args.includes('--keys');
// The peers benchmark's keystrokes, each changing the result set.
const QUERIES = ['k', 'ku', 'kul', 'kult', 'kul', 'ku', 'k', 'i', 'id', 'idr', 'idro', 'idr', 'id', 'i', 's', 'sp', 'spr', 'sp', 's'];
const saveDir = args.includes('--save') ? args[args.indexOf('--save') + 1] : undefined;
const timeline = args.includes('--timeline');
const RUNS = Number(process.env.PROFILE_RUNS ?? 5);
if (!existsSync(join(DIST, 'samverkan.min.js'))) throw new Error('packages/elements/dist/samverkan.min.js is missing: run npm run build first');

// The same data as peers.bench.mjs (bench-pages.mjs).
const text = which === 'list' ? listText() : calendarText();
const tag = which === 'list' ? 'samverkan-signatory-list' : 'samverkan-meeting-calendar';
const firstShown = which === 'list' ? 'li' : '.day-meetings li';
const attributes = which === 'list' ? {} : { view: 'month', month: '2026-03' };

const page = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>profile</title>
<script type="module" src="/dist/samverkan.min.js"></script>
<style>body{font-family:sans-serif;margin:1rem;width:1100px}${process.env.PROFILE_PAGE_CSS ?? ''}</style></head><body><div id="host"></div><script type="module">
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const until = (root, test) => new Promise((resolve) => {
  if (test()) return resolve();
  const observer = new MutationObserver(() => { if (test()) { observer.disconnect(); resolve(); } });
  observer.observe(root, { childList: true, subtree: true });
});
let runs = 0;
window.prepare = async () => {
  const host = document.getElementById('host');
  host.replaceChildren();
  if (!customElements.get(${JSON.stringify(tag)})) await window.samverkan.load(${JSON.stringify(tag)});
  const el = document.createElement(${JSON.stringify(tag)});
  for (const [name, value] of Object.entries(${JSON.stringify(attributes)})) el.setAttribute(name, value);
  host.append(el);
  await el.updateComplete;
  await frame();
};
window.firstRow = async () => {
  const el = document.getElementById('host').firstElementChild;
  // Another text each run: elements given the same text share one parse.
  const text = window.text + ' '.repeat(++runs);
  performance.mark('first-render-start');
  const start = performance.now();
  el.data = text;
  await until(el.shadowRoot, () => el.shadowRoot.querySelector(${JSON.stringify(firstShown)}));
  await frame();
  performance.mark('first-render-end');
  return performance.now() - start;
};
window.typeAll = async (queries) => {
  const el = document.getElementById('host').firstElementChild;
  const input = el.shadowRoot.querySelector('input[type="search"]');
  const times = [];
  performance.mark('first-render-start');
  for (const query of queries) {
    const start = performance.now();
    input.value = query;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    await frame();
    times.push(performance.now() - start);
  }
  performance.mark('first-render-end');
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
};
window.benchReady = true;
</script></body></html>`;

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/' || path === '/index.html') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  if (path === '/data.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(text);
  if (path.startsWith('/dist/')) {
    const file = normalize(join(DIST, path.slice('/dist/'.length)));
    if (file.startsWith(DIST) && existsSync(file)) return res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(file));
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const profileDir = mkdtempSync(join(tmpdir(), 'samverkan-profile-'));
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  userDataDir: profileDir,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const summary = new CpuProfileSummary({ '/dist/': DIST });
const browserWork = new Map();
const times = [];
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);

try {
  for (let run = 0; run < RUNS; run++) {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1200, height: 1000 });
    await tab.goto(`${origin}/`, { waitUntil: 'load' });
    await tab.waitForFunction(() => window.benchReady === true);
    await tab.evaluate(async () => (window.text = await (await fetch('/data.json')).text()));
    // A cold render prepares its element in the same call as it sets the data, as peers.bench.mjs does: the
    // data then comes one frame after the element's first render, with whatever the element started at
    // connect (the checks' import, background tasks) still under way, as on a page whose script sets it.
    const together = !warm && !keys;
    if (!together) await tab.evaluate(() => window.prepare());
    if (warm) await tab.evaluate(() => window.firstRow().then(() => window.prepare()));
    if (keys) await tab.evaluate(() => window.firstRow());
    const cdp = await tab.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const traceFile = saveDir ? join(saveDir, `${which}-${run}.trace.json`) : join(profileDir, 'trace.json');
    await tab.tracing.start({
      path: traceFile,
      categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', 'v8.execute', 'v8.compile', 'disabled-by-default-v8.compile'],
    });
    await cdp.send('Profiler.start');
    times.push(await (keys ? tab.evaluate((q) => window.typeAll(q), QUERIES) : tab.evaluate((together) => (together ? window.prepare() : Promise.resolve()).then(() => window.firstRow()), together)));
    const { profile } = await cdp.send('Profiler.stop');
    await tab.tracing.stop();
    if (saveDir) writeFileSync(join(saveDir, `${which}-${run}.cpuprofile`), JSON.stringify(profile));

    await summary.add(profile);

    // Trace: the renderer's main-thread work between the marks, by kind (top-level and nested).
    const events = JSON.parse(readFileSync(traceFile, 'utf8')).traceEvents;
    const start = events.find((e) => e.name === 'first-render-start');
    const end = events.find((e) => e.name === 'first-render-end');
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === start?.pid);
    for (const e of events) {
      if (!start || !end || e.pid !== start.pid || e.tid !== main?.tid || e.ph !== 'X' || e.ts < start.ts || e.ts > end.ts) continue;
      if (['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'ParseHTML', 'HitTest', 'IntersectionObserverController::computeIntersections'].includes(e.name)) {
        add(browserWork, e.name === 'UpdateLayoutTree' ? 'Recalculate style (UpdateLayoutTree)' : e.name, (e.dur ?? 0) / 1000);
      }
    }
    if (timeline) await printTimeline(events, start, end, main, profile, summary);
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(profileDir, { recursive: true, force: true });
}

const sortedTimes = [...times].sort((a, b) => a - b);
console.log(`${which}, ${keys ? `${QUERIES.length} keystrokes (median keystroke per run)` : `${warm ? 'warm' : 'cold'}: data → first row`}, ${RUNS} runs: median ${sortedTimes[Math.floor(RUNS / 2)].toFixed(1)} ms (${sortedTimes.map((t) => t.toFixed(0)).join(', ')})`);
console.log('');
for (const line of summary.lines(30)) console.log(line);
console.log('\nthe browser\'s own work in the trace (ms per run; nested events counted inside their parents too):');
[...browserWork].sort((a, b) => b[1] - a[1]).forEach(([key, ms]) => console.log(`${(ms / RUNS).toFixed(1).padStart(8)}  ${key}`));
