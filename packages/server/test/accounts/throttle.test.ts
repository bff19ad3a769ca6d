import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, PASSWORD, start, type Running } from './helpers.js';
import { clientKey, FailureThrottle } from '../../src/accounts/sign-in-throttle.js';

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

test('clientKey groups IPv6 addresses by /64 and unwraps IPv4-mapped ones', () => {
  assert.equal(clientKey('192.0.2.1'), '192.0.2.1');
  assert.equal(clientKey('::ffff:192.0.2.1'), '192.0.2.1');
  assert.equal(clientKey('2001:db8:1:2::1'), '2001:db8:1:2::/64');
  assert.equal(clientKey('2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd'), '2001:db8:1:2::/64');
  assert.equal(clientKey('::1'), '0:0:0:0::/64');
});

test('the throttle forgets failures an hour after the last one and stays bounded', () => {
  const throttle = new FailureThrottle({ freeFailures: 1, firstDelayMs: 1000, maxDelayMs: 4000, forgetAfterMs: 3_600_000 }, 3);
  throttle.fail('a', 0);
  assert.equal(throttle.waitMs('a', 0), 1000);
  throttle.fail('a', 0);
  throttle.fail('a', 0);
  throttle.fail('a', 0);
  assert.equal(throttle.waitMs('a', 0), 4000, 'capped');
  assert.equal(throttle.waitMs('a', 3_600_001), 0, 'forgotten');
  for (const key of ['b', 'c', 'd', 'e']) throttle.fail(key, 10);
  assert.equal(throttle.waitMs('b', 10), 0, 'the oldest key went when the map was full');
  assert.equal(throttle.waitMs('e', 10), 1000);
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
