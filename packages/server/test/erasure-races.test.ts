// An erasure that races a restore or an approval loses nothing and republishes nothing, on both stores. Each race is
// made to happen every time: the route's first read is held (a one-shot hook on the store's method answers what it
// read only after the other request has committed), so the other request lands exactly between a route's read and its
// write, the window a second editor's click can hit. What is asserted is what a person is owed after the erasure: no
// version and no published dataset holds what was erased, and the item is erased (and not approved).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { application, postOffer, postSignup, type Running } from './helpers.js';
import { databaseForThisFile } from './helpers/postgres.js';
import { STORES, startOn } from './helpers/on-store.js';
import { everything, holdNextRead, versionList } from './helpers/races.js';

const database = databaseForThisFile();

async function latestVersion(app: Running): Promise<number> {
  return ((await (await app.admin('/api/v1/admin/versions')).json()) as { versions: { version: number }[] }).versions[0]!.version;
}

const OFFER_CONTACT = { email: 'raser.kontakt@forening.example.org', phone: '08-111 222 33' };
const EMAIL = application().organisation.email;

function postTitledOffer(app: Running, title: string): Promise<string> {
  return postOffer(app.base, { title, contact: OFFER_CONTACT });
}

async function postApplication(app: Running): Promise<string> {
  const posted = await postSignup(app.base, application());
  assert.equal(posted.status, 201, await posted.clone().text());
  return `/api/v1/signups/${((await posted.json()) as { id: string }).id}`;
}

const post = (app: Running, path: string) => app.admin(path, { method: 'POST' });

async function ok(res: Response): Promise<void> {
  assert.equal(res.status, 200, await res.clone().text());
}

/** A restore refused because an erasure rewrote its version: `409 version-erased`, naming the version, in `lang`, saying what to do. */
async function refusedForErasure(res: Response, version: number, lang: 'sv' | 'en'): Promise<void> {
  assert.equal(res.status, 409, await res.clone().text());
  const [error, ...more] = ((await res.json()) as { errors: { code?: string; params?: Record<string, string>; message: string }[] }).errors;
  assert.equal(more.length, 0);
  assert.equal(error!.code, 'version-erased');
  assert.deepEqual(error!.params, { version: String(version) });
  if (lang === 'sv') assert.match(error!.message, new RegExp(`^Version ${version} återställdes inte: .*raderades personuppgifter.*Återställ versionen igen`));
  else assert.match(error!.message, new RegExp(`^Version ${version} was not restored: .*personal data in it was erased.*Restore the version again`));
}

/**
 * The erasure is the newest version (who, when, what kind; nothing erased in it), made in its transaction after
 * `before`, and it is what is published: its `updatedAt` is the version's time.
 */
async function erasureIsNewestVersion(app: Running, before: number, summary: string): Promise<void> {
  const [newest] = await versionList(app);
  assert.equal(newest!.version, before + 1, 'one version more than before the erasure: the erasure’s');
  assert.equal(newest!.summary, summary);
  assert.equal(newest!.by, 'admin token');
  const published = (await (await fetch(`${app.base}/api/v1/dataset`)).json()) as { updatedAt: string };
  assert.equal(Date.parse(published.updatedAt), Date.parse(newest!.at), 'the published dataset is that version');
}

/** Nothing the offer sent is in any version or published. */
function offerGone(all: { versions: string[]; published: string }, title: string): void {
  for (const text of [...all.versions, all.published]) for (const value of [title, OFFER_CONTACT.email, OFFER_CONTACT.phone]) assert.ok(!text.includes(value), `still holds ${value}`);
}

/** No version and not the published dataset holds the application's e-mail. */
function emailGone(all: { versions: string[]; published: string }): void {
  for (const text of [...all.versions, all.published]) assert.ok(!text.includes(EMAIL), 'still holds the e-mail');
}

