import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demo, readLog, start } from './helpers.js';
import type { FastifyInstance } from 'fastify';
import { createLogger, type Store } from '@samverkan/server';
import { withDatasetFastPath } from '../src/dataset-route.js';

/** A raw GET that leaves the body compressed (fetch would decode it). */
function rawGet(url: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

/** Response headers without the ones that change from one answer to the next. */
function withoutDate(headers: Record<string, string | string[] | undefined>) {
  const { date: _date, ...rest } = headers;
  return rest;
}

describe('GET /api/v1/dataset', () => {
  test('answers the dataset with a strong ETag, cache headers and CORS, and 304 when it has not changed', async () => {
    const app = await start();
    try {
      const first = await fetch(`${app.base}/api/v1/dataset`);
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('content-type'), 'application/json; charset=utf-8');
      const etag = first.headers.get('etag')!;
      assert.match(etag, /^"[\w-]{32}(-gz|-br)?"$/);
      assert.match(first.headers.get('cache-control')!, /stale-while-revalidate=\d+/);
      assert.equal(first.headers.get('cross-origin-resource-policy'), 'cross-origin');
      assert.equal(first.headers.get('access-control-allow-origin'), '*');
      const body = await first.json();
      assert.equal(body.schemaVersion, '1');
      assert.equal(body.principles.length, demo.principles.length);
      assert.equal(body.organisations.length, demo.organisations.length);

      const again = await fetch(`${app.base}/api/v1/dataset`, { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304);
      assert.equal(again.headers.get('etag'), etag);
      assert.equal(await again.text(), '');

      // Weak comparison and lists, as browsers and caches send them.
      const weak = await fetch(`${app.base}/api/v1/dataset`, { headers: { 'If-None-Match': `"other", W/${etag}` } });
      assert.equal(weak.status, 304);
      const stale = await fetch(`${app.base}/api/v1/dataset`, { headers: { 'If-None-Match': '"something-else"' } });
      assert.equal(stale.status, 200);
      await stale.arrayBuffer();
    } finally {
      await app.close();
    }
  });

  test('HEAD gives the headers without a body; other methods get 405 with Allow', async () => {
    const app = await start();
    try {
      const head = await fetch(`${app.base}/api/v1/dataset`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.ok(Number(head.headers.get('content-length')) > 1000);
      assert.equal(await head.text(), '');
      const post = await fetch(`${app.base}/api/v1/dataset`, { method: 'PUT', body: '{}' });
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('allow'), 'GET, HEAD');
    } finally {
      await app.close();
    }
  });

  test('is compressed with brotli or gzip when asked, each with its own ETag, and the content is the same', async () => {
    const app = await start();
    try {
      const url = `${app.base}/api/v1/dataset`;
      const plain = await rawGet(url, {});
      assert.equal(plain.headers['content-encoding'], undefined);
      const br = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(br.headers.vary, 'Accept-Encoding');
      assert.deepEqual(brotliDecompressSync(br.body), plain.body);
      const gz = await rawGet(url, { 'Accept-Encoding': 'gzip, br;q=0' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.deepEqual(gunzipSync(gz.body), plain.body);
      assert.ok(gz.body.length < plain.body.length / 3);
      const etags = new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]);
      assert.equal(etags.size, 3, 'a strong ETag differs per encoding');
      // The ETag of any encoding validates the cached copy.
      const revalidated = await rawGet(url, { 'Accept-Encoding': 'br', 'If-None-Match': String(gz.headers.etag) });
      assert.equal(revalidated.status, 304);
      assert.equal(revalidated.headers.etag, br.headers.etag);
    } finally {
      await app.close();
    }
  });

  test('leaves out invalid entries of the dataset and publishes the rest', async () => {
    const broken = structuredClone(demo);
    broken.organisations[0].website = 'javascript:alert(1)';
    const app = await start({ dataset: broken });
    try {
      const body = await (await fetch(`${app.base}/api/v1/dataset`)).json();
      assert.equal(body.organisations.length, demo.organisations.length - 1);
      assert.ok(!JSON.stringify(body).includes('javascript:'));
    } finally {
      await app.close();
    }
  });

  test('publishes a new version with a new ETag when the dataset file changes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'samverkan-dataset-file-'));
    const file = join(folder, 'dataset.json');
    const changed = structuredClone(demo);
    writeFileSync(file, JSON.stringify(demo));
    const app = await start({ datasetFile: file });
    try {
      const before = await fetch(`${app.base}/api/v1/dataset`);
      const etag = before.headers.get('etag');
      await before.arrayBuffer();
      changed.meetings = changed.meetings.slice(1);
      writeFileSync(file, JSON.stringify(changed));
      let after: Response | undefined;
      // The file is polled once a second; wait for it, at most 8 s.
      for (const deadline = Date.now() + 8000; Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 200));
        after = await fetch(`${app.base}/api/v1/dataset`, { headers: { 'If-None-Match': etag! } });
        if (after.status === 200) break;
      }
      assert.equal(after!.status, 200);
      assert.notEqual(after!.headers.get('etag'), etag);
      assert.equal((await after!.json()).meetings.length, demo.meetings.length - 1);

      // A broken save keeps the last good version published.
      writeFileSync(file, '{ "schemaVersion": "1", ');
      await new Promise((r) => setTimeout(r, 1500));
      const still = await fetch(`${app.base}/api/v1/dataset`);
      assert.equal(still.status, 200);
      assert.equal((await still.json()).meetings.length, demo.meetings.length - 1);
    } finally {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the dataset in front of Fastify', () => {
  /** Counts the requests for the dataset that reach Fastify's hooks (a plugin for the whole app, as the accounts are). */
  function hookCounter() {
    const seen: string[] = [];
    const plugin = async (app: FastifyInstance) => {
      app.addHook('onRequest', (request, _reply, done) => {
        if (request.url.startsWith('/api/v1/dataset')) seen.push(request.url);
        done();
      });
    };
    (plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
    return { seen, plugin };
  }

  test('a plain GET or HEAD skips Fastify; with a query, a cookie or credentials it goes through Fastify; the answers and log lines are the same', async () => {
    const counter = hookCounter();
    const app = await start({ plugins: [counter.plugin] });
    try {
      const url = `${app.base}/api/v1/dataset`;
      const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => rawGet(url + path, { 'Accept-Encoding': 'gzip', ...headers }, method);
      const fast = await get('');
      const etag = String(fast.headers.etag);
      const fastNotModified = await get('', { 'If-None-Match': etag });
      const fastHead = await get('', {}, 'HEAD');
      assert.deepEqual(counter.seen, [], 'no Fastify hook ran for the plain requests');

      const viaQuery = await get('?v=2');
      const viaCookie = await get('', { Cookie: 'theme=dark' });
      const viaCookieNotModified = await get('', { Cookie: 'theme=dark', 'If-None-Match': etag });
      const viaCredentials = await get('', { Authorization: 'Bearer not-a-token' }, 'HEAD');
      assert.equal(counter.seen.length, 4, 'the other four went through Fastify');

      assert.equal(fast.status, 200);
      assert.equal(fastNotModified.status, 304);
      assert.equal(fastNotModified.body.length, 0);
      assert.equal(fastHead.body.length, 0);
      const same = (a: Awaited<ReturnType<typeof get>>, b: Awaited<ReturnType<typeof get>>) => {
        assert.equal(a.status, b.status);
        assert.deepEqual(withoutDate(a.headers), withoutDate(b.headers));
        assert.deepEqual(a.body, b.body);
      };
      same(fast, viaQuery);
      same(fast, viaCookie);
      same(fastNotModified, viaCookieNotModified);
      same(fastHead, viaCredentials);
      assert.equal(fast.headers['content-encoding'], 'gzip');
      assert.equal(fastNotModified.headers['access-control-allow-origin'], '*');

      app.server.logger.flush();
      const requests = readLog(app.logFile).filter((l) => 'status' in l);
      assert.deepEqual(
        requests.map((l) => [l.method, l.path, l.status]),
        [
          ['GET', '/api/v1/dataset', 200],
          ['GET', '/api/v1/dataset', 304],
          ['HEAD', '/api/v1/dataset', 200],
          ['GET', '/api/v1/dataset', 200],
          ['GET', '/api/v1/dataset', 200],
          ['GET', '/api/v1/dataset', 304],
          ['HEAD', '/api/v1/dataset', 200],
        ],
      );
      for (const line of requests) {
        assert.deepEqual(Object.keys(line), ['time', 'method', 'path', 'status', 'ms']);
        assert.equal(typeof line.ms, 'number');
        assert.ok(!Number.isNaN(Date.parse(String(line.time))));
      }
    } finally {
      await app.close();
    }
  });

  test('an answer that fails is a 500 in the error shape and an error line, not the end of the process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-fast-path-'));
    const logFile = join(dir, 'log');
    const logger = createLogger(logFile);
    const others: string[] = [];
    const server = createServer(
      withDatasetFastPath(
        (req, res) => {
          others.push(req.url!);
          res.writeHead(204).end();
        },
        () => {
          throw new Error('the published dataset is not loaded yet');
        },
        logger,
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const failed = await fetch(`${base}/api/v1/dataset`);
      assert.equal(failed.status, 500);
      assert.equal(failed.headers.get('cache-control'), 'no-store');
      assert.equal(failed.headers.get('x-content-type-options'), 'nosniff');
      assert.deepEqual(await failed.json(), { errors: [{ path: '', code: 'server-error', message: 'Något gick fel på servern. Försök igen senare; blir det fel igen, kontakta dem som driver servern (deras logg visar vad som hände).' }] });
      // In the request's language, like every answer (this one is written before Fastify).
      const english = await fetch(`${base}/api/v1/dataset`, { headers: { 'Accept-Language': 'en-GB, sv;q=0.5' } });
      assert.equal(english.status, 500);
      const englishBody = await english.text();
      assert.equal(Number(english.headers.get('content-length')), Buffer.byteLength(englishBody));
      assert.match(JSON.parse(englishBody).errors[0].message, /^Something went wrong on the server\. Try again later/);
      assert.equal((await fetch(`${base}/api/v1/dataset?x`)).status, 204);
      assert.equal((await fetch(`${base}/api/v1/dataset`, { method: 'POST' })).status, 204);
      assert.deepEqual(others, ['/api/v1/dataset?x', '/api/v1/dataset']);
      logger.flush();
      const lines = readLog(logFile);
      assert.deepEqual(
        lines.map((l) => ('status' in l ? [l.method, l.path, l.status] : [l.level, l.message, l.route, l.error])),
        [
          ['error', 'request failed', '/api/v1/dataset', 'the published dataset is not loaded yet'],
          ['GET', '/api/v1/dataset', 500],
          ['error', 'request failed', '/api/v1/dataset', 'the published dataset is not loaded yet'],
          ['GET', '/api/v1/dataset', 500],
        ],
      );
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      logger.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('other methods and paths still get Fastify\'s answers (405 with Allow, 404)', async () => {
    const app = await start();
    try {
      const post = await fetch(`${app.base}/api/v1/dataset`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('allow'), 'GET, HEAD');
      const slash = await fetch(`${app.base}/api/v1/dataset/`);
      await slash.arrayBuffer();
      assert.ok([200, 404].includes(slash.status));
      const other = await fetch(`${app.base}/api/v1/datasets`);
      assert.equal(other.status, 404);
      assert.deepEqual(await other.json(), { errors: [{ path: '', code: 'unknown-path', message: 'Det finns ingenting på den här adressen. Kontrollera att den är rätt skriven.' }] });
    } finally {
      await app.close();
    }
  });
});

describe('GET /healthz', () => {
  test('answers 200 when the store answers', async () => {
    const app = await start();
    try {
      const res = await fetch(`${app.base}/healthz`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok' });
    } finally {
      await app.close();
    }
  });

  test('answers 503 when the store does not', async () => {
    const app = await start();
    try {
      (app.server.store as Store).db.close();
      const res = await fetch(`${app.base}/healthz`);
      assert.equal(res.status, 503);
    } finally {
      await app.close();
    }
  });
});
