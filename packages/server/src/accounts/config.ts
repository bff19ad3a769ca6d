import { ConfigError } from '../config.js';
import { DEFAULT_SESSION_LIFETIME, type SessionLifetime } from './sessions.js';

/** OpenID Connect: the municipality's own sign-in (Microsoft Entra ID, Keycloak, …). */
export interface OidcSettings {
  /** The issuer, e.g. `https://login.microsoftonline.com/<tenant-id>/v2.0`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** Where notification e-mail is sent from. */
export interface SmtpSettings {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; or the parts below. */
  url?: string;
  host?: string;
  port?: number;
  user?: string;
  pass?: string;
  /** The sender, e.g. `Samverkan <samverkan@kommun.example>`. */
  from: string;
}

/** The accounts' settings, read from the environment. */
export interface AccountsConfig {
  /**
   * The address people reach the server at, e.g. `https://samverkan.kommun.example`
   * (`SAMVERKAN_PUBLIC_URL`): used in set-password links, e-mail links, the
   * OpenID Connect redirect URI and the CSRF origin check.
   */
  publicUrl?: string;
  oidc?: OidcSettings;
  smtp?: SmtpSettings;
  session: SessionLifetime;
}

/**
 * Reads `SAMVERKAN_PUBLIC_URL`, `SAMVERKAN_OIDC_ISSUER`,
 * `SAMVERKAN_OIDC_CLIENT_ID`, `SAMVERKAN_OIDC_CLIENT_SECRET`,
 * `SAMVERKAN_SMTP_URL` (or `SAMVERKAN_SMTP_HOST`, `…_PORT`, `…_USER`,
 * `…_PASS`), `SAMVERKAN_SMTP_FROM`, `SAMVERKAN_SESSION_IDLE_MINUTES` and
 * `SAMVERKAN_SESSION_MAX_HOURS`. Throws a {@link ConfigError} that names the
 * setting when one is missing or wrong.
 */
export function loadAccountsConfig(env: NodeJS.ProcessEnv = process.env): AccountsConfig {
  const value = (name: string) => (env[name] === undefined || env[name]!.trim() === '' ? undefined : env[name]!.trim());
  const config: AccountsConfig = { session: { ...DEFAULT_SESSION_LIFETIME } };

  const publicUrl = value('SAMVERKAN_PUBLIC_URL');
  if (publicUrl) {
    let url: URL;
    try {
      url = new URL(publicUrl);
    } catch {
      throw new ConfigError(`SAMVERKAN_PUBLIC_URL must be the server's address such as https://samverkan.kommun.example (got "${publicUrl}").`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('SAMVERKAN_PUBLIC_URL must start with https:// (or http:// for a test on your own computer).');
    config.publicUrl = url.origin;
  }

  const issuer = value('SAMVERKAN_OIDC_ISSUER');
  const clientId = value('SAMVERKAN_OIDC_CLIENT_ID');
  const clientSecret = value('SAMVERKAN_OIDC_CLIENT_SECRET');
  if (issuer || clientId || clientSecret) {
    const missing = [
      !issuer && 'SAMVERKAN_OIDC_ISSUER',
      !clientId && 'SAMVERKAN_OIDC_CLIENT_ID',
      !clientSecret && 'SAMVERKAN_OIDC_CLIENT_SECRET',
      !config.publicUrl && 'SAMVERKAN_PUBLIC_URL (the redirect URI is made from it)',
    ].filter(Boolean);
    if (missing.length > 0) throw new ConfigError(`Sign-in with OpenID Connect needs ${missing.join(', ')} as well.`);
    try {
      new URL(issuer!);
    } catch {
      throw new ConfigError(`SAMVERKAN_OIDC_ISSUER must be the issuer's URL such as https://login.microsoftonline.com/<tenant-id>/v2.0 (got "${issuer}").`);
    }
    config.oidc = { issuer: issuer!, clientId: clientId!, clientSecret: clientSecret! };
  }

  const smtpUrl = value('SAMVERKAN_SMTP_URL');
  const smtpHost = value('SAMVERKAN_SMTP_HOST');
  if (smtpUrl || smtpHost) {
    const from = value('SAMVERKAN_SMTP_FROM');
    if (!from) throw new ConfigError('E-mail needs SAMVERKAN_SMTP_FROM, the sender, such as "Samverkan <samverkan@kommun.example>".');
    if (!config.publicUrl) throw new ConfigError('E-mail needs SAMVERKAN_PUBLIC_URL as well, for the link to the admin page in each message.');
    const smtp: SmtpSettings = { from };
    if (smtpUrl) {
      if (!/^smtps?:\/\//i.test(smtpUrl)) throw new ConfigError('SAMVERKAN_SMTP_URL must look like smtp://user:password@mail.kommun.example:587 (or smtps://… for port 465).');
      smtp.url = smtpUrl;
    } else {
      smtp.host = smtpHost!;
      const port = value('SAMVERKAN_SMTP_PORT');
      if (port) smtp.port = whole('SAMVERKAN_SMTP_PORT', port, 1, 65535);
      const user = value('SAMVERKAN_SMTP_USER');
      const pass = env.SAMVERKAN_SMTP_PASS;
      if (user) smtp.user = user;
      if (pass) smtp.pass = pass;
    }
    config.smtp = smtp;
  }

  const idle = value('SAMVERKAN_SESSION_IDLE_MINUTES');
  if (idle) config.session.idleMs = whole('SAMVERKAN_SESSION_IDLE_MINUTES', idle, 1, 24 * 60) * 60_000;
  const max = value('SAMVERKAN_SESSION_MAX_HOURS');
  if (max) config.session.absoluteMs = whole('SAMVERKAN_SESSION_MAX_HOURS', max, 1, 24 * 30) * 60 * 60_000;
  return config;
}

function whole(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${value}").`);
  return n;
}
