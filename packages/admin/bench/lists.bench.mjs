// The admin page's two long lists, in headless Chromium, timed inside the page
// with performance.now() (issue 14's budgets):
//   - the applications inbox with 5,000 applications and the organisations
//     list with 10,000 organisations: ms from the data received (the parsed
//     answer the client hands over; also with JSON.parse of the response text
//     included) to the rows in the DOM (`updateComplete`) and to the next
//     frame. Budget ≤ 200 ms.
//   - typing a search: median and worst ms from a keystroke (keydown, or
//     beforeinput for characters typed without one) to the updated DOM.
//     Budget ≤ 16 ms a keystroke. Typing starts a second after the rows
//     show (a reader moves to the search box), as in the elements' bench.
// The views are bundled from the current sources the way the build does
// (Lit's production build, terser) and served from a local node:http server.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { generateDataset } from '../../../bench/generate-dataset.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RUNS = 9;
/** How long after the rows the first keystroke comes, at the soonest. */
const READER_PAUSE_MS = 1000;
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

async function bundle() {
  const build = await rollup({
    input: `${ROOT}packages/admin/bench/bench-entry.ts`,
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['samverkan-source', 'production', 'browser'] }),
      typescript({ tsconfig: `${ROOT}packages/admin/tsconfig.bundle.json`, include: [`${ROOT}packages/admin/**/*.ts`, `${ROOT}packages/*/src/**/*.ts`], noEmitOnError: false, outputToFilesystem: false }),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
    onwarn() {},
    logLevel: 'silent',
  });
  try {
    const { output } = await build.generate({ format: 'es', inlineDynamicImports: true });
    return output[0].code;
  } finally {
    await build.close();
  }
}

// Fictional data: 10,000 organisations from the shared generator, 5,000 applications made from them.
const dataset = generateDataset({ organisations: 10_000, meetings: 0, contacts: 5, seed: 7 });
const organisations = dataset.organisations.map((value, i) => ({ value, etag: `"e${i}"` }));
const applications = dataset.organisations.slice(0, 5_000).map((o, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  status: i % 7 === 0 ? 'pending' : i % 3 === 0 ? 'rejected' : 'approved',
  receivedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
  reference: `K${String(i).padStart(3, '0').slice(-3)}-${String(1000 + (i % 9000)).slice(-4)}`,
  language: 'sv',
  application: {
    organisation: { name: o.name, organisationNumber: o.organisationNumber, form: o.form, email: o.email ?? `info${i}@forening.example.org`, districts: o.districts, activities: o.activities },
    contact: { name: `Kontakt ${i}`, email: `kontakt${i}@forening.example.org` },
    acceptsPrinciples: true,
    consent: true,
    language: 'sv',
  },
}));

const code = await bundle();
const page = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>admin lists bench</title></head>
<body><main id="host"></main><script type="module" src="/admin.js"></script></body></html>`;
const files = {
  '/': ['text/html', page],
  '/admin.js': ['text/javascript', code],
  '/applications.json': ['application/json', JSON.stringify({ applications })],
  '/organisations.json': ['application/json', JSON.stringify({ items: organisations })],
};
const server = createServer((req, res) => {
  const file = files[new URL(req.url, 'http://x').pathname];
  if (!file) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': `${file[0]}; charset=utf-8`, 'cache-control': 'no-store' }).end(file[1]);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const profile = mkdtempSync(join(tmpdir(), 'samverkan-admin-bench-'));
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`],
});

