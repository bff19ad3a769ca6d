/**
 * The account rows as both databases give them back, and how they become
 * records: SQLite answers times as integers and flags as 0/1, PostgreSQL
 * BIGINT times as text and flags as booleans; the records are the same.
 */
import type { Role } from '../auth/actor.js';
import type { SessionRecord, UserRecord } from './types.js';

/** A time in milliseconds since the epoch (INTEGER in SQLite, BIGINT as text in PostgreSQL). */
type Millis = number | string;

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  notify_applications: number | boolean;
  password_hash: string | null;
  created_at: Millis;
  last_sign_in_at: Millis | null;
}

export interface SessionRow {
  id_hash: string;
  user_id: string;
  via: 'password' | 'oidc';
  created_at: Millis;
  last_seen_at: Millis;
  expires_at: Millis;
}

export function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    notifyApplications: row.notify_applications === true || row.notify_applications === 1,
    passwordHash: row.password_hash,
    createdAt: Number(row.created_at),
    lastSignInAt: row.last_sign_in_at === null ? null : Number(row.last_sign_in_at),
  };
}

export function toSession(row: SessionRow): SessionRecord {
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    via: row.via,
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
    expiresAt: Number(row.expires_at),
  };
}

/**
 * Counts one failed sign-in for a key ($1) at $2, in one statement, so two
 * processes counting at once both count: the first failure, one more, or
 * one again when the last was before $3 (forgotten). PostgreSQL's
 * placeholders; SQLite's store writes them as `?`.
 */
export const RECORD_FAILURE = `INSERT INTO account_failures (key_hash, failures, last_failure_at) VALUES ($1, 1, $2)
  ON CONFLICT (key_hash) DO UPDATE SET
    failures = CASE WHEN account_failures.last_failure_at < $3 THEN 1 ELSE account_failures.failures + 1 END,
    last_failure_at = excluded.last_failure_at`;
