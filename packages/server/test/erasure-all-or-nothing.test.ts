// An erasure is one transaction on both stores: the version without the personal data (when it changes what is
// published), its audit entry, the application's or offer's row, its idempotency records and, for an approved
// application, every earlier version scrubbed of its signatory's e-mail and phone (for an approved offer, every earlier
// version without its opportunity and so without its contact) — all, or nothing. A real failure is
// injected at a write late in the erasure (a trigger made from a connection of its own, as a full disk or a broken
// connection would fail there), after the version, the audit entry and the row were written in the same transaction:
// the answer is a 500 that says nothing changed (`not-stored`), and everything is as it was. Without the trigger the
// same erasure succeeds. (As decisions-all-or-nothing.test.ts does for decisions.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { application, postOffer, postSignup, readLog, type Running } from './helpers.js';
import { databaseForThisFile } from './helpers/postgres.js';
import { failAt } from './helpers/injected-failure.js';
import { STORES, startOn } from './helpers/on-store.js';
import type { StoreLocation } from '../src/store/open.js';

const database = databaseForThisFile();

type Store = (typeof STORES)[number];

/** Makes `when` (`BEFORE UPDATE ON versions`, …) fail in the database itself (helpers/injected-failure.ts). */
function failErasureAt(store: Store, where: StoreLocation, when: string): Promise<() => Promise<void>> {
  return failAt(store, where, when, 'the erasure cannot finish');
}

/** Everything an erasure could change: the versions (each one's whole dataset), the published dataset, the audit log and the item. */
async function snapshot(app: Running, item: string) {
  const list = (await (await app.admin('/api/v1/admin/versions')).json()) as { versions: { version: number }[] };
  const versions: string[] = [];
  for (const { version } of list.versions) versions.push(JSON.stringify(((await (await app.admin(`/api/v1/admin/versions/${version}`)).json()) as { dataset: unknown }).dataset));
  const published = await fetch(`${app.base}/api/v1/dataset`);
  const audit = (await (await app.admin('/api/v1/admin/audit?limit=200')).json()) as { entries: { action: string; target: string }[] };
  return {
    versions,
    etag: published.headers.get('etag'),
    dataset: await published.text(),
    audit: audit.entries.map((e) => `${e.action} ${e.target}`),
    item: (await (await app.admin(item)).json()) as Record<string, unknown>,
  };
}

async function notStored(res: Response): Promise<void> {
  assert.equal(res.status, 500, await res.clone().text());
  const body = (await res.json()) as { errors: { code?: string; message: string }[] };
  assert.equal(body.errors[0]!.code, 'not-stored');
  // Swedish by default (Node's fetch asks for any language).
  assert.match(body.errors[0]!.message, /^Raderingen av .* kunde inte sparas/);
  assert.match(body.errors[0]!.message, /ingenting ändrades/);
}

/** The log says why (the database's message) and never what was erased. */
function loggedWithoutData(app: Running, ...data: string[]): void {
  app.server.logger.flush();
  const lines = readLog(app.logFile);
  const line = lines.find((l) => String(l.msg ?? l.message ?? '').includes('nothing of it is stored'));
  assert.ok(line, 'logged');
  assert.match(String(line.error), /injected failure/);
  const text = JSON.stringify(lines);
  for (const value of data) assert.ok(!text.includes(value), `the log holds ${value}`);
}

const EMAIL = application().organisation.email;

/** An offer whose contact is personal data (a person's e-mail and phone), published once approved. */
const OFFER_CONTACT = { email: 'alva.kontakt@forening.example.org', phone: '08-765 432 10' };

/** Posts an offer with {@link OFFER_CONTACT} and approves it (a version that publishes it); its admin path. */
async function approvedOffer(app: Running, title: string): Promise<string> {
  const item = await postOffer(app.base, { title, contact: OFFER_CONTACT });
  assert.equal((await app.admin(`${item}/approve`, { method: 'POST' })).status, 200);
  return item;
}

/** The versions' numbers, times, authors and summaries, oldest first (what a rewrite of their datasets keeps). */
async function versionList(app: Running): Promise<unknown[]> {
  return ((await (await app.admin('/api/v1/admin/versions')).json()) as { versions: unknown[] }).versions.reverse();
}

/** Whether a version's (or the published) dataset holds anything of the offer: its contact or its title. */
const holdsOffer = (dataset: string, title: string) => [OFFER_CONTACT.email, OFFER_CONTACT.phone, title].some((value) => dataset.includes(value));

