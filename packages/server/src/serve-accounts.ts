/**
 * The accounts (sessions, users, OpenID Connect, e-mail) as `samverkan-server
 * serve` runs them: the plugin on the server's own SQLite file (the same
 * file the `users` command uses), the audit events into the server's audit
 * log, and for the demo one administrator whose password is printed, so
 * `npm start` opens /admin without a terminal command first.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyPluginAsync } from 'fastify';
import { accountsPlugin, createSmtpMailer, loadAccountsConfig, PasswordHasher, SqliteAccountStore } from './accounts/index.js';
import type { AdminAuth } from './admin-auth.js';
import type { AppContext } from './app.js';
import { DATABASE_FILE } from './store/sqlite/store.js';

/** The demo's administrator (fictional address; the password is made for each new data directory). */
export const DEMO_ACCOUNT_EMAIL = 'demo@kommun.example.org';

export interface ServeAccounts {
  plugin: FastifyPluginAsync<AppContext>;
  /** For the demo: makes the demo administrator when there is none, and gives its password (only when it was made now). */
  demoAccount(): Promise<{ email: string; password: string | undefined }>;
  close(): void;
}

/** The accounts for a server whose data lives in `dataDir`. */
export function serveAccounts(dataDir: string, adminAuth: AdminAuth | undefined): ServeAccounts {
  const config = loadAccountsConfig();
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  const store = new SqliteAccountStore(db);
  const hasher = new PasswordHasher();
  const plugin: FastifyPluginAsync<AppContext> = async (app, context) => {
    await app.register(accountsPlugin, {
      store,
      audit: context.store,
      hasher,
      adminAuth,
      publicUrl: config.publicUrl,
      oidc: config.oidc,
      session: config.session,
      ...(config.smtp && { mailer: createSmtpMailer(config.smtp) }),
    });
  };
  // Not encapsulated: sessions reach the admin routes the server registers beside it.
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  return {
    plugin,
    async demoAccount() {
      if (await store.findUserByEmail(DEMO_ACCOUNT_EMAIL)) return { email: DEMO_ACCOUNT_EMAIL, password: undefined };
      const password = randomBytes(12).toString('base64url');
      const id = randomUUID();
      await store.createUser({ id, email: DEMO_ACCOUNT_EMAIL, name: 'Demo Administratör', role: 'admin', notifyApplications: false, createdAt: Date.now() });
      await store.setPassword(id, await hasher.hash(password));
      return { email: DEMO_ACCOUNT_EMAIL, password };
    },
    close: () => db.close(),
  };
}
