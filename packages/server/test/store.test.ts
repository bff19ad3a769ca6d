// The store's tests, run against both implementations (SQLite, and PostgreSQL
// when it is present: see helpers/postgres.ts), plus what is particular to each.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Dataset, Opportunity, OpportunityOffer, Organisation } from '@samverkan/sdk';
import { PostgresStore, SchemaTooNewError, Store, type SamverkanStore } from '@samverkan/server';
import { MIGRATIONS } from '../src/store/sqlite/migrations.js';
import { POSTGRES_MIGRATIONS } from '../src/store/postgres/migrations.js';
import { databaseForThisFile } from './helpers/postgres.js';

const application = {
  organisation: { name: 'A', form: 'other' as const, email: 'a@example.org', phone: '+46 8 123 45' },
  contact: { name: 'B', email: 'b@example.org' },
  acceptsPrinciples: true as const,
  consent: true as const,
  language: 'sv',
};

const organisation = (id: string): Organisation => ({ id, name: `Förening ${id}`, form: 'other', email: `${id}@example.org`, phone: '+46 8 555 01' }) as Organisation;

const dataset = (organisations: Organisation[] = []): Dataset =>
  ({ version: '1', updatedAt: '2026-11-26T12:00:00Z', agreement: { name: 'Överenskommelsen' }, organisations }) as unknown as Dataset;

const database = databaseForThisFile();

interface Factory {
  name: string;
  skip: string | false;
  open(): Promise<SamverkanStore>;
}

const factories: Factory[] = [
  { name: 'SQLite', skip: false, open: async () => new Store(':memory:') },
  {
    name: 'PostgreSQL',
    skip: database.skip,
    // A schema of its own per test: nothing carries over.
    open: async () => {
      const store = new PostgresStore({ url: database.url(), schema: `t_${randomBytes(5).toString('hex')}` });
      await store.ready();
      return store;
    },
  },
];