for (const store of STORES) {
  describe(`an erasure racing a restore or an approval (${store})`, { skip: store === 'PostgreSQL' && database.skip }, () => {
    test('a restore that read a version before an offer’s erasure scrubbed it publishes nothing of the offer (409, then a restore without it)', async () => {
      const app = await startOn(store, database);
      try {
        const title = 'Uppdrag som en återställning inte får tillbaka';
        const item = await postTitledOffer(app, title);
        await ok(await post(app, `${item}/approve`));
        const withIt = await latestVersion(app);
        await ok(await post(app, `${item}/reject`)); // nothing published holds it now: the erasure makes no version
        // The restore reads version `withIt` (with the opportunity and its contact); the erasure commits; the restore writes.
        holdNextRead(app.server.store, 'getVersion', async () => ok(await post(app, `${item}/erase`)));
        const raced = await post(app, `/api/v1/admin/versions/${withIt}/restore`);
        await refusedForErasure(raced, withIt, 'sv');
        offerGone(await everything(app), title);
        // Restored again, it is that version as it is now: without the opportunity.
        await ok(await post(app, `/api/v1/admin/versions/${withIt}/restore`));
        offerGone(await everything(app), title);
      } finally {
        await app.close();
      }
    });

    test('a restore that read a version before an application’s erasure scrubbed it publishes no e-mail (409, then a restore without it)', async () => {
      const app = await startOn(store, database);
      try {
        const item = await postApplication(app);
        await ok(await post(app, `${item}/approve`));
        const withIt = await latestVersion(app);
        await ok(await post(app, `${item}/reject`));
        holdNextRead(app.server.store, 'getVersion', async () => ok(await post(app, `${item}/erase`)));
        // Asked for in English: the refusal says so in English (Swedish otherwise, as above).
        const raced = await app.admin(`/api/v1/admin/versions/${withIt}/restore`, { method: 'POST', headers: { 'Accept-Language': 'en-GB, sv;q=0.5' } });
        await refusedForErasure(raced, withIt, 'en');
        emailGone(await everything(app));
        await ok(await post(app, `/api/v1/admin/versions/${withIt}/restore`));
        const after = await everything(app);
        emailGone(after);
        assert.ok(after.published.includes(application().organisation.name), 'the restored version publishes the signatory, without its e-mail');
      } finally {
        await app.close();
      }
    });

    test('an approval that read an offer before its erasure committed is refused (409 erased) and publishes nothing', async () => {
      const app = await startOn(store, database);
      try {
        const title = 'Uppdrag som godkänns medan det raderas';
        const item = await postTitledOffer(app, title);
        holdNextRead(app.server.store.offers, 'get', async () => ok(await post(app, `${item}/erase`)));
        const raced = await post(app, `${item}/approve`);
        assert.equal(raced.status, 409, await raced.clone().text());
        assert.equal(((await raced.json()) as { errors: { code: string }[] }).errors[0]!.code, 'erased');
        offerGone(await everything(app), title);
        const stored = (await (await app.admin(item)).json()) as Record<string, unknown>;
        assert.equal(stored.status, 'pending');
        assert.equal(stored.offer, undefined);
        assert.equal(stored.opportunityId, undefined);
      } finally {
        await app.close();
      }
    });

    test('an approval that read an application before its erasure committed is refused (409 erased) and publishes nothing', async () => {
      const app = await startOn(store, database);
      try {
        const item = await postApplication(app);
        holdNextRead(app.server.store, 'get', async () => ok(await post(app, `${item}/erase`)));
        const raced = await post(app, `${item}/approve`);
        assert.equal(raced.status, 409, await raced.clone().text());
        assert.equal(((await raced.json()) as { errors: { code: string }[] }).errors[0]!.code, 'erased');
        const all = await everything(app);
        emailGone(all);
        assert.ok(!all.published.includes(application().organisation.name), 'not a signatory');
        assert.equal(((await (await app.admin(item)).json()) as Record<string, unknown>).status, 'pending');
      } finally {
        await app.close();
      }
    });

    test('an erasure that read an offer as pending before its approval committed takes the opportunity off and out of every version', async () => {
      const app = await startOn(store, database);
      try {
        const title = 'Uppdrag som raderas medan det godkänns';
        const item = await postTitledOffer(app, title);
        // The erase route reads the offer (pending, nothing approved), the approval commits (a version that publishes it), the erasure writes.
        let approved = 0;
        holdNextRead(app.server.store.offers, 'approvalOf', async () => {
          await ok(await post(app, `${item}/approve`));
          approved = (await versionList(app))[0]!.version;
        });
        await ok(await post(app, `${item}/erase`));
        offerGone(await everything(app), title);
        // What is published changed (the opportunity is off the board): History says so, as a version of the erasure's.
        await erasureIsNewestVersion(app, approved, 'Erased an offered opportunity');
        const stored = (await (await app.admin(item)).json()) as Record<string, unknown>;
        assert.equal(stored.status, 'rejected', 'not approved with its content erased');
        assert.equal(stored.offer, undefined);
        assert.match(String(stored.erasedAt), /^\d{4}-/);
      } finally {
        await app.close();
      }
    });

    test('an erasure that read an application as pending before its approval committed leaves no e-mail in any version or published', async () => {
      const app = await startOn(store, database);
      try {
        const item = await postApplication(app);
        let approved = 0;
        holdNextRead(app.server.store, 'approvalOf', async () => {
          await ok(await post(app, `${item}/approve`));
          approved = (await versionList(app))[0]!.version;
        });
        await ok(await post(app, `${item}/erase`));
        const all = await everything(app);
        emailGone(all);
        // What is published changed (the signatory without its e-mail): History says so, as a version of the erasure's.
        await erasureIsNewestVersion(app, approved, "Erased an application's personal data");
        assert.ok(all.published.includes(application().organisation.name), 'the approved signatory stays, without its e-mail');
        const stored = (await (await app.admin(item)).json()) as Record<string, unknown>;
        assert.equal(stored.application, undefined);
      } finally {
        await app.close();
      }
    });
  });
}
