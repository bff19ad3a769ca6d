// A decision on an application or an offer is one transaction with what it publishes, on both stores: a real
// failure injected at the decision's own write (a trigger that refuses to change the row's status, as a full disk
// or a broken connection would between the two writes) stores neither the version nor the status, nor the audit
// entry, and the answer is a 500 that says nothing changed (`not-stored`). The same without the trigger succeeds.
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_TOKEN, application, DEMO_FILE, postOffer, postSignup, readLog, start, type Running } from './helpers.js';
import { databaseForThisFile } from './helpers/postgres.js';
import { failAt } from './helpers/injected-failure.js';
import { freshSchema, STORES, startOn } from './helpers/on-store.js';
import type { StoreLocation } from '../src/store/open.js';

const database = databaseForThisFile();
const json = { 'Content-Type': 'application/json' };

type Store = (typeof STORES)[number];

/**
 * Makes every UPDATE of `table`'s status fail in the database itself (from a connection of its own, as another
 * process would; helpers/injected-failure.ts); returns how to take it away again.
 */
function refuseStatusChanges(store: Store, where: StoreLocation, table: 'applications' | 'opportunity_offers'): Promise<() => Promise<void>> {
  return failAt(store, where, `BEFORE UPDATE OF status ON ${table}`, 'the status cannot be written');
}

/** What a decision could change: the versions, the published dataset, the audit log, and the application's or offer's status. */
async function snapshot(app: Running, item: string) {
  const versions = (await (await app.admin('/api/v1/admin/versions')).json()) as { versions: { version: number }[] };
  const published = await fetch(`${app.base}/api/v1/dataset`);
  const audit = (await (await app.admin('/api/v1/admin/audit?limit=200')).json()) as { entries: { action: string }[] };
  const shown = (await (await app.admin(item)).json()) as { status: string; decidedAt?: string };
  return {
    versions: versions.versions.map((v) => v.version),
    etag: published.headers.get('etag'),
    dataset: (await published.json()) as { organisations: { name: string }[]; opportunities?: { title: unknown }[] },
    audit: audit.entries.map((e) => e.action),
    status: shown.status,
    decidedAt: shown.decidedAt,
  };
}

async function notStored(res: Response, what: RegExp): Promise<void> {
  assert.equal(res.status, 500, await res.clone().text());
  const body = (await res.json()) as { errors: { path: string; code?: string; message: string }[] };
  assert.equal(body.errors.length, 1);
  assert.equal(body.errors[0]!.code, 'not-stored');
  assert.match(body.errors[0]!.message, what);
  assert.match(body.errors[0]!.message, /ingenting ändrades|nothing changed/);
}

async function submitApplication(app: Running, name: string): Promise<string> {
  const posted = await postSignup(app.base, application({ organisation: { ...application().organisation, name } }));
  assert.equal(posted.status, 201, await posted.clone().text());
  return ((await posted.json()) as { id: string }).id;
}

