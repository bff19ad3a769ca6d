import type { FastifyPluginAsync } from 'fastify';
import { AdminAuth } from '../admin-auth.js';
import type { AppContext, AppOptions } from '../app.js';
import type { AccountsConfig } from './config.js';
import { createSmtpMailer, type Mailer } from './mailer.js';
import { notifyNewApplication } from './notify.js';
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

/** The accounts for `createApp`: pass both parts. */
export interface AppAccounts {
  /** For `createApp({ plugins: [plugin] })`. */
  plugin: FastifyPluginAsync<AppContext>;
  /** For `createApp({ onApplication })`: e-mails those who asked about each stored application. */
  onApplication: NonNullable<AppOptions['onApplication']>;
}

/**
 * The accounts for the server:
 * `const accounts = accountsForApp(settings); createApp({ …, plugins: [accounts.plugin], onApplication: accounts.onApplication, adminRoutes: true })`.
 * The account tables live in the store's own database (SQLite, or PostgreSQL and its schema), the events go
 * to the store's audit log, the admin token also works on the user routes,
 * and each stored application is announced by e-mail (only the
 * organisation's name; never holding up or failing the application).
 */
export function accountsForApp(settings: AccountsAppSettings = {}): AppAccounts {
  let accountStore: AccountStore | undefined;
  let log: AppContext['logger'] | undefined;
  const ownMailer = !settings.mailer && settings.smtp ? createSmtpMailer(settings.smtp) : undefined;
  const mailer = settings.mailer ?? ownMailer;

  const plugin: FastifyPluginAsync<AppContext> = async (app, context) => {
    // The accounts live beside the store: in its SQLite file, or in its PostgreSQL database and schema.
    if (context.store instanceof Store) accountStore = new SqliteAccountStore(context.store.db);
    else if (context.store instanceof PostgresStore) {
      const postgres = new PostgresAccountStore(context.store);
      await context.store.ready();
      await postgres.ready();
      accountStore = postgres;
    } else throw new Error('The accounts need the SQLite or the PostgreSQL store.');
    log = context.logger;
    await app.register(accountsPlugin, {
      store: accountStore,
      audit: context.store,
      publicUrl: settings.publicUrl,
      oidc: settings.oidc,
      mailer,
      ...(settings.session && { session: settings.session }),
      adminAuth: settings.adminToken ? new AdminAuth(settings.adminToken) : undefined,
    });
    if (ownMailer) app.addHook('onClose', async () => ownMailer.close());
  };
  // Not encapsulated: the accounts' hook must see every route of the app.
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

  const onApplication: AppAccounts['onApplication'] = (_receipt, application) => {
    if (!accountStore || !mailer) return;
    // Not awaited: the applicant's answer does not wait for the mail server.
    void notifyNewApplication(
      { store: accountStore, mailer, publicUrl: settings.publicUrl, log: (level, message, fields) => log?.event(level, message, fields) },
      { organisationName: application.organisation.name },
    );
  };
  return { plugin, onApplication };
}
