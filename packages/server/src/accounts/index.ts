/** Accounts, sessions, CSRF protection, sign-in with OpenID Connect and e-mail notifications. */
export { accountsPlugin, registerAccounts, type AccountsOptions } from './plugin.js';
export type { AccountStore, UserRecord, SessionRecord, OidcLoginRecord, UserChanges, GuardedResult } from './types.js';
export { DuplicateEmailError, AccountSchemaTooNewError } from './types.js';
export { SqliteAccountStore, migrateAccounts, ACCOUNT_MIGRATIONS } from './store-sqlite.js';
export { MemoryAuditSink, type AuditSink, type AuditEvent } from './audit-sink.js';
export { PasswordHasher, DEFAULT_SCRYPT, type ScryptParameters } from './password-hash.js';
export { loadAccountsConfig, type AccountsConfig, type OidcSettings, type SmtpSettings } from './config.js';
export { createSmtpMailer, type Mailer, type MailMessage } from './mailer.js';
export { notifyNewApplication, type NotifyContext, type NewApplication } from './notify.js';
export { DEFAULT_SESSION_LIFETIME, SESSION_COOKIE, SECURE_SESSION_COOKIE, type SessionLifetime } from './sessions.js';
export { ACCOUNT_POLICY, CLIENT_POLICY, type ThrottlePolicy } from './sign-in-throttle.js';
export { PASSWORD_LINK_TTL_MS, setPasswordUrl, issuePasswordLink } from './links.js';
export { OIDC_CALLBACK_PATH } from './oidc.js';
export { accountsForApp, type AccountsAppSettings } from './app-plugin.js';
export { usersCommand, USERS_USAGE, type UsersCommandContext } from './cli-users.js';
