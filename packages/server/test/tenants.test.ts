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
import { fileURLToPath } from 'node:url';
import { createLogger } from '@samverkan/server';
import { createTenantServer, type TenantServer } from '../src/tenants/server.js';
import { readTenants, tenantIdFor, tenantStoreLocation } from '../src/tenants/config.js';
import { openStore } from '../src/store/open.js';
import { tenantsCommand } from '../src/tenants/cli.js';
import { application, demo, DEMO_FILE, offer } from './helpers.js';
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

const BUNDLE_DIR = fileURLToPath(new URL('../../elements/dist/', import.meta.url));
const ADMIN_DIR = fileURLToPath(new URL('../../admin/dist/', import.meta.url));
/** The cookie header that sends back what a sign-in set. */
const cookieOf = (answer: Answer) => (answer.headers['set-cookie'] as string[]).map((c) => c.split(';')[0]).join('; ');

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
      other.agreement.title.sv = `${other.agreement.title.sv} (B)`;
      other.meetings[0].title.sv = `${other.meetings[0].title.sv} (B)`;
      server = createTenantServer({
        tenants: [
          { id: 'a', hosts: [A, 'www.a.kommun.example'], adminToken: TOKEN_A },
          { id: 'b', hosts: [B], adminToken: TOKEN_B },
        ],
        dataDir: join(dir, 'data'),
        databaseUrl: database?.url,
        datasetFor: (tenant) => (tenant.id === 'a' ? demo : other),
        // As `serve` runs it: the elements bundle and the admin page beside each agreement's API.
        app: { logger: createLogger(join(dir, 'log')), signupRateLimit: { max: 1000, windowSeconds: 60 }, static: { bundleDir: BUNDLE_DIR }, adminPage: { dir: ADMIN_DIR } },
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
      // In the caller's language, with a code of its own.
      for (const [headers, words] of [
        [{}, /^Det finns ingen överenskommelse på den här adressen\./],
        [{ 'Accept-Language': 'en' }, /^There is no agreement at this address\./],
      ] as const) {
        const unknown = await call(base, 'c.kommun.example', 'GET', '/api/v1/dataset', { headers });
        const [item] = (JSON.parse(unknown.body) as { errors: { code?: string; message: string }[] }).errors;
        assert.equal(item!.code, 'unknown-host');
        assert.match(item!.message, words);
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

    test('every route of an agreement, from its route table: a session, a token, an id, a reference, a key or an ETag of the other agreement gets nothing', async () => {
      const asA = { Authorization: `Bearer ${TOKEN_A}` };
      const asB = { Authorization: `Bearer ${TOKEN_B}` };
      const a = (method: string, path: string, options?: Parameters<typeof call>[4]) => call(base, A, method, path, options);
      const b = (method: string, path: string, options?: Parameters<typeof call>[4]) => call(base, B, method, path, options);
      const contact = (id: string) => ({ ...demo.contacts[0], id, name: 'Isa Isolerad', email: `${id}@a.kommun.example` });

      // What agreement A hands out: an application, an offer, a person with a session and a spare link, an entity only it has, versions and ETags.
      const signup = (await a('POST', '/api/v1/signups', { body: application(), headers: { 'Idempotency-Key': 'isolation-signups' } })).json<{ id: string; reference: string }>();
      const offered = await a('POST', '/api/v1/opportunities', { body: offer(), headers: { 'Idempotency-Key': 'isolation-opportunities' } });
      assert.equal(offered.status, 201, offered.body);
      const offerA = offered.json<{ id: string; reference: string }>();
      const invited = await a('POST', '/api/v1/admin/users', { headers: asA, body: { email: 'ida@a.kommun.example', name: 'Ida Isolerad', role: 'editor' } });
      assert.equal(invited.status, 201);
      const userA = invited.json<{ id: string; setPasswordUrl: string }>();
      const tokenOf = (url: string) => decodeURIComponent(/token=([^&]+)/.exec(url)![1]!);
      assert.equal((await a('POST', '/api/v1/set-password', { body: { token: tokenOf(userA.setPasswordUrl), password: PASSWORD } })).status, 204);
      const signedIn = await a('POST', '/api/v1/session', { body: { email: 'ida@a.kommun.example', password: PASSWORD } });
      assert.equal(signedIn.status, 200);
      const asIda = { Cookie: cookieOf(signedIn), 'X-CSRF-Token': signedIn.json<{ csrfToken: string }>().csrfToken };
      const spareLink = tokenOf((await a('POST', `/api/v1/admin/users/${userA.id}/set-password-link`, { headers: asA })).json<{ setPasswordUrl: string }>().setPasswordUrl);
      assert.equal((await a('POST', '/api/v1/admin/contacts', { headers: asA, body: contact('only-at-a') })).status, 201);
      const orgId = demo.organisations[0].id as string;
      const orgEtagA = (await a('GET', `/api/v1/admin/organisations/${orgId}`, { headers: asA })).headers.etag as string;
      const agreementEtagA = (await a('GET', '/api/v1/admin/agreement', { headers: asA })).headers.etag as string;
      const datasetEtagA = (await a('GET', '/api/v1/dataset')).headers.etag as string;
      const calendarEtagA = (await a('GET', '/api/v1/meetings.ics')).headers.etag as string;
      const dcatEtagA = (await a('GET', '/datasets/dcat')).headers.etag as string;
      const versionsOf = async (at: typeof a, as: Record<string, string>) => (await at('GET', '/api/v1/admin/versions', { headers: as })).json<{ versions: { version: number }[] }>().versions;
      const versionsB = await versionsOf(b, asB);
      const newestA = (await versionsOf(a, asA))[0]!.version;
      assert.ok(newestA > versionsB[0]!.version, 'A has a version B has not');
      const stillSignedInAtA = async () => assert.equal((await a('GET', '/api/v1/session', { headers: asIda })).status, 200, 'Ida’s session at A is untouched');

      /** A's token and A's session at B: neither is anyone there. */
      const strangers = async (method: string, path: string, body?: unknown) => {
        for (const [who, headers] of [
          ['A’s token', asA],
          ['A’s session', asIda],
        ] as const) {
          const res = await b(method, path, { headers, ...(body !== undefined && { body }) });
          assert.equal(res.status, 401, `${who} at B: ${method} ${path} → ${res.status} ${res.body}`);
        }
      };
      /** Shared files (the bundle, the admin page): the same bytes at both (whose data differ), so nothing of either agreement. */
      const sameAtBoth = async (path: string) => {
        const [atA, atB] = [await a('GET', path), await b('GET', path)];
        assert.equal(atB.status, atA.status, path);
        assert.equal(atB.body, atA.body, path);
      };
      const absentAtB = async (path: string) => assert.equal((await b('GET', path, { headers: asB })).status, 404, `B’s token, A’s id: ${path}`);

      /**
       * Applications (/signups) and offers (/opportunities) have routes of one shape: A's idempotency key, reference and id
       * at B, A's token and session at B, and nothing of A's published at B.
       */
      const submissionProbes = (path: string, body: () => unknown, mine: { id: string; reference: string }, list: 'applications' | 'offers', content: 'application' | 'offer', published: string) => ({
        [`POST /api/v1/${path}`]: async () => {
          const res = await b('POST', `/api/v1/${path}`, { body: body(), headers: { 'Idempotency-Key': `isolation-${path}` } });
          assert.equal(res.status, 201, res.body);
          assert.equal(res.headers['idempotent-replayed'], undefined, 'A’s idempotency key at B');
          assert.notEqual(res.json().id, mine.id);
        },
        [`GET /api/v1/${path}`]: async () => {
          await strangers('GET', `/api/v1/${path}`);
          assert.deepEqual((await b('GET', `/api/v1/${path}?reference=${mine.reference}`, { headers: asB })).json()[list], [], 'A’s reference at B');
          assert.ok(!(await b('GET', `/api/v1/${path}`, { headers: asB })).json()[list].some((x: { id: string }) => x.id === mine.id));
        },
        [`GET /api/v1/${path}/:id`]: async () => {
          await strangers('GET', `/api/v1/${path}/${mine.id}`);
          await absentAtB(`/api/v1/${path}/${mine.id}`);
        },
        [`POST /api/v1/${path}/:id/:action`]: async () => {
          for (const action of ['approve', 'reject', 'erase']) {
            await strangers('POST', `/api/v1/${path}/${mine.id}/${action}`);
            assert.equal((await b('POST', `/api/v1/${path}/${mine.id}/${action}`, { headers: asB })).status, 404, `${action} of A’s ${content} at B`);
          }
          const atA = (await a('GET', `/api/v1/${path}/${mine.id}`, { headers: asA })).json();
          assert.equal(atA.status, 'pending');
          assert.ok(atA[content], 'not erased');
          assert.ok(!(await b('GET', '/api/v1/dataset')).body.includes(published), 'nothing published at B');
        },
      });

      const probes: Record<string, () => Promise<void>> = {
        'GET /api/v1/dataset': async () => {
          const res = await b('GET', '/api/v1/dataset', { headers: { 'If-None-Match': datasetEtagA } });
          assert.equal(res.status, 200, 'A’s dataset ETag at B');
          assert.equal(res.json().updatedAt, '2026-01-02T03:04:05+01:00');
        },
        'GET /api/v1/meetings.ics': async () => {
          const res = await b('GET', '/api/v1/meetings.ics', { headers: { 'If-None-Match': calendarEtagA } });
          assert.equal(res.status, 200, 'A’s calendar ETag at B');
          assert.match(res.body, /\(B\)/);
        },
        'GET /datasets/dcat': async () => {
          const res = await b('GET', '/datasets/dcat', { headers: { 'If-None-Match': dcatEtagA } });
          assert.equal(res.status, 200, 'A’s catalogue ETag at B');
          assert.doesNotMatch(res.body, /a\.kommun\.example/);
        },
        // Holds nothing of an agreement: B's own state only.
        'GET /healthz': async () => assert.deepEqual((await b('GET', '/healthz')).json(), { status: 'ok' }),
        ...submissionProbes('signups', application, signup, 'applications', 'application', application().organisation.name),
        ...submissionProbes('opportunities', offer, offerA, 'offers', 'offer', offer().title),
        'GET /api/v1/admin/:collection': async () => {
          await strangers('GET', '/api/v1/admin/contacts');
          assert.ok(!(await b('GET', '/api/v1/admin/contacts', { headers: asB })).json().items.some((i: { id: string }) => i.id === 'only-at-a'));
        },
        'POST /api/v1/admin/:collection': async () => {
          await strangers('POST', '/api/v1/admin/contacts', contact('sent-to-b'));
          await absentAtB('/api/v1/admin/contacts/sent-to-b');
        },
        'GET /api/v1/admin/:collection/:id': async () => {
          await strangers('GET', '/api/v1/admin/contacts/only-at-a');
          await absentAtB('/api/v1/admin/contacts/only-at-a');
        },
        'PUT /api/v1/admin/:collection/:id': async () => {
          const entity = (await b('GET', `/api/v1/admin/organisations/${orgId}`, { headers: asB })).json();
          await strangers('PUT', `/api/v1/admin/organisations/${orgId}`, entity);
          const res = await b('PUT', `/api/v1/admin/organisations/${orgId}`, { headers: { ...asB, 'If-Match': orgEtagA }, body: { ...entity, name: 'Skrivet med A:s ETag' } });
          assert.equal(res.status, 412, 'A’s entity ETag at B');
        },
        'DELETE /api/v1/admin/:collection/:id': async () => {
          await strangers('DELETE', `/api/v1/admin/organisations/${orgId}`);
          assert.equal((await b('DELETE', `/api/v1/admin/organisations/${orgId}`, { headers: { ...asB, 'If-Match': orgEtagA } })).status, 412, 'A’s entity ETag at B');
          assert.equal((await b('GET', `/api/v1/admin/organisations/${orgId}`, { headers: asB })).status, 200, 'still there');
        },
        'POST /api/v1/admin/changes': async () => {
          const entity = (await b('GET', `/api/v1/admin/organisations/${orgId}`, { headers: asB })).json();
          const writes = [{ op: 'replace', collection: 'organisations', id: orgId, etag: orgEtagA, data: { ...entity, name: 'Skrivet med A:s ETag' } }];
          await strangers('POST', '/api/v1/admin/changes', { writes });
          const res = await b('POST', '/api/v1/admin/changes', { headers: asB, body: { writes } });
          assert.equal(res.status, 412, 'A’s entity ETag at B');
          assert.deepEqual(await versionsOf(b, asB), versionsB);
        },
        'GET /api/v1/admin/agreement': async () => {
          await strangers('GET', '/api/v1/admin/agreement');
          assert.notEqual((await b('GET', '/api/v1/admin/agreement', { headers: asB })).headers.etag, agreementEtagA);
        },
        'PUT /api/v1/admin/agreement': async () => {
          const agreement = (await b('GET', '/api/v1/admin/agreement', { headers: asB })).json();
          await strangers('PUT', '/api/v1/admin/agreement', agreement);
          assert.equal((await b('PUT', '/api/v1/admin/agreement', { headers: { ...asB, 'If-Match': agreementEtagA }, body: agreement })).status, 412, 'A’s agreement ETag at B');
        },
        'GET /api/v1/admin/withheld': async () => {
          await strangers('GET', '/api/v1/admin/withheld');
          // The store holds no withheld opportunity (only a dataset file can): B's own answer is its own, empty list.
          assert.deepEqual((await b('GET', '/api/v1/admin/withheld', { headers: asB })).json(), { opportunities: [] });
        },
        'GET /api/v1/admin/versions': async () => {
          await strangers('GET', '/api/v1/admin/versions');
          assert.deepEqual(await versionsOf(b, asB), versionsB);
        },
        'GET /api/v1/admin/versions/:n': async () => {
          await strangers('GET', '/api/v1/admin/versions/1');
          await absentAtB(`/api/v1/admin/versions/${newestA}`);
        },
        'GET /api/v1/admin/versions/:n/changes': async () => {
          await strangers('GET', '/api/v1/admin/versions/1/changes');
          await absentAtB(`/api/v1/admin/versions/${newestA}/changes`);
        },
        'POST /api/v1/admin/versions/:n/restore': async () => {
          await strangers('POST', '/api/v1/admin/versions/1/restore');
          assert.equal((await b('POST', `/api/v1/admin/versions/${newestA}/restore`, { headers: asB })).status, 404, 'A’s version number at B');
          assert.deepEqual(await versionsOf(b, asB), versionsB);
        },
        'GET /api/v1/admin/audit': async () => {
          await strangers('GET', '/api/v1/admin/audit');
          const targets = (await b('GET', '/api/v1/admin/audit', { headers: asB })).json().entries.map((e: { target: string }) => e.target).join(' ');
          for (const id of [signup.id, offerA.id, userA.id, 'only-at-a']) assert.ok(!targets.includes(id), `B’s audit names ${id}`);
        },
        'POST /api/v1/admin/users': async () => {
          await strangers('POST', '/api/v1/admin/users', { email: 'inkraktare@b.kommun.example', name: 'Inkräktare', role: 'admin' });
          assert.ok(!(await b('GET', '/api/v1/admin/users', { headers: asB })).json().some((u: { email: string }) => u.email === 'inkraktare@b.kommun.example'));
        },
        'GET /api/v1/admin/users': async () => {
          await strangers('GET', '/api/v1/admin/users');
          assert.ok(!(await b('GET', '/api/v1/admin/users', { headers: asB })).json().some((u: { id: string }) => u.id === userA.id));
        },
        'GET /api/v1/admin/users/:id': async () => {
          await strangers('GET', `/api/v1/admin/users/${userA.id}`);
          await absentAtB(`/api/v1/admin/users/${userA.id}`);
        },
        'PATCH /api/v1/admin/users/:id': async () => {
          await strangers('PATCH', `/api/v1/admin/users/${userA.id}`, { role: 'admin' });
          assert.equal((await b('PATCH', `/api/v1/admin/users/${userA.id}`, { headers: asB, body: { role: 'admin' } })).status, 404);
        },
        'PUT /api/v1/admin/users/:id': async () => {
          await strangers('PUT', `/api/v1/admin/users/${userA.id}`, { role: 'admin' });
          assert.equal((await b('PUT', `/api/v1/admin/users/${userA.id}`, { headers: asB, body: { role: 'admin' } })).status, 404);
          assert.equal((await a('GET', `/api/v1/admin/users/${userA.id}`, { headers: asA })).json().role, 'editor', 'Ida is still an editor at A');
        },
        'DELETE /api/v1/admin/users/:id': async () => {
          await strangers('DELETE', `/api/v1/admin/users/${userA.id}`);
          assert.equal((await b('DELETE', `/api/v1/admin/users/${userA.id}`, { headers: asB })).status, 404);
          await stillSignedInAtA();
        },
        'POST /api/v1/admin/users/:id/set-password-link': async () => {
          await strangers('POST', `/api/v1/admin/users/${userA.id}/set-password-link`);
          assert.equal((await b('POST', `/api/v1/admin/users/${userA.id}/set-password-link`, { headers: asB })).status, 404);
        },
        'POST /api/v1/set-password': async () => {
          assert.equal((await b('POST', '/api/v1/set-password', { body: { token: spareLink, password: PASSWORD } })).status, 400, 'A’s link at B');
          await stillSignedInAtA();
        },
        // The sign-in methods on offer: the same everywhere (OpenID Connect is not set per agreement).
        'GET /api/v1/session/options': async () => assert.deepEqual((await b('GET', '/api/v1/session/options')).json(), (await a('GET', '/api/v1/session/options')).json()),
        'POST /api/v1/session': async () => assert.equal((await b('POST', '/api/v1/session', { body: { email: 'ida@a.kommun.example', password: PASSWORD } })).status, 401, 'A’s person at B'),
        'GET /api/v1/session': async () => assert.equal((await b('GET', '/api/v1/session', { headers: asIda })).status, 401, 'A’s session at B'),
        'DELETE /api/v1/session': async () => {
          await b('DELETE', '/api/v1/session', { headers: asIda });
          await stillSignedInAtA();
        },
        'PATCH /api/v1/account': async () => {
          assert.equal((await b('PATCH', '/api/v1/account', { headers: asIda, body: { name: 'Ändrad via B' } })).status, 401, 'A’s session at B');
          assert.equal((await a('GET', '/api/v1/session', { headers: asIda })).json().user.name, 'Ida Isolerad');
        },
        'PUT /api/v1/account/password': async () => {
          assert.equal((await b('PUT', '/api/v1/account/password', { headers: asIda, body: { currentPassword: PASSWORD, password: `${PASSWORD} nytt` } })).status, 401, 'A’s session at B');
          await stillSignedInAtA();
        },
        'GET /api/v1/session/oidc/start': async () => assert.equal((await b('GET', '/api/v1/session/oidc/start')).status, 404),
        'GET /api/v1/session/oidc/callback': async () => {
          const res = await b('GET', '/api/v1/session/oidc/callback?code=x&state=y', { headers: asIda });
          assert.equal(res.status, 404);
          // No session is made (A's unknown cookie may be cleared: an empty value).
          assert.doesNotMatch(String(res.headers['set-cookie'] ?? ''), /session=[^;]/, String(res.headers['set-cookie']));
        },
        'GET /admin': () => sameAtBoth('/admin'),
        'GET /admin/': () => sameAtBoth('/admin/'),
        'GET /admin/:file': () => sameAtBoth('/admin/admin.js'),
        'GET /': () => sameAtBoth('/'),
        'GET /examples': () => sameAtBoth('/examples'),
        'GET /examples/*': () => sameAtBoth('/examples/index.html'),
        'GET /:file': () => sameAtBoth('/samverkan.min.js'),
      };

      // The route table of an agreement's app. HEAD runs GET's handler; OPTIONS answers preflights and 404s, which hold no data.
      const routes = server.tenants.get('b')!.routes.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
      const served = [...new Set(routes.filter((r) => !r.methodNotAllowed).map((r) => `${r.method} ${r.url}`))];
      // @fastify/static gives each file of the admin page's build a route of its own: shared files, like the bundle.
      const probeFor = (key: string) => probes[key] ?? (/^GET \/admin\/[\w.-]+$/.test(key) ? () => sameAtBoth(key.slice('GET '.length)) : undefined);
      assert.deepEqual(served.filter((key) => !probeFor(key)), [], 'a route this test does not know: add an isolation probe for it');
      // Probes for routes of another configuration (no admin build, no static files) are allowed; a probe for a route that exists nowhere is not.
      const optional = new Set(['GET /admin/:file', 'GET /', 'GET /examples', 'GET /examples/*', 'GET /:file']);
      assert.deepEqual(Object.keys(probes).filter((key) => !served.includes(key) && !optional.has(key)), [], 'a probe for a route the app does not have');
      for (const key of served) await probeFor(key)!();
      // The routes that only refuse a method answer B's 405 and nothing else.
      for (const route of routes.filter((r) => r.methodNotAllowed)) {
        const res = await b(route.method, route.url.replace(/:\w+/g, 'x').replace('*', 'x'), { headers: asA });
        assert.equal(res.status, 405, `${route.method} ${route.url}`);
      }
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
      // An admin the command cannot add is found before anything is written: no first version is left behind in the agreement's store.
      assert.notEqual(await tenantsCommand(['add', 'tredje.kommun.example', '--admin', 'inte en adress', '--dataset', DEMO_FILE], io), 0);
      assert.match(errors.at(-1)!, /e-mail address/);
      const leftover = await openStore(tenantStoreLocation({ id: tenantIdFor('tredje.kommun.example') }, { dataDir: env.SAMVERKAN_DATA_DIR }));
      try {
        assert.equal(await leftover.latestVersion(), undefined, 'nothing half-stored');
      } finally {
        await leftover.close();
      }
      assert.equal(readTenants(env.SAMVERKAN_TENANTS).length, 1, 'nothing added');

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
