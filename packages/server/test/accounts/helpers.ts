// Shared by the accounts tests: a real Fastify app on a loopback port with
// the accounts plugin on a real SQLite file in a temporary folder, a stand-in
// for the admin-token hook and one admin route, and a small cookie-keeping
// "browser" around fetch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { requireRole, TOKEN_ACTOR } from '../../src/auth/actor.js';
import { accountsPlugin, MemoryAuditSink, PasswordHasher, SqliteAccountStore, type AccountsOptions } from '../../src/accounts/index.js';

export const ADMIN_TOKEN = 'accounts-test-admin-token-0123456789';
export const PASSWORD = 'korrekt häst batteri häftklammer';

/** Cheaper scrypt for most tests (the default parameters are tested on their own in password-hash.test.ts). */
export const testHasher = () => new PasswordHasher({ logN: 12 });

export interface Running {
  base: string;
  app: FastifyInstance;
  store: SqliteAccountStore;
  db: Database.Database;
  audit: MemoryAuditSink;
  /** Moves the plugin's clock forward. */
  advance(ms: number): void;
  /** Requests with the admin token. */
  admin(path: string, init?: RequestInit): Promise<Response>;
  /** Adds a user through the API and sets their password through the one-time link; answers their id. */
  addUser(email: string, role: 'admin' | 'editor', options?: { name?: string; notifyApplications?: boolean; password?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function start(options: Partial<AccountsOptions> & { trustProxy?: boolean; port?: number } = {}): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-accounts-test-'));
  const db = new Database(join(dir, 'samverkan.sqlite'));
  db.pragma('journal_mode = WAL');
  const store = new SqliteAccountStore(db);
  const audit = new MemoryAuditSink();
  let clock = Date.now();
  const { trustProxy = false, port = 0, ...accountOptions } = options;
  const app = Fastify({ trustProxy });
  // What the server's token hook does: the admin token is an admin.
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', async (request) => {
    if (request.headers.authorization === `Bearer ${ADMIN_TOKEN}`) request.actor = TOKEN_ACTOR;
  });
  await app.register(accountsPlugin, { store, audit, hasher: testHasher(), now: () => clock, ...accountOptions });
  // Stand-ins for the content routes: an editor may read and write, and a write says who did it.
  app.get('/api/v1/admin/probe', { preHandler: requireRole('editor') }, async (request) => ({ by: request.actor!.id, role: request.actor!.role }));
  app.post('/api/v1/admin/probe', { preHandler: requireRole('editor') }, async (request) => ({ by: request.actor!.id, changed: true }));
  // A public write, like POST /api/v1/signups.
  app.post('/api/v1/public-write', async (request) => ({ actor: request.actor?.id ?? null }));
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const admin = (path: string, init: RequestInit = {}) =>
    fetch(base + path, {
      ...init,
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, ...(init.body !== undefined && { 'Content-Type': 'application/json' }), ...(init.headers as Record<string, string>) },
    });

  return {
    base,
    app,
    store,
    db,
    audit,
    advance(ms) {
      clock += ms;
    },
    admin,
    async addUser(email, role, { name = 'Test Person', notifyApplications = false, password = PASSWORD } = {}) {
      const created = await admin('/api/v1/admin/users', { method: 'POST', body: JSON.stringify({ email, name, role, notifyApplications }) });
      if (created.status !== 201) throw new Error(`creating ${email}: ${created.status} ${await created.text()}`);
      const { id, setPasswordUrl } = (await created.json()) as { id: string; setPasswordUrl: string };
      const set = await fetch(`${base}/api/v1/set-password`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: tokenOf(setPasswordUrl), password }),
      });
      if (set.status !== 204) throw new Error(`setting the password of ${email}: ${set.status} ${await set.text()}`);
      return id;
    },
    async close() {
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The token in a set-password link (`…/admin#/set-password?token=…`). */
export function tokenOf(setPasswordUrl: string): string {
  const hash = new URL(setPasswordUrl).hash;
  return new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get('token')!;
}

/** One parsed `Set-Cookie` header. */
export interface SetCookie {
  name: string;
  value: string;
  attributes: Map<string, string | true>;
}

export function parseSetCookie(header: string): SetCookie {
  const [pair = '', ...rest] = header.split(';');
  const eq = pair.indexOf('=');
  const attributes = new Map<string, string | true>();
  for (const part of rest) {
    const [key = '', ...value] = part.trim().split('=');
    attributes.set(key.toLowerCase(), value.length ? value.join('=') : true);
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes };
}

/**
 * A browser as far as cookies go: keeps what `Set-Cookie` gives (and drops
 * what it expires), sends it back, and sends the headers a browser's
 * same-origin fetch would (`Origin`, `Sec-Fetch-Site: same-origin`).
 */
export class Browser {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;
  constructor(readonly base: string) {}

  async fetch(path: string, init: RequestInit & { json?: unknown; site?: 'same-origin' | 'same-site' | 'cross-site' | 'none' | null; origin?: string | null } = {}): Promise<Response> {
    const { json, site = 'same-origin', origin = this.base, ...rest } = init;
    const headers: Record<string, string> = { ...(rest.headers as Record<string, string>) };
    if (this.cookies.size) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    const method = (rest.method ?? 'GET').toUpperCase();
    if (site) headers['Sec-Fetch-Site'] = site;
    if (origin !== null && method !== 'GET' && method !== 'HEAD') headers.Origin = origin;
    const response = await fetch(this.base + path, { ...rest, headers, redirect: 'manual', ...(json !== undefined && { body: JSON.stringify(json) }) });
    for (const header of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(header);
      const maxAge = cookie.attributes.get('max-age');
      const expires = cookie.attributes.get('expires');
      if (maxAge === '0' || (typeof expires === 'string' && Date.parse(expires) <= Date.now())) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  /** Signs in; keeps the CSRF token for later writes. */
  async signIn(email: string, password = PASSWORD): Promise<Response> {
    const response = await this.fetch('/api/v1/session', { method: 'POST', json: { email, password } });
    if (response.status === 200) this.csrfToken = ((await response.clone().json()) as { csrfToken: string }).csrfToken;
    return response;
  }

  /** A write from the admin page: same origin, with the CSRF token. */
  write(path: string, method: string, json?: unknown): Promise<Response> {
    return this.fetch(path, { method, ...(json !== undefined && { json }), headers: { 'X-CSRF-Token': this.csrfToken ?? '' } });
  }
}
