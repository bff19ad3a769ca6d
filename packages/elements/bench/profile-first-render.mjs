// Where our first render spends its time (issue 18): opens the list or the
// calendar page from packages/elements/dist (as published: the autoloader
// and its chunks, with their source maps), gives the element the same data
// as peers.bench.mjs, and records a V8 CPU profile and a Chromium trace of
// `data` set → first row visible. Prints self time by source file (mapped
// back through the source maps), the hottest functions, and the browser's
// own work (style, layout, paint, garbage collection) from the trace.
//
//   node --conditions=samverkan-source --import tsx packages/elements/bench/profile-first-render.mjs [list|calendar] [--warm] [--save DIR]
//
// Not a *.bench.mjs: a profile is for reading, not for a budget. `--warm`
// profiles a second render in the same page (the JIT has seen the code);
// `--save DIR` writes the .cpuprofile and the trace (open them in Chromium's
// DevTools, Performance panel).
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { SourceMapConsumer } from 'source-map';
import { parseDataset } from '@samverkan/sdk';
import { generateDataset } from '../../../bench/generate-dataset.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIST = join(ROOT, 'packages/elements/dist');
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const args = process.argv.slice(2);
const which = args.find((a) => a === 'list' || a === 'calendar') ?? 'list';
const warm = args.includes('--warm');
const saveDir = args.includes('--save') ? args[args.indexOf('--save') + 1] : undefined;
const RUNS = Number(process.env.PROFILE_RUNS ?? 5);
if (!existsSync(join(DIST, 'samverkan.min.js'))) throw new Error('packages/elements/dist/samverkan.min.js is missing: run npm run build first');

// The same data as peers.bench.mjs.
function listData() {
  return JSON.stringify(parseDataset(generateDataset({ organisations: 10_000, meetings: 0, contacts: 5, seed: 3 })).dataset);
}
function calendarData() {
  const raw = generateDataset({ organisations: 20, meetings: 4400, contacts: 5, seed: 5 });
  const in2026 = raw.meetings.filter((m) => m.start.startsWith('2026-'));
  raw.meetings = Array.from({ length: 2000 }, (_, i) => in2026[Math.floor((i * in2026.length) / 2000)]);
  return JSON.stringify(parseDataset(raw).dataset);
}
const text = which === 'list' ? listData() : calendarData();
const tag = which === 'list' ? 'samverkan-signatory-list' : 'samverkan-meeting-calendar';
const firstShown = which === 'list' ? 'li' : '.day-meetings li';
const attributes = which === 'list' ? {} : { view: 'month', month: '2026-03' };

const page = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>profile</title>
<script type="module" src="/dist/samverkan.min.js"></script>
<style>body{font-family:sans-serif;margin:1rem;width:1100px}</style></head><body><div id="host"></div><script type="module">
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

/** Self time (ms) by key, summed over runs. */
const byFile = new Map();
const byFunction = new Map();
const browserWork = new Map();
const times = [];
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
const consumers = new Map();

async function consumerFor(url) {
  if (!url.includes('/dist/')) return undefined;
  if (!consumers.has(url)) {
    const file = join(DIST, new URL(url).pathname.slice('/dist/'.length)) + '.map';
    consumers.set(url, existsSync(file) ? await new SourceMapConsumer(JSON.parse(readFileSync(file, 'utf8'))) : undefined);
  }
  return consumers.get(url);
}

/** Where a profile node's code comes from: `packages/…/file.ts` and the function's name there. */
async function origin_(callFrame) {
  const { url, functionName, lineNumber, columnNumber } = callFrame;
  if (!url) return { file: functionName || '(anonymous native)', name: functionName || '(native)' };
  const consumer = await consumerFor(url);
  if (consumer) {
    const pos = consumer.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
    if (pos.source) {
      const source = relative(ROOT, join(DIST, pos.source)).replace(/^.*node_modules\//, 'node_modules/');
      return { file: source, name: `${pos.name ?? functionName ?? '?'} (${source.split('/').pop()}:${pos.line})` };
    }
  }
  return { file: url.replace(origin, ''), name: functionName || '(anonymous)' };
}

try {
  for (let run = 0; run < RUNS; run++) {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1200, height: 1000 });
    await tab.goto(`${origin}/`, { waitUntil: 'load' });
    await tab.waitForFunction(() => window.benchReady === true);
    await tab.evaluate(async () => (window.text = await (await fetch('/data.json')).text()));
    await tab.evaluate(() => window.prepare());
    if (warm) await tab.evaluate(() => window.firstRow().then(() => window.prepare()));
    const cdp = await tab.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const traceFile = saveDir ? join(saveDir, `${which}-${run}.trace.json`) : join(profileDir, 'trace.json');
    await tab.tracing.start({
      path: traceFile,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', 'v8.execute'],
    });
    await cdp.send('Profiler.start');
    times.push(await tab.evaluate(() => window.firstRow()));
    const { profile } = await cdp.send('Profiler.stop');
    await tab.tracing.stop();
    if (saveDir) writeFileSync(join(saveDir, `${which}-${run}.cpuprofile`), JSON.stringify(profile));

    // CPU profile: each sample's time goes to the node it hit (self time).
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const selfMs = new Map();
    profile.samples.forEach((id, i) => add(selfMs, id, (profile.timeDeltas[i + 1] ?? 0) / 1000));
    for (const [id, ms] of selfMs) {
      const node = nodes.get(id);
      if (node.callFrame.functionName === '(idle)') continue;
      const { file, name } = await origin_(node.callFrame);
      add(byFile, file, ms);
      add(byFunction, name, ms);
    }

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
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(profileDir, { recursive: true, force: true });
}

const total = [...byFile.values()].reduce((a, b) => a + b, 0);
const sortedTimes = [...times].sort((a, b) => a - b);
console.log(`${which}, ${warm ? 'warm' : 'cold'}: data → first row, ${RUNS} runs: median ${sortedTimes[Math.floor(RUNS / 2)].toFixed(1)} ms (${sortedTimes.map((t) => t.toFixed(0)).join(', ')})`);
console.log(`\nCPU profile self time per run (ms, % of sampled ${(total / RUNS).toFixed(1)} ms), by source file:`);
const print = (map, limit) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .forEach(([key, ms]) => console.log(`${(ms / RUNS).toFixed(1).padStart(8)} ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`));
print(byFile, 30);
console.log('\nhottest functions:');
print(byFunction, 30);
console.log('\nthe browser\'s own work in the trace (ms per run; nested events counted inside their parents too):');
[...browserWork].sort((a, b) => b[1] - a[1]).forEach(([key, ms]) => console.log(`${(ms / RUNS).toFixed(1).padStart(8)}  ${key}`));
