import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { SqliteAccountStore } from '../../src/accounts/index.js';
import { Browser, PASSWORD, start, tokenOf } from './helpers.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

/** Runs the real CLI (`samverkan-server users …`) from the sources. */
function cli(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--conditions=samverkan-source', '--import', 'tsx', 'packages/server/src/cli.ts', 'users', ...args], {
    cwd: REPO,
    env: { ...process.env, SAMVERKAN_DATASET: '', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('`users add` prints a one-time link that lets the person choose a password and sign in', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-cli-users-'));
  const env = { SAMVERKAN_DATA_DIR: dir, SAMVERKAN_PUBLIC_URL: 'https://samverkan.kommun.example.org' };
  try {
    const added = cli(['add', 'Kim.Kommun@Example.org', '--role', 'admin', '--name', 'Kim Kommun'], env);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^Added kim\.kommun@example\.org \(admin\)\./);
    const link = added.stdout.trim().split('\n').at(-1)!;
    assert.match(link, /^https:\/\/samverkan\.kommun\.example\.org\/admin#\/set-password\?token=[A-Za-z0-9_-]{43}$/);

    const again = cli(['add', 'kim.kommun@example.org', '--role', 'editor'], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /has an account already/);
    assert.equal(cli(['add', 'not-an-address', '--role', 'admin'], env).code, 2);
    const badRole = cli(['add', 'x@example.org', '--role', 'owner'], env);
    assert.equal(badRole.code, 2);
    assert.match(badRole.stderr, /--role must be admin or editor/);

    const listed = cli(['list'], env);
    assert.match(listed.stdout, /^kim\.kommun@example\.org\tadmin\tKim Kommun\t\(no password yet\)$/m);

    // The server on the same database file takes the link.
    const db = new Database(join(dir, 'samverkan.sqlite'));
    const server = await start({ store: new SqliteAccountStore(db) });
    try {
      const set = await new Browser(server.base).fetch('/api/v1/set-password', { method: 'POST', json: { token: tokenOf(link), password: PASSWORD } });
      assert.equal(set.status, 204);
      assert.equal((await new Browser(server.base).signIn('kim.kommun@example.org')).status, 200);
    } finally {
      await server.close();
      db.close();
    }
    const removed = cli(['remove', 'kim.kommun@example.org'], env);
    assert.equal(removed.code, 1, 'the last admin stays');
    assert.match(removed.stderr, /last admin/);

    // What the command did is in the server's audit log, without the address.
    const check = new Database(join(dir, 'samverkan.sqlite'), { readonly: true });
    const audit = check.prepare('SELECT by_name, action, target FROM audit ORDER BY seq').all() as { by_name: string; action: string; target: string }[];
    check.close();
    assert.deepEqual(audit.find((e) => e.action === 'user-invited' && e.by_name === 'command line')?.target.startsWith('user:'), true);
    assert.doesNotMatch(JSON.stringify(audit), /kim\.kommun/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
