import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, PASSWORD, start, type Running } from './helpers.js';
import Database from 'better-sqlite3';
import { FailureThrottle } from '../../src/accounts/sign-in-throttle.js';
import { SqliteAccountStore } from '../../src/accounts/store-sqlite.js';

describe('repeated failed sign-ins are slowed', () => {
  let server: Running;
  before(async () => {
    server = await start({ trustProxy: true });
    await server.addUser('target@example.org', 'admin');
    await server.addUser('bystander@example.org', 'editor');
  });
  after(() => server.close());

  const attempt = (email: string, password: string, client: string) =>
    new Browser(server.base).fetch('/api/v1/session', { method: 'POST', json: { email, password }, headers: { 'X-Forwarded-For': client } });

  test('per account: after 5 failures each further attempt waits 1 s, then 2 s, …; while waiting even the right password is not checked', async () => {
    // From different clients, so only the account's count matters.
    for (let i = 0; i < 5; i++) assert.equal((await attempt('target@example.org', `guess number ${i}`, `192.0.2.${i + 1}`)).status, 401);
    const blocked = await attempt('target@example.org', PASSWORD, '198.51.100.7');
    assert.equal(blocked.status, 429);
    assert.equal(blocked.headers.get('retry-after'), '1');
    assert.match((await blocked.json()).errors[0].message, /För många misslyckade inloggningar/);
    server.advance(1000);
    assert.equal((await attempt('target@example.org', 'guess number 6', '192.0.2.50')).status, 401);
    const longer = await attempt('target@example.org', PASSWORD, '198.51.100.7');
    assert.equal(longer.status, 429);
    assert.equal(longer.headers.get('retry-after'), '2');
    // Another person's account is not slowed by it.
    assert.equal((await attempt('bystander@example.org', PASSWORD, '198.51.100.8')).status, 200);
    server.advance(2000);
    assert.equal((await attempt('target@example.org', PASSWORD, '198.51.100.7')).status, 200, 'the right password gets in once the wait is over');
    // Success forgets the account's failures.
    assert.equal((await attempt('target@example.org', 'one more typo', '192.0.2.60')).status, 401);
    assert.equal((await attempt('target@example.org', PASSWORD, '192.0.2.61')).status, 200);
  });

  test('per client: one client trying many addresses is slowed after 20 failures; other clients are not', async () => {
    for (let i = 0; i < 20; i++) assert.equal((await attempt(`someone${i}@example.org`, 'password spraying', '203.0.113.9')).status, 401);
    const blocked = await attempt('bystander@example.org', PASSWORD, '203.0.113.9');
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get('retry-after')) >= 1);
    assert.equal((await attempt('bystander@example.org', PASSWORD, '203.0.113.10')).status, 200);
  });

  test('an IPv6 client is one client across its /64', async () => {
    for (let i = 0; i < 20; i++) assert.equal((await attempt(`v6-${i}@example.org`, 'spraying again', `2001:db8:1:2::${(i + 1).toString(16)}`)).status, 401);
    assert.equal((await attempt('bystander@example.org', PASSWORD, '2001:db8:1:2:ffff::1')).status, 429);
    assert.equal((await attempt('bystander@example.org', PASSWORD, '2001:db8:1:3::1')).status, 200);
  });
});

test('the throttle caps the wait, forgets failures an hour after the last one, and keeps only hashed keys, whose old rows go', async () => {
  const db = new Database(':memory:');
  try {
    const store = new SqliteAccountStore(db);
    const throttle = new FailureThrottle({ freeFailures: 1, firstDelayMs: 1000, maxDelayMs: 4000, forgetAfterMs: 3_600_000 }, store);
    await throttle.fail('account:a@example.org', 0);
    assert.equal(await throttle.waitMs('account:a@example.org', 0), 1000);
    for (let i = 0; i < 3; i++) await throttle.fail('account:a@example.org', 0);
    assert.equal(await throttle.waitMs('account:a@example.org', 0), 4000, 'capped');
    assert.equal(await throttle.waitMs('account:a@example.org', 3_600_001), 0, 'forgotten');
    await throttle.fail('account:a@example.org', 3_600_002);
    assert.equal(await throttle.waitMs('account:a@example.org', 3_600_002), 1000, 'counting starts again after an hour');
    await throttle.fail('client:192.0.2.1', 10);
    const keys = (db.prepare('SELECT key_hash FROM account_failures').all() as { key_hash: string }[]).map((r) => r.key_hash);
    assert.equal(keys.length, 2);
    assert.ok(keys.every((k) => /^[\w-]{43}$/.test(k)), `hashed: ${keys.join(', ')}`);
    assert.equal(await store.forgetFailures(3_600_000), 1, 'the client’s row, last failed at 10 ms, goes');
    await throttle.succeed('account:a@example.org');
    assert.equal(await throttle.waitMs('account:a@example.org', 3_600_002), 0, 'success forgets');
  } finally {
    db.close();
  }
});

test('guessing the current password from an open session is slowed like sign-in', async () => {
  const server = await start();
  try {
    await server.addUser('open.session@example.org', 'editor');
    const browser = new Browser(server.base);
    await browser.signIn('open.session@example.org');
    const change = (currentPassword: string) => browser.write('/api/v1/account/password', 'PUT', { currentPassword, password: 'ett nytt långt lösenord' });
    for (let i = 0; i < 5; i++) assert.equal((await change(`guess ${i}`)).status, 400);
    const blocked = await change(PASSWORD);
    assert.equal(blocked.status, 429);
    assert.equal(blocked.headers.get('retry-after'), '1');
    server.advance(1000);
    assert.equal((await change(PASSWORD)).status, 200);
  } finally {
    await server.close();
  }
});