for (const store of STORES) {
  describe(`a decision is stored with what it publishes, or not at all (${store})`, { skip: store === 'PostgreSQL' && database.skip }, () => {
    test('an approval whose status cannot be written publishes no version; fixed, it publishes one; a rejection that fails leaves the signatory published', async () => {
      const app = await startOn(store, database);
      try {
        const name = 'Föreningen Halva Beslutet';
        const id = await submitApplication(app, name);
        const item = `/api/v1/signups/${id}`;
        const before = await snapshot(app, item);
        assert.equal(before.status, 'pending');

        const allow = await refuseStatusChanges(store, app.where, 'applications');
        await notStored(await app.admin(`${item}/approve`, { method: 'POST' }), /^Godkännandet av ansökan kunde inte sparas/);
        const failed = await snapshot(app, item);
        assert.deepEqual(failed.versions, before.versions, 'no new version');
        assert.equal(failed.etag, before.etag, 'the published dataset is as it was');
        assert.ok(!failed.dataset.organisations.some((o) => o.name === name), 'the organisation is not published');
        assert.deepEqual(failed.audit, before.audit, 'no audit entry');
        assert.deepEqual([failed.status, failed.decidedAt], ['pending', undefined], 'still pending');
        // The log says why (the database's message), for the operator; never the application.
        app.server.logger.flush();
        const line = readLog(app.logFile).find((l) => String(l.msg ?? l.message ?? '').includes('nothing of it is stored'));
        assert.ok(line, 'logged');
        assert.match(String(line.error), /injected failure/);
        assert.doesNotMatch(JSON.stringify(readLog(app.logFile)), /Halva Beslutet|kim\.testperson/);

        await allow();
        const approved = await app.admin(`${item}/approve`, { method: 'POST' });
        assert.equal(approved.status, 200, await approved.clone().text());
        const after = await snapshot(app, item);
        assert.equal(after.versions.length, before.versions.length + 1, 'one new version');
        assert.ok(after.dataset.organisations.some((o) => o.name === name), 'published');
        assert.equal(after.status, 'approved');
        assert.deepEqual(after.audit.slice(0, 1), ['application-approved']);

        // The other way round: a rejection (which would withdraw the signatory) fails at its status.
        const allowAgain = await refuseStatusChanges(store, app.where, 'applications');
        await notStored(await app.admin(`${item}/reject`, { method: 'POST', headers: json, body: JSON.stringify({ reason: 'Prövar' }) }), /^Avslaget på ansökan kunde inte sparas/);
        const still = await snapshot(app, item);
        assert.deepEqual(still.versions, after.versions);
        assert.equal(still.etag, after.etag);
        assert.ok(still.dataset.organisations.some((o) => o.name === name), 'still published');
        assert.deepEqual(still.audit, after.audit);
        assert.equal(still.status, 'approved');
        await allowAgain();
        const rejected = await app.admin(`${item}/reject`, { method: 'POST', headers: json, body: '{}' });
        assert.equal(rejected.status, 200, await rejected.clone().text());
        const gone = await snapshot(app, item);
        assert.ok(!gone.dataset.organisations.some((o) => o.name === name));
        assert.equal(gone.status, 'rejected');
      } finally {
        await app.close();
      }
    });

    test("an offer's approval whose status cannot be written publishes no opportunity", async () => {
      const app = await startOn(store, database);
      try {
        const title = 'Uppdrag som inte halvsparas';
        const item = await postOffer(app.base, { title });
        const before = await snapshot(app, item);

        const allow = await refuseStatusChanges(store, app.where, 'opportunity_offers');
        await notStored(await app.admin(`${item}/approve`, { method: 'POST' }), /^Godkännandet av erbjudandet kunde inte sparas/);
        const failed = await snapshot(app, item);
        assert.deepEqual({ ...failed, dataset: undefined }, { ...before, dataset: undefined }, 'nothing changed');
        assert.ok(!JSON.stringify(failed.dataset.opportunities ?? []).includes(title));

        await allow();
        assert.equal((await app.admin(`${item}/approve`, { method: 'POST' })).status, 200);
        const after = await snapshot(app, item);
        assert.equal(after.status, 'approved');
        assert.ok(JSON.stringify(after.dataset.opportunities ?? []).includes(title), 'published');
      } finally {
        await app.close();
      }
    });

    test('file mode: the decision and its audit entry are one transaction (a failed approval records nothing)', async () => {
      const pgOptions = store === 'PostgreSQL' ? { databaseUrl: database.url(), databaseSchema: freshSchema('f') } : {};
      const app = await start({ datasetFile: DEMO_FILE, adminToken: ADMIN_TOKEN, ...pgOptions });
      try {
        const name = 'Föreningen Filläget';
        const id = await submitApplication(app, name);
        const item = `/api/v1/signups/${id}`;
        const before = await snapshot(app, item);
        const where = { dataDir: join(app.dir, 'data'), ...pgOptions };
        const allow = await refuseStatusChanges(store, where, 'applications');
        // In English when asked for (Swedish otherwise, as above).
        await notStored(await app.admin(`${item}/approve`, { method: 'POST', headers: { 'Accept-Language': 'en-GB' } }), /^The application's approval could not be stored, and none of it was: nothing changed/);
        const failed = await snapshot(app, item);
        assert.deepEqual([failed.etag, failed.audit, failed.status], [before.etag, before.audit, 'pending']);
        await allow();
        assert.equal((await app.admin(`${item}/approve`, { method: 'POST' })).status, 200);
        const after = await snapshot(app, item);
        assert.equal(after.status, 'approved');
        assert.deepEqual(after.audit.slice(0, 1), ['application-approved']);
        assert.ok(after.dataset.organisations.some((o) => o.name === name), 'merged on top of the file');
      } finally {
        await app.close();
      }
    });
  });
}
