import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from './child-server.js';
import { ADMIN_TOKEN, application } from './helpers.js';

const env = { SAMVERKAN_ADMIN_TOKEN: ADMIN_TOKEN };

/**
 * Posts applications, several at a time, until `acknowledged` of them got
 * 201; returns their ids. Requests still in flight when the server dies just fail.
 */
async function postUntil(base: string, acknowledged: number): Promise<string[]> {
  const ids: string[] = [];
  const deadline = Date.now() + 15_000;
  const worker = async () => {
    while (ids.length < acknowledged && Date.now() < deadline) {
      const res = await fetch(`${base}/api/v1/signups`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(application()),
      });
      if (res.status === 201) ids.push((await res.json()).id);
      else await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return ids;
}

describe('durability', () => {
  test('every application answered 201 survives kill -9 (3 cycles on one data directory)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-kill9-'));
    const acknowledged: string[] = [];
    try {
      for (let cycle = 0; cycle < 3; cycle++) {
        const server = await spawnServer(dir, env);
        const ids = await postUntil(server.base, 5 + cycle * 7);
        // Kill while other requests may still be in flight: no shutdown, no checkpoint.
        server.child.kill('SIGKILL');
        assert.equal(await server.exited, 'SIGKILL');
        acknowledged.push(...ids);
      }
      const server = await spawnServer(dir, env);
      try {
        assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
        const res = await fetch(`${server.base}/api/v1/signups`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
        const stored = new Set((await res.json()).applications.map((a: { id: string }) => a.id));
        const lost = acknowledged.filter((id) => !stored.has(id));
        assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged applications were lost`);
        assert.ok(acknowledged.length >= 5 + 12 + 19);
      } finally {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('SIGTERM lets an application that is arriving finish (201, stored) before the server stops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-sigterm-inflight-'));
    try {
      const server = await spawnServer(dir, env);
      const body = Buffer.from(JSON.stringify(application()));
      const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(`${server.base}/api/v1/signups`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': body.length } }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        });
        req.on('error', reject);
        // Half the body now, SIGTERM, the rest a moment later.
        req.write(body.subarray(0, 100));
        setTimeout(() => server.child.kill('SIGTERM'), 200);
        setTimeout(() => req.end(body.subarray(100)), 700);
      });
      const { status, text } = await answer;
      assert.equal(status, 201);
      const { id } = JSON.parse(text);
      const exit = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r('timeout'), 12_000))]);
      assert.equal(exit, 0);
      const again = await spawnServer(dir, env);
      try {
        const res = await fetch(`${again.base}/api/v1/signups/${id}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
        assert.equal(res.status, 200);
      } finally {
        again.child.kill('SIGKILL');
        await again.exited;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('SIGTERM stops the server cleanly (exit code 0) and the data is there on the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-sigterm-'));
    try {
      const server = await spawnServer(dir, env);
      const [id] = await postUntil(server.base, 1);
      server.child.kill('SIGTERM');
      const exit = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r('timeout'), 12_000))]);
      assert.equal(exit, 0);
      const again = await spawnServer(dir, env);
      try {
        const res = await fetch(`${again.base}/api/v1/signups/${id}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
        assert.equal(res.status, 200);
      } finally {
        again.child.kill('SIGKILL');
        await again.exited;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('durability of content writes', () => {
  test('every content write answered 200/201 survives kill -9 (store mode, the demo seeded on first start)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-kill9-content-'));
    const created: string[] = [];
    try {
      for (let cycle = 0; cycle < 2; cycle++) {
        const server = await spawnServer(dir, { ...env, SAMVERKAN_DATASET: '' }, 20_000, ['--demo']);
        const deadline = Date.now() + 10_000;
        const worker = async (w: number) => {
          for (let i = 0; created.length < 10 * (cycle + 1) && Date.now() < deadline; i++) {
            const name = `Förening ${cycle}-${w}-${i}`;
            const res = await fetch(`${server.base}/api/v1/admin/organisations`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
              body: JSON.stringify({ name, form: 'other', districts: [], activities: [], languages: ['sv'] }),
            });
            if (res.status === 201) created.push((await res.json()).id);
            else await res.arrayBuffer();
          }
        };
        await Promise.all([worker(0), worker(1), worker(2)]);
        server.child.kill('SIGKILL');
        assert.equal(await server.exited, 'SIGKILL');
      }
      const server = await spawnServer(dir, { ...env, SAMVERKAN_DATASET: '' }, 20_000, ['--demo']);
      try {
        const dataset = await (await fetch(`${server.base}/api/v1/dataset`)).json();
        const ids = new Set(dataset.organisations.map((o: { id: string }) => o.id));
        const lost = created.filter((id) => !ids.has(id));
        assert.deepEqual(lost, [], `${lost.length} of ${created.length} acknowledged writes were lost`);
        assert.ok(created.length >= 20);
        const versions = await (await fetch(`${server.base}/api/v1/admin/versions`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
        assert.equal(versions.versions.at(-1).by, 'seed', 'the demo was seeded once, on the first start');
        assert.equal(versions.versions.filter((v: { by: string }) => v.by === 'seed').length, 1);
      } finally {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