for (const store of STORES) {
  describe(`an erasure is stored whole, or not at all (${store})`, { skip: store === 'PostgreSQL' && database.skip }, () => {
    test('an approved application: a failure at the last write (scrubbing the earlier versions) leaves the version, the row, the key and the versions as they were', async () => {
      const app = await startOn(store, database);
      try {
        const key = `erasure-${store}`;
        const posted = await postSignup(app.base, application(), { 'Idempotency-Key': key });
        assert.equal(posted.status, 201, await posted.clone().text());
        const { id } = (await posted.json()) as { id: string };
        const item = `/api/v1/signups/${id}`;
        assert.equal((await app.admin(`${item}/approve`, { method: 'POST' })).status, 200);
        const before = await snapshot(app, item);
        assert.ok(before.dataset.includes(EMAIL) && before.versions[0]!.includes(EMAIL), 'published with its e-mail');

        const allow = await failErasureAt(store, app.where, 'BEFORE UPDATE ON versions');
        await notStored(await app.admin(`${item}/erase`, { method: 'POST' }));
        const failed = await snapshot(app, item);
        assert.deepEqual(failed, before, 'no version, the same dataset and audit log, the application and every version as they were');
        const replay = await postSignup(app.base, application(), { 'Idempotency-Key': key });
        assert.equal(replay.headers.get('idempotent-replayed'), 'true', 'its idempotency key is kept');
        loggedWithoutData(app, EMAIL, 'Kim Testperson');

        await allow();
        const erased = await app.admin(`${item}/erase`, { method: 'POST' });
        assert.equal(erased.status, 200, await erased.clone().text());
        const after = await snapshot(app, item);
        assert.equal(after.versions.length, before.versions.length + 1, 'one new version');
        assert.ok(!after.versions.some((v) => v.includes(EMAIL)), 'no version holds the e-mail any more');
        assert.ok(!after.dataset.includes(EMAIL) && after.dataset.includes(application().organisation.name), 'published without it, still a signatory');
        assert.equal(after.audit[0], `application-erased signups/${id}`);
        assert.equal(after.item.application, undefined);
        assert.match(String(after.item.erasedAt), /^\d{4}-/);
      } finally {
        await app.close();
      }
    });

    test('a pending application (nothing published changes): a failure at its audit entry leaves the application and its key as they were', async () => {
      const app = await startOn(store, database);
      try {
        const key = `erasure-pending-${store}`;
        const posted = await postSignup(app.base, application(), { 'Idempotency-Key': key });
        const { id } = (await posted.json()) as { id: string };
        const item = `/api/v1/signups/${id}`;
        const before = await snapshot(app, item);
        assert.ok(before.item.application, 'stored');

        const allow = await failErasureAt(store, app.where, 'BEFORE INSERT ON audit');
        await notStored(await app.admin(`${item}/erase`, { method: 'POST' }));
        assert.deepEqual(await snapshot(app, item), before, 'the application is as it was (the row written first was rolled back)');
        assert.equal((await postSignup(app.base, application(), { 'Idempotency-Key': key })).headers.get('idempotent-replayed'), 'true', 'its key is kept');

        await allow();
        assert.equal((await app.admin(`${item}/erase`, { method: 'POST' })).status, 200);
        const after = await snapshot(app, item);
        assert.equal(after.item.application, undefined);
        assert.deepEqual(after.versions, before.versions, 'no version: nothing published changed');
        assert.equal(after.audit[0], `application-erased signups/${id}`);
      } finally {
        await app.close();
      }
    });

    test('an approved offer: a failure after it was recorded as rejected, at the erasure of its content, leaves it approved and published', async () => {
      const app = await startOn(store, database);
      try {
        const title = 'Uppdrag som inte halvraderas';
        const item = await postOffer(app.base, { title });
        assert.equal((await app.admin(`${item}/approve`, { method: 'POST' })).status, 200);
        const before = await snapshot(app, item);
        assert.ok(before.dataset.includes(title), 'published');
        assert.equal(before.item.status, 'approved');

        const allow = await failErasureAt(store, app.where, 'BEFORE UPDATE OF erased_at ON opportunity_offers');
        await notStored(await app.admin(`${item}/erase`, { method: 'POST' }));
        assert.deepEqual(await snapshot(app, item), before, 'still approved, still published, no version, no audit entry');

        await allow();
        assert.equal((await app.admin(`${item}/erase`, { method: 'POST' })).status, 200);
        const after = await snapshot(app, item);
        assert.ok(!after.dataset.includes(title), 'withdrawn');
        assert.equal(after.item.status, 'rejected');
        assert.equal(after.item.offer, undefined);
        assert.equal(after.versions.length, before.versions.length + 1);
      } finally {
        await app.close();
      }
    });

    test('an approved, published offer: a failure at the last write (taking its opportunity out of the earlier versions) leaves everything as it was; then no version holds its contact, and restoring one gives a valid dataset without it', async () => {
      const app = await startOn(store, database);
      try {
        const title = 'Uppdrag vars kontakt ska bort ur historiken';
        const item = await approvedOffer(app, title);
        const before = await snapshot(app, item);
        const approvedIn = (await versionList(app)).length;
        assert.ok(holdsOffer(before.dataset, title) && before.versions[0]!.includes(OFFER_CONTACT.email), 'published with its contact');

        const allow = await failErasureAt(store, app.where, 'BEFORE UPDATE ON versions');
        await notStored(await app.admin(`${item}/erase`, { method: 'POST' }));
        assert.deepEqual(await snapshot(app, item), before, 'still approved and published, no version, no audit entry, every version as it was');
        loggedWithoutData(app, OFFER_CONTACT.email, OFFER_CONTACT.phone);

        await allow();
        const listed = await versionList(app);
        assert.equal((await app.admin(`${item}/erase`, { method: 'POST' })).status, 200);
        const after = await snapshot(app, item);
        assert.equal(after.versions.length, before.versions.length + 1, 'one new version');
        assert.ok(!after.versions.some((v) => holdsOffer(v, title)), 'no version holds the opportunity, its contact or its title');
        assert.ok(!holdsOffer(after.dataset, title), 'withdrawn');
        assert.deepEqual((await versionList(app)).slice(0, listed.length), listed, 'the earlier versions keep their numbers, times, authors and summaries');
        assert.equal(after.audit[0], `opportunity-erased ${item.replace('/api/v1/opportunities/', 'opportunities/offers/')}`);
        assert.equal(after.item.status, 'rejected');

        // The version that published it, restored: a valid dataset without the opportunity.
        const restored = await app.admin(`/api/v1/admin/versions/${approvedIn}/restore`, { method: 'POST' });
        assert.equal(restored.status, 200, await restored.clone().text());
        const published = await (await fetch(`${app.base}/api/v1/dataset`)).text();
        assert.ok(!holdsOffer(published, title), 'a restore does not bring it back');
        const shown = (await (await app.admin(item)).json()) as Record<string, unknown>;
        assert.equal(shown.republished, undefined, 'nothing of it is published again');
      } finally {
        await app.close();
      }
    });

    test('an approved offer already withdrawn (nothing published changes): a failure at taking its opportunity out of the earlier versions leaves everything as it was; then no version holds it, and no new version', async () => {
      const app = await startOn(store, database);
      try {
        const title = 'Uppdrag som redan drogs tillbaka';
        const item = await approvedOffer(app, title);
        assert.equal((await app.admin(`${item}/reject`, { method: 'POST' })).status, 200);
        const before = await snapshot(app, item);
        assert.ok(!holdsOffer(before.dataset, title), 'withdrawn');
        assert.ok(before.versions.some((v) => v.includes(OFFER_CONTACT.email)), 'an earlier version holds its contact');

        const allow = await failErasureAt(store, app.where, 'BEFORE UPDATE ON versions');
        await notStored(await app.admin(`${item}/erase`, { method: 'POST' }));
        assert.deepEqual(await snapshot(app, item), before, 'the offer, the audit log and every version as they were');

        await allow();
        const listed = await versionList(app);
        assert.equal((await app.admin(`${item}/erase`, { method: 'POST' })).status, 200);
        const after = await snapshot(app, item);
        assert.deepEqual(await versionList(app), listed, 'no new version; the earlier ones keep their numbers, times, authors and summaries');
        assert.ok(!after.versions.some((v) => holdsOffer(v, title)), 'no version holds the opportunity, its contact or its title');
        assert.equal(after.dataset, before.dataset, 'what is published did not change');
        assert.equal(after.audit[0], `opportunity-erased ${item.replace('/api/v1/opportunities/', 'opportunities/offers/')}`);
        assert.equal(after.item.offer, undefined);
      } finally {
        await app.close();
      }
    });
  });
}
