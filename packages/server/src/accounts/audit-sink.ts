/** One entry of the audit log: who did what to what, and when. Never personal data itself (ids, not addresses). */
export interface AuditEvent {
  /** ISO 8601 date-time. */
  at: string;
  /** The actor's id (`admin-token`, a user's id) or `anonymous`. */
  by: string;
  /** `sign-in`, `sign-in-failed`, `sign-out`, `password-set`, `user-invited`, `user-changed`, `user-role-changed`, `user-removed`, `user-link-issued`. */
  action: string;
  /** What it concerns, e.g. `user:<id>`; empty when there is nothing to name (a failed sign-in for an unknown address). */
  target: string;
}

/** Where the accounts write their audit events; the server's audit log implements it. */
export interface AuditSink {
  record(event: AuditEvent): void | Promise<void>;
}

/** An audit sink that keeps events in memory, newest last (tests, and a server without an audit log). */
export class MemoryAuditSink implements AuditSink {
  readonly events: AuditEvent[] = [];
  record(event: AuditEvent): void {
    this.events.push(event);
  }
}