try {
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1200, height: 900 });
  await tab.goto(`${origin}/`, { waitUntil: 'load' });
  await tab.waitForFunction(() => customElements.get('samverkan-admin-applications') && customElements.get('samverkan-admin-content-list'));
  await tab.evaluate(async () => {
    const w = window;
    w.texts = { applications: await (await fetch('/applications.json')).text(), organisations: await (await fetch('/organisations.json')).text() };
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    // The views load on connect; this API never answers, so only `show` (what the load ends in) puts rows there.
    const idle = { applications: () => new Promise(() => {}), list: () => new Promise(() => {}), datasetInfo: () => new Promise(() => {}) };
    w.mount = async (tag, which, withParse) => {
      const host = document.getElementById('host');
      host.replaceChildren();
      const el = document.createElement(tag);
      el.api = idle;
      if (tag === 'samverkan-admin-content-list') {
        el.collection = 'organisations';
        el.info = { defaultLanguage: 'sv', languages: ['sv', 'en'], timeZone: 'Europe/Stockholm' };
      }
      host.append(el);
      await el.updateComplete;
      const text = w.texts[which];
      const parsed = withParse ? undefined : JSON.parse(text);
      await frame();
      const start = performance.now();
      const body = parsed ?? JSON.parse(text);
      el.show(which === 'applications' ? body.applications : body.items);
      await el.updateComplete;
      const dom = performance.now() - start;
      await frame();
      return { dom, painted: performance.now() - start, rows: el.querySelectorAll('.rows > li').length };
    };
    w.startTyping = () => {
      const el = document.querySelector('#host > *');
      const input = el.querySelector('input[type="search"]');
      w.keys = [];
      // The listeners of an earlier run go (else they would time keystrokes from that run's last key).
      w.stopTyping?.abort();
      w.stopTyping = new AbortController();
      const { signal } = w.stopTyping;
      let down = 0;
      let pending = false;
      input.addEventListener('keydown', (e) => {
        down = e.timeStamp;
        pending = true;
      }, { signal });
      input.addEventListener('beforeinput', (e) => {
        if (!pending) down = e.timeStamp;
      }, { signal });
      document.addEventListener('input', () => {
        pending = false;
        const start = down;
        el.updateComplete.then(() => w.keys.push(performance.now() - start));
      }, { signal });
      input.focus();
    };
  });

  async function first(tag, which, withParse) {
    const runs = [];
    for (let i = 0; i < RUNS + 1; i++) runs.push(await tab.evaluate((t, w, p) => window.mount(t, w, p), tag, which, withParse));
    runs.shift(); // warm-up
    return { dom: median(runs.map((r) => r.dom)), painted: median(runs.map((r) => r.painted)), rows: runs[0].rows };
  }

  async function typing(tag, which, words) {
    await tab.evaluate((t, w) => window.mount(t, w, false), tag, which);
    // A reader moves to the search box; the SDK builds its word index in that idle time (as in the elements' bench).
    await new Promise((r) => setTimeout(r, READER_PAUSE_MS));
    await tab.evaluate(() => window.startTyping());
    for (let round = 0; round < 3; round++) {
      for (const word of words) {
        for (const char of word) {
          await tab.keyboard.type(char);
          await new Promise((r) => setTimeout(r, 30));
        }
        for (let i = 0; i < word.length; i++) {
          await tab.keyboard.press('Backspace');
          await new Promise((r) => setTimeout(r, 30));
        }
      }
    }
    await new Promise((r) => setTimeout(r, 200));
    const keys = await tab.evaluate(() => window.keys);
    return { n: keys.length, median: median(keys), worst: Math.max(...keys) };
  }

  for (const [label, tag, which, words] of [
    ['applications inbox, 5,000 applications', 'samverkan-admin-applications', 'applications', ['förening', 'hovsjö', 'k042']],
    ['organisations list, 10,000 organisations', 'samverkan-admin-content-list', 'organisations', ['förening', 'östertälje', 'scout']],
  ]) {
    const parsed = await first(tag, which, false);
    const withParse = await first(tag, which, true);
    console.log(`\n${label}: data → first ${parsed.rows} rows (median of ${RUNS})`);
    console.log(`  parsed answer  → DOM ${fmt(parsed.dom)}, painted ${fmt(parsed.painted)}   budget ≤ 200 ms`);
    console.log(`  + JSON.parse   → DOM ${fmt(withParse.dom)}, painted ${fmt(withParse.painted)}`);
    const t = await typing(tag, which, words);
    console.log(`  keystroke → DOM median ${fmt(t.median)}, worst ${fmt(t.worst)} (${t.n} keystrokes)   budget ≤ 16 ms`);
  }
} finally {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