for (const factory of factories) {
  describe(`the store on ${factory.name}`, { skip: factory.skip }, () => {
    const withStore = (run: (store: SamverkanStore) => Promise<void>) => async () => {
      const store = await factory.open();
      try {
        await run(store);
      } finally {
        await store.close();
      }
    };

    test(
      'concurrent inserts: the same id twice fails alone, the same idempotency key twice stores once and answers the first receipt',
      withStore(async (store) => {
        const receivedAt = new Date('2026-11-26T12:00:00Z');
        const results = await Promise.allSettled([
          store.queueInsert({ id: 'one', receivedAt, application }, { key: 'k1', requestHash: 'h' }),
          store.queueInsert({ id: 'dup', receivedAt, application }),
          store.queueInsert({ id: 'dup', receivedAt, application }),
          store.queueInsert({ id: 'two', receivedAt, application }, { key: 'k1', requestHash: 'h' }),
          store.queueInsert({ id: 'three', receivedAt, application }),
        ]);
        assert.deepEqual([results[0]!.status, results[3]!.status, results[4]!.status], ['fulfilled', 'fulfilled', 'fulfilled']);
        assert.equal(results.filter((r, i) => (i === 1 || i === 2) && r.status === 'rejected').length, 1, 'the same id twice: one of them fails');
        // Whichever copy of the key came first (in PostgreSQL, whichever committed first) is stored; the other gets its answer.
        const keyed = [results[0], results[3]].map((r) => (r as PromiseFulfilledResult<{ receipt?: { id: string }; replay?: { response: string } }>).value);
        const stored = keyed.filter((o) => o.receipt);
        assert.equal(stored.length, 1, 'one copy of the key is stored');
        const first = stored[0]!.receipt!;
        assert.deepEqual(
          keyed.find((o) => o.replay),
          { replay: { requestHash: 'h', status: 201, response: JSON.stringify(first) } },
        );
        assert.deepEqual((await store.list()).applications.map((a) => a.id).sort(), ['dup', first.id, 'three'].sort());
        assert.deepEqual(await store.findIdempotency('k1'), { requestHash: 'h', status: 201, response: JSON.stringify(first) });
        assert.equal(await store.findIdempotency('k2'), undefined);
      }),
    );

    test(
      'lists newest first, by status and reference, a page at a time with a cursor',
      withStore(async (store) => {
        const references: string[] = [];
        for (let i = 0; i < 5; i++) {
          const outcome = await store.queueInsert({ id: `a${i}`, receivedAt: new Date(Date.UTC(2026, 10, 20 + i)), application });
          references.push(outcome.receipt!.reference);
        }
        assert.equal(new Set(references).size, 5, 'references are unique');
        await store.approve('a1', organisation('a1'), new Date('2026-11-30T00:00:00Z'));
        const first = await store.list({ limit: 2 });
        assert.deepEqual(first.applications.map((a) => a.id), ['a4', 'a3']);
        assert.ok(first.next);
        const second = await store.list({ limit: 2, cursor: first.next });
        assert.deepEqual(second.applications.map((a) => a.id), ['a2', 'a1']);
        const last = await store.list({ limit: 2, cursor: second.next! });
        assert.deepEqual(last.applications.map((a) => a.id), ['a0']);
        assert.equal(last.next, undefined);
        assert.deepEqual((await store.list({ status: 'approved' })).applications.map((a) => a.id), ['a1']);
        assert.deepEqual((await store.list({ reference: references[3]! })).applications.map((a) => a.id), ['a3']);
        const got = await store.get('a2');
        assert.equal(got?.status, 'pending');
        assert.equal(got?.receivedAt, '2026-11-22T00:00:00.000Z');
        assert.equal(got?.application?.contact.email, 'b@example.org');
        assert.equal(await store.get('nope'), undefined);
      }),
    );

    test(
      'decisions: approve, reject, what an approval published, the latest change; each moves the change token',
      withStore(async (store) => {
        await store.queueInsert({ id: 'x', receivedAt: new Date('2026-11-01T00:00:00Z'), application });
        await store.queueInsert({ id: 'y', receivedAt: new Date('2026-11-02T00:00:00Z'), application });
        assert.equal(await store.lastChangeAt(), undefined);
        const r0 = await store.changeToken();
        assert.equal(await store.approve('x', organisation('org-x'), new Date('2026-11-03T00:00:00Z'), true), true);
        assert.notEqual(await store.changeToken(), r0);
        assert.equal(await store.approve('missing', organisation('m'), new Date()), false);
        await store.approve('y', organisation('org-y'), new Date('2026-11-04T00:00:00Z'));
        assert.deepEqual((await store.approvedOrganisations()).map((o) => o.id), ['org-x', 'org-y']);
        assert.deepEqual(await store.approvalOf('x'), { organisation: organisation('org-x'), signedListed: true });
        assert.equal((await store.approvalOf('y'))?.signedListed, false);
        const r1 = await store.changeToken();
        assert.equal(await store.reject('x', new Date('2026-11-05T00:00:00Z'), 'not a club'), true);
        assert.notEqual(await store.changeToken(), r1);
        const x = await store.get('x');
        assert.equal(x?.status, 'rejected');
        assert.equal(x?.rejectReason, 'not a club');
        // What the approval published is kept after the rejection (the routes tell a restore that brings it back), but no longer merged.
        assert.deepEqual(await store.approvalOf('x'), { organisation: organisation('org-x'), signedListed: true });
        assert.equal(x?.organisationId, 'org-x');
        assert.deepEqual((await store.approvedOrganisations()).map((o) => o.id), ['org-y']);
        assert.equal(await store.lastChangeAt(), '2026-11-05T00:00:00.000Z');
      }),
    );

    test(
      'erasure takes the application, its idempotency record and the published signatory’s e-mail and phone, in every version',
      withStore(async (store) => {
        await store.queueInsert({ id: 'e', receivedAt: new Date('2026-11-01T00:00:00Z'), application }, { key: 'ek', requestHash: 'h' });
        await store.approve('e', organisation('org-e'), new Date('2026-11-02T00:00:00Z'));
        await store.publishVersion({ dataset: dataset([organisation('org-e'), organisation('other')]), at: new Date(), by: 'seed', summary: 'one' });
        await store.publishVersion({ dataset: dataset([organisation('org-e')]), at: new Date(), by: 'seed', summary: 'two' });
        assert.equal(await store.erase('e', new Date('2026-11-03T00:00:00Z')), true);
        await store.scrubOrganisation('org-e');
        const erased = await store.get('e');
        assert.equal(erased?.application, undefined);
        assert.equal(erased?.erasedAt, '2026-11-03T00:00:00.000Z');
        assert.equal(await store.findIdempotency('ek'), undefined);
        const kept = await store.approvalOf('e');
        assert.equal(kept?.organisation.email, undefined);
        assert.equal(kept?.organisation.phone, undefined);
        assert.equal(kept?.organisation.name, 'Förening org-e');
        for (const v of [1, 2]) {
          const orgs = (await store.getVersion(v))!.dataset.organisations;
          assert.equal(orgs.find((o) => o.id === 'org-e')?.email, undefined, `version ${v}`);
        }
        assert.equal((await store.getVersion(1))!.dataset.organisations.find((o) => o.id === 'other')?.email, 'other@example.org', 'others keep theirs');
        assert.equal(await store.erase('missing', new Date()), false);
      }),
    );

    test(
      'an offer’s erasure with scrubOpportunity takes that opportunity out of every version, in its transaction; the others and each version’s number and summary stay',
      withStore(async (store) => {
        const offer = { language: 'sv', title: 'Läxhjälp', contact: { email: 'c@example.org' } } as unknown as OpportunityOffer;
        const opportunity = (id: string) => ({ id, organisationId: 'org-1', contact: { email: `${id}@example.org`, phone: '08-123 456 78' } }) as unknown as Opportunity;
        const withOpportunities = (...ids: string[]) => ({ ...dataset([organisation('org-1')]), opportunities: ids.map(opportunity) }) as Dataset;
        const { receipt } = await store.offers.insert({ id: 'o', receivedAt: new Date('2026-11-10T00:00:00Z'), offer, organisationId: 'org-1' });
        assert.ok(receipt);
        assert.equal(await store.offers.approve('o', opportunity('opp-erased'), new Date('2026-11-11T00:00:00Z')), true);
        await store.publishVersion({ dataset: withOpportunities('opp-erased', 'opp-other'), at: new Date(), by: 'seed', summary: 'one' });
        await store.publishVersion({ dataset: withOpportunities('opp-other', 'opp-erased'), at: new Date(), by: 'seed', summary: 'two' });
        await store.publishVersion({ dataset: withOpportunities('opp-other'), at: new Date(), by: 'seed', summary: 'three' });
        const listed = await store.listVersions();
        const audit = { at: new Date('2026-11-12T00:00:00Z'), by: 'test', action: 'opportunity-erased', target: 'opportunities/offers/o' };
        assert.equal(await store.eraseWith({ on: 'offer', id: 'o', at: audit.at, reject: true, scrubOpportunity: 'opp-erased' }, audit), true);
        for (const v of [1, 2, 3]) {
          const { dataset: d } = (await store.getVersion(v))!;
          assert.deepEqual(d.opportunities?.map((o) => o.id), ['opp-other'], `version ${v}`);
          assert.ok(!JSON.stringify(d).includes('opp-erased@example.org'), `version ${v} holds the contact`);
        }
        assert.deepEqual(await store.listVersions(), listed, 'no version of its own; numbers, times, authors and summaries kept');
        assert.equal((await store.offers.get('o'))?.status, 'rejected');
        assert.equal((await store.offers.get('o'))?.offer, undefined);
        // Naming no stored offer: nothing stored, no version rewritten.
        await store.publishVersion({ dataset: withOpportunities('opp-x'), at: new Date(), by: 'seed', summary: 'four' });
        assert.equal(await store.eraseWith({ on: 'offer', id: 'missing', at: audit.at, reject: false, scrubOpportunity: 'opp-x' }, audit), false);
        assert.deepEqual((await store.getVersion(4))!.dataset.opportunities?.map((o) => o.id), ['opp-x']);
      }),
    );

    test(
      'versions: numbered from 1, compare-and-set on the version built on, one of two concurrent writers on one version wins',
      withStore(async (store) => {
        assert.equal(await store.latestVersion(), undefined);
        const at = new Date('2026-11-26T12:00:00Z');
        assert.equal(await store.publishVersion({ dataset: dataset(), at, by: 'seed', summary: 'first' }, 0), 1);
        assert.equal(await store.publishVersion({ dataset: dataset(), at, by: 'seed', summary: 'again' }, 0), undefined, 'not built on 0 any more');
        assert.equal(await store.publishVersion({ dataset: dataset([organisation('o')]), at, by: 'Eva', summary: 'second' }, 1), 2);
        const racers = await Promise.all([1, 2, 3].map((i) => store.publishVersion({ dataset: dataset(), at, by: `w${i}`, summary: `race ${i}` }, 2)));
        assert.equal(racers.filter((v) => v === 3).length, 1, `exactly one wins: ${racers}`);
        assert.equal(racers.filter((v) => v === undefined).length, 2);
        assert.equal((await store.latestVersion())!.version, 3);
        assert.deepEqual(
          (await store.listVersions()).map((v) => v.version),
          [3, 2, 1],
        );
        const second = (await store.getVersion(2))!;
        assert.equal(second.by, 'Eva');
        assert.equal(second.summary, 'second');
        assert.equal(second.at, at.toISOString());
        assert.deepEqual(second.dataset, dataset([organisation('o')]));
        assert.equal(await store.getVersion(99), undefined);
      }),
    );

    test(
      'audit: newest first, a page at a time',
      withStore(async (store) => {
        for (let i = 0; i < 5; i++) await store.record({ at: new Date(Date.UTC(2026, 10, i + 1)), by: 'Eva', action: `a${i}`, target: `t${i}` });
        const first = await store.listAudit({ limit: 2 });
        assert.deepEqual(first.entries.map((e) => e.action), ['a4', 'a3']);
        assert.deepEqual(first.entries[0], { at: '2026-11-05T00:00:00.000Z', by: 'Eva', action: 'a4', target: 't4' });
        const second = await store.listAudit({ limit: 2, before: first.next! });
        assert.deepEqual(second.entries.map((e) => e.action), ['a2', 'a1']);
        const last = await store.listAudit({ limit: 2, before: second.next! });
        assert.deepEqual(last.entries.map((e) => e.action), ['a0']);
        assert.equal(last.next, undefined);
      }),
    );

    test(
      'offered opportunities: a key stores once, references are unique with the applications’, decisions publish, erasure takes the content and the key',
      withStore(async (store) => {
        const offer = { language: 'sv', title: 'Läxhjälp', contact: { name: 'C', email: 'c@example.org' } } as unknown as OpportunityOffer;
        const receivedAt = new Date('2026-11-10T00:00:00Z');
        const application1 = await store.queueInsert({ id: 'app', receivedAt, application });
        const [first, again] = await Promise.all([
          store.offers.insert({ id: 'o1', receivedAt, offer, organisationId: 'org-1' }, { key: 'ok', requestHash: 'h' }),
          store.offers.insert({ id: 'o2', receivedAt, offer, organisationId: 'org-1' }, { key: 'ok', requestHash: 'h' }),
        ]);
        assert.equal([first, again].filter((o) => o.receipt).length, 1, 'one copy of the key stored');
        const stored = (first.receipt ?? again.receipt)!;
        assert.notEqual(stored.reference, application1.receipt!.reference);
        assert.deepEqual((await store.offers.list()).offers.map((o) => o.id), [stored.id]);
        assert.equal((await store.offers.get(stored.id))?.organisationId, 'org-1');
        const token = await store.changeToken();
        assert.equal(await store.offers.approve(stored.id, { id: 'opp-1' } as Opportunity, new Date('2026-11-12T00:00:00Z')), true);
        assert.notEqual(await store.changeToken(), token);
        assert.deepEqual(await store.offers.approvedOpportunities(), [{ id: 'opp-1' }]);
        assert.deepEqual(await store.offers.approvalOf(stored.id), { id: 'opp-1' });
        assert.equal(await store.lastChangeAt(), '2026-11-12T00:00:00.000Z');
        // A rejection keeps what the approval published (a restore that brings it back can be told), no longer merged.
        assert.equal(await store.offers.reject(stored.id, new Date('2026-11-12T12:00:00Z')), true);
        assert.deepEqual(await store.offers.approvalOf(stored.id), { id: 'opp-1' });
        assert.equal((await store.offers.get(stored.id))?.opportunityId, 'opp-1');
        assert.deepEqual(await store.offers.approvedOpportunities(), []);
        // The erasure moves lastChangeAt (file mode publishes it as updatedAt), so it moves the change token too.
        const beforeErase = await store.changeToken();
        assert.equal(await store.offers.erase(stored.id, new Date('2026-11-13T00:00:00Z')), true);
        assert.notEqual(await store.changeToken(), beforeErase, 'the erasure moved the change token');
        assert.equal((await store.offers.get(stored.id))?.offer, undefined);
        assert.equal(await store.offers.findIdempotency('ok'), undefined);
        // The published opportunity held the contact too: the erasure takes it.
        assert.equal(await store.offers.approvalOf(stored.id), undefined);
        assert.equal((await store.offers.get(stored.id))?.opportunityId, undefined);
        assert.equal(await store.lastChangeAt(), '2026-11-13T00:00:00.000Z');
        assert.equal(await store.offers.reject('missing', new Date()), false);
      }),
    );

    test(
      'old idempotency records are purged; the applications stay',
      withStore(async (store) => {
        await store.queueInsert({ id: 'old', receivedAt: new Date(1_000_000), application }, { key: 'old', requestHash: 'h' });
        await store.queueInsert({ id: 'new', receivedAt: new Date(9_000_000), application }, { key: 'new', requestHash: 'h' });
        assert.equal(await store.purgeIdempotency(5_000_000, 10_000_000), 1);
        assert.equal(await store.findIdempotency('old'), undefined);
        assert.ok(await store.findIdempotency('new'));
        assert.equal((await store.list()).applications.length, 2);
        await store.ping();
      }),
    );
  });
}

