// The built bundle served late over HTTP/2, for the tests that count what Chromium requests when
// (test/import-at-once.test.ts, test/autoloader-round-trips.test.ts): every file of packages/elements/dist (and,
// when given, a dataset at /data.json) is answered `delay` ms after it was requested, and each request is noted
// with when it came and when its last byte was sent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { Http2SecureServer } from 'node:http2';
import { listenHttp2 } from './http2-test-server.js';

/** One request: what, when it came and when its last byte was sent (ms, the server's clock). */
export interface Served {
  name: string;
  requested: number;
  sent?: number;
}

export interface LateBundleServer {
  server: Http2SecureServer;
  origin: string;
  /** Every request since the last `forget()`, in the order they came. */
  readonly served: readonly Served[];
  /** Starts a new list of requests (one per page). */
  forget(): void;
  close(): Promise<void>;
}

/** Serves `dist`'s bundle files, `page()` at /page.html and `data` (if any) at /data.json, each `delay` ms late. */
export async function serveBundleLate(options: { dist: string; delay: number; page: () => string; data?: string }): Promise<LateBundleServer> {
  const { dist, delay, page, data } = options;
  assert.ok(existsSync(join(dist, 'samverkan.min.js')), `${dist}/samverkan.min.js is missing: run npm run build first`);
  const files = new Set(readdirSync(dist).filter((name) => /^samverkan[\w.-]*\.min\.js$/.test(name)));
  let served: Served[] = [];
  const { server, origin } = await listenHttp2((req, res) => {
    const name = new URL(req.url ?? '/', 'https://x').pathname.slice(1);
    if (name === 'page.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
    if (name === 'favicon.ico') return void res.writeHead(204).end();
    const isData = data !== undefined && name === 'data.json';
    if (!isData && !files.has(name)) return void res.writeHead(404).end();
    const entry: Served = { name, requested: performance.now() };
    served.push(entry);
    setTimeout(() => {
      const headers = { 'content-type': isData ? 'application/json' : 'text/javascript; charset=utf-8', 'cache-control': 'no-store' };
      res.writeHead(200, headers).end(isData ? data : readFileSync(join(dist, name)), () => {
        entry.sent = performance.now();
      });
    }, delay);
  });
  return {
    server,
    origin,
    get served() {
      return served;
    },
    forget() {
      served = [];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
