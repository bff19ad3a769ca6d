// A decision on an erased application or offer stores nothing (on both stores): an erased item has nothing left to
// approve, and a rejection's reason would be new free text about it. It is refused with `409 erased`, whether the
// erasure came before the click or between the route's read and its write. The one decision an erased application
// still takes is the rejection that withdraws the signatory its approval publishes: recorded without a reason.
// Also: an erasure that changes nothing published makes no version (the audit log has it).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { application, postOffer, postSignup, type Running } from './helpers.js';
import { databaseForThisFile } from './helpers/postgres.js';
import { STORES, startOn } from './helpers/on-store.js';
import { holdNextRead, versionList } from './helpers/races.js';

const database = databaseForThisFile();

type Shown = { status: string; rejectReason?: string; erasedAt?: string; organisationId?: string; withdrawn?: boolean };
type ErrorItem = { path: string; code?: string; params?: Record<string, string>; message: string };

const REASON = 'Kim Testperson ringde och sa att styrelsen inte är överens.';

async function postApplication(app: Running): Promise<string> {
  const posted = await postSignup(app.base, application());
  assert.equal(posted.status, 201, await posted.clone().text());
  return `/api/v1/signups/${((await posted.json()) as { id: string }).id}`;
}

const decide = (app: Running, path: string, body?: unknown) =>
  app.admin(path, { method: 'POST', ...(body !== undefined && { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }) });

async function ok(res: Response): Promise<Shown> {
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as Shown;
}

/** `409`, one error with code `erased` (and `params.action`), and its path. */
async function refusedErased(res: Response, action: 'approve' | 'reject', path = ''): Promise<ErrorItem> {
  const params = path === 'reason' ? { action, reason: 'not-kept' } : { action };
  assert.equal(res.status, 409, await res.clone().text());
  const { errors } = (await res.json()) as { errors: ErrorItem[] };
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.code, 'erased');
  assert.equal(errors[0]!.path, path);
  assert.deepEqual(errors[0]!.params, params);
  return errors[0]!;
}

/** What a refused decision must leave as it was: the versions, the audit log, the dataset. */
async function snapshot(app: Running): Promise<string> {
  const audit = (await (await app.admin('/api/v1/admin/audit')).json()) as unknown;
  return JSON.stringify([await versionList(app), audit, await (await fetch(`${app.base}/api/v1/dataset`)).text()]);
}

for (const store of STORES) {
  describe(`decisions on erased applications and offers (${store})`, { skip: store === 'PostgreSQL' && database.skip }, () => {
    test('rejecting an erased pending application, with or without a reason, is refused (409 erased) and stores nothing', async () => {
      const app = await startOn(store, database);
      try {
        const item = await postApplication(app);
        const before = (await versionList(app)).length;
        await ok(await decide(app, `${item}/erase`));
        assert.equal((await versionList(app)).length, before, 'an erasure that changes nothing published is no version (the audit log has it)');
        const erased = await snapshot(app);
        const said = await refusedErased(await decide(app, `${item}/reject`, { reason: REASON }), 'reject');
        // In the caller's language only (Swedish by default), never both in one message.
        assert.match(said.message, /^Ansökan har raderats; det finns inget kvar att avslå, och ingenting sparas\./);
        assert.doesNotMatch(said.message, /erased/);
        await refusedErased(await decide(app, `${item}/reject`), 'reject');
        await refusedErased(await decide(app, `${item}/approve`), 'approve');
        const stored = (await (await app.admin(item)).json()) as Shown;
        assert.equal(stored.status, 'pending');
        assert.equal(stored.rejectReason, undefined);
        assert.equal(await snapshot(app), erased, 'no version, no audit entry, the same dataset');
      } finally {
        await app.close();
      }
    });

    test('rejecting an erased pending offer is refused (409 erased) and stores nothing', async () => {
      const app = await startOn(store, database);
      try {
        const item = await postOffer(app.base, { title: 'Uppdrag som raderas innan det avslås' });
        await ok(await decide(app, `${item}/erase`));
        const erased = await snapshot(app);
        await refusedErased(await decide(app, `${item}/reject`, { reason: REASON }), 'reject');
        const stored = (await (await app.admin(item)).json()) as Shown;
        assert.equal(stored.status, 'pending');
        assert.equal(stored.rejectReason, undefined);
        assert.equal(await snapshot(app), erased);
      } finally {
        await app.close();
      }
    });

    test('a rejection that read the application before its erasure committed is refused (409 erased) and stores no reason', async () => {
      const app = await startOn(store, database);
      try {
        const item = await postApplication(app);
        holdNextRead(app.server.store, 'get', async () => ok(await decide(app, `${item}/erase`)));
        const raced = await decide(app, `${item}/reject`, { reason: REASON });
        await refusedErased(raced, 'reject');
        const stored = (await (await app.admin(item)).json()) as Shown;
        assert.equal(stored.status, 'pending');
        assert.equal(stored.rejectReason, undefined);
        assert.match(String(stored.erasedAt), /^\d{4}-/);
      } finally {
        await app.close();
      }
    });

    test('a rejection that read an offer before its erasure committed is refused (409 erased) and stores no reason', async () => {
      const app = await startOn(store, database);
      try {
        const item = await postOffer(app.base, { title: 'Uppdrag som raderas medan det avslås' });
        holdNextRead(app.server.store.offers, 'get', async () => ok(await decide(app, `${item}/erase`)));
        await refusedErased(await decide(app, `${item}/reject`, { reason: REASON }), 'reject');
        const stored = (await (await app.admin(item)).json()) as Shown;
        assert.equal(stored.status, 'pending');
        assert.equal(stored.rejectReason, undefined);
      } finally {
        await app.close();
      }
    });

    test('an erased approved application can still be rejected to withdraw its signatory, without a reason (one with a reason is refused)', async () => {
      const app = await startOn(store, database);
      try {
        const item = await postApplication(app);
        const { organisationId } = await ok(await decide(app, `${item}/approve`));
        await ok(await decide(app, `${item}/erase`));
        const erased = await snapshot(app);
        const said = await refusedErased(await decide(app, `${item}/reject`, { reason: REASON }), 'reject', 'reason');
        assert.match(said.message, /inget skäl sparas\. Ingenting ändrades\. Skicka avslaget utan skäl/);
        assert.equal(await snapshot(app), erased, 'refused: nothing stored');
        const rejected = await ok(await decide(app, `${item}/reject`));
        assert.equal(rejected.status, 'rejected');
        assert.equal(rejected.rejectReason, undefined);
        assert.match(String(rejected.erasedAt), /^\d{4}-/);
        const published = (await (await fetch(`${app.base}/api/v1/dataset`)).json()) as { organisations: { id: string }[] };
        assert.ok(!published.organisations.some((o) => o.id === organisationId), 'the signatory is withdrawn');
        assert.match((await versionList(app))[0]!.summary, /^Withdrew .*signature \(application rejected\)$/);
      } finally {
        await app.close();
      }
    });
  });
}
