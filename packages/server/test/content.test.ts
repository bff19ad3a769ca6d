// The content API under /api/v1/admin (issue 13): roles, If-Match, validation,
// versions, restore, changes, audit, and file mode.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyPluginAsync } from 'fastify';
import type { Actor } from '../src/auth/actor.js';
import { ADMIN_TOKEN, DEMO_FILE, application, demo, postSignup, start } from './helpers.js';

/**
 * Signs people in the way the accounts plugin will: a header names the role
 * (only in these tests). Not encapsulated, like a fastify-plugin.
 */
const testSessions: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', async (request) => {
    const role = request.headers['x-test-role'];
    if (role === 'editor' || role === 'admin') {
      const actor: Actor = { kind: 'user', id: `u-${role}`, name: `Test ${role}`, role };
      request.actor = actor;
    }
  });
};
(testSessions as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

const json = (body: unknown, headers: Record<string, string> = {}) => ({ body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });

describe('content API', () => {
  test('no actor: 401; an editor and the admin token can read and write; every entity has an ETag', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN, plugins: [testSessions] });
    try {
      assert.equal((await fetch(`${app.base}/api/v1/admin/organisations`)).status, 401);
      assert.equal((await fetch(`${app.base}/api/v1/admin/versions`)).status, 401);
      assert.equal((await fetch(`${app.base}/api/v1/admin/audit`)).status, 401);
      const asEditor = await fetch(`${app.base}/api/v1/admin/contacts`, { headers: { 'X-Test-Role': 'editor' } });
      assert.equal(asEditor.status, 200);
      const { items } = await asEditor.json();
      assert.equal(items.length, demo.contacts.length);
      assert.match(items[0].etag, /^"[\w-]{27}"$/);
      const one = await app.admin(`/api/v1/admin/contacts/${items[0].id}`);
      assert.equal(one.headers.get('etag'), items[0].etag);
      assert.equal(one.headers.get('access-control-allow-origin'), null, 'no CORS on admin routes');
      assert.equal((await app.admin('/api/v1/admin/nonsense')).status, 404);
      assert.equal((await app.admin('/api/v1/admin/contacts/no-such-id')).status, 404);
    } finally {
      await app.close();
    }
  });

  test('PUT needs If-Match (428), a stale one is 412 with the entity as it is now; of two writers with one ETag, one wins', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN, plugins: [testSessions] });
    try {
      const before = await fetch(`${app.base}/api/v1/dataset`);
      const datasetEtag = before.headers.get('etag')!;
      await before.arrayBuffer();
      const contact = demo.contacts[0];
      const read = await app.admin(`/api/v1/admin/contacts/${contact.id}`);
      const etag = read.headers.get('etag')!;
      const entity = await read.json();

      const without = await app.admin(`/api/v1/admin/contacts/${contact.id}`, { method: 'PUT', ...json({ ...entity, phone: '08-111 111 11' }) });
      assert.equal(without.status, 428);

      const [a, b] = await Promise.all([
        app.admin(`/api/v1/admin/contacts/${contact.id}`, { method: 'PUT', ...json({ ...entity, phone: '08-222 222 22' }, { 'If-Match': etag }) }),
        fetch(`${app.base}/api/v1/admin/contacts/${contact.id}`, { method: 'PUT', ...json({ ...entity, phone: '08-333 333 33' }, { 'If-Match': etag, 'X-Test-Role': 'editor' }) }),
      ]);
      const statuses = [a.status, b.status].sort();
      assert.deepEqual(statuses, [200, 412], 'one wins, one is told it is stale');
      const winner = a.status === 200 ? a : b;
      const loser = a.status === 200 ? b : a;
      const won = await winner.json();
      const lost = await loser.json();
      assert.equal(lost.etag, winner.headers.get('etag'));
      assert.equal(lost.current.phone, won.phone);

      // Published at once: the dataset has a new ETag and the new phone.
      const after = await fetch(`${app.base}/api/v1/dataset`, { headers: { 'If-None-Match': datasetEtag } });
      assert.equal(after.status, 200);
      const published = await after.json();
      assert.equal(published.contacts.find((c: { id: string }) => c.id === contact.id).phone, won.phone);
    } finally {
      await app.close();
    }
  });

  test('a write is validated like parseDataset strict: the error shape at the path, nothing published', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const org = demo.organisations[0];
      const etag = (await app.admin(`/api/v1/admin/organisations/${org.id}`)).headers.get('etag')!;
      const bad = await app.admin(`/api/v1/admin/organisations/${org.id}`, { method: 'PUT', ...json({ ...org, website: 'javascript:alert(1)' }, { 'If-Match': etag }) });
      assert.equal(bad.status, 400);
      const { errors } = await bad.json();
      assert.deepEqual(errors.map((e: { path: string }) => e.path), ['website']);
      const bidi = await app.admin('/api/v1/admin/organisations', { method: 'POST', ...json({ name: 'Förening\u202E', form: 'other', districts: [], activities: [], languages: [] }) });
      assert.equal(bidi.status, 400);
      assert.equal((await bidi.json()).errors[0].code, 'unpaired-bidi-control');
      // A reference to a principle that does not exist.
      const contact = demo.contacts[0];
      const cEtag = (await app.admin(`/api/v1/admin/contacts/${contact.id}`)).headers.get('etag')!;
      const dangling = await app.admin(`/api/v1/admin/contacts/${contact.id}`, { method: 'PUT', ...json({ ...contact, principles: ['no-such-principle'] }, { 'If-Match': cEtag }) });
      assert.equal(dangling.status, 400);
      assert.deepEqual((await (await app.admin('/api/v1/admin/versions')).json()).versions.length, 1, 'nothing was published');
    } finally {
      await app.close();
    }
  });

  test('create (an id is made), delete (If-Match), versions with who and a summary, changes per field, restore, and the audit log', async () => {
    let clock = Date.parse('2026-12-01T09:00:00Z');
    const app = await start({ adminToken: ADMIN_TOKEN, plugins: [testSessions], now: () => new Date((clock += 60_000)) });
    try {
      const created = await fetch(`${app.base}/api/v1/admin/organisations`, {
        method: 'POST',
        ...json({ name: 'Roddsällskapet Ängen', form: 'non-profit-association', districts: ['Hovsjö'], activities: ['rodd'], languages: ['sv'] }, { 'X-Test-Role': 'editor' }),
      });
      assert.equal(created.status, 201);
      const org = await created.json();
      assert.equal(org.id, 'roddsallskapet-angen');
      const etag = created.headers.get('etag')!;

      const changed = await app.admin(`/api/v1/admin/organisations/${org.id}`, { method: 'PUT', ...json({ ...org, phone: '08-444 444 44' }, { 'If-Match': etag }) });
      assert.equal(changed.status, 200);
      const deleteStale = await app.admin(`/api/v1/admin/organisations/${org.id}`, { method: 'DELETE', headers: { 'If-Match': etag } });
      assert.equal(deleteStale.status, 412);
      const deleted = await app.admin(`/api/v1/admin/organisations/${org.id}`, { method: 'DELETE', headers: { 'If-Match': changed.headers.get('etag')! } });
      assert.equal(deleted.status, 204);
      assert.equal((await app.admin(`/api/v1/admin/organisations/${org.id}`)).status, 404);

      const { versions } = await (await app.admin('/api/v1/admin/versions')).json();
      assert.deepEqual(
        versions.map((v: { version: number; by: string; summary: string }) => [v.version, v.by, v.summary]),
        [
          [4, 'admin token', `Deleted organisations/${org.id}`],
          [3, 'admin token', `Changed organisations/${org.id} (phone)`],
          [2, 'Test editor', `Added organisations/${org.id}`],
          [1, 'seed', 'First version, from the dataset the server was started with'],
        ],
      );
      const changes = await (await app.admin('/api/v1/admin/versions/3/changes')).json();
      assert.deepEqual(changes.changes, [{ collection: 'organisations', id: org.id, change: 'changed', fields: [{ path: 'phone', after: '08-444 444 44' }] }]);
      const v3 = await (await app.admin('/api/v1/admin/versions/3')).json();
      assert.equal(v3.dataset.organisations.find((o: { id: string }) => o.id === org.id).phone, '08-444 444 44');

      // Deleting is undone by restoring: a new version equal to version 3.
      const restored = await app.admin('/api/v1/admin/versions/3/restore', { method: 'POST' });
      assert.equal(restored.status, 200);
      assert.equal((await restored.json()).version, 5);
      const dataset = await (await fetch(`${app.base}/api/v1/dataset`)).json();
      assert.equal(dataset.organisations.find((o: { id: string }) => o.id === org.id).phone, '08-444 444 44');
      const v5 = await (await app.admin('/api/v1/admin/versions/5')).json();
      assert.deepEqual({ ...v5.dataset, updatedAt: '' }, { ...v3.dataset, updatedAt: '' }, 'equal to version 3 but for updatedAt');
      assert.deepEqual((await (await app.admin('/api/v1/admin/versions/5/changes')).json()).changes.map((c: { change: string }) => c.change), ['added']);

      // A decision is a version too, and the audit log has everything, newest first, without personal data.
      const { id } = await (await postSignup(app.base, application())).json();
      assert.equal((await app.admin(`/api/v1/signups/${id}/approve`, { method: 'POST' })).status, 200);
      assert.match((await (await app.admin('/api/v1/admin/versions')).json()).versions[0].summary, /Approved an application/);
      assert.equal((await app.admin(`/api/v1/signups/${id}/erase`, { method: 'POST' })).status, 200);
      const audit = await (await app.admin('/api/v1/admin/audit')).json();
      assert.deepEqual(
        audit.entries.map((e: { action: string; target: string }) => [e.action, e.target]),
        [
          ['application-erased', `signups/${id}`],
          ['application-approved', `signups/${id}`],
          ['version-restored', 'versions/3'],
          ['content-deleted', `organisations/${org.id}`],
          ['content-replaced', `organisations/${org.id}`],
          ['content-created', `organisations/${org.id}`],
          ['dataset-seeded', 'dataset'],
        ],
      );
      assert.ok(!JSON.stringify(audit).includes('kim.testperson'), 'no personal data in the audit log');
      // Erasure reaches the history too: no version keeps the organisation's e-mail.
      for (const v of (await (await app.admin('/api/v1/admin/versions')).json()).versions) {
        const text = JSON.stringify(await (await app.admin(`/api/v1/admin/versions/${v.version}`)).json());
        assert.ok(!text.includes('styrelsen@angsbacken.example.org'), `version ${v.version}`);
      }
      for (const bad of ['limit=0', 'limit=x', 'cursor=-1']) assert.equal((await app.admin(`/api/v1/admin/audit?${bad}`)).status, 400, bad);
      const paged = await (await app.admin('/api/v1/admin/audit?limit=3')).json();
      assert.equal(paged.entries.length, 3);
      const rest = await (await app.admin(`/api/v1/admin/audit?limit=10&cursor=${paged.nextCursor}`)).json();
      assert.equal(rest.entries.length, 4);
    } finally {
      await app.close();
    }
  });

  test('the agreement has the same If-Match rules', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const read = await app.admin('/api/v1/admin/agreement');
      const agreement = await read.json();
      assert.equal((await app.admin('/api/v1/admin/agreement', { method: 'PUT', ...json(agreement) })).status, 428);
      const put = await app.admin('/api/v1/admin/agreement', { method: 'PUT', ...json({ ...agreement, revisionIntervalYears: 3 }, { 'If-Match': read.headers.get('etag')! }) });
      assert.equal(put.status, 200);
      assert.equal((await (await fetch(`${app.base}/api/v1/dataset`)).json()).agreement.revisionIntervalYears, 3);
    } finally {
      await app.close();
    }
  });

  test('file mode: the file is the truth; content writes answer 409 with a sentence saying so, reads work', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN, datasetFile: DEMO_FILE });
    try {
      const org = demo.organisations[0];
      const read = await app.admin(`/api/v1/admin/organisations/${org.id}`);
      assert.equal(read.status, 200);
      const put = await app.admin(`/api/v1/admin/organisations/${org.id}`, { method: 'PUT', ...json(org, { 'If-Match': read.headers.get('etag')! }) });
      assert.equal(put.status, 409);
      const [refusal] = (await put.json()).errors;
      assert.equal(refusal.code, 'file-mode');
      // In the caller's language (Swedish by default): nothing saved, why, and what to do instead.
      assert.match(refusal.message, /^Ingenting sparades: .*publicerar datasetet från en fil .*SAMVERKAN_DATASET.*Ändra filen i stället/);
      assert.equal((await app.admin('/api/v1/admin/organisations', { method: 'POST', ...json({ name: 'X', form: 'other' }) })).status, 409);
    } finally {
      await app.close();
    }
  });
});
