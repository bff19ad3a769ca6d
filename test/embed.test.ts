// End to end in headless Chromium: the README's embed snippet, exactly as it
// stands, on another site's page; and the municipal example page under the
// demo server's Content-Security-Policy. Needs the build (`npm run build`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'puppeteer-core';
import { createApp, createLogger, type SamverkanServer } from '@samverkan/server';
import { launchChromium } from '../scripts/bench/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
let server: SamverkanServer;
let base = '';
let browser: Browser;
let dataDir = '';
let closeBrowser: (() => Promise<void>) | undefined;

before(async () => {
  assert.ok(existsSync(join(root, 'packages/elements/dist/samverkan.min.js')), 'the bundle is missing: run npm run build first');
  dataDir = mkdtempSync(join(tmpdir(), 'samverkan-embed-'));
  server = createApp({
    datasetFile: join(root, 'examples/data/sodertalje.json'),
    dataDir,
    logger: createLogger('/dev/null'),
    static: { examplesDir: join(root, 'examples'), bundleDir: join(root, 'packages/elements/dist') },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ({ browser, close: closeBrowser } = await launchChromium('samverkan-embed-chromium'));
});

after(async () => {
  await closeBrowser?.();
  await new Promise((resolve) => server?.close(resolve));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Problems the page reports: uncaught errors, console errors, CSP violations. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${(error as Error).message}`));
  page.on('console', (message) => {
    // Failed loads are reported below with their URL instead.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console.error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    if (!request.url().endsWith('/favicon.ico')) problems.push(`failed ${request.url()}: ${request.failure()?.errorText}`);
  });
  return problems;
}

/** What each element shows inside its shadow root, once loaded. */
async function shown(page: Page, tags: string[]) {
  return page.evaluate(async (tags: string[]) => {
    const out: Record<string, string> = {};
    for (const tag of tags) {
      const defined = await Promise.race([customElements.whenDefined(tag).then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
      if (!defined) {
        out[tag] = '(not defined)';
        continue;
      }
      const el = document.querySelector(tag) as HTMLElement & { updateComplete?: Promise<unknown> };
      for (let i = 0; i < 100 && (el.shadowRoot?.querySelector('[aria-busy="true"]') || !el.shadowRoot?.textContent?.trim()); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await el.updateComplete;
      out[tag] = el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    }
    return out;
  }, tags);
}

/** The README's embed snippet and the tags it uses. */
function readmeSnippet(): { snippet: string; tags: string[] } {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const snippet = /## Embed\s+```html\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(snippet, 'README.md has no ```html block under "## Embed"');
  const tags = [...snippet.matchAll(/<(samverkan-[a-z-]+)/g)].map((m) => m[1]!);
  assert.ok(tags.length >= 3, snippet);
  return { snippet, tags };
}

/**
 * A page of https://association.example in `lang` with `body` pasted in;
 * https://kommun.example, as the snippet names it, is answered by the real
 * demo server. Returns the page and the problems it reports.
 */
async function associationPage(lang: string, body: string, refuse: RegExp = /$^/): Promise<{ page: Page; problems: string[]; requested: string[]; warnings: string[] }> {
  const page = await browser.newPage();
  const problems = watch(page);
  const requested: string[] = [];
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warn') warnings.push(message.text());
  });
  await page.setRequestInterception(true);
  page.on('request', async (request) => {
    const url = new URL(request.url());
    requested.push(url.href);
    if (refuse.test(url.href)) {
      await request.respond({ status: 404, contentType: 'text/plain', body: 'not here' });
    } else if (url.origin === 'https://association.example') {
      await request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Förening</title></head><body><h1>Vår förening</h1>\n${body}</body></html>` });
    } else if (url.origin === 'https://kommun.example') {
      const answer = await fetch(base + url.pathname + url.search, {
        method: request.method(),
        headers: request.headers(),
        body: request.postData(),
      });
      const headers: Record<string, string> = {};
      answer.headers.forEach((value, key) => {
        if (key !== 'content-encoding' && key !== 'content-length') headers[key] = value;
      });
      await request.respond({ status: answer.status, headers, body: Buffer.from(await answer.arrayBuffer()) });
    } else if (url.pathname === '/favicon.ico') {
      await request.respond({ status: 204, body: '' });
    } else {
      await request.abort();
    }
  });
  await page.goto('https://association.example/', { waitUntil: 'networkidle0' });
  return { page, problems, requested, warnings };
}

test("the README's embed snippet works as it stands on another site's page", async () => {
  const { snippet, tags } = readmeSnippet();
  const { page, problems, requested } = await associationPage('sv', snippet);
  const text = await shown(page, tags);
  assert.match(text['samverkan-contact-finder'] ?? '', /@example\.org/, 'the contact finder shows contact people');
  assert.match(text['samverkan-signatory-list'] ?? '', /Café Égalité Språkvänner/, 'the signatory list shows signatories');
  assert.match(text['samverkan-meeting-calendar'] ?? '', /202[67]/, 'the calendar shows meetings');
  assert.match(text['samverkan-signup-form'] ?? '', /[Oo]rganisation/, 'the signup form shows its fields');
  assert.deepEqual(problems, []);
  // A Swedish page loads no other language's strings, and no iCalendar writer until a reader wants a file.
  assert.deepEqual(requested.filter((url) => /samverkan-(lang|ics)-/.test(url)), []);
  const ics = await page.evaluate(async () => {
    const link = document.querySelector('samverkan-meeting-calendar')!.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="ics-link"]')!;
    link.focus();
    for (let i = 0; i < 100 && !link.href.startsWith('blob:'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    return link.href.startsWith('blob:') ? (await fetch(link.href)).text() : `no file: ${link.href}`;
  });
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.equal(requested.filter((url) => /samverkan-ics-file-[\w-]+\.min\.js$/.test(url) && url.startsWith('https://kommun.example/')).length, 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test('on an Arabic page the snippet loads the Arabic strings from beside the bundle, across origins', async () => {
  const { snippet, tags } = readmeSnippet();
  const { page, problems, requested } = await associationPage('ar', snippet);
  const text = await shown(page, tags);
  assert.deepEqual(requested.filter((url) => /samverkan-lang-/.test(url)).map((url) => /samverkan-lang-([a-z]+)-/.exec(url)?.[1]), ['ar']);
  assert.match(text['samverkan-signup-form'] ?? '', /اسم المنظمة/, 'the signup form shows Arabic labels');
  assert.match(text['samverkan-signatory-list'] ?? '', /[\u0600-\u06ff]/, 'the signatory list shows Arabic UI text');
  const dir = await page.evaluate(() => document.querySelector('samverkan-signup-form')!.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir'));
  assert.equal(dir, 'rtl');
  assert.deepEqual(problems, []);
  await page.close();
});

test('with its Arabic file missing beside the bundle, an Arabic page shows the elements in Swedish and says why in the console', async () => {
  const { snippet, tags } = readmeSnippet();
  const { page, problems, warnings } = await associationPage('ar', snippet, /samverkan-lang-ar-/);
  const text = await shown(page, tags);
  assert.match(text['samverkan-signup-form'] ?? '', /Organisationens namn/, 'the signup form falls back to Swedish');
  assert.match(text['samverkan-signatory-list'] ?? '', /Café Égalité Språkvänner/, 'the signatory list still shows the data');
  const base = await page.evaluate(() => {
    const part = document.querySelector('samverkan-signup-form')!.shadowRoot!.querySelector('[part="base"]')!;
    return { lang: part.getAttribute('lang'), dir: part.getAttribute('dir') };
  });
  assert.deepEqual(base, { lang: 'sv', dir: 'ltr' });
  assert.ok(warnings.some((w) => w.includes('"ar" could not be loaded')), warnings.join('\n'));
  // The only problem is the missing file itself: nothing threw.
  assert.ok(problems.length > 0 && problems.every((p) => /samverkan-lang-ar-/.test(p)), problems.join('\n'));
  await page.close();
});

test('the municipal example page renders every element under the server CSP (no unsafe-eval), without errors', async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  const response = await page.goto(`${base}/examples/municipality/`, { waitUntil: 'networkidle0' });
  assert.match(response!.headers()['content-security-policy'] ?? '', /script-src 'self'/);
  assert.doesNotMatch(response!.headers()['content-security-policy'] ?? '', /unsafe-eval/);
  const text = await shown(page, ['samverkan-contact-finder', 'samverkan-meeting-calendar', 'samverkan-signatory-list', 'samverkan-principles', 'samverkan-follow-up', 'samverkan-volunteer-board']);
  assert.match(text['samverkan-principles'] ?? '', /Öppenhet/);
  assert.match(text['samverkan-follow-up'] ?? '', /Uppföljning 2025/);
  assert.match(text['samverkan-volunteer-board'] ?? '', /uppdrag/);
  assert.match(text['samverkan-signatory-list'] ?? '', /Café Égalité Språkvänner/);
  assert.deepEqual(problems, []);
  const jsonLd = await page.$$eval('script[type="application/ld+json"]', (scripts) => scripts.map((s) => JSON.parse(s.textContent ?? 'null')));
  assert.ok(jsonLd.length > 0, 'the calendar with json-ld writes schema.org data into the page');
  await page.close();
});

/**
 * A classic script, run before the bundle's modules, that keeps the page's
 * requestIdleCallback callbacks until the test runs them (window.__runIdle()):
 * the forms fetch their later steps when the browser is idle after their
 * first render, so what a form needs to show itself is what it fetched before.
 */
const HOLD_IDLE = `<script>window.__idle=[];window.requestIdleCallback=(cb)=>window.__idle.push(cb);window.cancelIdleCallback=()=>{};window.__runIdle=()=>window.__idle.splice(0).forEach((cb)=>cb({didTimeout:false,timeRemaining:()=>50}));</script>`;

/** The bundle's files a page fetched, by their names without hash (`samverkan-meeting-calendar`). */
const bundleFiles = (requested: string[]) =>
  requested
    .filter((url) => url.startsWith('https://kommun.example/') && /\/samverkan[\w.-]*\.min\.js$/.test(url))
    .map((url) => /\/(samverkan[\w.-]*?)(?:-[\w-]{8})?\.min\.js$/.exec(url)![1]!);

test('a page with only the signup form fetches the loader and the form, never the calendar, the other elements or iCalendar', async () => {
  const { page, problems, requested } = await associationPage(
    'sv',
    `${HOLD_IDLE}<script type="module" src="https://kommun.example/samverkan.min.js"></script>\n<samverkan-signup-form api="https://kommun.example/api/v1"></samverkan-signup-form>`,
  );
  const text = await shown(page, ['samverkan-signup-form']);
  assert.match(text['samverkan-signup-form'] ?? '', /Organisationens namn/);
  const files = bundleFiles(requested);
  assert.ok(files.includes('samverkan') && files.includes('samverkan-signup-form'), files.join(', '));
  for (const absent of ['samverkan-meeting-calendar', 'samverkan-contact-finder', 'samverkan-signatory-list', 'samverkan-principles', 'samverkan-ics-file', 'samverkan-all']) {
    assert.ok(!files.includes(absent), `${absent} was fetched: ${files.join(', ')}`);
  }
  // Each file once.
  assert.equal(new Set(requested).size, requested.length, requested.join('\n'));
  const defined = await page.evaluate(() => ['samverkan-meeting-calendar', 'samverkan-signup-form'].map((tag) => Boolean(customElements.get(tag))));
  assert.deepEqual(defined, [false, true]);
  // The form's check (zod and the schema) is not needed to show the form: it is fetched after, when the browser is
  // idle (here: when the test says so), with no answer given and nothing focused.
  assert.ok(!files.includes('samverkan-zod'), `zod was fetched before the browser was idle: ${files.join(', ')}`);
  await page.evaluate(() => (window as unknown as { __runIdle: () => void }).__runIdle());
  for (let tries = 0; tries < 100 && !bundleFiles(requested).includes('samverkan-zod'); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.ok(bundleFiles(requested).includes('samverkan-zod'), `the form did not fetch its later steps when idle: ${bundleFiles(requested).join(', ')}`);
  const summary = await page.evaluate(async () => {
    const form = document.querySelector('samverkan-signup-form') as HTMLElement & { updateComplete: Promise<unknown> };
    form.shadowRoot!.querySelector<HTMLInputElement>('#org-name')!.focus();
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue-button"]')!.click();
    await form.updateComplete;
    return form.shadowRoot!.querySelector('[part~="error-summary"]')?.textContent ?? '';
  });
  assert.match(summary, /Skriv organisationens namn/, 'Continue on an empty form lists what to fill in');
  assert.ok(bundleFiles(requested).includes('samverkan-zod'), bundleFiles(requested).join(', '));
  assert.deepEqual(problems, []);
  await page.close();
});

test('a signup form with a principles-url and no dataset fetches no validators and no zod to show itself', async () => {
  const { page, problems, requested } = await associationPage(
    'sv',
    `${HOLD_IDLE}<script type="module" src="https://kommun.example/samverkan.min.js"></script>\n<samverkan-signup-form api="https://kommun.example/api/v1" principles-url="https://kommun.example/principer"></samverkan-signup-form>`,
  );
  const text = await shown(page, ['samverkan-signup-form']);
  assert.match(text['samverkan-signup-form'] ?? '', /Organisationens namn/);
  const files = bundleFiles(requested);
  for (const absent of ['samverkan-validate', 'samverkan-zod', 'samverkan-dataset-source']) assert.ok(!files.includes(absent), `${absent} was fetched: ${files.join(', ')}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the loader registers an element added to the page later, and one inside a shadow root the page hands to window.samverkan.discover', async () => {
  const { page, problems, requested } = await associationPage('sv', `<script type="module" src="https://kommun.example/samverkan.min.js"></script>\n<div id="later"></div>`);
  await page.waitForFunction(() => 'samverkan' in window);
  assert.deepEqual(bundleFiles(requested), ['samverkan'], 'a page without elements fetches only the loader');
  await page.evaluate(() => {
    document.getElementById('later')!.innerHTML = '<p><samverkan-principles src="https://kommun.example/api/v1/dataset"></samverkan-principles></p>';
  });
  const text = await shown(page, ['samverkan-principles']);
  assert.match(text['samverkan-principles'] ?? '', /Öppenhet/);
  const inShadow = await page.evaluate(async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<samverkan-contact-finder src="https://kommun.example/api/v1/dataset"></samverkan-contact-finder>';
    await (window as unknown as { samverkan: { discover(root: ShadowRoot): Promise<void> } }).samverkan.discover(root);
    const finder = root.querySelector('samverkan-contact-finder') as HTMLElement & { updateComplete: Promise<unknown> };
    for (let i = 0; i < 100 && !/@example\.org/.test(finder.shadowRoot?.textContent ?? ''); i++) await new Promise((r) => setTimeout(r, 50));
    return finder.shadowRoot?.textContent ?? '';
  });
  assert.match(inShadow, /@example\.org/);
  // A valid dataset is checked without zod: no element here has fetched it.
  assert.ok(!bundleFiles(requested).includes('samverkan-zod'), bundleFiles(requested).join(', '));
  // …and its text is JSON: the code that says where a broken text breaks is not fetched either.
  assert.ok(!bundleFiles(requested).includes('samverkan-json-text'), bundleFiles(requested).join(', '));
  // A dataset with an invalid entry: zod is fetched to name the problem, and the rest is shown.
  const invalid = await page.evaluate(async () => {
    const data = await (await fetch('https://kommun.example/api/v1/dataset')).json();
    data.principles[0].title = { en: 'no Swedish text' };
    const el = document.createElement('samverkan-principles') as HTMLElement & { data: unknown; updateComplete: Promise<unknown> };
    el.data = data;
    document.body.append(el);
    await el.updateComplete;
    return { note: el.shadowRoot!.querySelector('[part~="invalid-note"]')?.textContent ?? '', text: el.shadowRoot!.textContent ?? '' };
  });
  assert.match(invalid.note, /\S/, 'the element says an entry was left out');
  assert.match(invalid.text, /Mångfald|Dialog|Självständighet/, 'the valid principles are shown');
  assert.ok(bundleFiles(requested).includes('samverkan-zod'), bundleFiles(requested).join(', '));
  assert.deepEqual(problems, []);
  await page.close();
});

test('samverkan-all.min.js registers every element as soon as it has run', async () => {
  const { page, problems } = await associationPage('sv', `<script type="module" src="https://kommun.example/samverkan-all.min.js"></script>`);
  const defined = await page.evaluate(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return ['samverkan-contact-finder', 'samverkan-meeting-calendar', 'samverkan-principles', 'samverkan-signatory-list', 'samverkan-signup-form'].filter((tag) => !customElements.get(tag));
  });
  assert.deepEqual(defined, [], 'elements left undefined');
  assert.deepEqual(problems, []);
  await page.close();
});
