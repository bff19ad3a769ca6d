// A web-test-runner middleware that serves datasets for the elements' browser
// tests, so they load over real HTTP from the test server rather than from a
// mocked fetch. Routes (all under /__samverkan-test/):
//
//   dataset/<key>?file=<path>&delay=<ms>&status=<code>
//       the JSON file at <path> (repository-relative; default the demo
//       dataset), after <ms> milliseconds, with HTTP <code> (default 200);
//       each request is counted under <key>
//       With &hold=1, the answer waits (after <ms>) until release/<key>
//       is asked for (a load that is slow for as long as the test says, on
//       a quiet or a busy machine alike; at most a minute)
//       With &etag=<tag>, the answer has `ETag: "<tag>"`, and a request
//       with that tag in If-None-Match is answered 304 (counted apart)
//   hits/<key>   → {"hits": n, "notModified": m}, how many requests
//       dataset/<key> had, and how many of them were answered 304
//   release/<key>  → lets dataset/<key>'s held answers go (and the ones
//       asked for later: a release before the request is not lost)
//   set/<key>?status=<code>  → from now on dataset/<key> answers <code>
//       (no status: back to normal), to make a server fail after a load
//   trusted-types-page/<key>?policies=<names>&json-ld=1
//       an HTML page sent with `Content-Security-Policy:
//       require-trusted-types-for 'script'; trusted-types <names>` that shows
//       a meeting calendar (with `json-ld` when asked) on the demo dataset;
//       see test/trusted-types.test.ts
//   receipt/<reference>/api/v1/signups  (POST)  → 201 with the receipt the
//       server gives from issue 17.15 on: { id, status, reference } (the
//       reference as given in the path); the form's tests use it as an `api`
//
// No file extension in these paths on purpose: web-test-runner marks every
// path with one as cacheable for a year, and the browser would then answer
// a retry from its cache.
//
// Keys are chosen by each test (unique per test), so counts never mix.
import { readFile } from 'node:fs/promises';
import { resolve, relative } from 'node:path';

const ROOT = resolve(new URL('../../../../', import.meta.url).pathname);
const DEMO = 'examples/data/sodertalje.json';
const hits = new Map();
const notModified = new Map();
const overrides = new Map();
const HOLD_AT_MOST_MS = 60_000;
/** Per key, the release of its held answers: a promise and what resolves it. */
const releases = new Map();
const releaseOf = (key) => {
  let release = releases.get(key);
  if (!release) {
    let go;
    release = { released: new Promise((resolve) => (go = resolve)), go };
    releases.set(key, release);
  }
  return release;
};

/** The middleware; add it to web-test-runner's `middleware` list. */
export async function testDataMiddleware(ctx, next) {
  const prefix = '/__samverkan-test/';
  if (!ctx.path.startsWith(prefix)) return next();
  const [route, name = ''] = ctx.path.slice(prefix.length).split('/');
  if (route === 'hits') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ hits: hits.get(name) ?? 0, notModified: notModified.get(name) ?? 0 });
    return;
  }
  if (route === 'set') {
    if (ctx.query.status) overrides.set(name, Number(ctx.query.status));
    else overrides.delete(name);
    ctx.status = 204;
    return;
  }
  if (route === 'release') {
    releaseOf(name).go();
    ctx.status = 204;
    return;
  }
  if (route === 'trusted-types-page') {
    const policies = String(ctx.query.policies ?? '').replace(/[^\w\- ']/g, '');
    ctx.set('content-security-policy', `require-trusted-types-for 'script'; trusted-types ${policies || "'none'"}`);
    ctx.set('cache-control', 'no-store');
    ctx.type = 'text/html';
    ctx.body = trustedTypesPage(ctx.query['json-ld'] === '1');
    return;
  }
  if (route === 'receipt') {
    if (ctx.method !== 'POST') return next();
    ctx.status = 201;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ id: '0b6f6a52-7c3e-4f0e-9a51-3d2f0c1e8b47', status: 'pending', reference: decodeURIComponent(name) });
    return;
  }
  if (route !== 'dataset') return next();
  const key = name;
  hits.set(key, (hits.get(key) ?? 0) + 1);
  const file = resolve(ROOT, ctx.query.file || DEMO);
  if (relative(ROOT, file).startsWith('..')) {
    ctx.status = 403;
    return;
  }
  const delay = Number(ctx.query.delay || 0);
  if (delay > 0) await new Promise((done) => setTimeout(done, Math.min(delay, 30_000)));
  if (ctx.query.hold === '1') {
    // At most a minute: a test that failed before its release leaves no request open for the rest of the run.
    let timer;
    const atMost = new Promise((done) => (timer = setTimeout(done, HOLD_AT_MOST_MS).unref()));
    await Promise.race([releaseOf(key).released, atMost]);
    clearTimeout(timer);
  }
  ctx.status = overrides.get(key) ?? Number(ctx.query.status || 200);
  ctx.set('cache-control', 'no-store');
  if (ctx.query.etag && ctx.status === 200) {
    const etag = `"${String(ctx.query.etag).replace(/[^\w-]/g, '')}"`;
    ctx.set('etag', etag);
    if (ctx.get('if-none-match') === etag) {
      notModified.set(key, (notModified.get(key) ?? 0) + 1);
      ctx.status = 304;
      return;
    }
  }
  ctx.type = 'application/json';
  ctx.body = ctx.status === 200 ? await readFile(file, 'utf8') : JSON.stringify({ error: 'test status' });
}

/** The page of `trusted-types-page`: a calendar, and what happened on the page in `window.__result`. */
function trustedTypesPage(jsonLd) {
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Trusted Types</title></head>
<body>
<samverkan-meeting-calendar show-past${jsonLd ? ' json-ld' : ''}></samverkan-meeting-calendar>
<script type="module">
  const violations = [];
  const errors = [];
  const warnings = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ': ' + e.sample));
  window.addEventListener('error', (e) => errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
  const warn = console.warn;
  console.warn = (...args) => { warnings.push(args.map(String).join(' ')); warn(...args); };
  window.__result = (async () => {
    await import('/packages/elements/src/define/samverkan-meeting-calendar.ts');
    const el = document.querySelector('samverkan-meeting-calendar');
    el.now = new Date('2026-01-01T12:00:00+01:00');
    el.data = await (await fetch('/examples/data/sodertalje.json')).json();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const script = document.querySelector('script[type="application/ld+json"]');
    return {
      meetings: el.shadowRoot.querySelectorAll('[part~="meeting"]').length,
      jsonLd: script ? script.textContent : null,
      violations,
      errors,
      warnings,
    };
  })();
</script>
</body></html>`;
}
