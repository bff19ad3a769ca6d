// Several server processes on one PostgreSQL database (issue 16): real
// `samverkan-server serve` child processes, concurrent writes through both,
// changes served by the other within two seconds, idempotency across
// processes, kill -9 of one while it is writing, and failed sign-ins counted
// for all processes together.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, type ChildServer } from './child-server.js';
import { ADMIN_TOKEN, application } from './helpers.js';
import { freshDatabase, postgresAbsence, type TestDatabase } from './helpers/postgres.js';

const absent = postgresAbsence();
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

async function post(base: string, body: unknown, key?: string): Promise<Response> {
  return fetch(`${base}/api/v1/signups`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key && { 'Idempotency-Key': key }) },
    body: JSON.stringify(body),
  });
}

/** How long until `base` serves a dataset whose ETag differs from `etag` (or throws after `limitMs`). */
async function msUntilNewEtag(base: string, etag: string, limitMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    const res = await fetch(`${base}/api/v1/dataset`, { headers: { 'If-None-Match': etag } });
    await res.arrayBuffer();
    if (res.status === 200) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${base} still served ${etag} after ${limitMs} ms`);
}

describe('two server processes on one PostgreSQL database', { skip: absent && !process.env.CI ? absent : false }, () => {
  let database: TestDatabase | undefined;
  let dir: string;
  const servers: ChildServer[] = [];
  const spawn = async () => {
    const server = await spawnServer(dir, { SAMVERKAN_DATABASE_URL: database!.url, SAMVERKAN_DATASET: '', SAMVERKAN_ADMIN_TOKEN: ADMIN_TOKEN }, 60_000, ['--demo']);
    servers.push(server);
    return server;
  };

  before(async () => {
    database = await freshDatabase();
    dir = mkdtempSync(join(tmpdir(), 'samverkan-processes-'));
  });
  after(async () => {
    for (const server of servers) {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    }
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('start together (one migration, one seed), share changes within two seconds, store a key sent to both once, and survive kill -9 of one', async () => {
    const [a, b] = await Promise.all([spawn(), spawn()]);

    // Both started on an empty database at once: one schema, one first version.
    const versions = (await (await fetch(`${a.base}/api/v1/admin/versions`, { headers: auth })).json()) as { versions: { version: number }[] };
    assert.deepEqual(versions.versions.map((v) => v.version), [1], 'seeded once');
    const etagA = (await fetch(`${a.base}/api/v1/dataset`)).headers.get('etag')!;
    assert.equal((await fetch(`${b.base}/api/v1/dataset`)).headers.get('etag'), etagA, 'both serve the same version');

    // Concurrent writes through both; some keys sent to both processes at once.
    const sameKey = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const body = application({ message: `Samma ansökan ${i}` });
        const [ra, rb] = await Promise.all([post(a.base, body, `same-${i}`), post(b.base, body, `same-${i}`)]);
        const [ja, jb] = (await Promise.all([ra.json(), rb.json()])) as { id: string }[];
        assert.deepEqual([ra.status, rb.status], [201, 201]);
        assert.equal(ja!.id, jb!.id, 'both processes answer the one stored application');
        assert.equal([ra, rb].filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 1, 'one of them is the replay');
        return ja!.id;
      }),
    );
    const plain = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i % 2 ? a.base : b.base, application()).then(async (r) => ({ status: r.status, id: ((await r.json()) as { id: string }).id }))));
    assert.ok(plain.every((r) => r.status === 201));
    const listed = (await (await fetch(`${b.base}/api/v1/signups?limit=100`, { headers: auth })).json()) as { applications: { id: string }[] };
    assert.equal(listed.applications.length, 26, 'six keyed once each, twenty plain');
    for (const id of sameKey) assert.equal(listed.applications.filter((x) => x.id === id).length, 1);

    // An approval through A is served by B within two seconds, a rejection through B by A.
    const approve = await fetch(`${a.base}/api/v1/signups/${sameKey[0]}/approve`, { method: 'POST', headers: auth });
    assert.equal(approve.status, 200);
    const approvedEtag = (await fetch(`${a.base}/api/v1/dataset`)).headers.get('etag')!;
    assert.notEqual(approvedEtag, etagA, 'A serves its own change at once');
    const toB = await msUntilNewEtag(b.base, etagA, 2000);
    assert.equal((await fetch(`${b.base}/api/v1/dataset`)).headers.get('etag'), approvedEtag);
    const reject = await fetch(`${b.base}/api/v1/signups/${sameKey[0]}/reject`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(reject.status, 200);
    const toA = await msUntilNewEtag(a.base, approvedEtag, 2000);
    console.log(`a change through one process was served by the other after ${toB} ms and ${toA} ms`);

    // kill -9 A while both take applications: every 201 (from either) is stored, B keeps serving.
    const acknowledged: string[] = [];
    let stop = false;
    const writer = (base: string) => async () => {
      while (!stop) {
        try {
          const res = await post(base, application());
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
          else await res.arrayBuffer();
        } catch {
          if (base === a.base) return; // A is gone: its requests in flight fail, unanswered.
          throw new Error('B stopped answering');
        }
      }
    };
    const writers = [...Array.from({ length: 3 }, () => writer(a.base)()), ...Array.from({ length: 3 }, () => writer(b.base)())];
    while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 10));
    a.child.kill('SIGKILL');
    assert.equal(await a.exited, 'SIGKILL');
    const atKill = acknowledged.length;
    while (acknowledged.length < atKill + 20) await new Promise((r) => setTimeout(r, 10));
    stop = true;
    await Promise.all(writers);

    assert.equal((await fetch(`${b.base}/healthz`)).status, 200);
    const lost: string[] = [];
    for (const id of acknowledged) {
      const res = await fetch(`${b.base}/api/v1/signups/${id}`, { headers: auth });
      await res.arrayBuffer();
      if (res.status !== 200) lost.push(id);
    }
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged applications were lost`);

    // A restarted process joins and serves the current version.
    const c = await spawn();
    assert.equal((await fetch(`${c.base}/api/v1/dataset`)).headers.get('etag'), (await fetch(`${b.base}/api/v1/dataset`)).headers.get('etag'));
  });

  test('failed sign-ins through one process slow sign-in at the other: the counts are in the database', async () => {
    const alive = () => servers.filter((server) => server.child.exitCode === null && server.child.signalCode === null);
    while (alive().length < 2) await spawn();
    const [one, other] = alive() as [ChildServer, ChildServer];
    const json = (body: unknown) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const invited = await fetch(`${one.base}/api/v1/admin/users`, { ...json({ email: 'tova.throttle@example.org', name: 'Tova Throttle', role: 'editor' }), headers: { ...auth, 'Content-Type': 'application/json' } });
    assert.equal(invited.status, 201);
    const token = decodeURIComponent(/token=([^&]+)/.exec(((await invited.json()) as { setPasswordUrl: string }).setPasswordUrl)![1]!);
    const password = 'korrekt häst batteri häftklammer';
    assert.equal((await fetch(`${other.base}/api/v1/set-password`, json({ token, password }))).status, 204);

    const signIn = (base: string, guess: string) => fetch(`${base}/api/v1/session`, json({ email: 'tova.throttle@example.org', password: guess }));
    // Five wrong guesses, spread over both processes, are the free ones; the sixth attempt waits, wherever it arrives.
    for (let i = 0; i < 5; i++) assert.equal((await signIn(i % 2 ? other.base : one.base, `gissning ${i}`)).status, 401);
    const blocked = await signIn(other.base, password);
    assert.equal(blocked.status, 429, 'the other process knows of the failures');
    assert.equal(blocked.headers.get('retry-after'), '1');
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal((await signIn(one.base, password)).status, 200, 'the right password gets in once the wait is over');
  });
});
