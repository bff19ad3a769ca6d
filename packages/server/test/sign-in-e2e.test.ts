// `samverkan-server serve` with the accounts plugged in, end to end over the
// real CLI: a person added with `users add` chooses a password through the
// one-time link, signs in, and edits content with the session cookie and its
// CSRF token; the history and the audit log name them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnServer } from './child-server.js';
import { ADMIN_TOKEN, demo } from './helpers.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--conditions=samverkan-source', '--import', 'tsx', 'packages/server/src/cli.ts', ...args], { cwd: REPO, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

test('serve: an editor added with `users add` signs in and changes content with the cookie and the CSRF token; the version and the audit name them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-sign-in-'));
  const env = { SAMVERKAN_DATA_DIR: dir, SAMVERKAN_DATASET: '', SAMVERKAN_ADMIN_TOKEN: ADMIN_TOKEN };
  const server = await spawnServer(dir, env, 60_000, ['--demo']);
  try {
    const base = server.base;
    const added = await cli(['users', 'add', 'eva.editor@example.org', '--role', 'editor', '--name', 'Eva Redaktör'], { ...env, PORT: new URL(base).port });
    assert.equal(added.code, 0, added.stderr);
    const token = /token=([^\s&]+)/.exec(added.stdout)?.[1];
    assert.ok(token, added.stdout);
    const same = { Origin: base, 'Content-Type': 'application/json' };
    assert.equal((await fetch(`${base}/api/v1/set-password`, { method: 'POST', headers: same, body: JSON.stringify({ token: decodeURIComponent(token), password: 'ett långt lösenord 2026' }) })).status, 204);

    const signedIn = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: same, body: JSON.stringify({ email: 'eva.editor@example.org', password: 'ett långt lösenord 2026' }) });
    assert.equal(signedIn.status, 200);
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = await signedIn.json();

    const contact = demo.contacts[0];
    const read = await fetch(`${base}/api/v1/admin/contacts/${contact.id}`, { headers: { Cookie: cookie } });
    assert.equal(read.status, 200);
    const etag = read.headers.get('etag')!;
    const entity = await read.json();
    const body = JSON.stringify({ ...entity, phone: '08-555 555 55' });
    const forged = await fetch(`${base}/api/v1/admin/contacts/${contact.id}`, { method: 'PUT', headers: { ...same, Cookie: cookie, 'If-Match': etag }, body });
    assert.equal(forged.status, 403, 'a write with the cookie but without the CSRF token is refused');
    const put = await fetch(`${base}/api/v1/admin/contacts/${contact.id}`, { method: 'PUT', headers: { ...same, Cookie: cookie, 'If-Match': etag, 'X-CSRF-Token': csrfToken }, body });
    assert.equal(put.status, 200);
    assert.equal((await (await fetch(`${base}/api/v1/dataset`)).json()).contacts.find((c: { id: string }) => c.id === contact.id).phone, '08-555 555 55');

    const { versions } = await (await fetch(`${base}/api/v1/admin/versions`, { headers: { Cookie: cookie } })).json();
    assert.equal(versions[0].by, 'Eva Redaktör');
    // An editor does not manage users.
    assert.equal((await fetch(`${base}/api/v1/admin/users`, { headers: { Cookie: cookie } })).status, 403);
    const audit = await (await fetch(`${base}/api/v1/admin/audit`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
    const actions = audit.entries.map((e: { action: string }) => e.action);
    assert.deepEqual(actions.slice(0, 2), ['content-replaced', 'sign-in']);
    assert.ok(!JSON.stringify(audit).includes('eva.editor@example.org'), 'no e-mail address in the audit log');
  } finally {
    server.child.kill('SIGKILL');
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  }
});
