import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_TOKEN, application, demo, postSignup, start } from './helpers.js';

async function submit(base: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await postSignup(base, application(overrides));
  assert.equal(res.status, 201);
  return (await res.json()).id;
}

describe('admin routes', () => {
  test('do not exist without a configured token (404), and need the right token when one is', async () => {
    const off = await start();
    try {
      assert.equal((await fetch(`${off.base}/api/v1/signups`)).status, 404);
      assert.equal((await off.admin('/api/v1/signups')).status, 404);
      assert.equal((await off.admin('/api/v1/signups/00000000-0000-0000-0000-000000000000/approve', { method: 'POST' })).status, 404);
    } finally {
      await off.close();
    }
    const on = await start({ adminToken: ADMIN_TOKEN });
    try {
      const none = await fetch(`${on.base}/api/v1/signups`);
      assert.equal(none.status, 401);
      assert.match(none.headers.get('www-authenticate')!, /^Bearer/);
      const wrong = await fetch(`${on.base}/api/v1/signups`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}x` } });
      assert.equal(wrong.status, 401);
      const prefix = await fetch(`${on.base}/api/v1/signups`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN.slice(0, -1)}` } });
      assert.equal(prefix.status, 401);
      const right = await on.admin('/api/v1/signups');
      assert.equal(right.status, 200);
      assert.equal(right.headers.get('cache-control'), 'no-store');
      assert.equal(right.headers.get('access-control-allow-origin'), null, 'no CORS on admin routes');
    } finally {
      await on.close();
    }
  });

  test('refuses a short token', () => {
    return assert.rejects(start({ adminToken: 'short' }), /at least 16 characters/);
  });

  test('lists applications, newest first, filtered by status', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const a = await submit(app.base);
      await new Promise((r) => setTimeout(r, 5));
      const b = await submit(app.base, { language: 'en' });
      assert.equal((await app.admin(`/api/v1/signups/${b}/reject`, { method: 'POST' })).status, 200);
      const all = (await (await app.admin('/api/v1/signups')).json()).applications;
      assert.deepEqual(all.map((x: { id: string }) => x.id), [b, a]);
      const pending = (await (await app.admin('/api/v1/signups?status=pending')).json()).applications;
      assert.deepEqual(pending.map((x: { id: string }) => x.id), [a]);
      assert.equal((await app.admin('/api/v1/signups?status=maybe')).status, 400);
      assert.equal((await app.admin('/api/v1/signups/not-an-id-that-exists')).status, 404);
      assert.equal((await app.admin(`/api/v1/signups/${a}/approve`)).status, 405, 'approve is a POST');
      assert.equal((await app.admin(`/api/v1/signups/${a}/launch`, { method: 'POST' })).status, 404);
    } finally {
      await app.close();
    }
  });

  test('approve adds the organisation as a signatory (written-application, today in the dataset time zone) and changes the ETag', async () => {
    // 23:30 UTC on 26 November is already 27 November in Stockholm.
    const now = new Date('2026-11-26T23:30:00Z');
    const app = await start({ adminToken: ADMIN_TOKEN, now: () => now });
    try {
      const before = await fetch(`${app.base}/api/v1/dataset`);
      const etag = before.headers.get('etag')!;
      await before.arrayBuffer();
      const id = await submit(app.base);

      const approved = await app.admin(`/api/v1/signups/${id}/approve`, { method: 'POST' });
      assert.equal(approved.status, 200);
      const decided = await approved.json();
      assert.equal(decided.status, 'approved');
      assert.equal(decided.decidedAt, now.toISOString());

      const after = await fetch(`${app.base}/api/v1/dataset`, { headers: { 'If-None-Match': etag } });
      assert.equal(after.status, 200, 'the old ETag no longer matches');
      assert.notEqual(after.headers.get('etag'), etag);
      const dataset = await after.json();
      assert.equal(dataset.organisations.length, demo.organisations.length + 1);
      const added = dataset.organisations.find((o: { id: string }) => o.id === decided.organisationId);
      assert.deepEqual(added.signature, { signedOn: '2026-11-27', via: 'written-application' });
      assert.equal(added.name, 'Föreningen Ängsbacken');
      assert.equal(added.organisationNumber, '802456-8977');
      assert.match(added.id, /^foreningen-angsbacken-[0-9a-f]{8}$/);
      assert.equal(added.collaborationContact, undefined, 'the contact person is not published');
      assert.ok(!JSON.stringify(dataset).includes('kim.testperson'), 'nor their e-mail');
      assert.equal(dataset.updatedAt, now.toISOString());

      // Approving twice changes nothing.
      const etag2 = after.headers.get('etag')!;
      await app.admin(`/api/v1/signups/${id}/approve`, { method: 'POST' });
      assert.equal((await fetch(`${app.base}/api/v1/dataset`, { headers: { 'If-None-Match': etag2 } })).status, 304);

      // Rejecting afterwards withdraws the signatory.
      assert.equal((await (await app.admin(`/api/v1/signups/${id}/reject`, { method: 'POST' })).json()).status, 'rejected');
      const withdrawn = await (await fetch(`${app.base}/api/v1/dataset`)).json();
      assert.equal(withdrawn.organisations.length, demo.organisations.length);
    } finally {
      await app.close();
    }
  });

  test('approving an organisation the dataset lists without a signature signs that entry instead of adding a duplicate', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN, now: () => new Date('2026-06-01T10:00:00Z') });
    try {
      const listed = demo.organisations.find((o: { signature?: unknown; organisationNumber?: string }) => !o.signature && o.organisationNumber);
      const id = await submit(app.base, { organisation: { ...application().organisation, name: listed.name, organisationNumber: listed.organisationNumber } });
      await app.admin(`/api/v1/signups/${id}/approve`, { method: 'POST' });
      const dataset = await (await fetch(`${app.base}/api/v1/dataset`)).json();
      assert.equal(dataset.organisations.length, demo.organisations.length);
      const entry = dataset.organisations.find((o: { id: string }) => o.id === listed.id);
      assert.deepEqual(entry.signature, { signedOn: '2026-06-01', via: 'written-application' });
      assert.equal(entry.website, new URL(listed.website).href, "the dataset's own facts are kept");
      assert.equal(entry.collaborationContact.name, listed.collaborationContact.name);
    } finally {
      await app.close();
    }
  });

  test("erase removes an application's personal data from the answers and from the database file", async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const id = await submit(app.base);
      await app.admin(`/api/v1/signups/${id}/approve`, { method: 'POST' });
      const erased = await app.admin(`/api/v1/signups/${id}/erase`, { method: 'POST' });
      assert.equal(erased.status, 200);
      const body = await erased.json();
      assert.equal(body.application, undefined);
      assert.match(body.erasedAt, /^\d{4}-/);
      assert.equal(body.privacyNotice.version, '2026-03', 'what the applicant was told is kept');

      const dataset = await (await fetch(`${app.base}/api/v1/dataset`)).json();
      const signatory = dataset.organisations.find((o: { id: string }) => o.id === body.organisationId);
      assert.equal(signatory.name, 'Föreningen Ängsbacken', 'the signatory stays');
      assert.equal(signatory.email, undefined, "the organisation's e-mail is gone");

      // Nothing left in the file or its WAL (secure_delete + checkpoint).
      const files = ['samverkan.sqlite', 'samverkan.sqlite-wal'].map((f) => join(app.dir, 'data', f)).filter((f) => existsSync(f));
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const personal of ['kim.testperson@example.org', 'Kim Testperson', 'Vi vill gärna vara med']) {
          assert.equal(bytes.includes(Buffer.from(personal)), false, `"${personal}" is not in ${file}`);
        }
      }
      assert.equal((await app.admin(`/api/v1/signups/${id}/approve`, { method: 'POST' })).status, 200, 'already approved stays approved');
    } finally {
      await app.close();
    }
  });

  test('reject takes an optional { reason }, validated with the SDK schema, kept with the decision and erased with the application', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const id = await submit(app.base);
      const post = (body: unknown) => app.admin(`/api/v1/signups/${id}/reject`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const bad = await post({ reason: 42 });
      assert.equal(bad.status, 400);
      assert.deepEqual((await bad.json()).errors.map((e: { path: string }) => e.path), ['reason']);
      const rejected = await post({ reason: 'Inte en förening i kommunen.' });
      assert.equal(rejected.status, 200);
      assert.equal((await rejected.json()).rejectReason, 'Inte en förening i kommunen.');
      await app.admin(`/api/v1/signups/${id}/erase`, { method: 'POST' });
      assert.equal((await (await app.admin(`/api/v1/signups/${id}`)).json()).rejectReason, undefined);
    } finally {
      await app.close();
    }
  });

  test('an erased application cannot be approved', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const id = await submit(app.base);
      await app.admin(`/api/v1/signups/${id}/erase`, { method: 'POST' });
      assert.equal((await app.admin(`/api/v1/signups/${id}/approve`, { method: 'POST' })).status, 409);
    } finally {
      await app.close();
    }
  });
});
