import type { Role } from '../auth/actor.js';
import type { FailureCounts } from './sign-in-throttle.js';

/** A person who may sign in, as the store keeps them. Times are milliseconds since the epoch. */
export interface UserRecord {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  name: string;
  role: Role;
  /** Whether new applications are announced to this person by e-mail. */
  notifyApplications: boolean;
  /** The scrypt hash with its parameters (see password-hash.ts), or `null` before a password is chosen. */
  passwordHash: string | null;
  createdAt: number;
  lastSignInAt: number | null;
}

/** A server-side session. Only a SHA-256 hash of the session id (the cookie's value) is kept. */
export interface SessionRecord {
  idHash: string;
  userId: string;
  via: 'password' | 'oidc';
  createdAt: number;
  lastSeenAt: number;
  /** The absolute end, whatever the use. */
  expiresAt: number;
}

/** An OpenID Connect sign-in under way: what the callback needs to check the answer. */
export interface OidcLoginRecord {
  /** SHA-256 of the `state` value (also the browser-binding cookie's value). */
  stateHash: string;
  codeVerifier: string;
  nonce: string;
  expiresAt: number;
}

/** What an admin may change about a user. */
export interface UserChanges {
  role?: Role;
  name?: string;
  notifyApplications?: boolean;
}

/** The outcome of a change that must leave at least one admin. */
export type GuardedResult = 'ok' | 'not-found' | 'last-admin';

/**
 * Where accounts, sessions, set-password links, OpenID Connect sign-ins
 * under way and the counts of failed sign-ins are kept. Asynchronous, so PostgreSQL can implement it as well as
 * SQLite (store-sqlite.ts). Each method is atomic on its own.
 */
export interface AccountStore extends FailureCounts {
  /** Adds a user; throws {@link DuplicateEmailError} when the e-mail address has an account already. */
  createUser(user: Omit<UserRecord, 'passwordHash' | 'lastSignInAt'>): Promise<void>;
  getUser(id: string): Promise<UserRecord | undefined>;
  /** `email` lower-cased. */
  findUserByEmail(email: string): Promise<UserRecord | undefined>;
  /** Every user, ordered by name. */
  listUsers(): Promise<UserRecord[]>;
  /** The people who want new applications announced. */
  listUsersToNotify(): Promise<Pick<UserRecord, 'id' | 'email' | 'name'>[]>;
  /** Changes a user; refuses (`last-admin`) to take the admin role from the last admin. */
  updateUser(id: string, changes: UserChanges): Promise<GuardedResult>;
  /** Removes a user with their sessions and set-password links; refuses (`last-admin`) to remove the last admin. */
  deleteUser(id: string): Promise<GuardedResult>;
  /** Stores a new password hash and ends every session of the user. */
  setPassword(userId: string, passwordHash: string): Promise<void>;
  /** Replaces the hash after a successful sign-in with older parameters (sessions stay). */
  upgradePasswordHash(userId: string, passwordHash: string): Promise<void>;
  recordSignIn(userId: string, at: number): Promise<void>;

  /** Stores a set-password link (only the hash of its token); earlier links of the user stop working. */
  createPasswordLink(link: { tokenHash: string; userId: string; expiresAt: number }): Promise<void>;
  /** The user a valid (unused, unexpired) link belongs to. */
  findPasswordLink(tokenHash: string, now: number): Promise<{ userId: string } | undefined>;
  /**
   * Uses a link once: when it is still valid, stores the password hash, ends
   * the user's sessions and deletes the link, all in one step; answers the
   * user's id, or `undefined` when the link was used or expired meanwhile.
   */
  usePasswordLink(tokenHash: string, now: number, passwordHash: string): Promise<string | undefined>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | undefined>;
  touchSession(idHash: string, lastSeenAt: number): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  deleteUserSessions(userId: string): Promise<void>;
  /** Forgets expired sessions, links and OpenID Connect sign-ins; answers how many rows went. */
  deleteExpired(now: number, idleMs: number): Promise<number>;

  createOidcLogin(login: OidcLoginRecord): Promise<void>;
  /** Takes (reads and deletes) an unexpired OpenID Connect sign-in: each can be completed once. */
  takeOidcLogin(stateHash: string, now: number): Promise<OidcLoginRecord | undefined>;
}

/** The e-mail address has an account already. */
export class DuplicateEmailError extends Error {
  override name = 'DuplicateEmailError' as const;
}

/** The database was written by a newer version of the accounts module than this one. */
export class AccountSchemaTooNewError extends Error {
  override name = 'AccountSchemaTooNewError' as const;
}
