import type Database from 'better-sqlite3';
import { AccountSchemaTooNewError, DuplicateEmailError, type AccountStore, type GuardedResult, type OidcLoginRecord, type SessionRecord, type UserChanges, type UserRecord } from './types.js';
import { RECORD_FAILURE, toSession, toUser, type SessionRow, type UserRow } from './rows.js';

/**
 * The accounts' own schema, as an append-only list: migration `n` brings the
 * tables from version n to n + 1. The version is kept in `account_schema`, not
 * in `PRAGMA user_version`, which belongs to the main store: the two evolve
 * independently in one database file. Never edit a released migration; add one.
 *
 * Times are integers (milliseconds since the epoch). Only hashes of session
 * ids and set-password tokens are stored, so a copy of the database does not
 * let anyone in.
 */
export const ACCOUNT_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE account_users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
    notify_applications INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT,
    created_at INTEGER NOT NULL,
    last_sign_in_at INTEGER
  ) STRICT;

  CREATE TABLE account_sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES account_users (id) ON DELETE CASCADE,
    via TEXT NOT NULL CHECK (via IN ('password', 'oidc')),
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX account_sessions_by_user ON account_sessions (user_id);

  CREATE TABLE account_password_links (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES account_users (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX account_password_links_by_user ON account_password_links (user_id);

  CREATE TABLE account_oidc_logins (
    state_hash TEXT PRIMARY KEY,
    code_verifier TEXT NOT NULL,
    nonce TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) STRICT;
  `,
  // 2: failed sign-ins counted in the database (hashed keys), so they outlive a restart.
  `
  CREATE TABLE account_failures (
    key_hash TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL
  ) STRICT;
  `,
];


/** Brings the account tables in `db` up to date; refuses a database from a newer version. */
export function migrateAccounts(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS account_schema (version INTEGER NOT NULL) STRICT');
  const row = db.prepare('SELECT version FROM account_schema').get() as { version: number } | undefined;
  const version = row?.version ?? 0;
  if (version > ACCOUNT_MIGRATIONS.length) {
    throw new AccountSchemaTooNewError(
      `The database's account tables are at version ${version}, newer than this server knows (${ACCOUNT_MIGRATIONS.length}). Upgrade the server; do not run an older one on this database.`,
    );
  }
  for (let next = version; next < ACCOUNT_MIGRATIONS.length; next++) {
    db.transaction(() => {
      db.exec(ACCOUNT_MIGRATIONS[next]!);
      db.prepare('DELETE FROM account_schema').run();
      db.prepare('INSERT INTO account_schema (version) VALUES (?)').run(next + 1);
    })();
  }
}

/**
 * The accounts in SQLite, in a database the main store opened (one file, one
 * handle). Dependent rows are deleted explicitly rather than through
 * `ON DELETE CASCADE`, so the result does not depend on `PRAGMA foreign_keys`.
 */
export class SqliteAccountStore implements AccountStore {
  readonly #db: Database.Database;
  readonly #statements;

