// An erasure is one transaction on both stores: the version without the personal data (when it changes what is
// published), its audit entry, the application's or offer's row, its idempotency records and, for an approved
// application, every earlier version scrubbed of its signatory's e-mail and phone — all, or nothing. A real failure is
// injected at a write late in the erasure (a trigger made from a connection of its own, as a full disk or a broken
// connection would fail there), after the version, the audit entry and the row were written in the same transaction:
// the answer is a 500 that says nothing changed (`not-stored`), and everything is as it was. Without the trigger the
// same erasure succeeds. (As decisions-all-or-nothing.test.ts does for decisions.)
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import pg from 'pg';
import { application, offer, postSignup, readLog, type Running } from './helpers.js';
import { databaseForThisFile } from './helpers/postgres.js';
import { STORES, startOn } from './helpers/on-store.js';
import { DATABASE_FILE } from '../src/store/sqlite/store.js';
import type { StoreLocation } from '../src/store/open.js';

const database = databaseForThisFile();
const json = { 'Content-Type': 'application/json' };

type Store = (typeof STORES)[number];

/**
 * Makes `when` (`BEFORE UPDATE ON versions`, …) fail in the database itself, from a connection of its own; returns how
 * to take it away again.
 */
async function failAt(store: Store, where: StoreLocation, when: string): Promise<() => Promise<void>> {
  const table = /\bON (\w+)/.exec(when)![1]!;
  if (store === 'SQLite') {
    const run = (sql: string) => {
      const db = new Database(join(where.dataDir, DATABASE_FILE));
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    };
    run(`CREATE TRIGGER injected_failure ${when} BEGIN SELECT RAISE(ABORT, 'injected failure: the erasure cannot finish'); END;`);
    return async () => run('DROP TRIGGER injected_failure');
  }
  const sql = async (text: string) => {
    const client = new pg.Client({ connectionString: where.databaseUrl, options: `-c search_path=${where.databaseSchema}` });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await sql(`CREATE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure: the erasure cannot finish'; END $$;
             CREATE TRIGGER injected_failure ${when} FOR EACH ROW EXECUTE FUNCTION injected_failure();`);
  return () => sql(`DROP TRIGGER injected_failure ON ${table}; DROP FUNCTION injected_failure();`);
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
  assert.match(body.errors[0]!.message, /erasure .* could not be stored/);
  assert.match(body.errors[0]!.message, /nothing changed/);
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

        const allow = await failAt(store, app.where, 'BEFORE UPDATE ON versions');
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

        const allow = await failAt(store, app.where, 'BEFORE INSERT ON audit');
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
        const posted = await fetch(`${app.base}/api/v1/opportunities`, { method: 'POST', headers: json, body: JSON.stringify(offer({ title })) });
        assert.equal(posted.status, 201, await posted.clone().text());
        const item = `/api/v1/opportunities/${((await posted.json()) as { id: string }).id}`;
        assert.equal((await app.admin(`${item}/approve`, { method: 'POST' })).status, 200);
        const before = await snapshot(app, item);
        assert.ok(before.dataset.includes(title), 'published');
        assert.equal(before.item.status, 'approved');

        const allow = await failAt(store, app.where, 'BEFORE UPDATE OF erased_at ON opportunity_offers');
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
  });
}
