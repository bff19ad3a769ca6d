// Our elements against the peers the issue names, in one headless Chromium,
// alternating page by page (issue 18):
//   signatory list vs Grid.js and List.js, 10,000 organisations: the JSON text
//     given → first row visible (the next frame after it is in the DOM), and
//     keystrokes that each change the result set (input → DOM → next frame);
//   meeting calendar vs FullCalendar 6 (dayGrid), 2,000 meetings, month view:
//     data given → first meeting visible, and next month.
// "cold" is the first render in a freshly loaded page, "warm" a second render
// in the same page. Every page gets the same JSON text and must JSON.parse it;
// ours also validates and sorts it (the peers do neither). Bytes are what the
// page downloaded before it could render, from Chromium's network log
// (encoded sizes: every file is served gzip-compressed), the data left out.
// Needs the build (npm run build): ours is served from packages/elements/dist
// exactly as it is published (the autoloader and its chunks).
// PEERS_BEFORE=<another build's packages/elements/dist> adds that build's
// list and calendar as "before-list" and "before-calendar", alternating with
// the others in the same run: a before/after comparison on the same machine
// at the same time (the machine is shared, so figures from separate runs are not).
// PEERS_PROFILE=1 also records a V8 CPU profile of each of our pages' cold
// first render (ours, and the earlier build's) and prints where the time
// went, by source file (cpu-profile-summary.mjs); the profiler slows what it
// measures, so the timings of that run are not the ones to report.
// The keystrokes are timed twice. First typed at whatever moment the last one
// ended, until the next frame after the DOM changed: that includes the wait
// for the display's next frame (60 Hz), so a page that does nothing at all
// measures about 15 ms, and every page's figure sits near one frame. Then
// the same keystrokes typed at the start of a frame (inside an animation
// frame callback) and timed until that frame is rendered: the work of the
// keystroke itself (script, style, layout, paint), without the wait. A
// keystroke whose DOM change comes in a later task is counted and printed
// (the figure would leave its rendering out; 0 expected). Then, a third time,
// the issue's own row, "list keystroke → DOM": from the input event until the
// first page's DOM shows the new result, with no style, layout or paint
// (toDom in the page says how and why it is fair to List.js, which updates
// synchronously, and to ours, which updates in a microtask); Grid.js too.
import { createServer } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../../scripts/bench/chromium.mjs';
import { CALENDAR_COLD, PAGE_WAITS, calendarText, listText } from './bench-pages.mjs';
import { CpuProfileSummary } from './cpu-profile-summary.mjs';
import { printTimeline } from './trace-timeline.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIST = join(ROOT, 'packages/elements/dist');
const ROUNDS = Number(process.env.PEER_ROUNDS ?? 7);
const BEFORE = process.env.PEERS_BEFORE ? normalize(process.env.PEERS_BEFORE) : undefined;
if (BEFORE && !existsSync(join(BEFORE, 'samverkan.min.js'))) throw new Error(`PEERS_BEFORE: ${BEFORE}/samverkan.min.js is missing`);
if (!existsSync(join(DIST, 'samverkan.min.js'))) throw new Error('packages/elements/dist/samverkan.min.js is missing: run npm run build first');

// The data: as the server publishes it (normalised), given to every page as the same text.
const organisations = listText();
const meetings = calendarText();
// Keystrokes typed one after another (one character added or taken away
// each), each changing the visible first page of every list: on this data a
// query of three letters or more mostly narrows within the first page, so the
// words are short. The box first gets "s" (not timed: from the empty box it
// leaves the first pages as they are). The bench checks it and prints how
// many keystrokes changed nothing, per page (0 expected).
const FIRST_QUERY = 's';
const QUERIES = ['sc', 'sco', 'sc', 's', 'st', 'stj', 'st', 's', 'si', 'sis', 'si', 's', 'sc', 'sco', 'sc', 's', 'st', 'stj', 'st'];

