// The admin page's files at /admin: served under a strict CSP (no inline
// scripts or styles), only the page's own files, a clear 503 when not built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get } from 'node:http';
import { start } from './helpers.js';

function statusOf(url: string, headers: Record<string, string>): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', reject);
  });
}

function pageDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-admin-page-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Samverkan – administration</title><script type="module" src="/admin/admin.js"></script>');
  writeFileSync(join(dir, 'admin.js'), 'export {};');
  writeFileSync(join(dir, 'admin.css'), 'body{margin:0}');
  writeFileSync(join(dir, 'secret.txt'), 'not for the web');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'admin.js'), 'nope');
  return dir;
}

test('GET /admin serves the page with a CSP that allows no inline script or style', async () => {
  const dir = pageDir();
  const running = await start({ adminPage: { dir } });
  try {
    for (const path of ['/admin', '/admin/']) {
      const res = await fetch(running.base + path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(await res.text(), /Samverkan – administration/);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /style-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('cache-control'), 'no-cache');
    }
    const js = await fetch(`${running.base}/admin/admin.js`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.match(js.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const etag = js.headers.get('etag');
    assert.ok(etag, 'admin.js has an ETag');
    // Through node:http: fetch adds `Cache-Control: no-cache` to a request with If-None-Match, which asks for a full answer.
    assert.equal(await statusOf(`${running.base}/admin/admin.js`, { 'If-None-Match': etag }), 304);
    assert.equal((await fetch(`${running.base}/admin/admin.css`)).status, 200);
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('only the page\'s own files are served under /admin', async () => {
  const dir = pageDir();
  const running = await start({ adminPage: { dir } });
  try {
    for (const path of ['/admin/secret.txt', '/admin/sub/admin.js', '/admin/..%2Fpackage.json', '/admin/%2e%2e/secret.txt', '/admin/.env']) {
      const res = await fetch(running.base + path);
      assert.equal(res.status, 404, path);
      await res.body?.cancel();
    }
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without a build, /admin says how to make one (503)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-admin-empty-'));
  const running = await start({ adminPage: { dir } });
  try {
    const res = await fetch(`${running.base}/admin`);
    assert.equal(res.status, 503);
    assert.match(await res.text(), /npm run build/);
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
