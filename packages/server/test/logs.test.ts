// The request log's privacy rules (issue 17.8) and what counts as an error (issue 17.2).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, type RequestLogEntry } from '@samverkan/server';
import { ADMIN_TOKEN, readLog, start, type Running } from './helpers.js';

function logLines(app: Running): Record<string, unknown>[] {
  app.server.logger.flush();
  return readLog(app.logFile);
}

describe('the request log', () => {
  test('logs the route template for matched routes, never the id or number that was sent', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      await (await fetch(`${app.base}/api/v1/signups/198001011234`)).arrayBuffer();
      await (await app.admin('/api/v1/signups/198001011234')).arrayBuffer();
      await (await app.admin('/api/v1/signups/198001011234/approve', { method: 'POST' })).arrayBuffer();
      await (await fetch(`${app.base}/api/v1/meetings.ics?lang=en`)).arrayBuffer();
      const requests = logLines(app).filter((l) => 'status' in l);
      assert.deepEqual(
        requests.map((l) => [l.method, l.path, l.status]),
        [
          ['GET', '/api/v1/signups/:id', 401],
          ['GET', '/api/v1/signups/:id', 404],
          ['POST', '/api/v1/signups/:id/:action', 404],
          ['GET', '/api/v1/meetings.ics', 200],
        ],
      );
      assert.ok(!readFileSync(app.logFile, 'utf8').includes('198001011234'));
    } finally {
      await app.close();
    }
  });

  test('a path nobody serves is logged as a placeholder, also where static files are served', async () => {
    const app = await start({ static: { examplesDir: join(process.cwd(), 'examples') } });
    try {
      for (const path of ['/ansokan/Anna%20Svensson/status', '/examples/Anna%20Svensson.html', '/Anna.Svensson@example.org', '/api/v1/Anna%20Svensson']) {
        assert.equal((await fetch(app.base + path)).status, 404, path);
      }
      const requests = logLines(app).filter((l) => 'status' in l);
      assert.deepEqual(
        requests.map((l) => l.path),
        ['(unmatched)', '(unmatched)', '(unmatched)', '(unmatched)'],
      );
      assert.ok(!readFileSync(app.logFile, 'utf8').includes('Anna'));
    } finally {
      await app.close();
    }
  });

  test('a client that goes away mid-request is not logged as a server error', async () => {
    const app = await start();
    try {
      const { port } = new URL(app.base);
      for (let i = 0; i < 5; i++) {
        await new Promise<void>((resolve) => {
          const socket = connect(Number(port), '127.0.0.1', () => {
            socket.write('POST /api/v1/signups HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"organisation":');
            setTimeout(() => {
              socket.destroy();
              resolve();
            }, 50);
          });
          socket.on('error', () => {});
        });
      }
      await new Promise((r) => setTimeout(r, 200));
      const lines = logLines(app);
      assert.deepEqual(lines.filter((l) => l.level === 'error'), [], 'no error-level line');
      const requests = lines.filter((l) => 'status' in l);
      assert.equal(requests.length, 5, 'one line per request');
      for (const line of requests) assert.equal(line.aborted, true);
    } finally {
      await app.close();
    }
  });
});


describe('the logger', () => {
  test('writes each request as the JSON line of { time, ...entry }, escaping what needs escaping', () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (text: string) => lines.push(...text.split('\n').filter(Boolean)) } as unknown as NodeJS.WritableStream);
    const entries: RequestLogEntry[] = [
      { method: 'GET', path: '/api/v1/dataset', status: 304, ms: 0.1 },
      { method: 'POST', path: '/api/v1/signups', status: 201, ms: 12, note: 'replayed' },
      { method: 'GET', path: '/api/v1/dataset', status: 200, ms: 1503.7, aborted: true },
      { method: '', path: '', status: 408, ms: 0, note: 'client-error' },
      { method: 'GET', path: '/a "quoted" \\ path\u2028', status: 404, ms: 2, note: 'tab\there' },
    ];
    const before = Date.now();
    for (const entry of entries) logger.request(entry);
    logger.flush();
    const after = Date.now();
    assert.equal(lines.length, entries.length);
    lines.forEach((line, i) => {
      const parsed = JSON.parse(line) as { time: string };
      assert.deepEqual(parsed, { time: parsed.time, ...entries[i] });
      assert.equal(line, JSON.stringify({ time: parsed.time, ...entries[i] }));
      const at = Date.parse(parsed.time);
      assert.ok(at >= before && at <= after, `${parsed.time} is the time of the request`);
    });
  });
});