const page = (head, body, script) => `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>bench</title>${head}
<style>body{font-family:sans-serif;margin:1rem;width:1100px}</style></head><body>${body}<script type="module">${PAGE_WAITS}${CALENDAR_COLD}
let runs = 0;
// A keystroke timed from the start of a frame (atFrame): typed inside an
// animation frame callback, so that its DOM change is styled, laid out and
// painted in that same frame, and timed until the task after it. Typed at an
// arbitrary moment (the first figure), the time includes the wait for the
// display's next frame (up to 16.7 ms at 60 Hz), which no page can shorten.
const keystroke = (atFrame, run) => (atFrame ? new Promise((resolve, reject) => requestAnimationFrame(() => run().then(resolve, reject))) : run());
// The task after this frame's rendering (queued from inside the frame callback).
const rendered = () => new Promise((resolve) => setTimeout(resolve, 0));
// Counts keystrokes whose DOM change came in a later task than the one they were typed in (window.late):
// a frame-aligned figure would then leave out its rendering.
const lateness = () => {
  let passed = false;
  setTimeout(() => (passed = true), 0);
  return () => {
    if (passed) window.late = (window.late ?? 0) + 1;
  };
};
// The third figure, the issue's own row ("list keystroke → DOM"): from just before the keystroke is
// handed to the page (the input event dispatched; List.js: the search its keyup handler runs) until
// the first page's DOM shows the result it ends with. A MutationObserver on the list's container
// takes the time: its callback runs at the first microtask checkpoint after a change, which is
// fair to both kinds of page. A page that changes the DOM synchronously (List.js) is timed to the
// checkpoint right after its search returns; one that renders in a microtask (ours: Lit's update)
// to the checkpoint right after that update. Neither includes style, layout or paint (the second
// figure has them). Each callback notes the time first and then what the first page shows; after
// the keystroke has settled (settle(): its update complete, then the next task), the figure is the
// first callback whose first page is the final one, so a page that changed in steps is timed to
// its last step. A keystroke with no such callback counts as unchanged (window.unchanged); one
// whose callback came in a later task than the keystroke's counts as late (window.late).
const toDom = async (root, shown, type, settle) => {
  const before = shown();
  const seen = [];
  let passed = false;
  const observer = new MutationObserver(() => {
    const at = performance.now();
    seen.push({ at, shown: shown(), late: passed });
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  setTimeout(() => (passed = true), 0);
  const start = performance.now();
  type();
  await settle(() => shown() !== before);
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  const final = shown();
  const shownAt = final === before ? undefined : seen.find((s) => s.shown === final);
  if (!shownAt) {
    window.unchanged = (window.unchanged ?? 0) + 1;
    return NaN;
  }
  if (shownAt.late) window.late = (window.late ?? 0) + 1;
  return shownAt.at - start;
};
${script}
window.benchReady = true;
</script></body></html>`;

