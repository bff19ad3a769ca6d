import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, parseSetCookie, PASSWORD, start, tokenOf, type Running } from './helpers.js';

describe('sign-in, session and sign-out', () => {
  let server: Running;
  before(async () => {
    server = await start();
    await server.addUser('anna.admin@example.org', 'admin', { name: 'Anna Admin' });
    await server.addUser('erik.editor@example.org', 'editor', { name: 'Erik Editor' });
  });
  after(() => server.close());

  test('a person signs in with e-mail and password, is who the session says, and signs out', async () => {
    const browser = new Browser(server.base);
    const signIn = await browser.signIn(' Anna.Admin@Example.org ', PASSWORD);
    assert.equal(signIn.status, 200);
    const body = await signIn.json();
    assert.equal(body.user.email, 'anna.admin@example.org');
    assert.equal(body.user.name, 'Anna Admin');
    assert.equal(body.user.role, 'admin');
    assert.equal(body.via, 'password');
    assert.match(body.csrfToken, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(signIn.headers.get('cache-control'), 'no-store');

    const me = await browser.fetch('/api/v1/session');
    assert.equal(me.status, 200);
    assert.equal((await me.json()).user.email, 'anna.admin@example.org');
    const probe = await browser.fetch('/api/v1/admin/probe');
    assert.deepEqual(await probe.json(), { by: body.user.id, role: 'admin' });

    const copy = new Map(browser.cookies);
    const out = await browser.write('/api/v1/session', 'DELETE');
    assert.equal(out.status, 204);
    assert.equal(browser.cookies.size, 0, 'the cookie is removed from the browser');
    assert.equal((await browser.fetch('/api/v1/session')).status, 401);

    // A copy of the cookie taken before signing out does not get in: the session ended on the server.
    const thief = new Browser(server.base);
    for (const [k, v] of copy) thief.cookies.set(k, v);
    assert.equal((await thief.fetch('/api/v1/session')).status, 401);
    assert.equal((await thief.fetch('/api/v1/admin/probe')).status, 401);
  });

  test('a wrong password and an unknown address get the same answer, in Swedish or English', async () => {
    const wrong = await new Browser(server.base).signIn('erik.editor@example.org', 'not the password at all');
    assert.equal(wrong.status, 401);
    const sv = (await wrong.json()).errors[0];
    assert.equal(sv.path, '');
    assert.match(sv.message, /E-postadressen eller lösenordet stämmer inte/);
    assert.equal(wrong.headers.getSetCookie().length, 0);

    const unknown = await new Browser(server.base).fetch('/api/v1/session', {
      method: 'POST',
      json: { email: 'nobody@example.org', password: 'whatever it is' },
      headers: { 'Accept-Language': 'en-GB,en;q=0.9,sv;q=0.5' },
    });
    assert.equal(unknown.status, 401);
    assert.match((await unknown.json()).errors[0].message, /The e-mail address or the password is wrong/);

    const lang = await new Browser(server.base).fetch('/api/v1/session', { method: 'POST', json: { email: 'nobody@example.org', password: 'x', lang: 'en' } });
    assert.match((await lang.json()).errors[0].message, /^The e-mail address/);
  });

  test('a body that is not a sign-in is answered 400 with the fields named', async () => {
    const response = await new Browser(server.base).fetch('/api/v1/session', { method: 'POST', json: { email: 'not-an-address', password: '' } });
    assert.equal(response.status, 400);
    const paths = (await response.json()).errors.map((e: { path: string }) => e.path).sort();
    assert.deepEqual(paths, ['email', 'password']);
  });

  test('the cookie is HttpOnly, SameSite=Strict, Path=/ and lasts no longer than the session; not Secure over plain HTTP', async () => {
    const response = await new Browser(server.base).signIn('anna.admin@example.org');
    const [header] = response.headers.getSetCookie();
    const cookie = parseSetCookie(header!);
    assert.equal(cookie.name, 'samverkan-session');
    assert.equal(cookie.attributes.get('httponly'), true);
    assert.equal(cookie.attributes.get('samesite'), 'Strict');
    assert.equal(cookie.attributes.get('path'), '/');
    assert.equal(cookie.attributes.has('secure'), false);
    assert.equal(cookie.attributes.has('domain'), false);
    assert.equal(cookie.attributes.get('max-age'), String(12 * 60 * 60));
  });

  test('no session, no admin data; an editor cannot manage users but may edit content', async () => {
    const anonymous = new Browser(server.base);
    for (const path of ['/api/v1/admin/users', '/api/v1/admin/probe', '/api/v1/session']) {
      const response = await anonymous.fetch(path);
      assert.equal(response.status, 401, path);
      assert.ok(Array.isArray((await response.json()).errors));
    }
    const editor = new Browser(server.base);
    await editor.signIn('erik.editor@example.org');
    assert.equal((await editor.fetch('/api/v1/admin/probe')).status, 200);
    assert.equal((await editor.write('/api/v1/admin/probe', 'POST', {})).status, 200);
    const list = await editor.fetch('/api/v1/admin/users');
    assert.equal(list.status, 403);
    assert.doesNotMatch(await list.text(), /anna\.admin/);
    const invite = await editor.write('/api/v1/admin/users', 'POST', { email: 'new@example.org', name: 'New', role: 'admin' });
    assert.equal(invite.status, 403);
    const users = await (await server.admin('/api/v1/admin/users')).json();
    assert.equal(users.some((u: { email: string }) => u.email === 'new@example.org'), false);
    const [erik] = users.filter((u: { email: string }) => u.email === 'erik.editor@example.org');
    assert.equal((await editor.write(`/api/v1/admin/users/${erik.id}`, 'PATCH', { role: 'admin' })).status, 403);
    assert.equal((await editor.write(`/api/v1/admin/users/${erik.id}`, 'DELETE')).status, 403);
  });
});

describe('how long a session lasts', () => {
  let server: Running;
  before(async () => {
    server = await start();
    await server.addUser('idle@example.org', 'editor');
  });
  after(() => server.close());

  test('a session unused for 2 hours ends', async () => {
    const browser = new Browser(server.base);
    await browser.signIn('idle@example.org');
    server.advance(2 * 60 * 60_000 - 1000);
    assert.equal((await browser.fetch('/api/v1/session')).status, 200, 'still valid just before');
    server.advance(2 * 60 * 60_000 - 1000);
    assert.equal((await browser.fetch('/api/v1/session')).status, 200, 'use keeps it alive');
    server.advance(2 * 60 * 60_000 + 1000);
    assert.equal((await browser.fetch('/api/v1/session')).status, 401);
  });

  test('a session in constant use ends 12 hours after sign-in', async () => {
    const browser = new Browser(server.base);
    const body = await (await browser.signIn('idle@example.org')).json();
    const end = Date.parse(body.expiresAt);
    for (let hour = 1; hour < 12; hour++) {
      server.advance(60 * 60_000);
      assert.equal((await browser.fetch('/api/v1/session')).status, 200, `hour ${hour}`);
    }
    server.advance(60 * 60_000);
    assert.equal((await browser.fetch('/api/v1/session')).status, 401);
    assert.ok(end > 0);
  });
});

describe('sessions end everywhere when they should', () => {
  let server: Running;
  let id: string;
  before(async () => {
    server = await start();
    await server.addUser('boss@example.org', 'admin');
    id = await server.addUser('many@example.org', 'editor');
  });
  after(() => server.close());

  const twoBrowsers = async () => {
    const a = new Browser(server.base);
    const b = new Browser(server.base);
    assert.equal((await a.signIn('many@example.org')).status, 200);
    assert.equal((await b.signIn('many@example.org')).status, 200);
    return [a, b] as const;
  };

  test('changing one’s password ends the other sessions; this browser goes on with a new one', async () => {
    const [a, b] = await twoBrowsers();
    const before = a.cookies.get('samverkan-session');
    const short = await a.write('/api/v1/account/password', 'PUT', { currentPassword: PASSWORD, password: 'kort' });
    assert.equal(short.status, 400);
    assert.equal((await short.json()).errors[0].path, 'password');
    assert.equal((await b.fetch('/api/v1/session')).status, 200, 'a refused change ends nothing');

    const wrong = await a.write('/api/v1/account/password', 'PUT', { currentPassword: 'not my password', password: 'ett nytt bra lösenord' });
    assert.equal(wrong.status, 400);
    assert.equal((await wrong.json()).errors[0].path, 'currentPassword');

    const changed = await a.write('/api/v1/account/password', 'PUT', { currentPassword: PASSWORD, password: 'ett nytt bra lösenord' });
    assert.equal(changed.status, 200);
    a.csrfToken = (await changed.json()).csrfToken;
    assert.notEqual(a.cookies.get('samverkan-session'), before);
    assert.equal((await b.fetch('/api/v1/session')).status, 401);
    assert.equal((await a.fetch('/api/v1/session')).status, 200);
    assert.equal((await new Browser(server.base).signIn('many@example.org')).status, 401, 'the old password is gone');
    assert.equal((await new Browser(server.base).signIn('many@example.org', 'ett nytt bra lösenord')).status, 200);
    // Back to the shared password for the next tests.
    const link = await (await server.admin(`/api/v1/admin/users/${id}/set-password-link`, { method: 'POST' })).json();
    assert.equal((await new Browser(server.base).fetch('/api/v1/set-password', { method: 'POST', json: { token: tokenOf(link.setPasswordUrl), password: PASSWORD } })).status, 204);
    assert.equal((await a.fetch('/api/v1/session')).status, 401, 'a password set through a link ends every session too');
  });

  test('removing a user ends their sessions at once', async () => {
    const [a, b] = await twoBrowsers();
    const removed = await server.admin(`/api/v1/admin/users/${id}`, { method: 'DELETE' });
    assert.equal(removed.status, 204);
    assert.equal((await a.fetch('/api/v1/admin/probe')).status, 401);
    assert.equal((await b.fetch('/api/v1/session')).status, 401);
    assert.equal((await new Browser(server.base).signIn('many@example.org')).status, 401);
    const count = server.db.prepare('SELECT count(*) AS n FROM account_sessions WHERE user_id = ?').get(id) as { n: number };
    assert.equal(count.n, 0);
  });

  test('a role change counts from the next request', async () => {
    const boss = new Browser(server.base);
    await boss.signIn('boss@example.org');
    const other = await server.addUser('second@example.org', 'admin');
    assert.equal((await boss.fetch('/api/v1/admin/users')).status, 200);
    const demoted = await server.admin(`/api/v1/admin/users/${(await (await boss.fetch('/api/v1/session')).json()).user.id}`, {
      method: 'PUT',
      body: JSON.stringify({ role: 'editor' }),
    });
    assert.equal(demoted.status, 200);
    assert.equal((await boss.fetch('/api/v1/admin/users')).status, 403);
    assert.equal((await boss.fetch('/api/v1/admin/probe')).status, 200);
    assert.ok(other);
  });
});
