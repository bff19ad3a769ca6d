import { describe, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ACCOUNT_MIGRATIONS, AccountSchemaTooNewError, DuplicateEmailError, SqliteAccountStore, type AccountStore } from '../../src/accounts/index.js';
import { POSTGRES_ACCOUNT_MIGRATIONS, PostgresAccountStore } from '../../src/accounts/store-postgres.js';
import { PostgresStore } from '../../src/store/postgres/store.js';
import { databaseForThisFile } from '../helpers/postgres.js';

function withDatabase(run: (file: string) => Promise<void> | void) {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-account-store-'));
    try {
      await run(join(dir, 'samverkan.sqlite'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const user = (id: string, email: string, role: 'admin' | 'editor' = 'editor') => ({ id, email, name: id, role, notifyApplications: false, createdAt: 1 });

test(
  'the account tables keep their own version, next to the main store’s user_version, and survive a reopen',
  withDatabase(async (file) => {
    let db = new Database(file);
    db.pragma('user_version = 7'); // the main store's, untouched
    let store = new SqliteAccountStore(db);
    await store.createUser(user('u1', 'a@example.org', 'admin'));
    assert.equal((db.prepare('SELECT version FROM account_schema').get() as { version: number }).version, ACCOUNT_MIGRATIONS.length);
    assert.equal(db.pragma('user_version', { simple: true }), 7);
    db.close();
    db = new Database(file);
    store = new SqliteAccountStore(db);
    assert.equal((await store.getUser('u1'))?.email, 'a@example.org');
    db.close();
  }),
);

test(
  'a database from a newer version is refused with a message that says what to do',
  withDatabase((file) => {
    const db = new Database(file);
    new SqliteAccountStore(db);
    db.prepare('UPDATE account_schema SET version = ?').run(ACCOUNT_MIGRATIONS.length + 1);
    assert.throws(() => new SqliteAccountStore(db), (error: Error) => error instanceof AccountSchemaTooNewError && /Upgrade the server/.test(error.message));
    db.close();
  }),
);

// The behaviour, against both account stores (SQLite, and PostgreSQL when present: see ../helpers/postgres.ts).
interface OpenAccounts {
  store: AccountStore;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}
const database = databaseForThisFile();
const factories: { name: string; skip: string | false; open(): Promise<OpenAccounts> }[] = [
  {
    name: 'SQLite',
    skip: false,
    open: async () => {
      const db = new Database(':memory:');
      return {
        store: new SqliteAccountStore(db),
        count: async (table) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
        close: async () => void db.close(),
      };
    },
  },
  {
    name: 'PostgreSQL',
    skip: database.skip,
    open: async () => {
      const main = new PostgresStore({ url: database.url(), schema: `a_${randomBytes(5).toString('hex')}` });
      await main.ready();
      return {
        store: new PostgresAccountStore(main),
        count: async (table) => Number((await main.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n),
        close: () => main.close(),
      };
    },
  },
];
function withAccounts(factory: (typeof factories)[number], run: (open: OpenAccounts) => Promise<void>) {
  return async () => {
    const open = await factory.open();
    try {
      await run(open);
    } finally {
      await open.close();
    }
  };
}

for (const factory of factories) {
  describe(`the account store on ${factory.name}`, { skip: factory.skip }, () => {
  test(
  'e-mail addresses are unique; a link is used once; removal takes sessions and links along',
  withAccounts(factory, async ({ store, count }) => {
    await store.createUser(user('u1', 'a@example.org', 'admin'));
    await store.createUser(user('u2', 'b@example.org'));
    await assert.rejects(store.createUser(user('u3', 'a@example.org')), DuplicateEmailError);

    await store.createPasswordLink({ tokenHash: 'h1', userId: 'u2', expiresAt: 100 });
    assert.deepEqual(await store.findPasswordLink('h1', 50), { userId: 'u2' });
    assert.equal(await store.findPasswordLink('h1', 100), undefined, 'expired at its time');
    await store.createSession({ idHash: 's1', userId: 'u2', via: 'password', createdAt: 0, lastSeenAt: 0, expiresAt: 1000 });
    const uses = await Promise.all([store.usePasswordLink('h1', 50, 'hash-a'), store.usePasswordLink('h1', 50, 'hash-b')]);
    assert.deepEqual(uses.filter(Boolean), ['u2'], 'one of two simultaneous uses wins');
    assert.equal(await store.getSession('s1'), undefined, 'setting the password ended the session');

    await store.createSession({ idHash: 's2', userId: 'u2', via: 'oidc', createdAt: 0, lastSeenAt: 0, expiresAt: 1000 });
    await store.createPasswordLink({ tokenHash: 'h2', userId: 'u2', expiresAt: 1000 });
    assert.equal(await store.deleteUser('u2'), 'ok');
    assert.equal(await count('account_sessions'), 0);
    assert.equal(await count('account_password_links'), 0);
    assert.equal(await store.deleteUser('u1'), 'last-admin');
    assert.equal(await store.updateUser('u1', { role: 'editor' }), 'last-admin');
    assert.equal(await store.updateUser('nobody', { name: 'x' }), 'not-found');
  }),
);

  test(
  'expired sessions, links and OpenID Connect sign-ins are cleaned up; a sign-in under way is taken once',
  withAccounts(factory, async ({ store }) => {
    await store.createUser(user('u1', 'a@example.org'));
    await store.createSession({ idHash: 'old', userId: 'u1', via: 'password', createdAt: 0, lastSeenAt: 0, expiresAt: 10_000 });
    await store.createSession({ idHash: 'idle', userId: 'u1', via: 'password', createdAt: 0, lastSeenAt: 100, expiresAt: 10_000 });
    await store.createSession({ idHash: 'live', userId: 'u1', via: 'password', createdAt: 0, lastSeenAt: 900, expiresAt: 10_000 });
    await store.createPasswordLink({ tokenHash: 'l', userId: 'u1', expiresAt: 500 });
    await store.createOidcLogin({ stateHash: 'o1', codeVerifier: 'v', nonce: 'n', expiresAt: 500 });
    await store.createOidcLogin({ stateHash: 'o2', codeVerifier: 'v', nonce: 'n', expiresAt: 5000 });
    // Gone: the two sessions idle since 500 ms before now, the expired link and the expired sign-in.
    assert.equal(await store.deleteExpired(1000, 500), 4);
    assert.ok(await store.getSession('live'));
    assert.equal((await store.takeOidcLogin('o2', 1000))?.codeVerifier, 'v');
    assert.equal(await store.takeOidcLogin('o2', 1000), undefined);
  }),
);
  });
}

test('the PostgreSQL account tables have the same versions as the SQLite ones', () => {
  assert.equal(POSTGRES_ACCOUNT_MIGRATIONS.length, ACCOUNT_MIGRATIONS.length);
});

test('a PostgreSQL database whose account tables are newer is refused', { skip: database.skip }, async () => {
  const schema = `a_${randomBytes(5).toString('hex')}`;
  const main = new PostgresStore({ url: database.url(), schema });
  await main.ready();
  try {
    await new PostgresAccountStore(main).ready();
    await main.query('UPDATE account_schema SET version = $1', [POSTGRES_ACCOUNT_MIGRATIONS.length + 1]);
    await assert.rejects(new PostgresAccountStore(main).ready(), (error: Error) => error instanceof AccountSchemaTooNewError && /Upgrade the server/.test(error.message));
  } finally {
    await main.close();
  }
});