const PAGES = {
  'ours-list': page('<script type="module" src="/dist/samverkan.min.js"></script>', '<div id="host"></div>', `
  window.firstRow = async (text) => {
    const host = document.getElementById('host');
    host.replaceChildren();
    if (!customElements.get('samverkan-signatory-list')) await window.samverkan.load('samverkan-signatory-list');
    const el = document.createElement('samverkan-signatory-list');
    host.append(el);
    await el.updateComplete;
    await frame();
    // Another text each run: elements given the same text share one parse.
    text = text + ' '.repeat(++runs);
    performance.mark('cold-start');
    const start = performance.now();
    el.data = text;
    await until(el.shadowRoot, () => el.shadowRoot.querySelector('li'));
    await frame();
    performance.mark('cold-end');
    return performance.now() - start;
  };
  window.focusSearch = () => document.querySelector('samverkan-signatory-list').shadowRoot.querySelector('input[type="search"]').focus();
  window.type = (query, atFrame) => keystroke(atFrame, async () => {
    const el = document.querySelector('samverkan-signatory-list');
    const input = el.shadowRoot.querySelector('input[type="search"]');
    const shown = () => [...el.shadowRoot.querySelectorAll('li')].map((li) => li.textContent).join('|');
    const before = shown();
    const start = performance.now();
    const late = lateness();
    input.value = query;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    // Lit renders the new result inside this update (or, while the search index is built, once it is).
    await until(el.shadowRoot, () => shown() !== before).catch(() => (window.unchanged = (window.unchanged ?? 0) + 1));
    await el.updateComplete;
    late();
    await (atFrame ? rendered() : frame());
    return performance.now() - start;
  });
  window.typeToDom = (query) => {
    const el = document.querySelector('samverkan-signatory-list');
    const input = el.shadowRoot.querySelector('input[type="search"]');
    const shown = () => [...el.shadowRoot.querySelectorAll('li')].map((li) => li.textContent).join('|');
    return toDom(el.shadowRoot, shown, () => {
      input.value = query;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }, async (changed) => {
      // The update the keystroke asked for; a second observer only if that did not change the page yet
      // (observing from the start would make ours pay for two observers' records, List.js for one).
      await el.updateComplete;
      if (!changed()) await until(el.shadowRoot, changed).catch(() => {});
      await el.updateComplete;
    });
  };`),
  gridjs: page('<link rel="stylesheet" href="/peer/mermaid.min.css"><script src="/peer/gridjs.js"></script>', '<div id="host"></div>', `
  const FORMS = {};
  window.firstRow = async (text) => {
    const host = document.getElementById('host');
    // A new container each render: Preact renders a second grid into the same container as an update
    // of the first one's components, whose search box then answers nothing.
    const box = document.createElement('div');
    host.replaceChildren(box);
    await frame();
    performance.mark('cold-start');
    const start = performance.now();
    const data = JSON.parse(text).organisations.filter((o) => o.signature).map((o) => [o.name, o.form, o.districts.join(', '), o.activities.join(', ')]);
    window.grid = new gridjs.Grid({ columns: ['Namn', 'Form', 'Område', 'Verksamhet'], data, pagination: { limit: 50 }, search: { debounceTimeout: 0 } }).render(box);
    await until(host, () => host.querySelector('.gridjs-tbody .gridjs-tr'));
    await frame();
    performance.mark('cold-end');
    return performance.now() - start;
  };
  window.focusSearch = () => document.querySelector('#host .gridjs-search-input').focus();
  window.type = async (query) => {
    const host = document.getElementById('host');
    const input = host.querySelector('.gridjs-search-input');
    const body = host.querySelector('.gridjs-tbody') ?? host;
    const before = host.textContent;
    const start = performance.now();
    input.value = query;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    // The summary line ("Showing 1 to 50 of N") changes with the result set.
    await until(host, () => host.textContent !== before).catch(() => (window.unchanged = (window.unchanged ?? 0) + 1));
    await frame();
    return performance.now() - start;
  };
  window.typeToDom = (query) => {
    const host = document.getElementById('host');
    const input = host.querySelector('.gridjs-search-input');
    const shown = () => host.querySelector('.gridjs-tbody')?.textContent ?? '';
    return toDom(host, shown, () => {
      input.value = query;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }, async (changed) => {
      // Grid.js searches and renders in later tasks (its pipeline and Preact's debounced rendering).
      await until(host, changed).catch(() => {});
      await frame();
    });
  };`),
  listjs: page('<script src="/peer/list.min.js"></script>', '<div id="host"></div>', `
  window.firstRow = async (text) => {
    const host = document.getElementById('host');
    host.innerHTML = '<div id="orgs"><input class="search" type="search"><ul class="list"></ul></div>';
    await frame();
    performance.mark('cold-start');
    const start = performance.now();
    const values = JSON.parse(text).organisations.filter((o) => o.signature).map((o) => ({ name: o.name, form: o.form, district: o.districts.join(', '), activity: o.activities.join(', ') }));
    window.list = new List('orgs', { valueNames: ['name', 'form', 'district', 'activity'], item: '<li><h3 class="name"></h3><p class="form"></p><p class="district"></p><p class="activity"></p></li>', page: 50 }, values);
    await until(host, () => host.querySelector('.list li'));
    await frame();
    performance.mark('cold-end');
    return performance.now() - start;
  };
  window.focusSearch = () => document.querySelector('#orgs .search').focus();
  window.type = (query, atFrame) => keystroke(atFrame, async () => {
    const list = document.querySelector('#orgs .list');
    const before = list.textContent;
    const start = performance.now();
    const late = lateness();
    // What List.js's own keyup handler does, without its debounce.
    window.list.search(query);
    if (list.textContent === before) window.unchanged = (window.unchanged ?? 0) + 1;
    late();
    await (atFrame ? rendered() : frame());
    return performance.now() - start;
  });
  window.typeToDom = (query) => {
    const list = document.querySelector('#orgs .list');
    const input = document.querySelector('#orgs .search');
    // The key's new text in the box, as with ours and Grid.js, then what List.js's own keyup handler does (without its debounce).
    return toDom(list, () => list.textContent, () => {
      input.value = query;
      window.list.search(query);
    }, async () => {});
  };`),
  'ours-calendar': page('<script type="module" src="/dist/samverkan.min.js"></script>', '<div id="host"></div>', `
  window.firstRow = async (text) => {
    const host = document.getElementById('host');
    host.replaceChildren();
    // Another text each run: elements given the same text share one parse.
    return (await window.calendarCold(host, text + ' '.repeat(++runs))).wall;
  };
  window.next = () => window.calendarNext(document.querySelector('samverkan-meeting-calendar'));`),
  fullcalendar: page('<script src="/peer/fullcalendar.js"></script><script src="/peer/daygrid.js"></script>', '<div id="host"></div>', `
  window.firstRow = async (text) => {
    window.calendar?.destroy();
    const host = document.getElementById('host');
    host.replaceChildren();
    await frame();
    performance.mark('cold-start');
    const start = performance.now();
    const events = JSON.parse(text).meetings.map((m) => ({ id: m.id, title: typeof m.title === 'string' ? m.title : m.title.sv, start: m.start, end: m.end }));
    window.calendar = new FullCalendar.Calendar(host, { initialView: 'dayGridMonth', initialDate: '2026-03-01', events, locale: 'sv', firstDay: 1 });
    window.calendar.render();
    await until(host, () => host.querySelector('.fc-event'));
    await frame();
    performance.mark('cold-end');
    return performance.now() - start;
  };
  window.next = async () => {
    const host = document.getElementById('host');
    const title = host.querySelector('.fc-toolbar-title').textContent;
    const start = performance.now();
    window.calendar.next();
    await until(host, () => host.querySelector('.fc-toolbar-title').textContent !== title && host.querySelector('.fc-event'));
    await frame();
    return performance.now() - start;
  };`),
};

// The earlier build's pages: ours, served from /before/.
if (BEFORE) {
  PAGES['before-list'] = PAGES['ours-list'].replace('/dist/samverkan.min.js', '/before/samverkan.min.js');
  PAGES['before-calendar'] = PAGES['ours-calendar'].replace('/dist/samverkan.min.js', '/before/samverkan.min.js');
}

