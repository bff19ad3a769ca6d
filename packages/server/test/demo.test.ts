import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from './child-server.js';

test('serve --demo prints the URLs to open and an admin token it generated, which opens the admin routes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-demo-'));
  try {
    // An empty SAMVERKAN_ADMIN_TOKEN counts as not set, whatever the shell running the tests has.
    const server = await spawnServer(dir, { SAMVERKAN_ADMIN_TOKEN: '' }, 60_000, ['--demo']);
    try {
      const printed = server.stdout();
      const port = new URL(server.base).port;
      assert.match(printed, new RegExp(`Example pages:\\s+http://localhost:${port}/`));
      assert.match(printed, new RegExp(`Applications:\\s+POST http://localhost:${port}/api/v1/signups`));
      const token = /Admin token for this run[^\n]*\n\s+(\S+)/.exec(printed)?.[1];
      assert.ok(token && token.length >= 16, `a token is printed:\n${printed}`);
      assert.equal((await fetch(`${server.base}/api/v1/signups`)).status, 401);
      const listed = await fetch(`${server.base}/api/v1/signups`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(listed.status, 200);
      assert.deepEqual((await listed.json()).applications, []);
      const pages = await fetch(`${server.base}/`, { redirect: 'manual' });
      await pages.arrayBuffer();
      assert.ok([200, 301].includes(pages.status), `the example pages are served (${pages.status})`);
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
