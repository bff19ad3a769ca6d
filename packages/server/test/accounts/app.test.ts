// The accounts inside the real server (createApp with accountsForApp): a
// signed-in person uses the content API with the cookie and the CSRF token,
// sign-ins land in the server's audit log, and a stored application is
// e-mailed (a real SMTP server) to those who asked.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { accountsForApp, createSmtpMailer, type Mailer } from '../../src/accounts/index.js';
import { ADMIN_TOKEN, application, demo, postSignup, start, type Running } from '../helpers.js';
import { Browser, PASSWORD, tokenOf } from './helpers.js';

const json = (body: unknown, headers: Record<string, string> = {}) => ({ body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });

describe('the accounts in the real server', () => {
  let app: Running;
  let smtp: SMTPServer;
  let mailer: Mailer;
  const inbox: { to: string[]; raw: string }[] = [];
  let editor: Browser;

  // Waits for the mail, within the test's time rather than two seconds: on a busy machine delivery can take longer.
  const delivered = async (count: number) => {
    for (const deadline = Date.now() + 15_000; inbox.length < count && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
    return inbox.length;
  };

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, from: 'samverkan@kommun.example.org' });
    const accounts = accountsForApp({ adminToken: ADMIN_TOKEN, mailer, publicUrl: undefined });
    app = await start({ adminToken: ADMIN_TOKEN, plugins: [accounts.plugin], onApplication: accounts.onApplication });
    const created = await app.admin('/api/v1/admin/users', {
      method: 'POST',
      ...json({ email: 'elin.editor@kommun.example.org', name: 'Elin Editor', role: 'editor', notifyApplications: true }),
    });
    assert.equal(created.status, 201, 'the admin token works on the user routes');
    const { setPasswordUrl } = await created.json();
    assert.equal(new URL(setPasswordUrl).origin, app.base, 'without SAMVERKAN_PUBLIC_URL the link uses the address the request came to');
    const set = await new Browser(app.base).fetch('/api/v1/set-password', { method: 'POST', json: { token: tokenOf(setPasswordUrl), password: PASSWORD } });
    assert.equal(set.status, 204);
    editor = new Browser(app.base);
    assert.equal((await editor.signIn('elin.editor@kommun.example.org')).status, 200);
  });
  after(async () => {
    await app.close();
    mailer.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  test('a signed-in editor reads and writes content with the cookie and the CSRF token', async () => {
    const list = await editor.fetch('/api/v1/admin/contacts');
    assert.equal(list.status, 200);
    assert.equal((await list.json()).items.length, demo.contacts.length);
    const contact = demo.contacts[0];
    const read = await editor.fetch(`/api/v1/admin/contacts/${contact.id}`);
    const etag = read.headers.get('etag')!;
    const entity = await read.json();
    const changed = { ...entity, phone: '08-444 444 44' };
    delete changed.etag;

    const forged = await editor.fetch(`/api/v1/admin/contacts/${contact.id}`, { method: 'PUT', json: changed, headers: { 'If-Match': etag } });
    assert.equal(forged.status, 403, 'no CSRF token: refused, and the server says why');
    assert.match((await forged.json()).errors[0].message, /X-CSRF-Token/);
    const crossSite = await editor.fetch(`/api/v1/admin/contacts/${contact.id}`, {
      method: 'PUT',
      json: changed,
      headers: { 'If-Match': etag, 'X-CSRF-Token': editor.csrfToken! },
      origin: 'https://evil.example',
      site: 'cross-site',
    });
    assert.equal(crossSite.status, 403);
    const unchanged = await (await fetch(`${app.base}/api/v1/dataset`)).json();
    assert.notEqual(unchanged.contacts.find((c: { id: string }) => c.id === contact.id).phone, '08-444 444 44');

    const put = await editor.fetch(`/api/v1/admin/contacts/${contact.id}`, { method: 'PUT', json: changed, headers: { 'If-Match': etag, 'X-CSRF-Token': editor.csrfToken! } });
    assert.equal(put.status, 200, await put.clone().text());
    const published = await (await fetch(`${app.base}/api/v1/dataset`)).json();
    assert.equal(published.contacts.find((c: { id: string }) => c.id === contact.id).phone, '08-444 444 44');
    const versions = await (await editor.fetch('/api/v1/admin/versions')).json();
    assert.equal(versions.versions[0].by, 'Elin Editor', 'the version says who');
  });

  test('an editor cannot manage users in the real server either; no session, no admin data', async () => {
    assert.equal((await editor.fetch('/api/v1/admin/users')).status, 403);
    assert.equal((await fetch(`${app.base}/api/v1/admin/users`)).status, 401);
    assert.equal((await fetch(`${app.base}/api/v1/admin/contacts`)).status, 401);
    assert.equal((await fetch(`${app.base}/api/v1/signups`)).status, 401);
  });

  test('sign-ins are in the server’s audit log, by name, without addresses', async () => {
    await new Browser(app.base).signIn('elin.editor@kommun.example.org', 'a wrong password');
    const audit = await (await app.admin('/api/v1/admin/audit')).json();
    const actions = audit.entries.map((e: { by: string; action: string }) => `${e.by}: ${e.action}`);
    assert.ok(actions.includes('Elin Editor: sign-in'), actions.join(', '));
    assert.ok(actions.includes('anonymous: sign-in-failed'));
    assert.ok(actions.includes('admin token: user-invited'));
    assert.doesNotMatch(JSON.stringify(audit), /kommun\.example\.org/);
  });

  test('a stored application is e-mailed to those who asked; a replay and the honeypot are not', async () => {
    inbox.length = 0;
    const first = await postSignup(app.base, application(), { 'Idempotency-Key': 'key-one' });
    assert.equal(first.status, 201);
    assert.equal(await delivered(1), 1);
    assert.deepEqual(inbox[0]!.to, ['elin.editor@kommun.example.org']);
    assert.match(inbox[0]!.raw, /Subject: =\?UTF-8\?Q\?Ny_ans=C3=B6kan_till_Samverkan/);
    assert.doesNotMatch(inbox[0]!.raw, /kim\.testperson|Kim Testperson|Vi vill gärna/, 'no contact person, no message');

    const replay = await postSignup(app.base, application(), { 'Idempotency-Key': 'key-one' });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    const honeypot = await postSignup(app.base, { ...application(), website_confirm: 'https://spam.example' });
    assert.equal(honeypot.status, 201);
    // A signed-in person's own same-site signup is not disturbed by the CSRF rules.
    const ownPage = await editor.fetch('/api/v1/signups', { method: 'POST', json: application({ language: 'en' }) });
    assert.equal(ownPage.status, 201);
    assert.equal(await delivered(2), 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(inbox.length, 2, 'the replay and the honeypot sent nothing');
  });

  test('the request log holds no e-mail address, password or session id', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    app.server.logger.flush();
    const log = readFileSync(app.logFile, 'utf8');
    assert.ok(log.includes('/api/v1/session'));
    assert.doesNotMatch(log, /@/);
    assert.equal(log.includes(PASSWORD), false);
    assert.equal(log.includes(editor.cookies.get('samverkan-session')!), false);
  });
});
