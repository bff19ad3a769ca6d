// In headless Chromium, against the built bundle (issue 18; scripts/import-at-once.mjs): once a dataset element is
// defined, every file it goes on to fetch (its parts, the dataset's checks, and what those import) is requested
// before any file that imports it has arrived, so the browser never learns of one from another's imports: one
// round trip, not two, before the first row. Each file is served 250 ms late and the server notes when each was
// requested and sent, so a file found only in another's imports would be requested after that one was sent.
// And a page with only the signup form still downloads neither the checks nor the calendar.
// Needs the build (`npm run build`); SAMVERKAN_TEST_DIST=<a built packages/elements/dist> tests another build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SourceMap } from 'node:module';
import type { Browser } from 'puppeteer-core';
// window.samverkan, the autoloader the test page loads (its type, for the scripts run in the page).
import type {} from '../packages/elements/src/autoloader/autoloader.js';
import { builtBundle } from './helpers/built-bundle.js';
import { launchChromium } from '../scripts/bench/chromium.mjs';
import { trustTestCertificate } from './helpers/http2-test-server.js';
import { serveBundleLate, type LateBundleServer, type Served } from './helpers/late-bundle-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.SAMVERKAN_TEST_DIST ?? join(root, 'packages/elements/dist');
const DELAY = 250;

const { code, staticImports, withStaticImports } = builtBundle(dist);
/** The file of each element's define module: the loader's dynamic imports. */
const elementFile = (tag: string) => {
  const name = [...code('samverkan.min.js').matchAll(/import\("\.\/([\w.-]+\.min\.js)"\)/g)].map((m) => m[1]!).find((file) => new RegExp(`^${tag}-[\\w-]{8}\\.min\\.js$`).test(file));
  assert.ok(name, `samverkan.min.js imports no file for <${tag}>: run npm run build first`);
  return name;
};

let late: LateBundleServer;
let base = '';
let browser: Browser;
let closeBrowser: (() => Promise<void>) | undefined;
const PAGE = '<!doctype html><html lang="sv"><head><meta charset="utf-8"><script type="module" src="/samverkan.min.js"></script></head><body></body></html>';

before(async () => {
  // Over HTTP/2 (helpers/http2-test-server.ts): since the loader requests an element's whole first download at once,
  // a page with the contact finder requests eleven files together, more than HTTP/1.1's six connections carry at once.
  late = await serveBundleLate({ dist, delay: DELAY, page: () => PAGE });
  base = late.origin;
  ({ browser, close: closeBrowser } = await launchChromium('samverkan-import-at-once-chromium'));
});

after(async () => {
  await closeBrowser?.();
  await late?.close();
});

/** Until every request has been answered and none came for four delays. */
async function settled() {
  for (let quiet = 0; quiet < 4 * DELAY; quiet += 50) {
    const before = late.served.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (late.served.length !== before || late.served.some((entry) => entry.sent === undefined)) quiet = 0;
  }
}

/** A fresh page (its own context: nothing cached) that has run `script` in it, once everything it fetched has arrived. */
async function pageWith<T, A>(script: (arg: A) => Promise<T>, arg: A) {
  late.forget();
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await trustTestCertificate(page);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${(error as Error).message}`));
  page.on('console', (message) => void (message.type() === 'error' && problems.push(`console.error: ${message.text()}`)));
  await page.goto(`${base}/page.html`);
  await page.waitForFunction(() => window.samverkan !== undefined);
  const result = (await page.evaluate(script as (arg: unknown) => Promise<unknown>, arg)) as T;
  await settled();
  await context.close();
  // Its requests by file (a file requested twice: its last request).
  const served = new Map<string, Served>(late.served.map((entry) => [entry.name, entry]));
  return { result, problems, served };
}

const DATASET_ELEMENTS = ['samverkan-signatory-list', 'samverkan-meeting-calendar', 'samverkan-contact-finder', 'samverkan-principles', 'samverkan-follow-up', 'samverkan-volunteer-board'];

for (const tag of DATASET_ELEMENTS) {
  test(`<${tag}>, once defined, requests its parts, the checks and everything they import at once (no file found in another's imports)`, async () => {
    const { problems, served } = await pageWith(async (tag) => {
      await window.samverkan!.load(tag);
      const element = document.body.appendChild(document.createElement(tag)) as HTMLElement & { updateComplete: Promise<unknown> };
      await element.updateComplete;
    }, tag);
    assert.deepEqual(problems, []);
    const first = withStaticImports(elementFile(tag));
    // What it fetched beyond its first download: its parts and the checks, and their imports.
    const beside = [...served.keys()].filter((name) => name !== 'samverkan.min.js' && !first.has(name));
    assert.ok(beside.some((name) => /^samverkan-validate-/.test(name)), `<${tag}> did not fetch the checks: ${beside.join(', ')}`);
    const importedByAnother = beside.filter((name) => beside.some((other) => staticImports(other).includes(name)));
    // The case this guards: files (samverkan-time, -issues …) that another of these imports.
    assert.ok(importedByAnother.length > 0, `none of ${beside.join(', ')} imports another: the test would prove nothing`);
    for (const name of importedByAnother) {
      const requested = served.get(name)!.requested;
      for (const importer of beside.filter((other) => staticImports(other).includes(name))) {
        assert.ok(requested < served.get(importer)!.sent!, `${name} was requested ${(requested - served.get(importer)!.sent!).toFixed(0)} ms after ${importer}, which imports it, had been sent: a second round trip`);
      }
    }
    // And every file those import was fetched (the page has all its first row needs).
    for (const name of beside) for (const imported of withStaticImports(name)) assert.ok(served.has(imported), `${imported}, which ${name} imports, was not fetched`);
  });
}

