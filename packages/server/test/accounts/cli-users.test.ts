import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createApp, createLogger } from '@samverkan/server';
import { accountsForApp, SqliteAccountStore } from '../../src/accounts/index.js';
import { createTenantServer } from '../../src/tenants/server.js';
import { ADMIN_TOKEN, demo } from '../helpers.js';
import { freshDatabase, postgresAbsence, type TestDatabase } from '../helpers/postgres.js';
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

/** A request to a server for the agreement at `host` (fetch cannot set Host). */
function atHost(base: string, host: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
  const url = new URL(path, base);
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path: url.pathname, method, headers: { Host: host, ...(text !== undefined && { 'Content-Type': 'application/json' }) } }, (res) => {
      let answer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (answer += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: answer }));
    })
      .on('error', reject)
      .end(text);
  });
}

describe('`users` on PostgreSQL', { skip: postgresAbsence() && !process.env.CI ? postgresAbsence() : false }, () => {
  let database: TestDatabase | undefined;
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => {
    await new Promise((r) => setTimeout(r, 200));
    await database?.drop();
  });

  test('SAMVERKAN_DATABASE_URL: add, list, link and remove on the server’s PostgreSQL database; the server takes the link; the audit log has it', async () => {
    const env = { SAMVERKAN_DATABASE_URL: database!.url, SAMVERKAN_PUBLIC_URL: 'https://samverkan.kommun.example.org' };
    const added = cli(['add', 'pia.postgres@example.org', '--role', 'admin', '--name', 'Pia Postgres'], env);
    assert.equal(added.code, 0, added.stderr);
    const link = added.stdout.trim().split('\n').at(-1)!;
    assert.match(link, /^https:\/\/samverkan\.kommun\.example\.org\/admin#\/set-password\?token=[A-Za-z0-9_-]{43}$/);
    assert.match(cli(['list'], env).stdout, /^pia\.postgres@example\.org\tadmin\tPia Postgres\t\(no password yet\)$/m);
    assert.equal(cli(['add', 'pia.postgres@example.org', '--role', 'editor'], env).code, 1, 'one account per address');
    // A new link replaces the first one; removing the last admin is refused. (Before the server starts here:
    // spawnSync stops this process, and with it the server's keep-alive timers.)
    const relinked = cli(['link', 'pia.postgres@example.org'], env);
    assert.equal(relinked.code, 0, relinked.stderr);
    const newLink = relinked.stdout.trim().split('\n').at(-1)!;
    assert.match(cli(['remove', 'pia.postgres@example.org'], env).stderr, /last admin/);

    const accounts = accountsForApp({ adminToken: ADMIN_TOKEN });
    const server = createApp({ databaseUrl: database!.url, dataset: demo, adminToken: ADMIN_TOKEN, logger: createLogger('/dev/null'), plugins: [accounts.plugin], adminRoutes: true });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      assert.equal((await new Browser(base).fetch('/api/v1/set-password', { method: 'POST', json: { token: tokenOf(link), password: PASSWORD } })).status, 400, 'the first link stopped working');
      assert.equal((await new Browser(base).fetch('/api/v1/set-password', { method: 'POST', json: { token: tokenOf(newLink), password: PASSWORD } })).status, 204);
      assert.equal((await new Browser(base).signIn('pia.postgres@example.org')).status, 200);
      const audit = (await (await fetch(`${base}/api/v1/admin/audit`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { entries: { by: string; action: string }[] };
      assert.deepEqual(audit.entries.filter((e) => e.by === 'command line').map((e) => e.action), ['user-link-issued', 'user-invited']);
      assert.doesNotMatch(JSON.stringify(audit), /pia\.postgres/);
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
  });
});

for (const kind of ['SQLite', 'PostgreSQL'] as const) {
  const skip = kind === 'PostgreSQL' && postgresAbsence() && !process.env.CI ? postgresAbsence() : false;
  test(`with SAMVERKAN_TENANTS (${kind}), --tenant picks the agreement, whose server takes the link; the other agreement has no such person`, { skip }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-cli-users-tenants-'));
    const database = kind === 'PostgreSQL' ? await freshDatabase() : undefined;
    const tenants = [
      { id: 'a', hosts: ['a.kommun.example'] },
      { id: 'b', hosts: ['b.kommun.example'] },
    ];
    const env = { SAMVERKAN_TENANTS: join(dir, 'tenants.json'), SAMVERKAN_DATA_DIR: join(dir, 'data'), ...(database && { SAMVERKAN_DATABASE_URL: database.url }) };
    writeFileSync(env.SAMVERKAN_TENANTS, JSON.stringify({ tenants }));
    try {
      const missing = cli(['list'], env);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /give the agreement with --tenant ID \(SAMVERKAN_TENANTS has: a, b\)/);
      assert.match(cli(['list', '--tenant', 'c'], env).stderr, /there is no agreement c/);
      const added = cli(['add', 'ada@a.kommun.example', '--role', 'admin', '--tenant', 'a'], env);
      assert.equal(added.code, 0, added.stderr);
      const link = added.stdout.trim().split('\n').at(-1)!;
      assert.match(link, /^https:\/\/a\.kommun\.example\/admin#\/set-password\?token=/, 'the agreement’s own address');
      assert.match(cli(['list', '--tenant', 'a'], env).stdout, /^ada@a\.kommun\.example\tadmin/m);
      assert.equal(cli(['list', '--tenant', 'b'], env).stdout, '', 'nobody at b');

      const server = createTenantServer({ tenants, dataDir: env.SAMVERKAN_DATA_DIR, databaseUrl: database?.url, datasetFor: () => demo, app: { logger: createLogger('/dev/null') } });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        assert.equal((await atHost(base, 'b.kommun.example', 'POST', '/api/v1/set-password', { token: tokenOf(link), password: PASSWORD })).status, 400, 'a’s link at b');
        assert.equal((await atHost(base, 'a.kommun.example', 'POST', '/api/v1/set-password', { token: tokenOf(link), password: PASSWORD })).status, 204);
        assert.equal((await atHost(base, 'a.kommun.example', 'POST', '/api/v1/session', { email: 'ada@a.kommun.example', password: PASSWORD })).status, 200);
      } finally {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      }
    } finally {
      await new Promise((r) => setTimeout(r, 200));
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