const peerFiles = {
  '/peer/gridjs.js': 'node_modules/gridjs/dist/gridjs.umd.js',
  '/peer/mermaid.min.css': 'node_modules/gridjs/dist/theme/mermaid.min.css',
  '/peer/list.min.js': 'node_modules/list.js/dist/list.min.js',
  '/peer/fullcalendar.js': 'node_modules/@fullcalendar/core/index.global.min.js',
  '/peer/daygrid.js': 'node_modules/@fullcalendar/daygrid/index.global.min.js',
};
const TYPES = { js: 'text/javascript', css: 'text/css', html: 'text/html', json: 'application/json' };
const gzipped = new Map();
function send(res, path, body) {
  let zipped = gzipped.get(path);
  if (!zipped) gzipped.set(path, (zipped = gzipSync(body, { level: 9 })));
  // Cross-origin isolated pages (every file comes from here): performance.now() then counts in 5 µs
  // steps, not the 100 µs it is coarsened to otherwise, which a keystroke → DOM of 1–5 ms needs.
  res
    .writeHead(200, {
      'content-type': `${TYPES[path.split('.').pop()] ?? 'text/plain'}; charset=utf-8`,
      'content-encoding': 'gzip',
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    })
    .end(zipped);
}
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const name = path.slice(1).replace(/\.html$/, '');
  if (PAGES[name]) return send(res, path, PAGES[name]);
  if (path === '/organisations.json') return send(res, path, organisations);
  if (path === '/meetings.json') return send(res, path, meetings);
  if (peerFiles[path]) return send(res, path, readFileSync(join(ROOT, peerFiles[path])));
  for (const [prefix, dir] of [['/dist/', DIST], ['/before/', BEFORE]]) {
    if (!dir || !path.startsWith(prefix)) continue;
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (file.startsWith(dir) && existsSync(file)) return send(res, path, readFileSync(file));
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const chromium = await launchChromium('samverkan-peers-chromium');
const { browser } = chromium;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Opens a page fresh (no cache), returns it with the bytes it downloaded (data left out) once it is ready. */
async function open(name) {
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1200, height: 1000 });
  const cdp = await tab.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map();
  let bytes = 0;
  cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
  cdp.on('Network.loadingFinished', (event) => {
    if (!/\.json$/.test(urls.get(event.requestId) ?? '')) bytes += event.encodedDataLength;
  });
  await tab.goto(`${origin}/${name}.html`, { waitUntil: 'load' });
  await tab.waitForFunction(() => window.benchReady === true);
  if (!(await tab.evaluate(() => window.crossOriginIsolated))) throw new Error(`${name}: the page is not cross-origin isolated (performance.now() would be coarse)`);
  return { tab, bytes: () => bytes };
}

const results = {};
const profiles = process.env.PEERS_PROFILE ? new Map() : undefined;

/** PEERS_PROFILE: a CDP session with V8's sampling profiler enabled on `tab`, for our pages only (else undefined). */
async function profilerFor(name, tab) {
  if (!profiles || !/^(ours|before)-/.test(name)) return undefined;
  const session = await tab.createCDPSession();
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  return session;
}