test('the signatory list, its imports widened so, shows its first row', async () => {
  const data = readFileSync(join(root, 'examples/data/sodertalje.json'), 'utf8');
  const { result, problems } = await pageWith(
    async ({ tag, data }) => {
      await window.samverkan!.load(tag);
      const element = document.body.appendChild(document.createElement(tag)) as HTMLElement & { data: unknown };
      element.data = data;
      for (let i = 0; i < 200 && !element.shadowRoot?.querySelector('li'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      return element.shadowRoot?.querySelector('li')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    },
    { tag: 'samverkan-signatory-list', data },
  );
  assert.deepEqual(problems, []);
  const first = (JSON.parse(data) as { organisations: { name: string; signature?: unknown }[] }).organisations.filter((o) => o.signature).map((o) => o.name);
  assert.ok(first.some((name) => result.includes(name)), `the first row shows ${JSON.stringify(result)}, no signatory's name`);
});

test('a page with only the signup form never fetches the dataset checks, the calendar or iCalendar, its later steps (fetched when idle) included', async () => {
  const { result, problems, served } = await pageWith(async (tag) => {
    await window.samverkan!.load(tag);
    const element = document.body.appendChild(document.createElement(tag)) as HTMLElement & { updateComplete: Promise<unknown> };
    await element.updateComplete;
    return element.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }, 'samverkan-signup-form');
  assert.deepEqual(problems, []);
  assert.ok(result.length > 0, 'the form shows nothing');
  const form = elementFile('samverkan-signup-form');
  // Its later steps (checking the answers, sending), which it fetches once the page is idle (form-element.ts).
  const later = [...code(form).matchAll(/import\("\.\/([\w.-]+\.min\.js)"\)/g)].map((m) => m[1]!).filter((name) => !/^samverkan-lang-/.test(name));
  assert.ok(later.length > 0, `${form} imports no later steps`);
  const allowed = new Set([form, ...withStaticImports(form), ...later.flatMap((name) => [...withStaticImports(name)])]);
  const fetched = [...served.keys()].filter((name) => name !== 'samverkan.min.js');
  assert.deepEqual(fetched.filter((name) => !allowed.has(name)), []);
  assert.deepEqual(fetched.filter((name) => /^samverkan-(?:meeting-calendar|ics-file)/.test(name)), []);
  // Issue 18: a signup-only page never downloads the dataset validator. Its later steps check the answers with
  // zod, whose schemas share their rules with the validators: those rules are in samverkan-issues, not in the
  // checks' file (bundle-chunks.mjs); this failed while they were.
  assert.deepEqual(fetched.filter((name) => /^samverkan-(?:validate|time)-/.test(name)), [], 'the signup form fetched the dataset checks');
  assert.ok(later.some((name) => served.has(name)), `the later steps (${later.join(', ')}) were not fetched, so this test saw only the first download`);
});

test("each widened import's source map points at the original import() in the sources (terser's map traced through import-at-once's)", () => {
  const widened = readdirSync(dist).filter((name) => name.endsWith('.min.js') && code(name).includes('Promise.all([import('));
  assert.ok(widened.length >= 6, `only ${widened.join(', ')} have a widened import: run npm run build first`);
  for (const name of widened) {
    const text = code(name);
    const map = new SourceMap(JSON.parse(code(`${name}.map`)) as ConstructorParameters<typeof SourceMap>[0]);
    for (const match of text.matchAll(/Promise\.all\(\[import\(/g)) {
      // `Promise.all([` (inserted) and the import it wraps.
      for (const offset of [match.index, match.index + 'Promise.all(['.length]) {
        const before = text.slice(0, offset).split('\n');
        const entry = map.findEntry(before.length - 1, before.at(-1)!.length) as { originalSource?: string; originalLine?: number; originalColumn?: number };
        assert.ok(entry.originalSource, `${name}:${offset} maps to no source`);
        // The published maps leave the sources out (sourcesContent null): read them beside dist, as a debugger would.
        const source = readFileSync(new URL(entry.originalSource, pathToFileURL(join(dist, '/'))), 'utf8');
        const original = source.split('\n')[entry.originalLine!]!.slice(entry.originalColumn!);
        assert.match(original, /^import\(/, `${name}:${offset} maps to ${entry.originalSource}:${entry.originalLine! + 1}:${entry.originalColumn! + 1}, ${JSON.stringify(original.slice(0, 40))}, not an import()`);
      }
    }
  }
});
