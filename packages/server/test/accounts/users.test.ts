import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, PASSWORD, start, tokenOf, type Running } from './helpers.js';

const setPassword = (server: Running, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  new Browser(server.base).fetch('/api/v1/set-password', { method: 'POST', json: body, headers });

describe('users and one-time set-password links', () => {
  let server: Running;
  before(async () => {
    server = await start();
    // Another admin, so removing the ones the tests make is not removing the last admin.
    await server.addUser('keeper@example.org', 'admin');
  });
  after(() => server.close());

  const invite = async (email: string, role = 'editor') => {
    const response = await server.admin('/api/v1/admin/users', { method: 'POST', body: JSON.stringify({ email, name: 'Lina Länk', role }) });
    assert.equal(response.status, 201);
    return (await response.json()) as { id: string; setPasswordUrl: string; expiresAt: string };
  };

  test('an admin invites a person and gets a one-time link to the admin page, valid 72 hours; only its hash is stored', async () => {
    const before = Date.now();
    const created = await invite('lina@example.org');
    assert.match(created.id, /^[0-9a-f-]{36}$/);
    const url = new URL(created.setPasswordUrl);
    assert.equal(url.origin, server.base);
    assert.equal(url.pathname, '/admin');
    assert.match(url.hash, /^#\/set-password\?token=[A-Za-z0-9_-]{43}$/);
    const hours = (Date.parse(created.expiresAt) - before) / 3_600_000;
    assert.ok(hours > 71.9 && hours <= 72.01, `valid ${hours} hours`);
    const token = tokenOf(created.setPasswordUrl);
    const stored = server.db.prepare('SELECT token_hash FROM account_password_links WHERE user_id = ?').all(created.id) as { token_hash: string }[];
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]!.token_hash, token);
    assert.equal(JSON.stringify(server.db.prepare('SELECT * FROM account_password_links').all()).includes(token), false);
  });

  test('the link works once; a password that breaks the rule does not use it up', async () => {
    const { setPasswordUrl } = await invite('once@example.org');
    const token = tokenOf(setPasswordUrl);
    const short = await setPassword(server, { token, password: 'elva tecken' });
    assert.equal(short.status, 400);
    assert.deepEqual((await short.json()).errors, [{ path: 'password', message: 'Lösenordet måste ha minst 12 tecken. Välj ett längre, till exempel några ord i rad.' }]);
    const spaces = await setPassword(server, { token, password: '              ', lang: 'en' });
    assert.match((await spaces.json()).errors[0].message, /must not be only spaces/);
    const english = await setPassword(server, { token, password: 'short' }, { 'Accept-Language': 'en' });
    assert.match((await english.json()).errors[0].message, /at least 12 characters/);

    assert.equal((await setPassword(server, { token, password: PASSWORD })).status, 204);
    const again = await setPassword(server, { token, password: 'ett helt annat lösenord' });
    assert.equal(again.status, 400);
    const error = (await again.json()).errors[0];
    assert.equal(error.path, 'token');
    assert.match(error.message, /redan använd, har gått ut/);
    assert.equal((await new Browser(server.base).signIn('once@example.org', PASSWORD)).status, 200);
    assert.equal((await new Browser(server.base).signIn('once@example.org', 'ett helt annat lösenord')).status, 401);
  });

  test('the link expires after 72 hours', async () => {
    const { setPasswordUrl } = await invite('late@example.org');
    server.advance(72 * 60 * 60_000 + 1000);
    const response = await setPassword(server, { token: tokenOf(setPasswordUrl), password: PASSWORD });
    assert.equal(response.status, 400);
    assert.equal((await response.json()).errors[0].path, 'token');
    assert.equal((await new Browser(server.base).signIn('late@example.org', PASSWORD)).status, 401);
  });

  test('a new link replaces the old one', async () => {
    const { id, setPasswordUrl } = await invite('relink@example.org');
    const fresh = await (await server.admin(`/api/v1/admin/users/${id}/set-password-link`, { method: 'POST' })).json();
    assert.equal((await setPassword(server, { token: tokenOf(setPasswordUrl), password: PASSWORD })).status, 400);
    assert.equal((await setPassword(server, { token: tokenOf(fresh.setPasswordUrl), password: PASSWORD })).status, 204);
  });

  test('the same e-mail address cannot have two accounts; bad input is named', async () => {
    await invite('twice@example.org');
    const again = await server.admin('/api/v1/admin/users', { method: 'POST', body: JSON.stringify({ email: 'TWICE@example.org', name: 'X', role: 'admin' }) });
    assert.equal(again.status, 409);
    assert.equal((await again.json()).errors[0].path, 'email');
    const bad = await server.admin('/api/v1/admin/users', { method: 'POST', body: JSON.stringify({ email: 'nope', name: '', role: 'owner' }) });
    assert.equal(bad.status, 400);
    assert.deepEqual((await bad.json()).errors.map((e: { path: string }) => e.path).sort(), ['email', 'name', 'role']);
  });

  test('the list shows users without their password hashes; role and settings change; removal works', async () => {
    const { id } = await invite('listed@example.org');
    const list = await server.admin('/api/v1/admin/users');
    assert.equal(list.status, 200);
    const text = await list.text();
    assert.doesNotMatch(text, /scrypt|password_hash|passwordHash/);
    const listed = (JSON.parse(text) as { id: string; email: string; passwordSet: boolean; role: string; lastSignInAt: null }[]).find((u) => u.id === id)!;
    assert.equal(listed.email, 'listed@example.org');
    assert.equal(listed.passwordSet, false);
    assert.equal(listed.lastSignInAt, null);
    const patched = await server.admin(`/api/v1/admin/users/${id}`, { method: 'PATCH', body: JSON.stringify({ role: 'admin', notifyApplications: true }) });
    assert.equal(patched.status, 200);
    const body = await patched.json();
    assert.equal(body.role, 'admin');
    assert.equal(body.notifyApplications, true);
    assert.equal((await server.admin(`/api/v1/admin/users/${id}`, { method: 'PATCH', body: '{}' })).status, 400);
    assert.equal((await server.admin(`/api/v1/admin/users/${id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await server.admin(`/api/v1/admin/users/${id}`)).status, 404);
    assert.equal((await server.admin(`/api/v1/admin/users/${id}`, { method: 'DELETE' })).status, 404);
  });

  test('the last admin can neither be demoted nor removed', async () => {
    const solo = await start();
    try {
      const id = await solo.addUser('solo@example.org', 'admin');
      const demote = await solo.admin(`/api/v1/admin/users/${id}`, { method: 'PUT', body: JSON.stringify({ role: 'editor' }) });
      assert.equal(demote.status, 409);
      assert.match((await demote.json()).errors[0].message, /minst en administratör/);
      assert.equal((await solo.admin(`/api/v1/admin/users/${id}`, { method: 'DELETE' })).status, 409);
      const other = await solo.addUser('other@example.org', 'admin');
      assert.equal((await solo.admin(`/api/v1/admin/users/${id}`, { method: 'DELETE' })).status, 204);
      assert.ok(other);
    } finally {
      await solo.close();
    }
  });

  test('a person turns notifications on for themselves', async () => {
    await server.addUser('self@example.org', 'editor');
    const browser = new Browser(server.base);
    await browser.signIn('self@example.org');
    const response = await browser.write('/api/v1/account', 'PATCH', { notifyApplications: true });
    assert.equal(response.status, 200);
    assert.equal((await response.json()).user.notifyApplications, true);
    const forged = await browser.fetch('/api/v1/account', { method: 'PATCH', json: { notifyApplications: false } });
    assert.equal(forged.status, 403);
    assert.equal((await (await browser.fetch('/api/v1/session')).json()).user.notifyApplications, true);
    assert.equal((await server.admin('/api/v1/account', { method: 'PATCH', body: JSON.stringify({ notifyApplications: true }) })).status, 401, 'the admin token has no account of its own');
  });
});

describe('the audit log', () => {
  test('records sign-ins, failures, sign-outs and user changes by name and user id, never e-mail addresses', async () => {
    const server = await start();
    try {
      const id = await server.addUser('audited@example.org', 'editor', { name: 'Agnes Audit' });
      const browser = new Browser(server.base);
      await browser.signIn('audited@example.org', 'wrong password here');
      await new Browser(server.base).signIn('unknown@example.org', 'wrong password here');
      await browser.signIn('audited@example.org');
      await browser.write('/api/v1/session', 'DELETE');
      await server.admin(`/api/v1/admin/users/${id}`, { method: 'PATCH', body: JSON.stringify({ role: 'admin' }) });
      await server.addUser('second-admin@example.org', 'admin');
      await server.admin(`/api/v1/admin/users/${id}`, { method: 'DELETE' });
      const events = server.audit.events.map(({ by, action, target }) => ({ by, action, target }));
      const target = `user:${id}`;
      assert.deepEqual(
        events.filter((e) => e.target === target || e.target === ''),
        [
          { by: 'admin token', action: 'user-invited', target },
          { by: 'Agnes Audit', action: 'password-set', target },
          { by: 'anonymous', action: 'sign-in-failed', target },
          { by: 'anonymous', action: 'sign-in-failed', target: '' },
          { by: 'Agnes Audit', action: 'sign-in', target },
          { by: 'Agnes Audit', action: 'sign-out', target },
          { by: 'admin token', action: 'user-role-changed', target },
          { by: 'admin token', action: 'user-removed', target },
        ],
      );
      for (const event of server.audit.events) assert.ok(event.at instanceof Date && !Number.isNaN(event.at.getTime()));
      assert.doesNotMatch(JSON.stringify(server.audit.events), /@/);
    } finally {
      await server.close();
    }
  });
});
