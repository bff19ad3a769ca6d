import type { FastifyPluginAsync } from 'fastify';
import { AdminAuth } from '../admin-auth.js';
import type { AppContext } from '../app.js';
import { logNote } from '../respond.js';
import type { AccountsConfig } from './config.js';
import { createSmtpMailer, type Mailer } from './mailer.js';
import { accountsPlugin } from './plugin.js';
import { PostgresStore } from '../store/postgres/store.js';
import { Store } from '../store/sqlite/store.js';
import { PostgresAccountStore } from './store-postgres.js';
import { SqliteAccountStore } from './store-sqlite.js';
import type { AccountStore } from './types.js';

/** What {@link accountsForApp} needs beyond the app's own context. */
export interface AccountsAppSettings extends Partial<AccountsConfig> {
  /** The admin token, so it also works on the user routes. */
  adminToken?: string | undefined;
  /** A mailer to use instead of one made from `smtp`. */
  mailer?: Mailer | undefined;
}

/**
 * The accounts as a plugin for `createApp({ plugins: [accountsForApp(…)] })`:
 * the account tables in the store's own database (SQLite or PostgreSQL), audit events in the
 * store's audit log, and an e-mail to those who asked for it after each new
 * application is stored (`201` from `POST /api/v1/signups` that was neither
 * a replay nor the honeypot; the answer is not held up by it).
 */
export function accountsForApp(settings: AccountsAppSettings = {}): FastifyPluginAsync<AppContext> {
  const plugin: FastifyPluginAsync<AppContext> = async (app, context) => {
    // The accounts live beside the store: in its SQLite file, or in its PostgreSQL database and schema.
    let store: AccountStore;
    if (context.store instanceof Store) store = new SqliteAccountStore(context.store.db);
    else if (context.store instanceof PostgresStore) {
      const postgres = new PostgresAccountStore(context.store);
      await context.store.ready();
      await postgres.ready();
      store = postgres;
    } else throw new Error('The accounts need the SQLite or the PostgreSQL store.');
    const ownMailer = !settings.mailer && settings.smtp ? createSmtpMailer(settings.smtp) : undefined;
    const mailer = settings.mailer ?? ownMailer;
    await app.register(accountsPlugin, {
      store,
      audit: context.store,
      publicUrl: settings.publicUrl,
      oidc: settings.oidc,
      mailer,
      ...(settings.session && { session: settings.session }),
      adminAuth: settings.adminToken ? new AdminAuth(settings.adminToken) : undefined,
    });
    app.addHook('onResponse', (request, reply, done) => {
      done();
      if (request.method !== 'POST' || reply.statusCode !== 201 || request.routeOptions.url !== '/api/v1/signups') return;
      if (logNote(reply.raw) !== undefined) return; // "replayed" or "honeypot": nothing new was stored
      const name = (request.body as { organisation?: { name?: unknown } } | undefined)?.organisation?.name;
      if (typeof name !== 'string') return;
      void app.accounts.notifyNewApplication({ organisationName: name });
    });
    if (ownMailer) app.addHook('onClose', async () => ownMailer.close());
  };
  // Not encapsulated: the accounts' hook must see every route of the app.
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  return plugin;
}
