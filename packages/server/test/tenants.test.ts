// Several agreements on one installation (issue 16), over real HTTP: one
// server, two agreements told apart by Host, each its own store (an SQLite
// file each; a PostgreSQL schema each when PostgreSQL is present). Isolation
// on every kind of route: a session, token, id, reference, idempotency key or
// ETag of one agreement gets nothing from the other; an unknown host gets 404.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@samverkan/server';
import { createTenantServer, type TenantServer } from '../src/tenants/server.js';
import { readTenants } from '../src/tenants/config.js';
import { tenantsCommand } from '../src/tenants/cli.js';
import { application, demo, DEMO_FILE } from './helpers.js';
import { freshDatabase, postgresAbsence, type TestDatabase } from './helpers/postgres.js';

const TOKEN_A = 'agreement-a-token-0123456789abcdef';
const TOKEN_B = 'agreement-b-token-0123456789abcdef';
const A = 'a.kommun.example';
const B = 'b.kommun.example';
const PASSWORD = 'korrekt häst batteri häftklammer';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T = any>(): T;
}

/** A request to the one server, for the agreement at `host`. */
function call(base: string, host: string, method: string, path: string, options: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  const url = new URL(path, base);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: { Host: host, ...(body !== undefined && { 'Content-Type': 'application/json' }), ...options.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text, json: () => JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const absent = postgresAbsence();
const stores = [
  { name: 'SQLite', skip: false as string | false },
  { name: 'PostgreSQL', skip: absent && !process.env.CI ? absent : (false as string | false) },
];

for (const kind of stores) {
  describe(`two agreements on one server (${kind.name})`, { skip: kind.skip }, () => {
    let dir: string;
    let database: TestDatabase | undefined;
    let server: TenantServer;
    let base: string;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'samverkan-tenants-'));
      if (kind.name === 'PostgreSQL') database = await freshDatabase();
      // B's dataset differs from A's (another date, another name for one organisation), so no ETag of A's is also B's.
      const other = structuredClone(demo);
      other.updatedAt = '2026-01-02T03:04:05+01:00';
      other.organisations[0].name = `${other.organisations[0].name} (B)`;
      server = createTenantServer({
        tenants: [
          { id: 'a', hosts: [A, 'www.a.kommun.example'], adminToken: TOKEN_A },
          { id: 'b', hosts: [B], adminToken: TOKEN_B },
        ],
        dataDir: join(dir, 'data'),
        databaseUrl: database?.url,
        datasetFor: (tenant) => (tenant.id === 'a' ? demo : other),
        app: { logger: createLogger(join(dir, 'log')), signupRateLimit: { max: 1000, windowSeconds: 60 } },
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // The stores close when the server does; give PostgreSQL's pools a moment before dropping the database.
      await new Promise((r) => setTimeout(r, 200));
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('an unknown host gets 404 and nothing of any agreement, on every route', async () => {
      for (const [method, path] of [
        ['GET', '/api/v1/dataset'],
        ['GET', '/api/v1/meetings.ics'],
        ['GET', '/datasets/dcat'],
        ['GET', '/healthz'],
        ['POST', '/api/v1/signups'],
        ['GET', '/api/v1/signups'],
        ['GET', '/api/v1/admin/versions'],
        ['GET', '/api/v1/session'],
        ['GET', '/admin'],
      ] as const) {
        const res = await call(base, 'c.kommun.example', method, path, { headers: { Authorization: `Bearer ${TOKEN_A}` }, ...(method === 'POST' && { body: application() }) });
        assert.equal(res.status, 404, `${method} ${path}`);
        assert.doesNotMatch(res.body, /organisations|VCALENDAR|rdf|kommun\.example|"status":"ok"/, `${method} ${path}`);
        assert.equal(res.headers['cache-control'], 'no-store');
      }
      // The port does not matter; the host does.
      assert.equal((await call(base, `${A}:8443`, 'GET', '/healthz')).status, 200);
      assert.equal((await call(base, 'WWW.A.kommun.example', 'GET', '/healthz')).status, 200);
    });

    test('each agreement publishes its own dataset, calendar and catalogue; an ETag of one is not the other’s', async () => {
      const a = await call(base, A, 'GET', '/api/v1/dataset');
      const b = await call(base, B, 'GET', '/api/v1/dataset');
      assert.equal(a.status, 200);
      assert.equal(b.status, 200);
      assert.notEqual(a.headers.etag, b.headers.etag);
      assert.equal(b.json().updatedAt, '2026-01-02T03:04:05+01:00');
      assert.equal((await call(base, A, 'GET', '/api/v1/dataset', { headers: { 'If-None-Match': a.headers.etag as string } })).status, 304);
      assert.equal((await call(base, B, 'GET', '/api/v1/dataset', { headers: { 'If-None-Match': a.headers.etag as string } })).status, 200, 'A’s ETag means nothing to B');
      const dcatB = await call(base, B, 'GET', '/datasets/dcat');
      assert.match(dcatB.body, /rdf:about="http:\/\/b\.kommun\.example\/datasets\/dcat"/);
      assert.doesNotMatch(dcatB.body, /a\.kommun\.example/);
    });

    test('an application, its id, reference and idempotency key belong to one agreement; a token of one opens nothing of the other', async () => {
      const sent = await call(base, A, 'POST', '/api/v1/signups', { body: application(), headers: { 'Idempotency-Key': 'same-key-1' } });
      assert.equal(sent.status, 201);
      const { id, reference } = sent.json<{ id: string; reference: string }>();
      // The same key and body at B is a new application there, not a replay of A's.
      const atB = await call(base, B, 'POST', '/api/v1/signups', { body: application(), headers: { 'Idempotency-Key': 'same-key-1' } });
      assert.equal(atB.status, 201);
      assert.equal(atB.headers['idempotent-replayed'], undefined);
      assert.notEqual(atB.json().id, id);

      const asA = { Authorization: `Bearer ${TOKEN_A}` };
      const asB = { Authorization: `Bearer ${TOKEN_B}` };
      assert.equal((await call(base, A, 'GET', `/api/v1/signups/${id}`, { headers: asA })).status, 200);
      assert.equal((await call(base, B, 'GET', `/api/v1/signups/${id}`, { headers: asB })).status, 404, 'A’s id at B');
      assert.deepEqual((await call(base, B, 'GET', `/api/v1/signups?reference=${reference}`, { headers: asB })).json().applications.filter((x: { id: string }) => x.id === id), []);
      assert.equal((await call(base, B, 'POST', `/api/v1/signups/${id}/approve`, { headers: asB })).status, 404);
      // A's token at B, B's at A.
      for (const path of ['/api/v1/signups', `/api/v1/signups/${id}`, '/api/v1/admin/versions', '/api/v1/admin/audit', '/api/v1/admin/organisations', '/api/v1/admin/users']) {
        assert.equal((await call(base, B, 'GET', path, { headers: asA })).status, 401, `A’s token at B: ${path}`);
        assert.equal((await call(base, A, 'GET', path, { headers: asB })).status, 401, `B’s token at A: ${path}`);
      }
      // An approval at A is a version and an audit entry at A only.
      assert.equal((await call(base, A, 'POST', `/api/v1/signups/${id}/approve`, { headers: asA })).status, 200);
      assert.equal((await call(base, A, 'GET', '/api/v1/admin/versions', { headers: asA })).json().versions.length, 2);
      assert.equal((await call(base, B, 'GET', '/api/v1/admin/versions', { headers: asB })).json().versions.length, 1);
      const auditB = (await call(base, B, 'GET', '/api/v1/admin/audit', { headers: asB })).json().entries as { target: string }[];
      assert.ok(!auditB.some((e) => e.target.includes(id)), 'B’s audit knows nothing of A’s decision');
    });

    test('an entity’s ETag from one agreement does not let a write through at the other', async () => {
      const asA = { Authorization: `Bearer ${TOKEN_A}` };
      const asB = { Authorization: `Bearer ${TOKEN_B}` };
      const orgId = demo.organisations[0].id as string;
      const atA = await call(base, A, 'GET', `/api/v1/admin/organisations/${orgId}`, { headers: asA });
      assert.equal(atA.status, 200);
      const entity = atA.json();
      const put = await call(base, B, 'PUT', `/api/v1/admin/organisations/${orgId}`, { headers: { ...asB, 'If-Match': atA.headers.etag as string }, body: entity });
      assert.equal(put.status, 412, 'A’s ETag at B');
      assert.notEqual((await call(base, B, 'GET', `/api/v1/admin/organisations/${orgId}`, { headers: asB })).json().name, entity.name, 'B’s organisation is unchanged');
    });

    test('a person, a set-password link and a session of one agreement get nothing at the other', async () => {
      const asA = { Authorization: `Bearer ${TOKEN_A}` };
      const created = await call(base, A, 'POST', '/api/v1/admin/users', { headers: asA, body: { email: 'eva@a.kommun.example', name: 'Eva Exempel', role: 'admin' } });
      assert.equal(created.status, 201);
      const token = decodeURIComponent(/token=([^&]+)/.exec(created.json().setPasswordUrl)![1]!);
      assert.equal((await call(base, B, 'POST', '/api/v1/set-password', { body: { token, password: PASSWORD } })).status, 400, 'A’s link at B');
      assert.equal((await call(base, A, 'POST', '/api/v1/set-password', { body: { token, password: PASSWORD } })).status, 204);
      assert.equal((await call(base, B, 'POST', '/api/v1/session', { body: { email: 'eva@a.kommun.example', password: PASSWORD } })).status, 401, 'no account at B');
      const signedIn = await call(base, A, 'POST', '/api/v1/session', { body: { email: 'eva@a.kommun.example', password: PASSWORD } });
      assert.equal(signedIn.status, 200);
      const cookie = (signedIn.headers['set-cookie'] as string[]).map((c) => c.split(';')[0]).join('; ');
      assert.equal((await call(base, A, 'GET', '/api/v1/session', { headers: { Cookie: cookie } })).status, 200);
      assert.equal((await call(base, B, 'GET', '/api/v1/session', { headers: { Cookie: cookie } })).status, 401, 'A’s session at B');
      assert.equal((await call(base, B, 'GET', '/api/v1/signups', { headers: { Cookie: cookie } })).status, 401);
    });
  });
}

describe('samverkan-server tenants add', () => {
  test('adds an agreement with its own store, its first version and its first admin’s link; refuses a taken host and an invalid dataset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-tenants-cli-'));
    const lines: string[] = [];
    const errors: string[] = [];
    const env = { SAMVERKAN_TENANTS: join(dir, 'tenants.json'), SAMVERKAN_DATA_DIR: join(dir, 'data') };
    const io = { env, out: (l: string) => lines.push(l), err: (l: string) => errors.push(l) };
    try {
      assert.equal(await tenantsCommand(['add', 'samverkan.sodertalje.example', '--admin', 'anna@sodertalje.example', '--dataset', DEMO_FILE], io), 0, errors.join('\n'));
      assert.deepEqual(readTenants(env.SAMVERKAN_TENANTS), [{ id: 'samverkan_sodertalje_example', hosts: ['samverkan.sodertalje.example'] }]);
      const link = lines.find((l) => l.includes('/admin#/set-password?token='));
      assert.ok(link?.includes('https://samverkan.sodertalje.example/admin#/set-password?token='), lines.join('\n'));

      assert.equal(await tenantsCommand(['add', 'samverkan.sodertalje.example', '--admin', 'x@example.org', '--dataset', DEMO_FILE], io), 1);
      assert.match(errors.at(-1)!, /served already/);
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, '{ "version": ');
      assert.equal(await tenantsCommand(['add', 'other.kommun.example', '--admin', 'x@example.org', '--dataset', broken], io), 1);
      assert.equal(readTenants(env.SAMVERKAN_TENANTS).length, 1, 'nothing added');
      assert.equal(await tenantsCommand(['add', 'not a host', '--admin', 'x@example.org', '--dataset', DEMO_FILE], io), 2);

      // The server serves it, and the admin's link works there.
      const server = createTenantServer({ tenants: readTenants(env.SAMVERKAN_TENANTS), dataDir: env.SAMVERKAN_DATA_DIR, app: { logger: createLogger(join(dir, 'log')) } });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      try {
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const dataset = await call(base, 'samverkan.sodertalje.example', 'GET', '/api/v1/dataset');
        assert.equal(dataset.status, 200);
        assert.equal(dataset.json().organisations.length, JSON.parse(readFileSync(DEMO_FILE, 'utf8')).organisations.length);
        const token = decodeURIComponent(/token=([^&\s]+)/.exec(link!)![1]!);
        assert.equal((await call(base, 'samverkan.sodertalje.example', 'POST', '/api/v1/set-password', { body: { token, password: PASSWORD } })).status, 204);
      } finally {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
