// The SDK's admin client against the real server (createApp with the
// accounts plugin on a real SQLite file), over loopback HTTP: sessions with
// their cookie and CSRF token, roles, users, the content API with If-Match,
// versions and restore, the audit log, and the applications.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import type { FastifyPluginAsync } from 'fastify';
import {
  createAdminClient,
  isAuthenticationError,
  isConflictError,
  isForbiddenError,
  isHttpError,
  isNotFoundError,
  isPreconditionFailedError,
  isPreconditionRequiredError,
  type AdminClient,
  type Contact,
} from '@samverkan/sdk';
import { createApp, createLogger, type SamverkanServer } from '@samverkan/server';
import { accountsPlugin, PasswordHasher, SqliteAccountStore } from '../packages/server/src/accounts/index.js';
import { AdminAuth } from '../packages/server/src/admin-auth.js';
import type { AppContext } from '../packages/server/src/app.js';

const ADMIN_TOKEN = 'admin-client-test-token-0123456789';
const PASSWORD = 'korrekt häst batteri häftklammer';
const DEMO_FILE = new URL('../examples/data/sodertalje.json', import.meta.url);
const demo = JSON.parse(readFileSync(DEMO_FILE, 'utf8'));

interface Running {
  base: string;
  api: string;
  server: SamverkanServer;
  close(): Promise<void>;
}

