import type { FastifyPluginAsync } from 'fastify';
import { AdminAuth } from '../admin-auth.js';
import type { AppContext } from '../app.js';
import { logNote } from '../respond.js';
import type { AccountsConfig } from './config.js';
import { createSmtpMailer, type Mailer } from './mailer.js';
import { accountsPlugin } from './plugin.js';
import { SqliteAccountStore } from './store-sqlite.js';

/** What {@link accountsForApp} needs beyond the app's own context. */
export interface AccountsAppSettings extends Partial<AccountsConfig> {
  /** The admin token, so it also works on the user routes. */
  adminToken?: string | undefined;
  /** A mailer to use instead of one made from `smtp`. */
  mailer?: Mailer | undefined;
}

/**
 * The accounts as a plugin for `createApp({ plugins: [accountsForApp(…)] })`:
 * the account tables in the store's own SQLite database, audit events in the
 * store's audit log, and an e-mail to those who asked for it after each new
 * application is stored (`201` from `POST /api/v1/signups` that was neither
 * a replay nor the honeypot; the answer is not held up by it).
 */
export function accountsForApp(settings: AccountsAppSettings = {}): FastifyPluginAsync<AppContext> {
  const plugin: FastifyPluginAsync<AppContext> = async (app, context) => {
    const store = new SqliteAccountStore(context.store.db);
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
