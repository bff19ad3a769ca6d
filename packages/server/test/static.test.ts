import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBundleFile } from '../src/static-files.js';
import { precompressFiles, staleCompressedCopies } from '../src/static/precompress.js';
import { start } from './helpers.js';

/** GET with the path sent exactly as written (fetch would normalise `..` away). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    })
      .on('error', reject)
      .end();
  });
}

function fixture() {
  const root = mkdtempSync(join(tmpdir(), 'samverkan-static-'));
  const examples = join(root, 'examples');
  const bundle = join(root, 'dist');
  mkdirSync(join(examples, 'data'), { recursive: true });
  mkdirSync(bundle);
  writeFileSync(join(examples, 'signatory-list.html'), '<!doctype html><title>Signatories</title>');
  writeFileSync(join(examples, 'data', 'tiny.json'), '{"a":1}');
  writeFileSync(join(examples, 'style.css'), 'body{}');
  writeFileSync(join(bundle, 'samverkan.min.js'), 'export const x = 1;');
  writeFileSync(join(bundle, 'samverkan.min.js.map'), '{"version":3}');
  writeFileSync(join(bundle, 'samverkan-lang-ar-Ab1_-x.min.js'), 'export default {};');
  writeFileSync(join(bundle, 'index.js'), 'not published');
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  symlinkSync(join(root, 'secret.txt'), join(examples, 'link-out.txt'));
  return { root, examples, bundle };
}

describe('static files for the demo', () => {
  test('serves the example pages with their content types and a list of them at /', async () => {
    const { root, examples, bundle } = fixture();
    const app = await start({ static: { examplesDir: examples, bundleDir: bundle } });
    try {
      const index = await fetch(`${app.base}/`);
      assert.equal(index.status, 200);
      assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(await index.text(), /<a href="\/examples\/signatory-list\.html">signatory-list\.html<\/a>/);

      const page = await fetch(`${app.base}/examples/signatory-list.html`);
      assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(page.headers.get('content-security-policy')!, /default-src 'self'/);
      assert.equal(await page.text(), '<!doctype html><title>Signatories</title>');
      assert.equal((await fetch(`${app.base}/examples/data/tiny.json`)).headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal((await fetch(`${app.base}/examples/style.css`)).headers.get('content-type'), 'text/css; charset=utf-8');
      const redirect = await fetch(`${app.base}/examples`, { redirect: 'manual' });
      assert.equal(redirect.status, 301);
      assert.equal(redirect.headers.get('location'), '/examples/');

      const etag = page.headers.get('etag')!;
      assert.equal((await fetch(`${app.base}/examples/signatory-list.html`, { headers: { 'If-None-Match': etag } })).status, 304);
      // The one conditional-GET rule: a list of ETags, as caches send it, and the strong form of a weak tag.
      assert.equal((await fetch(`${app.base}/examples/signatory-list.html`, { headers: { 'If-None-Match': `"something-else", ${etag}` } })).status, 304);
      assert.equal((await fetch(`${app.base}/examples/signatory-list.html`, { headers: { 'If-None-Match': etag.replace(/^W\//, '') } })).status, 304);
      assert.equal((await fetch(`${app.base}/examples/signatory-list.html`, { headers: { 'If-None-Match': '"something-else"' } })).status, 200);

      writeFileSync(join(examples, 'index.html'), '<!doctype html><title>Own index</title>');
      assert.match(await (await fetch(`${app.base}/`)).text(), /Own index/);
    } finally {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('serves the bundle, the files it imports and their maps at the root with CORP cross-origin and CORS, and nothing else from dist', async () => {
    const { root, examples, bundle } = fixture();
    const app = await start({ static: { examplesDir: examples, bundleDir: bundle } });
    try {
      const js = await fetch(`${app.base}/samverkan.min.js`);
      assert.equal(js.status, 200);
      assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(js.headers.get('cross-origin-resource-policy'), 'cross-origin');
      // A module script from another site is a CORS request.
      assert.equal(js.headers.get('access-control-allow-origin'), '*');
      assert.equal(js.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(await js.text(), 'export const x = 1;');
      const map = await fetch(`${app.base}/samverkan.min.js.map`);
      assert.equal(map.headers.get('content-type'), 'application/json; charset=utf-8');
      // The bundle imports its language files from beside itself, also a CORS request.
      const chunk = await fetch(`${app.base}/samverkan-lang-ar-Ab1_-x.min.js`);
      assert.equal(chunk.status, 200);
      assert.equal(chunk.headers.get('access-control-allow-origin'), '*');
      assert.equal(await chunk.text(), 'export default {};');
      assert.equal((await fetch(`${app.base}/index.js`)).status, 404);
      assert.equal((await fetch(`${app.base}/samverkan-x.min.json`)).status, 404);
      assert.equal((await fetch(`${app.base}/samverkan-..%2Findex.min.js`)).status, 404);
    } finally {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('never serves a file outside its folder', async () => {
    const { root, examples, bundle } = fixture();
    const app = await start({ static: { examplesDir: examples, bundleDir: bundle } });
    try {
      for (const path of [
        '/examples/../secret.txt',
        '/examples/%2e%2e/secret.txt',
        '/examples/%2E%2E%2Fsecret.txt',
        '/examples/data/..%2F..%2Fsecret.txt',
        '/examples/..%5Csecret.txt',
        '/examples/link-out.txt',
        '/examples/%00',
        '/examples/%E0%A4%A',
        '/examples//etc/passwd',
        '/../secret.txt',
      ]) {
        const res = await rawGet(app.base, path);
        assert.equal(res.status, 404, path);
        assert.ok(!res.body.includes('do not serve'), path);
      }
    } finally {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('without static folders configured, / is a 404', async () => {
    const app = await start();
    try {
      assert.equal((await fetch(`${app.base}/`)).status, 404);
      assert.equal((await fetch(`${app.base}/samverkan.min.js`)).status, 404);
    } finally {
      await app.close();
    }
  });

  test('compresses the bundle and pages with brotli or gzip as asked, with an ETag per encoding', async () => {
    const { root, examples, bundle } = fixture();
    const source = 'export const greeting = "hej";\n'.repeat(200);
    writeFileSync(join(bundle, 'samverkan.min.js'), source);
    // What the build does (scripts/after-build.mjs): a brotli and a gzip copy beside each file of the bundle.
    const written = precompressFiles(bundle, isBundleFile).map((file) => file.slice(bundle.length + 1));
    assert.deepEqual(written.sort(), ['samverkan.min.js.br', 'samverkan.min.js.gz'], 'files too small to gain are left as they are');
    const app = await start({ static: { examplesDir: examples, bundleDir: bundle } });
    const get = (encoding: string | undefined, etag?: string) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        const url = new URL(app.base);
        const headers: Record<string, string> = {};
        if (encoding) headers['accept-encoding'] = encoding;
        if (etag) headers['if-none-match'] = etag;
        request({ host: url.hostname, port: url.port, path: '/samverkan.min.js', headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });
    try {
      const plain = await get(undefined);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.body.toString(), source);
      assert.equal(plain.headers['vary'], 'Accept-Encoding');

      const br = await get('gzip, deflate, br');
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(brotliDecompressSync(br.body).toString(), source);
      assert.ok(br.body.length < source.length / 5, `brotli gave ${br.body.length} bytes`);
      assert.equal(br.headers['access-control-allow-origin'], '*');

      const gz = await get('gzip');
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gz.body).toString(), source);

      assert.notEqual(br.headers['etag'], gz.headers['etag']);
      assert.notEqual(plain.headers['etag'], gz.headers['etag']);
      assert.equal((await get('gzip', gz.headers['etag'] as string)).status, 304);
      assert.equal((await get('br', gz.headers['etag'] as string)).status, 200);
      // The one conditional-GET rule here too: a list of ETags, as caches send it.
      const listed = await get('br', `"other", ${br.headers['etag'] as string}`);
      assert.equal(listed.status, 304);
      assert.equal(listed.headers['vary'], 'Accept-Encoding');
      assert.equal(listed.headers['access-control-allow-origin'], '*');
      // The copies themselves are not published under their own names.
      assert.equal((await fetch(`${app.base}/samverkan.min.js.br`)).status, 404);

      // A bundle rebuilt without its copies (a build step skipped) is found out, so the server can say so.
      assert.deepEqual(staleCompressedCopies(bundle, isBundleFile), []);
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(bundle, 'samverkan.min.js'), later, later);
      assert.deepEqual(staleCompressedCopies(bundle, isBundleFile), ['samverkan.min.js']);
    } finally {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('a file rebuilt so small that a copy would not be smaller loses the copies an earlier build wrote: the server sends its new bytes', async () => {
    const { root, examples, bundle } = fixture();
    const file = join(bundle, 'samverkan.min.js');
    writeFileSync(file, 'export const greeting = "hej";\n'.repeat(200));
    assert.deepEqual(precompressFiles(bundle, isBundleFile).map((path) => path.slice(bundle.length + 1)).sort(), ['samverkan.min.js.br', 'samverkan.min.js.gz']);
    // The next build: the file is now a few bytes, which neither encoding makes smaller.
    writeFileSync(file, 'export{};');
    assert.deepEqual(precompressFiles(bundle, isBundleFile), []);
    assert.deepEqual(readdirSync(bundle).filter((name) => name.startsWith('samverkan.min.js.')), ['samverkan.min.js.map']);
    const app = await start({ static: { examplesDir: examples, bundleDir: bundle } });
    try {
      for (const encoding of ['br', 'gzip']) {
        const answer = await fetch(`${app.base}/samverkan.min.js`, { headers: { 'accept-encoding': encoding } });
        assert.equal(answer.headers.get('content-encoding'), null, encoding);
        assert.equal(await answer.text(), 'export{};', encoding);
      }
    } finally {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
