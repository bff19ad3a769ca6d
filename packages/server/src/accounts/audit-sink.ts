import type { AuditSink, NewAuditEntry } from '../store/types.js';

/**
 * The accounts write to the server's one audit log through its `AuditSink`
 * (store/types.ts): `{ at, by, action, target }` where `by` is the actor's
 * name as the log shows it (`anonymous` for a failed sign-in), `target` is
 * `user:<id>` (empty when there is no account to name), and actions are
 * `sign-in`, `sign-in-failed`, `sign-out`, `password-set`, `user-invited`,
 * `user-changed`, `user-role-changed`, `user-removed`, `user-link-issued`.
 * Never an e-mail address.
 */
export type { AuditSink };
export type AuditEvent = NewAuditEntry;

/** An audit sink that keeps events in memory, oldest first (tests). */
export class MemoryAuditSink implements AuditSink {
  readonly events: AuditEvent[] = [];
  record(event: AuditEvent): void {
    this.events.push(event);
  }
}