test('both stores know the same schema versions', () => {
  assert.equal(POSTGRES_MIGRATIONS.length, MIGRATIONS.length);
});

describe('SQLite', () => {
  test('every connection runs in WAL mode with synchronous=FULL, a busy timeout and secure_delete', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-store-'));
    try {
      for (let open = 0; open < 2; open++) {
        const store = new Store(dir);
        try {
          assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
          assert.equal(store.db.pragma('synchronous', { simple: true }), 2, 'FULL');
          assert.ok((store.db.pragma('busy_timeout', { simple: true }) as number) >= 1000);
          assert.equal(store.db.pragma('secure_delete', { simple: true }), 1);
          assert.equal(store.db.pragma('journal_size_limit', { simple: true }), 4 * 1024 * 1024, 'the WAL is cut back after checkpoints (issue 17.1)');
          assert.equal(store.db.pragma('user_version', { simple: true }), MIGRATIONS.length, 'migrations applied once');
        } finally {
          store.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('refuses a database from a newer server instead of writing to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-store-'));
    try {
      const store = new Store(dir);
      store.db.pragma('user_version = 99');
      store.close();
      assert.throws(() => new Store(dir), /schema version 99, newer than this server knows/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PostgreSQL', { skip: database.skip }, () => {
  test('migrates once (two processes starting together), keeps the version in schema_version, and refuses a newer one', async () => {
    const schema = `t_${randomBytes(5).toString('hex')}`;
    const a = new PostgresStore({ url: database.url(), schema });
    const b = new PostgresStore({ url: database.url(), schema });
    await Promise.all([a.ready(), b.ready()]);
    await Promise.all([a.close(), b.close()]);
    const client = new pg.Client({ connectionString: database.url() });
    await client.connect();
    try {
      assert.deepEqual((await client.query(`SELECT version FROM ${schema}.schema_version`)).rows, [{ version: POSTGRES_MIGRATIONS.length }]);
      await client.query(`UPDATE ${schema}.schema_version SET version = 99`);
    } finally {
      await client.end();
    }
    const newer = new PostgresStore({ url: database.url(), schema });
    try {
      await assert.rejects(newer.ready(), (error: Error) => error instanceof SchemaTooNewError && /schema version 99, newer than this server knows \(\d+\)\. Upgrade the server/.test(error.message));
    } finally {
      await newer.close();
    }
  });

  test('two stores on one database (as two processes): a change through one is announced to the other; a key sent to both stores once', async () => {
    const schema = `t_${randomBytes(5).toString('hex')}`;
    const a = new PostgresStore({ url: database.url(), schema });
    const b = new PostgresStore({ url: database.url(), schema });
    const elsewhere = new PostgresStore({ url: database.url(), schema: `${schema}_x` });
    await Promise.all([a.ready(), b.ready(), elsewhere.ready()]);
    try {
      let heardByB = 0;
      let heardByA = 0;
      let heardElsewhere = 0;
      b.onOtherWriter(() => heardByB++);
      a.onOtherWriter(() => heardByA++);
      elsewhere.onOtherWriter(() => heardElsewhere++);
      const token = b.changeToken();
      await a.publishVersion({ dataset: dataset(), at: new Date(), by: 'Eva', summary: 'through a' }, 0);
      // Within the test's time rather than two seconds: on a busy machine the notification can take longer.
      const deadline = Date.now() + 15_000;
      while (heardByB === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.equal(heardByB, 1, 'b heard it');
      assert.notEqual(b.changeToken(), token, 'b’s change token moved: its published dataset is read again');
      assert.equal((await b.latestVersion())?.summary, 'through a');
      assert.equal(heardByA, 0, 'a does not hear itself');
      assert.equal(heardElsewhere, 0, 'another schema (agreement) hears nothing');

      const receivedAt = new Date();
      const outcomes = await Promise.all([
        a.queueInsert({ id: 'via-a', receivedAt, application }, { key: 'same', requestHash: 'h' }),
        b.queueInsert({ id: 'via-b', receivedAt, application }, { key: 'same', requestHash: 'h' }),
      ]);
      assert.equal(outcomes.filter((o) => o.receipt).length, 1, 'one stored');
      assert.equal(outcomes.filter((o) => o.replay).length, 1, 'the other replays its answer');
      assert.equal((await a.list()).applications.length, 1);
    } finally {
      await Promise.all([a.close(), b.close(), elsewhere.close()]);
    }
  });
});