async function start(options: { datasetFile?: string } = {}): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-admin-client-'));
  const db = new Database(join(dir, 'accounts.sqlite'));
  db.pragma('journal_mode = WAL');
  // The accounts (sessions, users, CSRF) as one plugin for the whole app, as `samverkan-server serve`
  // wires them (accounts/app-plugin.ts): the admin token counts on the account routes, events go to the server's audit log.
  const accounts: FastifyPluginAsync<AppContext> = async (app, context) => {
    await app.register(accountsPlugin, { store: new SqliteAccountStore(db), audit: context.store, adminAuth: new AdminAuth(ADMIN_TOKEN), hasher: new PasswordHasher({ logN: 12 }) });
  };
  (accounts as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  const server = createApp({
    dataDir: join(dir, 'data'),
    ...(options.datasetFile ? { datasetFile: options.datasetFile } : { dataset: demo }),
    adminToken: ADMIN_TOKEN,
    logger: createLogger(join(dir, 'requests.log')),
    plugins: [accounts],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    api: `${base}/api/v1`,
    server,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      server.logger.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Adds a person with the token client and sets their password through the one-time link, as they would. */
async function addPerson(running: Running, admin: AdminClient, email: string, role: 'admin' | 'editor'): Promise<string> {
  const created = await admin.users.create({ email, name: `Test ${role}`, role });
  const token = new URL(created.setPasswordUrl).hash.match(/token=([^&]+)/)?.[1] ?? new URL(created.setPasswordUrl).searchParams.get('token');
  assert.ok(token, `no token in ${created.setPasswordUrl}`);
  await createAdminClient({ apiUrl: running.api }).session.setPassword(decodeURIComponent(token), PASSWORD);
  return created.id;
}

/** A fetch that records the requests it sends (method, URL, headers). */
function recordingFetch() {
  const seen: { method: string; url: string; headers: Headers }[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    seen.push({ method: request.method, url: request.url, headers: request.headers });
    return fetch(request);
  };
  return { seen, fetch: wrapped };
}

async function postSignup(running: Running, name: string): Promise<string> {
  const response = await fetch(`${running.api}/signups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      organisation: { name, form: 'non-profit-association', email: 'info@forening.example.org', website: 'https://forening.example.org' },
      contact: { name: 'Anna Exempel', email: 'anna@forening.example.org' },
      acceptsPrinciples: true,
      consent: true,
      language: 'sv',
    }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { id: string }).id;
}

describe('createAdminClient against the real server', () => {
  let running: Running;
  let token: AdminClient;

  before(async () => {
    running = await start();
    token = createAdminClient({ apiUrl: running.api, token: ADMIN_TOKEN });
  });
  after(async () => running.close());

  test('a person signs in with a password: the session is kept, writes carry its CSRF token, sign-out ends it', async () => {
    await addPerson(running, token, 'editor@kommun.example.org', 'editor');
    const recorder = recordingFetch();
    const editor = createAdminClient({ apiUrl: running.api, fetch: recorder.fetch });
    assert.equal(await editor.session.get(), undefined, 'nobody signed in yet');
    await assert.rejects(editor.content.list('contacts'), (error) => isAuthenticationError(error) && error.status === 401);

    const session = await editor.session.signIn('Editor@Kommun.example.org', PASSWORD);
    assert.equal(session.user.role, 'editor');
    assert.equal((await editor.session.get())?.user.email, 'editor@kommun.example.org');

    const [first] = await editor.content.list('contacts');
    const changed = await editor.content.replace('contacts', first!.value.id, { ...first!.value, phone: '08-555 000 11' });
    assert.equal(changed.value.phone, '08-555 000 11');
    assert.notEqual(changed.etag, first!.etag);
    const write = recorder.seen.find((r) => r.method === 'PUT')!;
    assert.equal(write.headers.get('x-csrf-token'), session.csrfToken, 'the write carries the session\'s CSRF token');
    assert.equal(write.headers.get('if-match'), first!.etag, 'and the ETag it read');
    assert.match(write.headers.get('cookie') ?? '', /=/, 'and the session cookie (kept in memory in Node)');

    // Published at once: the public dataset has the change.
    const published = (await (await fetch(`${running.api}/dataset`)).json()) as { contacts: Contact[] };
    assert.equal(published.contacts.find((c) => c.id === first!.value.id)?.phone, '08-555 000 11');

    // An editor does not manage users.
    await assert.rejects(editor.users.list(), (error) => isForbiddenError(error) && error.status === 403 && isHttpError(error));

    await editor.session.signOut();
    assert.equal(await editor.session.get(), undefined);
    await assert.rejects(editor.content.list('contacts'), isAuthenticationError);
  });

  test('a wrong password is an AuthenticationError with the server\'s words', async () => {
    const client = createAdminClient({ apiUrl: running.api });
    await assert.rejects(client.session.signIn('nobody@kommun.example.org', 'not the password at all'), (error) => {
      assert.ok(isAuthenticationError(error));
      assert.match(error.message, /^Signing in failed \(HTTP 401[^)]*\): \S/);
      return true;
    });
  });

  test('two writers with one ETag: the second gets a PreconditionFailedError with the entity as it is now, and wins on retry', async () => {
    const a = createAdminClient({ apiUrl: running.api, token: ADMIN_TOKEN });
    const b = createAdminClient({ apiUrl: running.api, token: ADMIN_TOKEN });
    const id = demo.organisations[5].id as string;
    const [readA, readB] = await Promise.all([a.content.get('organisations', id), b.content.get('organisations', id)]);
    assert.equal(readA.etag, readB.etag);
    const won = await a.content.replace('organisations', id, { ...readA.value, phone: '08-100 100 10' });
    let conflict: unknown;
    try {
      await b.content.replace('organisations', id, { ...readB.value, email: 'ny@forening.example.org' });
    } catch (error) {
      conflict = error;
    }
    assert.ok(isPreconditionFailedError(conflict), String(conflict));
    assert.equal(conflict.status, 412);
    assert.equal(conflict.etag, won.etag);
    assert.equal((conflict.current as { phone?: string }).phone, '08-100 100 10', 'the entity as the winner left it');
    // Apply the change to what is there now, with its ETag.
    const merged = await b.content.replace('organisations', id, { ...(conflict.current as typeof readB.value), email: 'ny@forening.example.org' }, { etag: conflict.etag! });
    assert.equal(merged.value.phone, '08-100 100 10');
    assert.equal(merged.value.email, 'ny@forening.example.org');
  });

  test('a write without any ETag is a PreconditionRequiredError (428); a stale explicit one is 412', async () => {
    const fresh = createAdminClient({ apiUrl: running.api, token: ADMIN_TOKEN });
    const meeting = demo.meetings[2];
    await assert.rejects(fresh.content.replace('meetings', meeting.id, meeting), (error) => isPreconditionRequiredError(error) && error.status === 428);
    await assert.rejects(fresh.content.remove('meetings', meeting.id, { etag: '"stale"' }), isPreconditionFailedError);
  });

  test('create makes an id, an invalid entity is a 400 with issues by path, delete removes it', async () => {
    const created = await token.content.create('organisations', { name: 'Roddsällskapet Exempel', form: 'non-profit-association', districts: [], activities: [], languages: [] });
    assert.ok(created.value.id);
    assert.match(created.etag, /^"/);
    const read = await token.content.get('organisations', created.value.id);
    assert.equal(read.value.name, 'Roddsällskapet Exempel');

    await assert.rejects(
      token.content.replace('organisations', created.value.id, { ...read.value, website: 'javascript:alert(1)' }),
      (error) => {
        assert.ok(isHttpError(error));
        assert.equal(error.status, 400);
        assert.deepEqual(error.issues?.map((i) => i.path), ['website']);
        return true;
      },
    );
    await token.content.remove('organisations', created.value.id);
    await assert.rejects(token.content.get('organisations', created.value.id), (error) => isNotFoundError(error) && error.status === 404);
  });

  test('the agreement: read with its ETag, replace with If-Match', async () => {
    const agreement = await token.agreement.get();
    const replaced = await token.agreement.replace({ ...agreement.value, revisionIntervalYears: 3 });
    assert.equal(replaced.value.revisionIntervalYears, 3);
    assert.notEqual(replaced.etag, agreement.etag);
    await assert.rejects(token.agreement.replace(agreement.value, { etag: agreement.etag }), isPreconditionFailedError);
  });

  test('versions: newest first with who and a summary; changes per field; restore publishes a new version equal to the old one', async () => {
    const before = await token.versions.list();
    const target = await token.content.get('contacts', demo.contacts[3].id);
    await token.content.replace('contacts', target.value.id, { ...target.value, phone: '08-999 999 99' });
    const versions = await token.versions.list();
    assert.equal(versions.length, before.length + 1);
    const [latest] = versions;
    assert.ok(latest!.version > versions[1]!.version, 'newest first');
    assert.equal(latest!.by, 'admin token');
    assert.match(latest!.summary, /contacts\/.+\(phone\)/);
    const changes = await token.versions.changes(latest!.version);
    const change = changes.changes.find((c) => c.collection === 'contacts' && c.id === target.value.id)!;
    assert.deepEqual(change.fields.map((f) => [f.path, f.after]), [['phone', '08-999 999 99']]);

    const restored = await token.versions.restore(versions[1]!.version);
    assert.equal(restored.version, latest!.version + 1);
    const now = await token.versions.get(restored.version);
    const old = await token.versions.get(versions[1]!.version);
    assert.deepEqual((now.dataset as { contacts: unknown }).contacts, (old.dataset as { contacts: unknown }).contacts);
    // The client forgot its ETags (everything may have changed): a replace now needs a fresh read.
    await assert.rejects(token.content.replace('contacts', target.value.id, target.value), isPreconditionRequiredError);
  });

  test('the audit log, newest first, page by page; all() walks every page', async () => {
    const page = await token.audit.list({ limit: 2 });
    assert.equal(page.entries.length, 2);
    assert.ok(page.nextCursor);
    assert.ok(page.entries[0]!.at >= page.entries[1]!.at, 'newest first');
    const next = await token.audit.list({ limit: 2, cursor: page.nextCursor! });
    assert.notDeepEqual(next.entries, page.entries);
    const all: unknown[] = [];
    for await (const entry of token.audit.all({ pageSize: 3 })) all.push(entry);
    const everything = await token.audit.list({ limit: 500 });
    assert.deepEqual(all, everything.entries);
    assert.ok(all.some((e) => (e as { action: string }).action === 'version-restored'));
    assert.ok(all.some((e) => (e as { action: string }).action === 'sign-in'), 'sign-ins are in the same log');
  });

  test('applications: paged list, approve publishes the signatory, reject keeps a reason, erase removes the personal data', async () => {
    const ids = [await postSignup(running, 'Föreningen Ett'), await postSignup(running, 'Föreningen Två'), await postSignup(running, 'Föreningen Tre')];
    const first = await token.applications.list({ status: 'pending', limit: 2 });
    assert.equal(first.applications.length, 2);
    assert.ok(first.nextCursor);
    const every: string[] = [];
    for await (const application of token.applications.all({ status: 'pending', limit: 2 })) every.push(application.id);
    assert.deepEqual([...every].sort(), [...ids].sort());

    const one = await token.applications.get(ids[0]!);
    assert.equal(one.status, 'pending');
    assert.match(one.reference ?? '', /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const byReference = await token.applications.list({ reference: one.reference!.toLowerCase().replace('-', ' ') });
    assert.deepEqual(byReference.applications.map((a) => a.id), [ids[0]]);

    const approved = await token.applications.approve(ids[0]!);
    assert.equal(approved.status, 'approved');
    const dataset = (await (await fetch(`${running.api}/dataset`)).json()) as { organisations: { id: string; name: string }[] };
    assert.ok(dataset.organisations.some((o) => o.id === approved.organisationId && o.name === 'Föreningen Ett'));

    const rejected = await token.applications.reject(ids[1]!, { reason: 'Inte en förening i kommunen.' });
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.rejectReason, 'Inte en förening i kommunen.');

    const erased = await token.applications.erase(ids[2]!);
    assert.ok(erased.erasedAt);
    assert.equal(erased.application, undefined);
    await assert.rejects(token.applications.get('no-such-application'), isNotFoundError);
  });

  test('users: an admin adds, changes and removes a person; the one-time link sets the password', async () => {
    const id = await addPerson(running, token, 'admin2@kommun.example.org', 'admin');
    const person = createAdminClient({ apiUrl: running.api });
    await person.session.signIn('admin2@kommun.example.org', PASSWORD);
    const listed = await person.users.list();
    assert.ok(listed.some((u) => u.id === id && u.passwordSet));
    const changed = await person.users.update(id, { name: 'Andra Admin' });
    assert.equal(changed.name, 'Andra Admin');
    const editorId = listed.find((u) => u.role === 'editor')!.id;
    await person.users.remove(editorId);
    await assert.rejects(person.users.get(editorId), isNotFoundError);
    await assert.rejects(person.users.create({ email: 'admin2@kommun.example.org', name: 'Twice', role: 'editor' }), isConflictError);
  });
});

test('in file mode, content writes are a ConflictError saying the file is the truth, in the language the client asks for', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-admin-client-file-'));
  const file = join(dir, 'dataset.json');
  writeFileSync(file, JSON.stringify(demo));
  const running = await start({ datasetFile: file });
  try {
    // `language` is sent as Accept-Language (a tag, or a function read at each request); without it Node sends `*`: Swedish.
    for (const [language, words] of [
      ['en', /Nothing was saved: this server publishes the dataset from a file/],
      [() => 'sv-SE', /Ingenting sparades: den här servern publicerar datasetet från en fil/],
      [undefined, /Ingenting sparades: den här servern publicerar datasetet från en fil/],
    ] as const) {
      const admin = createAdminClient({ apiUrl: running.api, token: ADMIN_TOKEN, ...(language && { language }) });
      const contact = await admin.content.get('contacts', demo.contacts[0].id);
      await assert.rejects(admin.content.replace('contacts', contact.value.id, contact.value), (error) => {
        assert.ok(isConflictError(error));
        assert.equal(error.issues?.[0]?.code, 'file-mode');
        assert.match(error.message, words);
        return true;
      });
    }
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no server: a NetworkError naming the address; a wrong API path: NotFoundError', async () => {
  const nobody = createAdminClient({ apiUrl: 'http://127.0.0.1:9/api/v1', token: ADMIN_TOKEN, retry: 0 });
  await assert.rejects(nobody.versions.list(), (error) => (error as Error).name === 'NetworkError' && /127\.0\.0\.1:9/.test((error as Error).message));
});