  constructor(db: Database.Database) {
    this.#db = db;
    migrateAccounts(db);
    const prepare = (sql: string) => db.prepare(sql);
    this.#statements = {
      insertUser: prepare(
        'INSERT INTO account_users (id, email, name, role, notify_applications, created_at) VALUES (@id, @email, @name, @role, @notify, @createdAt)',
      ),
      userById: prepare('SELECT * FROM account_users WHERE id = ?'),
      userByEmail: prepare('SELECT * FROM account_users WHERE email = ?'),
      users: prepare('SELECT * FROM account_users ORDER BY name COLLATE NOCASE, email'),
      usersToNotify: prepare('SELECT id, email, name FROM account_users WHERE notify_applications = 1 ORDER BY email'),
      otherAdmins: prepare("SELECT count(*) AS n FROM account_users WHERE role = 'admin' AND id <> ?"),
      deleteUser: prepare('DELETE FROM account_users WHERE id = ?'),
      setPassword: prepare('UPDATE account_users SET password_hash = ? WHERE id = ?'),
      recordSignIn: prepare('UPDATE account_users SET last_sign_in_at = ? WHERE id = ?'),
      insertLink: prepare('INSERT INTO account_password_links (token_hash, user_id, expires_at) VALUES (?, ?, ?)'),
      linkByHash: prepare('SELECT user_id FROM account_password_links WHERE token_hash = ? AND expires_at > ?'),
      deleteLink: prepare('DELETE FROM account_password_links WHERE token_hash = ?'),
      deleteUserLinks: prepare('DELETE FROM account_password_links WHERE user_id = ?'),
      insertSession: prepare(
        'INSERT INTO account_sessions (id_hash, user_id, via, created_at, last_seen_at, expires_at) VALUES (@idHash, @userId, @via, @createdAt, @lastSeenAt, @expiresAt)',
      ),
      sessionByHash: prepare('SELECT * FROM account_sessions WHERE id_hash = ?'),
      touchSession: prepare('UPDATE account_sessions SET last_seen_at = ? WHERE id_hash = ? AND last_seen_at < ?'),
      deleteSession: prepare('DELETE FROM account_sessions WHERE id_hash = ?'),
      deleteUserSessions: prepare('DELETE FROM account_sessions WHERE user_id = ?'),
      deleteExpiredSessions: prepare('DELETE FROM account_sessions WHERE expires_at <= ? OR last_seen_at <= ?'),
      deleteExpiredLinks: prepare('DELETE FROM account_password_links WHERE expires_at <= ?'),
      deleteExpiredOidc: prepare('DELETE FROM account_oidc_logins WHERE expires_at <= ?'),
      insertOidc: prepare('INSERT INTO account_oidc_logins (state_hash, code_verifier, nonce, expires_at) VALUES (?, ?, ?, ?)'),
      oidcByHash: prepare('SELECT * FROM account_oidc_logins WHERE state_hash = ?'),
      deleteOidc: prepare('DELETE FROM account_oidc_logins WHERE state_hash = ?'),
      failureCount: prepare('SELECT failures, last_failure_at AS lastFailureAt FROM account_failures WHERE key_hash = ?'),
      recordFailure: prepare(RECORD_FAILURE.replace(/\$\d/g, '?')),
      clearFailures: prepare('DELETE FROM account_failures WHERE key_hash = ?'),
      forgetFailures: prepare('DELETE FROM account_failures WHERE last_failure_at < ?'),
    };
  }

  async createUser(user: Omit<UserRecord, 'passwordHash' | 'lastSignInAt'>): Promise<void> {
    try {
      this.#statements.insertUser.run({ ...user, notify: user.notifyApplications ? 1 : 0 });
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateEmailError('An account with this e-mail address exists already.');
      throw error;
    }
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    const row = this.#statements.userById.get(id) as UserRow | undefined;
    return row && toUser(row);
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const row = this.#statements.userByEmail.get(email) as UserRow | undefined;
    return row && toUser(row);
  }

  async listUsers(): Promise<UserRecord[]> {
    return (this.#statements.users.all() as UserRow[]).map(toUser);
  }

  async listUsersToNotify(): Promise<Pick<UserRecord, 'id' | 'email' | 'name'>[]> {
    return this.#statements.usersToNotify.all() as Pick<UserRecord, 'id' | 'email' | 'name'>[];
  }

  async updateUser(id: string, changes: UserChanges): Promise<GuardedResult> {
    return this.#db.transaction((): GuardedResult => {
      const row = this.#statements.userById.get(id) as UserRow | undefined;
      if (!row) return 'not-found';
      if (row.role === 'admin' && changes.role === 'editor' && this.#otherAdmins(id) === 0) return 'last-admin';
      const sets: string[] = [];
      const values: Record<string, unknown> = { id };
      if (changes.role !== undefined) (sets.push('role = @role'), (values.role = changes.role));
      if (changes.name !== undefined) (sets.push('name = @name'), (values.name = changes.name));
      if (changes.notifyApplications !== undefined) (sets.push('notify_applications = @notify'), (values.notify = changes.notifyApplications ? 1 : 0));
      if (sets.length > 0) this.#db.prepare(`UPDATE account_users SET ${sets.join(', ')} WHERE id = @id`).run(values);
      return 'ok';
    }).immediate();
  }

  async deleteUser(id: string): Promise<GuardedResult> {
    return this.#db.transaction((): GuardedResult => {
      const row = this.#statements.userById.get(id) as UserRow | undefined;
      if (!row) return 'not-found';
      if (row.role === 'admin' && this.#otherAdmins(id) === 0) return 'last-admin';
      this.#statements.deleteUserSessions.run(id);
      this.#statements.deleteUserLinks.run(id);
      this.#statements.deleteUser.run(id);
      return 'ok';
    }).immediate();
  }

  #otherAdmins(id: string): number {
    return (this.#statements.otherAdmins.get(id) as { n: number }).n;
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    this.#db.transaction(() => {
      this.#statements.setPassword.run(passwordHash, userId);
      this.#statements.deleteUserSessions.run(userId);
    }).immediate();
  }

  async upgradePasswordHash(userId: string, passwordHash: string): Promise<void> {
    this.#statements.setPassword.run(passwordHash, userId);
  }

  async recordSignIn(userId: string, at: number): Promise<void> {
    this.#statements.recordSignIn.run(at, userId);
  }

  async createPasswordLink(link: { tokenHash: string; userId: string; expiresAt: number }): Promise<void> {
    this.#db.transaction(() => {
      this.#statements.deleteUserLinks.run(link.userId);
      this.#statements.insertLink.run(link.tokenHash, link.userId, link.expiresAt);
    }).immediate();
  }

  async findPasswordLink(tokenHash: string, now: number): Promise<{ userId: string } | undefined> {
    const row = this.#statements.linkByHash.get(tokenHash, now) as { user_id: string } | undefined;
    return row && { userId: row.user_id };
  }

  async usePasswordLink(tokenHash: string, now: number, passwordHash: string): Promise<string | undefined> {
    return this.#db.transaction((): string | undefined => {
      const row = this.#statements.linkByHash.get(tokenHash, now) as { user_id: string } | undefined;
      if (!row) return undefined;
      this.#statements.deleteLink.run(tokenHash);
      this.#statements.setPassword.run(passwordHash, row.user_id);
      this.#statements.deleteUserSessions.run(row.user_id);
      return row.user_id;
    }).immediate();
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.#statements.insertSession.run(session);
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const row = this.#statements.sessionByHash.get(idHash) as SessionRow | undefined;
    return row && toSession(row);
  }

  async touchSession(idHash: string, lastSeenAt: number): Promise<void> {
    this.#statements.touchSession.run(lastSeenAt, idHash, lastSeenAt);
  }

  async deleteSession(idHash: string): Promise<void> {
    this.#statements.deleteSession.run(idHash);
  }

  async deleteUserSessions(userId: string): Promise<void> {
    this.#statements.deleteUserSessions.run(userId);
  }

  async deleteExpired(now: number, idleMs: number): Promise<number> {
    return this.#db.transaction(
      () =>
        this.#statements.deleteExpiredSessions.run(now, now - idleMs).changes +
        this.#statements.deleteExpiredLinks.run(now).changes +
        this.#statements.deleteExpiredOidc.run(now).changes,
    )();
  }

  async createOidcLogin(login: OidcLoginRecord): Promise<void> {
    this.#statements.insertOidc.run(login.stateHash, login.codeVerifier, login.nonce, login.expiresAt);
  }

  async failureCount(keyHash: string): Promise<{ failures: number; lastFailureAt: number } | undefined> {
    return this.#statements.failureCount.get(keyHash) as { failures: number; lastFailureAt: number } | undefined;
  }

  async recordFailure(keyHash: string, at: number, forgetBefore: number): Promise<void> {
    this.#statements.recordFailure.run(keyHash, at, forgetBefore);
  }

  async clearFailures(keyHash: string): Promise<void> {
    this.#statements.clearFailures.run(keyHash);
  }

  async forgetFailures(before: number): Promise<number> {
    return this.#statements.forgetFailures.run(before).changes;
  }

  async takeOidcLogin(stateHash: string, now: number): Promise<OidcLoginRecord | undefined> {
    return this.#db.transaction((): OidcLoginRecord | undefined => {
      const row = this.#statements.oidcByHash.get(stateHash) as
        | { state_hash: string; code_verifier: string; nonce: string; expires_at: number }
        | undefined;
      if (!row) return undefined;
      this.#statements.deleteOidc.run(stateHash);
      if (row.expires_at <= now) return undefined;
      return { stateHash: row.state_hash, codeVerifier: row.code_verifier, nonce: row.nonce, expiresAt: row.expires_at };
    }).immediate();
  }
}
