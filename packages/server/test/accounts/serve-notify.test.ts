// The real `samverkan-server serve` (a child process) with SMTP settings: a
// person added with `users add --notify` gets an e-mail when an application
// is stored; the mail server is a real smtp-server started here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { spawnServer } from '../child-server.js';
import { application, postSignup } from '../helpers.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

test('serve e-mails a stored application to those who asked, with only the organisation’s name and the /admin link', async () => {
  const inbox: { to: string[]; raw: string }[] = [];
  const smtp = new SMTPServer({
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
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-serve-notify-'));
  const env = {
    SAMVERKAN_SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    SAMVERKAN_SMTP_FROM: 'Samverkan <samverkan@kommun.example.org>',
    SAMVERKAN_PUBLIC_URL: 'https://samverkan.kommun.example.org',
  };
  try {
    const added = spawnSync(
      process.execPath,
      ['--conditions=samverkan-source', '--import', 'tsx', 'packages/server/src/cli.ts', 'users', 'add', 'handlaggare@kommun.example.org', '--role', 'editor', '--notify'],
      { cwd: REPO, env: { ...process.env, SAMVERKAN_DATA_DIR: dir, ...env }, encoding: 'utf8' },
    );
    assert.equal(added.status, 0, added.stderr);
    const server = await spawnServer(dir, env);
    try {
      const response = await postSignup(server.base, application());
      assert.equal(response.status, 201);
      // Within the test's time rather than five seconds: on a busy machine the child server's mail can take longer.
      for (const deadline = Date.now() + 15_000; inbox.length === 0 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 25));
      assert.equal(inbox.length, 1);
      assert.deepEqual(inbox[0]!.to, ['handlaggare@kommun.example.org']);
      // Quoted-printable, soft line breaks joined; UTF-8 bytes read back as text.
      const body = Buffer.from(
        inbox[0]!.raw.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      ).toString('utf8');
      assert.match(body, /har kommit in från Föreningen Ängsbacken\./);
      assert.match(body, /besluta i administrationen: https:\/\/samverkan\.kommun\.example\.org\/admin\r\n/);
      assert.doesNotMatch(body, /kim\.testperson|Testperson|08-123|Vi vill gärna/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  } finally {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
});
