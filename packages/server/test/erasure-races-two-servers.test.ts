// The erasure races of erasure-races.test.ts across two servers on one PostgreSQL database: each server has its own
// store, pool and published dataset (as two processes behind a load balancer have), so the only thing between them is
// the database (its row locks and the versions' advisory lock) and NOTIFY. First each race is made to happen every
// time (server A's route read is held until server B's request has committed); then both servers are hit at the same
// moment, unhooked, many times. What is asserted is what a person is owed and what the history must say: no version
// and neither server's published dataset holds what was erased, nothing is half-stored (a decision's status and its
// version together or neither), and erased data never comes back through a restore.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_TOKEN, application, postOffer, postSignup, start, type Running } from './helpers.js';
import { databaseForThisFile } from './helpers/postgres.js';
import { freshSchema } from './helpers/on-store.js';
import { everything, holdNextRead, versionList } from './helpers/races.js';

const database = databaseForThisFile();

type Shown = { status: string; erasedAt?: string; organisationId?: string; opportunityId?: string; application?: unknown };

const post = (app: Running, path: string) => app.admin(path, { method: 'POST' });

async function ok(res: Response): Promise<void> {
  assert.equal(res.status, 200, await res.clone().text());
}

async function errorCode(res: Response): Promise<string | undefined> {
  return ((await res.json()) as { errors: { code?: string }[] }).errors[0]?.code;
}

/** A distinct application (its own name, number-free, e-mail and contact), and its admin path. */
async function postApplication(app: Running, n: number): Promise<{ path: string; email: string; name: string }> {
  const email = `styrelsen.${n}.${Date.now().toString(36)}@tva-servrar.example.org`;
  const name = `Föreningen Två Servrar ${n} ${Date.now().toString(36)}`;
  const base = application().organisation;
  const { organisationNumber: _number, ...organisation } = base;
  const posted = await postSignup(app.base, application({ organisation: { ...organisation, name, email, phone: `08-555 ${String(n).padStart(4, '0')}` }, contact: { name: 'Kim Testperson', email: `kim.${n}@example.org` } }));
  assert.equal(posted.status, 201, await posted.clone().text());
  return { path: `/api/v1/signups/${((await posted.json()) as { id: string }).id}`, email, name };
}

