import type { FastifyRequest } from 'fastify';
import type { AuditEvent, AuditSink } from './audit-sink.js';
import type { Mailer } from './mailer.js';
import type { OidcSignIn } from './oidc.js';
import type { PasswordHasher } from './password-hash.js';
import type { Sessions } from './sessions.js';
import type { FailureThrottle } from './sign-in-throttle.js';
import type { AccountStore } from './types.js';

/** What the account routes share. */
export interface AccountsContext {
  store: AccountStore;
  hasher: PasswordHasher;
  sessions: Sessions;
  throttle: { account: FailureThrottle; client: FailureThrottle };
  /** The server's public origin (`SAMVERKAN_PUBLIC_URL`), when configured. */
  publicUrl: string | undefined;
  oidc: OidcSignIn | undefined;
  mailer: Mailer | undefined;
  now: () => number;
  /** Writes an audit event (a failing sink is logged, never fails the request). */
  audit(request: FastifyRequest, event: Omit<AuditEvent, 'at'>): Promise<void>;
  sink: AuditSink;
}

/** The address links are made from: the configured public URL, else the one the request came to. */
export function baseUrl(context: AccountsContext, request: FastifyRequest): string {
  return context.publicUrl ?? `${request.protocol}://${request.host}`;
}
