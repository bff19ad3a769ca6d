import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { AdminAuth } from '../admin-auth.js';
import type { AppContext, AppOptions } from '../app.js';
import type { AccountsConfig } from './config.js';
import { createSmtpMailer, type Mailer } from './mailer.js';
import { notifyNewApplication } from './notify.js';
import { accountStoreFor } from './open.js';
import { PasswordHasher } from './password-hash.js';
import { accountsPlugin } from './plugin.js';
import { DuplicateEmailError, type AccountStore } from './types.js';

/** The demo's administrator (fictional address; the password is made for each new store). */
export const DEMO_ACCOUNT_EMAIL = 'demo@kommun.example.org';

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
  /**
   * For the demo (`serve --demo`), once the app is ready: makes the demo
   * administrator when there is none, and gives its password (only when it
   * was made now), so `npm start` opens /admin without a command first.
   */
  demoAccount(): Promise<{ email: string; password: string | undefined }>;
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
  const hasher = new PasswordHasher();

  const plugin: FastifyPluginAsync<AppContext> = async (app, context) => {
    // The accounts live beside the store: in its SQLite file, or in its PostgreSQL database and schema.
    accountStore = await accountStoreFor(context.store);
    log = context.logger;
    await app.register(accountsPlugin, {
      store: accountStore,
      audit: context.store,
      hasher,
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
  const demoAccount: AppAccounts['demoAccount'] = async () => {
    if (!accountStore) throw new Error('The demo account is made once the app is ready.');
    if (await accountStore.findUserByEmail(DEMO_ACCOUNT_EMAIL)) return { email: DEMO_ACCOUNT_EMAIL, password: undefined };
    const password = randomBytes(12).toString('base64url');
    const id = randomUUID();
    try {
      await accountStore.createUser({ id, email: DEMO_ACCOUNT_EMAIL, name: 'Demo Administratör', role: 'admin', notifyApplications: false, createdAt: Date.now() });
    } catch (error) {
      // Another process on the same database made it at the same moment: its password is the one printed there.
      if (error instanceof DuplicateEmailError) return { email: DEMO_ACCOUNT_EMAIL, password: undefined };
      throw error;
    }
    await accountStore.setPassword(id, await hasher.hash(password));
    return { email: DEMO_ACCOUNT_EMAIL, password };
  };
  return { plugin, onApplication, demoAccount };
}