/** Both servers publish the same dataset (B hears A's changes by NOTIFY, within two seconds by the docs). */
async function converged(a: Running, b: Running): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [ta, tb] = await Promise.all([a, b].map(async (s) => (await fetch(`${s.base}/api/v1/dataset`)).text()));
    if (ta === tb) return ta!;
    if (Date.now() > deadline) assert.fail('the two servers still publish different datasets after 10 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Neither server, in no version and not in what it publishes, holds any of `values`. */
async function nowhere(a: Running, b: Running, values: string[]): Promise<void> {
  await converged(a, b);
  for (const server of [a, b]) {
    const all = await everything(server);
    for (const text of [...all.versions, all.published]) for (const value of values) assert.ok(!text.includes(value), `still holds ${value}`);
  }
}

describe('an erasure racing an approval or a restore on another server (PostgreSQL, two stores with their own pools)', { skip: database.skip }, () => {
  let a: Running;
  let b: Running;
  before(async () => {
    if (database.skip) return;
    // Many applications from one test client: the per-client limit is not what is tested here.
    const shared = { adminToken: ADMIN_TOKEN, databaseUrl: database.url(), databaseSchema: freshSchema('two'), signupRateLimit: { max: 10_000, windowSeconds: 60 } };
    a = await start(shared);
    b = await start(shared);
  });
  after(async () => {
    await a?.close();
    await b?.close();
  });

  test('a restore on A that read a version before B’s erasure committed is refused (409 version-erased); restored again, the e-mail stays gone', async () => {
    const item = await postApplication(a, 1);
    await ok(await post(a, `${item.path}/approve`));
    const withIt = (await versionList(a))[0]!.version;
    await ok(await post(a, `${item.path}/reject`));
    await converged(a, b);
    holdNextRead(a.server.store, 'getVersion', async () => ok(await post(b, `${item.path}/erase`)));
    const raced = await post(a, `/api/v1/admin/versions/${withIt}/restore`);
    assert.equal(raced.status, 409, await raced.clone().text());
    assert.equal(await errorCode(raced), 'version-erased');
    await nowhere(a, b, [item.email]);
    await ok(await post(a, `/api/v1/admin/versions/${withIt}/restore`));
    await nowhere(a, b, [item.email]);
    assert.ok((await converged(a, b)).includes(item.name), 'the restore publishes the signatory, without its e-mail and phone');
  });

  test('an approval on A that read the application before B’s erasure committed is refused (409 erased): pending, nothing published', async () => {
    const item = await postApplication(a, 2);
    const before = (await versionList(a)).length;
    holdNextRead(a.server.store, 'get', async () => ok(await post(b, `${item.path}/erase`)));
    const raced = await post(a, `${item.path}/approve`);
    assert.equal(raced.status, 409, await raced.clone().text());
    assert.equal(await errorCode(raced), 'erased');
    assert.equal((await versionList(a)).length, before, 'no version: the approval’s version was rolled back with its decision');
    await nowhere(a, b, [item.email, item.name]);
    for (const server of [a, b]) assert.equal(((await (await server.admin(item.path)).json()) as Shown).status, 'pending');
  });

  test('an erasure on A that read the application as pending before B’s approval committed leaves no e-mail, and is the newest version', async () => {
    const item = await postApplication(a, 3);
    let approved = 0;
    holdNextRead(a.server.store, 'approvalOf', async () => {
      await ok(await post(b, `${item.path}/approve`));
      approved = (await versionList(b))[0]!.version;
    });
    await ok(await post(a, `${item.path}/erase`));
    await nowhere(a, b, [item.email]);
    const [newest] = await versionList(b);
    assert.deepEqual([newest!.version, newest!.summary], [approved + 1, "Erased an application's personal data"]);
    assert.ok((await converged(a, b)).includes(item.name), 'the approved signatory stays published, without its e-mail');
    const stored = (await (await b.admin(item.path)).json()) as Shown;
    assert.equal(stored.status, 'approved');
    assert.equal(stored.application, undefined);
  });

  test('an erasure on A that read an offer as pending before B’s approval committed takes the opportunity off both servers and out of every version', async () => {
    const title = 'Uppdrag som raderas på en server och godkänns på den andra';
    const contact = { email: 'tva.servrar@forening.example.org', phone: '08-222 333 44' };
    const item = await postOffer(a.base, { title, contact });
    holdNextRead(a.server.store.offers, 'approvalOf', async () => ok(await post(b, `${item}/approve`)));
    await ok(await post(a, `${item}/erase`));
    await nowhere(a, b, [title, contact.email, contact.phone]);
    assert.equal((await versionList(a))[0]!.summary, 'Erased an offered opportunity');
    const stored = (await (await b.admin(item)).json()) as Shown;
    assert.equal(stored.status, 'rejected');
    assert.match(String(stored.erasedAt), /^\d{4}-/);
  });

  test('unhooked, at the same moment: approvals on A against erasures on B, then restores on A against erasures on B; every outcome is whole', async (t) => {
    const rounds = 8;
    const items = await Promise.all(Array.from({ length: rounds }, (_, i) => postApplication(a, 100 + i)));

    // Approve on A and erase on B at once, one application a round (so the only contention is the two). Either order
    // is allowed; what each answer says must be what is stored.
    const raced: [Response, Response][] = [];
    for (const item of items) raced.push(await Promise.all([post(a, `${item.path}/approve`), post(b, `${item.path}/erase`)]));
    t.diagnostic(`approve vs erase: ${raced.filter(([approve]) => approve.status === 200).length} approved first, ${raced.filter(([approve]) => approve.status === 409).length} refused as erased, of ${rounds}`);
    const versions = await versionList(a);
    for (const [i, [approve, erase]] of raced.entries()) {
      const item = items[i]!;
      await ok(erase);
      const stored = (await (await a.admin(item.path)).json()) as Shown;
      assert.match(String(stored.erasedAt), /^\d{4}-/);
      assert.equal(stored.application, undefined);
      if (approve.status === 200) {
        // Approved before the erasure: approved, and one version says so.
        assert.equal(stored.status, 'approved');
        assert.equal(versions.filter((v) => v.summary === `Approved an application: ${item.name} signs the agreement`).length, 1);
      } else {
        assert.equal(approve.status, 409, await approve.clone().text());
        assert.equal(await errorCode(approve), 'erased');
        assert.equal(stored.status, 'pending', 'refused: no decision stored');
        assert.ok(!versions.some((v) => v.summary.includes(item.name)), 'refused: no version');
      }
    }
    const published = await converged(a, b);
    for (const [i, [approve]] of raced.entries()) assert.equal(published.includes(items[i]!.name), approve.status === 200, 'published exactly when approved');
    await nowhere(a, b, items.map((item) => item.email));

    // Restores on A of versions that held a signatory's e-mail, while B erases another application approved since.
    const more = await Promise.all(Array.from({ length: rounds }, (_, i) => postApplication(a, 200 + i)));
    const withThem: number[] = [];
    for (const item of more) {
      await ok(await post(a, `${item.path}/approve`));
      withThem.push((await versionList(a))[0]!.version);
    }
    await converged(a, b);
    const outcomes: string[] = [];
    for (const [i, item] of more.entries()) {
      const before = (await versionList(a)).length;
      const [restore, erase] = await Promise.all([post(a, `/api/v1/admin/versions/${withThem[i]}/restore`), post(b, `${item.path}/erase`)]);
      await ok(erase);
      // Restored first (then the erasure scrubbed the restore's version too, and published a version without the
      // e-mail), or refused because the erasure rewrote the version it had read, or because the erasure's version came
      // first ("changed meanwhile", no code): nothing of a refused restore is stored.
      const code = restore.status === 200 ? 'restored' : (assert.equal(restore.status, 409, await restore.clone().text()), (await errorCode(restore)) ?? 'changed meanwhile');
      assert.ok(['restored', 'version-erased', 'changed meanwhile'].includes(code), code);
      // The erasure of an approved signatory is a version; a restore is one more, when it was stored.
      assert.equal((await versionList(a)).length, before + 1 + (code === 'restored' ? 1 : 0));
      outcomes.push(code);
    }
    t.diagnostic(`restore vs erase: ${['restored', 'version-erased', 'changed meanwhile'].map((c) => `${outcomes.filter((o) => o === c).length} ${c}`).join(', ')}, of ${rounds}`);
    await nowhere(a, b, more.map((item) => item.email));
  });
});