/** Stops `session`'s profiler and adds its profile to the summary kept under `key` (and, given `rawName` and PEERS_PROFILE_DIR, writes it raw). */
async function keepProfile(session, key, rawName) {
  const { profile } = await session.send('Profiler.stop');
  // PEERS_PROFILE_DIR=<dir>: the raw profile too, to open in Chromium's DevTools (Performance panel).
  if (rawName && process.env.PEERS_PROFILE_DIR) writeFileSync(join(process.env.PEERS_PROFILE_DIR, `${rawName}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
  if (!profiles.has(key)) profiles.set(key, new CpuProfileSummary({ '/dist/': DIST, ...(BEFORE ? { '/before/': BEFORE } : {}) }));
  await profiles.get(key).add(profile);
}
const record = (name, key, value) => ((results[name] ??= {})[key] ??= []).push(value);

/** Prints the main thread's time per trace event name (complete events, nested ones counted in their own line too), per keystroke. */
function traceSummary(name, trace, { what = 'keystroke', count = QUERIES.length } = {}) {
  const events = trace.traceEvents ?? trace;
  // The page's renderer main thread: of the CrRendererMain threads the trace names (other tabs have theirs), the busiest;
  // only those of the page's own process when the trace says which it is (the frames it lists when it starts):
  // a cold render is short, and another renderer (one decoding a font) was busier.
  const frames = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames ?? [];
  const pid = frames.find((frame) => frame.url?.includes(`/${name}.html`))?.processId;
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (pid === undefined || e.pid === pid));
  const busy = (t) => events.reduce((sum, e) => sum + (e.ph === 'X' && e.pid === t.pid && e.tid === t.tid ? e.dur : 0), 0);
  const main = mains.map((t) => [t, busy(t)]).sort((a, b) => b[1] - a[1])[0]?.[0];
  const totals = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !main || e.tid !== main.tid || e.pid !== main.pid) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  const layouts = events.filter((e) => e.name === 'Layout' && e.ph === 'X' && e.tid === main?.tid && e.pid === main?.pid);
  const objects = layouts.reduce((sum, e) => sum + (e.args?.beginData?.dirtyObjects ?? 0), 0);
  const all = layouts.reduce((sum, e) => sum + (e.args?.beginData?.totalObjects ?? 0), 0);
  console.log(`  ${name} ${what}s: ${layouts.length} layouts, ${(objects / Math.max(1, layouts.length)).toFixed(0)} of ${(all / Math.max(1, layouts.length)).toFixed(0)} layout objects dirty on average`);
  console.log(`  ${name} ${what}s, main thread per ${what} (ms): ` + [...totals].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([n, ms]) => `${n} ${(ms / count).toFixed(2)}`).join(', '));
}

/**
 * The main thread's CPU time (thread time of its top-level trace events, ms) between the page's
 * performance marks cold-start and cold-end; undefined when the trace has no such marks.
 */
function markedCpu(name, trace) {
  const events = trace.traceEvents ?? trace;
  const mark = (label) => events.find((e) => e.name === label && e.cat?.includes('user_timing'));
  const start = mark('cold-start');
  const end = mark('cold-end');
  if (!start || !end) return undefined;
  let cpu = 0;
  let until = -Infinity;
  // A task under way at the start mark counts too, for its part after the mark: a page that sets its data in a
  // task (the peers' pages after their frame, ours in the timer that sets `data`) does that task's work after it.
  const mine = events
    .filter((e) => e.ph === 'X' && e.pid === start.pid && e.tid === start.tid && e.ts + e.dur > start.ts && e.ts < end.ts)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  for (const e of mine) {
    if (e.ts < until) continue;
    until = e.ts + e.dur;
    const inside = Math.min(e.ts + e.dur, end.ts) - Math.max(e.ts, start.ts);
    cpu += (e.tdur ?? e.dur) * Math.min(1, inside / Math.max(1, e.dur));
  }
  return cpu / 1000;
}

/**
 * Prints, for `tab` after its cold first render, every script file the page fetched (Resource Timing): when it was
 * requested and when its last byte had arrived, in ms from the mark cold-start, and the window's end (cold-end).
 * A file requested only after another has arrived (a chunk the browser learns of from an earlier chunk's imports)
 * is a round trip of its own; one that arrives after 0 is one the first row waited for.
 */
async function printWaterfall(name, tab) {
  const { rows, end } = await tab.evaluate(() => {
    const start = performance.getEntriesByName('cold-start')[0].startTime;
    const end = performance.getEntriesByName('cold-end')[0].startTime - start;
    const rows = performance
      .getEntriesByType('resource')
      .filter((entry) => /\.js$/.test(entry.name))
      .map((entry) => ({ file: entry.name.replace(/^.*\//, ''), requested: entry.startTime - start, arrived: entry.responseEnd - start }));
    return { rows, end };
  });
  const at = (v) => `${v >= 0 ? '+' : ''}${v.toFixed(1)}`.padStart(8);
  console.log(`  ${name}, cold waterfall (ms from cold-start; cold-end at ${at(end).trim()}): requested, arrived, file`);
  for (const row of rows.sort((a, b) => a.requested - b.requested)) console.log(`    ${at(row.requested)} ${at(row.arrived)}  ${row.file}`);
}

async function round(names, dataUrl, afterwards) {
  for (const name of names) {
    if (process.env.PEER_DEBUG) console.log('open', name);
    const { tab, bytes } = await open(name);
    const text = await tab.evaluate(async (url) => (window.text = await (await fetch(url)).text()), dataUrl);
    void text;
    const profiled = await profilerFor(name, tab);
    if (profiled) await profiled.send('Profiler.start');
    // PEERS_TRACE=1: a Chromium trace of the lists' and calendars' cold first render too (ours and FullCalendar's, same
    // categories as the month changes'): where its time goes, by trace event (script, style, layout, paint, GC).
    // PEERS_TRACE_PEERS=1: the peers' lists too (Grid.js, List.js), to compare the browser's own work in the window.
    const tracedCold = process.env.PEERS_TRACE && (/(calendar|list)$/.test(name) || (process.env.PEERS_TRACE_PEERS && /js$/.test(name)));
    // The categories also give V8's compiles (V8.CompileCode: a function's first call compiles it) for the timeline below.
    if (tracedCold) await tab.tracing.start({ categories: ['toplevel', 'devtools.timeline', 'blink', 'v8', 'blink.user_timing', 'disabled-by-default-v8.compile'] });
    record(name, 'cold', await tab.evaluate(() => window.firstRow(window.text)));
    // PEERS_TRACE=1: our pages' waterfall (issue 18): each of our files, when it was requested and when it had
    // arrived, in ms from the cold window's start (cold-start: `data` set); negative is before it.
    if (process.env.PEERS_TRACE && /^(ours|before)-/.test(name)) await printWaterfall(name, tab);
    if (tracedCold) {
      const trace = Buffer.from(await tab.tracing.stop()).toString();
      // PEERS_PROFILE_DIR=<dir>: the raw trace too (Chromium's DevTools, Performance panel, opens it).
      if (process.env.PEERS_PROFILE_DIR) writeFileSync(join(process.env.PEERS_PROFILE_DIR, `${name}-cold-${Date.now()}.trace.json`), trace);
      const events = JSON.parse(trace);
      traceSummary(name, events, { what: 'cold first render', count: 1 });
      // The lists and calendars mark their window (cold-start, cold-end): the main thread's CPU time in it, which the
      // machine's other load changes far less than the wall time.
      const cpu = markedCpu(name, events);
      if (cpu !== undefined) record(name, 'cold cpu', cpu);
      // The window task by task, with the idle gaps between (where the wall time goes, not only the CPU's).
      if (/(calendar|list|js)$/.test(name)) {
        const all = events.traceEvents ?? events;
        const start = all.find((e) => e.name === 'cold-start');
        const end = all.find((e) => e.name === 'cold-end' && e.pid === start?.pid);
        const main = all.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === start?.pid);
        console.log(`  ${name}, cold first render:`);
        await printTimeline(events.traceEvents ?? events, start, end, main);
      }
    }
    if (profiled) await keepProfile(profiled, name, `${name}-cold`);
    // Bytes once the first render has pulled in what it needs (ours loads its element's chunks on demand).
    record(name, 'bytes', bytes());
    // PEERS_PROFILE: the warm render too (the code is hot, the page holds the first render's data).
    if (profiled) await profiled.send('Profiler.start');
    record(name, 'warm', await tab.evaluate(() => window.firstRow(window.text)));
    if (profiled) await keepProfile(profiled, `${name} warm`);
    await afterwards(name, tab);
    await tab.close();
  }
}

try {
  for (let r = 0; r < ROUNDS; r++) {
    // Alternating page by page, the order turned each round.
    const lists = r % 2 ? ['listjs', 'gridjs', 'ours-list'] : ['ours-list', 'gridjs', 'listjs'];
    if (BEFORE) lists.splice(r % 2 ? 1 : 2, 0, 'before-list');
    // PEERS_LISTS=ours-list,before-list: only those lists (a before/after comparison of ours without the peers' time).
    if (process.env.PEERS_LISTS) lists.splice(0, lists.length, ...lists.filter((name) => process.env.PEERS_LISTS.split(',').includes(name)));
    // PEERS_ONLY=calendar: the calendars alone (while working on them).
    if (process.env.PEERS_ONLY !== 'calendar') await round(lists, '/organisations.json', async (name, tab) => {
      // PEERS_COLD_ONLY=1: the first renders alone, no keystrokes.
      if (process.env.PEERS_COLD_ONLY) return;
      // As a reader types: in the search box (ours then shows its filters' values, built when the controls are reached).
      await tab.evaluate(() => window.focusSearch());
      // The issue's own figure, keystroke → DOM (toDom in the page), for every list, Grid.js too; last, so the
      // two figures below are taken as they always were (first keystrokes of the page).
      const keystrokeToDom = async () => {
        const toDomTimes = [];
        await tab.evaluate((q) => window.typeToDom(q), FIRST_QUERY);
        await tab.evaluate(() => ((window.unchanged = 0), (window.late = 0)));
        // PEERS_PROFILE: these keystrokes are profiled too, on their own ("keystrokes → DOM").
        const profiled = await profilerFor(name, tab);
        if (profiled) await profiled.send('Profiler.start');
        for (const query of QUERIES) toDomTimes.push(await tab.evaluate((q) => window.typeToDom(q), query));
        if (profiled) await keepProfile(profiled, `${name} keystrokes → DOM`, `${name}-keystrokes-to-dom`);
        const [unchangedToDom, lateToDom] = await tab.evaluate(() => [window.unchanged ?? 0, window.late ?? 0]);
        const timed = toDomTimes.filter((t) => !Number.isNaN(t));
        if (timed.length) record(name, 'to dom', median(timed));
        record(name, 'unchanged to dom', unchangedToDom);
        record(name, 'late to dom', lateToDom);
        console.log(`  ${name}, keystroke → DOM: ${unchangedToDom} of ${QUERIES.length} changed nothing visible, ${lateToDom} shown in a later task than typed`);
      };
      // Grid.js searches and renders in later tasks (its pipeline, a 100 ms throttle, Preact's debounced
      // rendering), so the two figures below, which time the task a keystroke is typed in, do not apply
      // to it; only keystroke → DOM (to the DOM change, whatever task it comes in) is measured.
      if (name === 'gridjs') return keystrokeToDom();
      const times = [];
      await tab.evaluate((q) => window.type(q), FIRST_QUERY);
      await tab.evaluate(() => (window.unchanged = 0));
      // PEERS_PROFILE: our keystrokes are profiled too (summed over the 19, printed per keystroke round).
      const profiled = await profilerFor(name, tab);
      if (profiled) await profiled.send('Profiler.start');
      // PEERS_TRACE=1: a Chromium trace of the keystrokes, for where the browser's own time ("(program)" in a CPU profile) goes.
      const traced = process.env.PEERS_TRACE && name !== 'gridjs';
      if (traced) await tab.tracing.start({ categories: ['devtools.timeline', 'blink', 'v8'] });
      for (const query of QUERIES) times.push(await tab.evaluate((q) => window.type(q), query));
      if (traced) traceSummary(name, JSON.parse(Buffer.from(await tab.tracing.stop()).toString()));
      if (profiled) await keepProfile(profiled, `${name} keystrokes`);
      record(name, 'keystroke', median(times));
      const unchanged = await tab.evaluate(() => window.unchanged ?? 0);
      record(name, 'unchanged', unchanged);
      console.log(`  ${name}: ${unchanged} of ${QUERIES.length} keystrokes changed nothing visible`);
      // The same keystrokes again, each typed at the start of a frame (see keystroke() in the page).
      const framed = [];
      await tab.evaluate((q) => window.type(q), FIRST_QUERY);
      await tab.evaluate(() => ((window.unchanged = 0), (window.late = 0)));
      for (const query of QUERIES) framed.push(await tab.evaluate((q) => window.type(q, true), query));
      record(name, 'framed', median(framed));
      const [unchangedFramed, late] = await tab.evaluate(() => [window.unchanged ?? 0, window.late ?? 0]);
      record(name, 'unchanged', unchangedFramed);
      record(name, 'late', late);
      console.log(`  ${name}, typed at a frame's start: ${unchangedFramed} of ${QUERIES.length} changed nothing visible, ${late} rendered in a later task than typed`);
      await keystrokeToDom();
    });
    // PEERS_ONLY=list: the lists alone (while working on them).
    if (process.env.PEERS_ONLY === 'list') continue;
    const calendars = r % 2 ? ['fullcalendar', 'ours-calendar'] : ['ours-calendar', 'fullcalendar'];
    if (BEFORE) calendars.splice(1, 0, 'before-calendar');
    await round(calendars, '/meetings.json', async (name, tab) => {
      const times = [];
      // PEERS_TRACE=1: a Chromium trace of the month changes too.
      const traced = process.env.PEERS_TRACE;
      if (traced) await tab.tracing.start({ categories: ['devtools.timeline', 'blink', 'v8'] });
      for (let i = 0; i < 6; i++) times.push(await tab.evaluate(() => window.next()));
      if (traced) traceSummary(name, JSON.parse(Buffer.from(await tab.tracing.stop()).toString()), { what: 'month change', count: 6 });
      record(name, 'next', median(times));
      // The first click comes right after the render (ours: while the rest of the dataset is still being checked).
      record(name, 'first next', times[0]);
    });
  }
} finally {
  await chromium.close();
  server.close();
}

