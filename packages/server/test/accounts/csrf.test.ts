import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, parseSetCookie, start, type Running } from './helpers.js';

describe('forged cross-site requests are refused', () => {
  let server: Running;
  let admin: Browser;
  before(async () => {
    server = await start();
    await server.addUser('admin@example.org', 'admin');
    admin = new Browser(server.base);
    assert.equal((await admin.signIn('admin@example.org')).status, 200);
  });
  after(() => server.close());

  const usersNamed = async (email: string) =>
    ((await (await server.admin('/api/v1/admin/users')).json()) as { email: string }[]).filter((u) => u.email === email).length;

  test('a write with the cookie but without the CSRF token is refused and changes nothing', async () => {
    const forged = await admin.fetch('/api/v1/admin/users', { method: 'POST', json: { email: 'evil@example.org', name: 'Evil', role: 'admin' } });
    assert.equal(forged.status, 403);
    assert.match((await forged.json()).errors[0].message, /X-CSRF-Token/);
    assert.equal(await usersNamed('evil@example.org'), 0);
  });

  test('a wrong CSRF token (another session’s) is refused', async () => {
    const other = new Browser(server.base);
    await other.signIn('admin@example.org');
    const response = await admin.fetch('/api/v1/admin/probe', { method: 'POST', json: {}, headers: { 'X-CSRF-Token': other.csrfToken! } });
    assert.equal(response.status, 403);
    const garbage = await admin.fetch('/api/v1/admin/probe', { method: 'POST', json: {}, headers: { 'X-CSRF-Token': 'x'.repeat(43) } });
    assert.equal(garbage.status, 403);
  });

  test('a request from another origin is refused even with the right token', async () => {
    const evilOrigin = await admin.fetch('/api/v1/admin/users', {
      method: 'POST',
      json: { email: 'evil2@example.org', name: 'Evil', role: 'admin' },
      headers: { 'X-CSRF-Token': admin.csrfToken! },
      origin: 'https://evil.example',
      site: 'cross-site',
    });
    assert.equal(evilOrigin.status, 403);
    assert.match((await evilOrigin.json()).errors[0].message, /annan webbplats/);
    const sameSite = await admin.fetch('/api/v1/admin/probe', { method: 'POST', json: {}, headers: { 'X-CSRF-Token': admin.csrfToken! }, site: 'same-site' });
    assert.equal(sameSite.status, 403, 'a sibling sub-domain is another origin');
    const nullOrigin = await admin.fetch('/api/v1/admin/probe', { method: 'POST', json: {}, headers: { 'X-CSRF-Token': admin.csrfToken! }, origin: 'null', site: null });
    assert.equal(nullOrigin.status, 403);
    assert.equal(await usersNamed('evil2@example.org'), 0);
  });

  test('a forged sign-out is refused and the session lives on', async () => {
    const forged = await admin.fetch('/api/v1/session', { method: 'DELETE', origin: 'https://evil.example', site: 'cross-site' });
    assert.equal(forged.status, 403);
    assert.equal((await admin.fetch('/api/v1/session')).status, 200);
  });

  test('sign-in and set-password from another site are refused (login CSRF)', async () => {
    const signIn = await new Browser(server.base).fetch('/api/v1/session', {
      method: 'POST',
      json: { email: 'admin@example.org', password: 'whatever it may be' },
      origin: 'https://evil.example',
      site: 'cross-site',
    });
    assert.equal(signIn.status, 403);
    const setPassword = await new Browser(server.base).fetch('/api/v1/set-password', {
      method: 'POST',
      json: { token: 'x', password: 'a long enough password' },
      origin: 'https://evil.example',
    });
    assert.equal(setPassword.status, 403);
  });

  test('the admin page’s own writes pass: same origin with the token, and a script without browser headers but with the token', async () => {
    assert.equal((await admin.write('/api/v1/admin/probe', 'POST', {})).status, 200);
    const script = await admin.fetch('/api/v1/admin/probe', { method: 'POST', json: {}, headers: { 'X-CSRF-Token': admin.csrfToken! }, origin: null, site: null });
    assert.equal(script.status, 200);
  });

  test('reads need no token; a public write from the same site with the cookie is not disturbed (and not authenticated)', async () => {
    assert.equal((await admin.fetch('/api/v1/admin/probe')).status, 200);
    const publicWrite = await admin.fetch('/api/v1/public-write', { method: 'POST', json: {} });
    assert.equal(publicWrite.status, 200);
    assert.deepEqual(await publicWrite.json(), { actor: null });
  });

  test('the admin token needs no CSRF token (no cookie, nothing ambient to abuse)', async () => {
    const response = await server.admin('/api/v1/admin/probe', { method: 'POST', body: '{}' });
    assert.equal(response.status, 200);
    assert.equal((await response.json()).by, 'admin-token');
  });
});

describe('behind an HTTPS proxy', () => {
  let server: Running;
  before(async () => {
    server = await start({ trustProxy: true });
    await server.addUser('proxy@example.org', 'editor');
  });
  after(() => server.close());

  test('the cookie is Secure with the __Host- prefix, and the Origin check uses https', async () => {
    const browser = new Browser(server.base);
    const host = new URL(server.base).host;
    const signIn = await browser.fetch('/api/v1/session', {
      method: 'POST',
      json: { email: 'proxy@example.org', password: 'korrekt häst batteri häftklammer' },
      headers: { 'X-Forwarded-Proto': 'https' },
      origin: `https://${host}`,
    });
    assert.equal(signIn.status, 200);
    const cookie = parseSetCookie(signIn.headers.getSetCookie()[0]!);
    assert.equal(cookie.name, '__Host-samverkan-session');
    assert.equal(cookie.attributes.get('secure'), true);
    assert.equal(cookie.attributes.get('httponly'), true);
    assert.equal(cookie.attributes.get('samesite'), 'Strict');
    assert.equal(cookie.attributes.get('path'), '/');
    const token = (await signIn.json()).csrfToken;
    const write = await browser.fetch('/api/v1/admin/probe', {
      method: 'POST',
      json: {},
      headers: { 'X-Forwarded-Proto': 'https', 'X-CSRF-Token': token },
      origin: `https://${host}`,
    });
    assert.equal(write.status, 200);
    const downgraded = await browser.fetch('/api/v1/admin/probe', { method: 'POST', json: {}, headers: { 'X-Forwarded-Proto': 'https', 'X-CSRF-Token': token }, origin: `http://${host}` });
    assert.equal(downgraded.status, 403);
  });
});

describe('with SAMVERKAN_PUBLIC_URL', () => {
  test('Origin may be the public address or the address the request came to; any other is refused', async () => {
    const server = await start({ publicUrl: 'https://samverkan.kommun.example.org' });
    try {
      await server.addUser('public@example.org', 'editor');
      const browser = new Browser(server.base);
      assert.equal((await browser.signIn('public@example.org')).status, 200);
      const write = (origin: string) => browser.fetch('/api/v1/admin/probe', { method: 'POST', json: {}, headers: { 'X-CSRF-Token': browser.csrfToken! }, origin });
      assert.equal((await write('https://samverkan.kommun.example.org')).status, 200);
      assert.equal((await write(server.base)).status, 200);
      assert.equal((await write('https://samverkan.kommun.example.org.evil.example')).status, 403);
      assert.equal((await write('http://samverkan.kommun.example.org')).status, 403);
    } finally {
      await server.close();
    }
  });
});
