// New applications announced by e-mail, against a real SMTP server
// (the `smtp-server` package) started here on loopback.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createSmtpMailer, loadAccountsConfig, notifyNewApplication, type Mailer } from '../../src/accounts/index.js';
import { ConfigError } from '../../src/config.js';
import { start, type Running } from './helpers.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** Unfolds and decodes a header's RFC 2047 words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`). */
function decodeHeader(value: string): string {
  return value
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

/** The headers and the decoded text body of a single-part message. */
function parseMessage(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), decodeHeader(line.slice(colon + 1).trim()));
  }
  let body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'quoted-printable') {
    body = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  } else if (encoding === 'base64') {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  return { headers, text: body.replace(/\r\n/g, '\n') };
}

describe('new applications announced by e-mail (a real SMTP server)', () => {
  let smtp: SMTPServer;
  let smtpPort: number;
  const inbox: Received[] = [];
  let app: Running;
  let mailer: Mailer;

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          inbox.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${smtpPort}`, from: 'Samverkan <samverkan@kommun.example.org>' });
    app = await start({ mailer, publicUrl: 'https://samverkan.kommun.example.org' });
    await app.addUser('wants.mail@kommun.example.org', 'editor', { name: 'Vera Vill', notifyApplications: true });
    await app.addUser('also.wants@kommun.example.org', 'admin', { name: 'Ali Också', notifyApplications: true });
    await app.addUser('no.mail@kommun.example.org', 'editor', { name: 'Nora Nej', notifyApplications: false });
  });
  after(async () => {
    await app.close();
    mailer.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  test('each person who asked gets one message with the organisation’s name and a link to /admin, nothing more', async () => {
    inbox.length = 0;
    const result = await app.app.accounts.notifyNewApplication({ organisationName: 'Föreningen Ängsbacken' });
    assert.deepEqual(result, { sent: 2, failed: 0 });
    assert.equal(inbox.length, 2);
    assert.deepEqual(inbox.map((m) => m.to).sort(), [['also.wants@kommun.example.org'], ['wants.mail@kommun.example.org']]);
    for (const message of inbox) {
      assert.equal(message.from, 'samverkan@kommun.example.org');
      const { headers, text } = parseMessage(message.raw);
      assert.equal(headers.get('subject'), 'Ny ansökan till Samverkan: Föreningen Ängsbacken / New application');
      assert.match(headers.get('content-type')!, /^text\/plain/);
      assert.match(text, /En ny ansökan om att gå med i överenskommelsen har kommit in från Föreningen Ängsbacken\./);
      assert.match(text, /A new application to join the agreement has arrived from Föreningen Ängsbacken\./);
      assert.match(text, /https:\/\/samverkan\.kommun\.example\.org\/admin\n/);
      assert.doesNotMatch(text, /no\.mail|Nora/);
    }
    const vera = parseMessage(inbox.find((m) => m.to[0] === 'wants.mail@kommun.example.org')!.raw);
    assert.match(vera.text, /^Hej Vera Vill,/);
    assert.doesNotMatch(vera.text, /also\.wants/, 'nobody sees who else got it');
  });

  test('a name cannot add headers or lines to the message', async () => {
    inbox.length = 0;
    await app.app.accounts.notifyNewApplication({ organisationName: 'Evil AB\r\nBcc: attacker@example.org\r\n\r\nClick here' });
    assert.equal(inbox.length, 2);
    assert.equal(inbox.flatMap((m) => m.to).includes('attacker@example.org'), false);
    const { headers, text } = parseMessage(inbox[0]!.raw);
    assert.equal(headers.has('bcc'), false);
    assert.equal(headers.get('subject'), 'Ny ansökan till Samverkan: Evil AB Bcc: attacker@example.org Click here / New application');
    assert.match(text, /från Evil AB Bcc: attacker@example\.org Click here\./);
  });

  test('someone who turns it on in their account starts getting messages', async () => {
    const before = inbox.length;
    await app.store.updateUser((await app.store.findUserByEmail('no.mail@kommun.example.org'))!.id, { notifyApplications: true });
    await app.app.accounts.notifyNewApplication({ organisationName: 'Ny förening' });
    assert.equal(inbox.length - before, 3);
  });

  test('a mail server that is down fails nothing', async () => {
    const down = createSmtpMailer({ url: 'smtp://127.0.0.1:1', from: 'samverkan@kommun.example.org' });
    const logged: unknown[] = [];
    const result = await notifyNewApplication({ store: app.store, mailer: down, publicUrl: 'https://x.example.org', log: (...args) => logged.push(args) }, { organisationName: 'X' });
    assert.deepEqual(result, { sent: 0, failed: 3 });
    assert.equal(logged.length, 1);
    assert.doesNotMatch(JSON.stringify(logged), /@/, 'the log names no recipient');
    down.close();
  });
});

describe('without SMTP settings', () => {
  test('nothing is sent and nothing fails', async () => {
    const app = await start();
    try {
      await app.addUser('wants.mail@kommun.example.org', 'editor', { notifyApplications: true });
      assert.deepEqual(await app.app.accounts.notifyNewApplication({ organisationName: 'Föreningen' }), { sent: 0, failed: 0 });
    } finally {
      await app.close();
    }
  });

  test('the settings: none means no mail; a half-done set-up is an error that names what is missing', () => {
    assert.equal(loadAccountsConfig({}).smtp, undefined);
    assert.throws(() => loadAccountsConfig({ SAMVERKAN_SMTP_URL: 'smtp://mail.example.org', SAMVERKAN_PUBLIC_URL: 'https://s.example.org' }), (error: Error) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /SAMVERKAN_SMTP_FROM/);
      return true;
    });
    assert.throws(() => loadAccountsConfig({ SAMVERKAN_SMTP_HOST: 'mail.example.org', SAMVERKAN_SMTP_FROM: 'a@example.org' }), /SAMVERKAN_PUBLIC_URL/);
    const config = loadAccountsConfig({
      SAMVERKAN_SMTP_HOST: 'mail.example.org',
      SAMVERKAN_SMTP_PORT: '465',
      SAMVERKAN_SMTP_USER: 'samverkan',
      SAMVERKAN_SMTP_PASS: 's3cret',
      SAMVERKAN_SMTP_FROM: 'Samverkan <samverkan@example.org>',
      SAMVERKAN_PUBLIC_URL: 'https://samverkan.example.org/',
    });
    assert.deepEqual(config.smtp, { host: 'mail.example.org', port: 465, user: 'samverkan', pass: 's3cret', from: 'Samverkan <samverkan@example.org>' });
    assert.equal(config.publicUrl, 'https://samverkan.example.org');
    assert.throws(() => loadAccountsConfig({ SAMVERKAN_OIDC_ISSUER: 'https://login.example.org' }), /SAMVERKAN_OIDC_CLIENT_ID, SAMVERKAN_OIDC_CLIENT_SECRET, SAMVERKAN_PUBLIC_URL/);
  });
});
