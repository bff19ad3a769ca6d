// The request log's privacy rules (issue 17.8) and what counts as an error (issue 17.2).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_TOKEN, start, type Running } from './helpers.js';

function logLines(app: Running): Record<string, unknown>[] {
  app.server.logger.flush();
  return readFileSync(app.logFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
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