const m = (name, key) => (results[name]?.[key] ? median(results[name][key]) : NaN);
const ms = (v) => `${v.toFixed(1)} ms`.padStart(10);
const kb = (v) => `${(v / 1024).toFixed(1)} KB`.padStart(10);
console.log(`\n${ROUNDS} rounds, medians. 10,000 organisations (${JSON.parse(organisations).organisations.filter((o) => o.signature).length} signatories), 2,000 meetings; ${QUERIES.length} keystrokes per round.`);
console.log('page'.padEnd(16), 'cold'.padStart(10), 'warm'.padStart(10), 'keys/next'.padStart(10), 'bytes gz'.padStart(10));
for (const name of Object.keys(results)) {
  const third = results[name].keystroke ? ms(m(name, 'keystroke')) : results[name].next ? ms(m(name, 'next')) : 'n/a'.padStart(10);
  console.log(name.padEnd(16), ms(m(name, 'cold')), ms(m(name, 'warm')), third, kb(m(name, 'bytes')));
}
const ratio = (a, b) => (a / b).toFixed(2) + '×';
// Every round's cold figure, for the spread behind the medians.
for (const name of Object.keys(results)) console.log(`${name} cold, each round (ms): ${results[name].cold.map((v) => v.toFixed(1)).join(' ')}`);
// PEERS_TRACE: the main thread's CPU time in each list's cold window.
for (const name of Object.keys(results)) if (results[name]['cold cpu']) console.log(`${name} cold, main thread CPU (ms): median ${m(name, 'cold cpu').toFixed(1)}; each round ${results[name]['cold cpu'].map((v) => v.toFixed(1)).join(' ')}`);
if (results['ours-list']?.['cold cpu'] && results['before-list']?.['cold cpu']) console.log(`  after ÷ before, cold main thread CPU: ${ratio(m('ours-list', 'cold cpu'), m('before-list', 'cold cpu'))}`);
if (results['ours-list']?.['cold cpu'] && results.gridjs?.['cold cpu']) console.log(`  ours ÷ Grid.js, cold main thread CPU: ${ratio(m('ours-list', 'cold cpu'), m('gridjs', 'cold cpu'))}`);
if (results['ours-calendar']?.['cold cpu'] && results['before-calendar']?.['cold cpu']) console.log(`  after ÷ before, calendar cold main thread CPU: ${ratio(m('ours-calendar', 'cold cpu'), m('before-calendar', 'cold cpu'))}`);
if (results['ours-calendar']?.['cold cpu'] && results.fullcalendar?.['cold cpu']) console.log(`  ours ÷ FullCalendar, cold main thread CPU: ${ratio(m('ours-calendar', 'cold cpu'), m('fullcalendar', 'cold cpu'))}`);
console.log('\nratios (budget):');
if (results['ours-list'] && results.gridjs && results.listjs) {
  console.log(`  list first row, cold: ${ratio(m('ours-list', 'cold'), m('gridjs', 'cold'))} Grid.js (≤ 0.4×), ${ratio(m('ours-list', 'cold'), m('listjs', 'cold'))} List.js; warm: ${ratio(m('ours-list', 'warm'), m('gridjs', 'warm'))} Grid.js, ${ratio(m('ours-list', 'warm'), m('listjs', 'warm'))} List.js`);
}
// PEERS_COLD_ONLY=1 typed no keystrokes: no keystroke figures (their counts would be missing).
if (results['ours-list']?.keystroke && results.gridjs && results.listjs) {
  console.log(`  list keystroke: ${ratio(m('ours-list', 'keystroke'), m('listjs', 'keystroke'))} List.js (≤ 0.6×); keystrokes that changed nothing visible, all rounds: ours ${results['ours-list'].unchanged.reduce((a, b) => a + b, 0)}, List.js ${results.listjs.unchanged.reduce((a, b) => a + b, 0)}`);
  const lateIn = (name, key = 'late') => results[name][key].reduce((a, b) => a + b, 0);
  console.log(`  list keystroke typed at a frame's start (no wait for the display's next frame): ours ${ms(m('ours-list', 'framed')).trim()}, List.js ${ms(m('listjs', 'framed')).trim()} = ${ratio(m('ours-list', 'framed'), m('listjs', 'framed'))} List.js; rendered in a later task than typed, all rounds: ours ${lateIn('ours-list')}, List.js ${lateIn('listjs')}`);
  const toDom = (name) => (results[name]['to dom'] ? m(name, 'to dom') : NaN);
  console.log(
    `  list keystroke → DOM (the issue's row: input dispatched → first page's DOM shows the new result, no rendering): ours ${ms(toDom('ours-list')).trim()}, List.js ${ms(toDom('listjs')).trim()}, Grid.js ${ms(toDom('gridjs')).trim()} = ${ratio(toDom('ours-list'), toDom('listjs'))} List.js (≤ 0.6×), ${ratio(toDom('ours-list'), toDom('gridjs'))} Grid.js; ` +
      `changed nothing, all rounds: ours ${lateIn('ours-list', 'unchanged to dom')}, List.js ${lateIn('listjs', 'unchanged to dom')}, Grid.js ${lateIn('gridjs', 'unchanged to dom')}; ` +
      `shown in a later task than typed: ours ${lateIn('ours-list', 'late to dom')}, List.js ${lateIn('listjs', 'late to dom')}, Grid.js ${lateIn('gridjs', 'late to dom')}`,
  );
}
if (results['ours-calendar']) console.log(`  calendar first meeting, cold: ${ratio(m('ours-calendar', 'cold'), m('fullcalendar', 'cold'))} FullCalendar (≤ 0.2×); warm: ${ratio(m('ours-calendar', 'warm'), m('fullcalendar', 'warm'))}`);
if (results['ours-calendar']) console.log(`  next month: ${ratio(m('ours-calendar', 'next'), m('fullcalendar', 'next'))} FullCalendar (≤ 0.2×); the first click after the render: ours ${ms(m('ours-calendar', 'first next')).trim()}, FullCalendar ${ms(m('fullcalendar', 'first next')).trim()}${BEFORE ? `, before ${ms(m('before-calendar', 'first next')).trim()}` : ''}`);
if (BEFORE) {
  if (results['ours-list']) console.log(`  after ÷ before (same run): list cold ${ratio(m('ours-list', 'cold'), m('before-list', 'cold'))}, warm ${ratio(m('ours-list', 'warm'), m('before-list', 'warm'))}, keystroke ${ratio(m('ours-list', 'keystroke'), m('before-list', 'keystroke'))}, at a frame's start ${ratio(m('ours-list', 'framed'), m('before-list', 'framed'))}, → DOM ${ratio(m('ours-list', 'to dom'), m('before-list', 'to dom'))}`);
  if (results['ours-calendar']) console.log(`  after ÷ before (same run): calendar cold ${ratio(m('ours-calendar', 'cold'), m('before-calendar', 'cold'))}, warm ${ratio(m('ours-calendar', 'warm'), m('before-calendar', 'warm'))}, next month ${ratio(m('ours-calendar', 'next'), m('before-calendar', 'next'))}`);
}
// Not the size budget: these are all the bench page fetched up to its first row (its parts and the checks too);
// issue 18's ≤ 25 KB is for what an element needs before it renders, which the size bench measures file by file.
console.log(
  `  bytes fetched up to the first row (every file but the dataset, headers included): ${results['ours-list'] ? `our list page ${kb(m('ours-list', 'bytes')).trim()}, ` : ''}${results['ours-calendar'] ? `our calendar page ${kb(m('ours-calendar', 'bytes')).trim()}` : ''}; ` +
    `the ≤ 25 KB budget is for what an element needs before it renders: npm run bench -- size`,
);
for (const [name, summary] of profiles ?? []) {
  console.log(`\n${name}${name.includes(' ') ? '' : ', cold first render'}:`);
  for (const line of summary.lines(20)) console.log(`  ${line}`);
}
