import type { PostgresStore } from '../store/postgres/store.js';
import type { SqlClient, SqlResult } from '../store/postgres/sql.js';
import { AccountSchemaTooNewError, DuplicateEmailError, type AccountStore, type GuardedResult, type OidcLoginRecord, type SessionRecord, type UserChanges, type UserRecord } from './types.js';
import { RECORD_FAILURE, toSession, toUser, type SessionRow, type UserRow } from './rows.js';

/**
 * The accounts' PostgreSQL schema, with the same version numbers as
 * `ACCOUNT_MIGRATIONS` (SQLite), kept in `account_schema` next to the main
 * store's `schema_version`. Times are milliseconds since the epoch (BIGINT,
 * read back as numbers); only hashes of session ids and tokens are stored.
 */
export const POSTGRES_ACCOUNT_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE account_users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
    notify_applications BOOLEAN NOT NULL DEFAULT FALSE,
    password_hash TEXT,
    created_at BIGINT NOT NULL,
    last_sign_in_at BIGINT
  );

  CREATE TABLE account_sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES account_users (id) ON DELETE CASCADE,
    via TEXT NOT NULL CHECK (via IN ('password', 'oidc')),
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX account_sessions_by_user ON account_sessions (user_id);

  CREATE TABLE account_password_links (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES account_users (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX account_password_links_by_user ON account_password_links (user_id);

  CREATE TABLE account_oidc_logins (
    state_hash TEXT PRIMARY KEY,
    code_verifier TEXT NOT NULL,
    nonce TEXT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  `,
  // 2: failed sign-ins counted in the database (hashed keys), so every process counts together.
  `
  CREATE TABLE account_failures (
    key_hash TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at BIGINT NOT NULL
  );
  `,
];


/**
 * The accounts in PostgreSQL, in the main store's database and schema (its
 * connections). Changes that must leave an admin take a transaction-scoped
 * advisory lock, so two processes cannot both remove "the other" admin.
 */
export class PostgresAccountStore implements AccountStore {
  readonly #db: PostgresStore;
  #ready: Promise<void> | undefined;

  constructor(db: PostgresStore) {
    this.#db = db;
  }

  /** Creates or upgrades the account tables; refuses a newer version. Called by every method first. */
  ready(): Promise<void> {
    this.#ready ??= this.#db.transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`samverkan.accounts-migrate.${this.#db.schema}`]);
      await c.query('CREATE TABLE IF NOT EXISTS account_schema (version INTEGER NOT NULL)');
      const row = (await c.query<{ version: number }>('SELECT version FROM account_schema')).rows[0];
      const version = row?.version ?? 0;
      if (version > POSTGRES_ACCOUNT_MIGRATIONS.length) {
        throw new AccountSchemaTooNewError(
          `The database's account tables are at version ${version}, newer than this server knows (${POSTGRES_ACCOUNT_MIGRATIONS.length}). Upgrade the server; do not run an older one on this database.`,
        );
      }
      for (let next = version; next < POSTGRES_ACCOUNT_MIGRATIONS.length; next++) await c.query(POSTGRES_ACCOUNT_MIGRATIONS[next]!);
      await c.query('DELETE FROM account_schema');
      await c.query('INSERT INTO account_schema (version) VALUES ($1)', [POSTGRES_ACCOUNT_MIGRATIONS.length]);
    });
    return this.#ready;
  }

  async #q<R = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<SqlResult<R>> {
    await this.ready();
    return this.#db.query<R>(sql, values);
  }

  async #tx<T>(work: (client: SqlClient) => Promise<T>): Promise<T> {
    await this.ready();
    return this.#db.transaction(work);
  }

  async createUser(user: Omit<UserRecord, 'passwordHash' | 'lastSignInAt'>): Promise<void> {
    try {
      await this.#q('INSERT INTO account_users (id, email, name, role, notify_applications, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        user.id,
        user.email,
        user.name,
        user.role,
        user.notifyApplications,
        user.createdAt,
      ]);
    } catch (error) {
      if ((error as { code?: string; constraint?: string }).code === '23505' && (error as { constraint?: string }).constraint === 'account_users_email_key') {
        throw new DuplicateEmailError('An account with this e-mail address exists already.');
      }
      throw error;
    }
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    const row = (await this.#q<UserRow>('SELECT * FROM account_users WHERE id = $1', [id])).rows[0];
    return row && toUser(row);
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const row = (await this.#q<UserRow>('SELECT * FROM account_users WHERE email = $1', [email])).rows[0];
    return row && toUser(row);
  }

  async listUsers(): Promise<UserRecord[]> {
    // lower(): the order SQLite's COLLATE NOCASE gives.
    return (await this.#q<UserRow>('SELECT * FROM account_users ORDER BY lower(name) COLLATE "C", email COLLATE "C"')).rows.map(toUser);
  }

  async listUsersToNotify(): Promise<Pick<UserRecord, 'id' | 'email' | 'name'>[]> {
    return (await this.#q<Pick<UserRecord, 'id' | 'email' | 'name'>>('SELECT id, email, name FROM account_users WHERE notify_applications ORDER BY email COLLATE "C"')).rows;
  }

  async #guard(c: SqlClient, id: string): Promise<{ row: UserRow | undefined; otherAdmins: number }> {
    await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`samverkan.accounts-admins.${this.#db.schema}`]);
    const row = (await c.query<UserRow>('SELECT * FROM account_users WHERE id = $1', [id])).rows[0];
    const otherAdmins = Number((await c.query<{ n: string }>("SELECT count(*) AS n FROM account_users WHERE role = 'admin' AND id <> $1", [id])).rows[0]!.n);
    return { row, otherAdmins };
  }

  async updateUser(id: string, changes: UserChanges): Promise<GuardedResult> {
    return this.#tx(async (c): Promise<GuardedResult> => {
      const { row, otherAdmins } = await this.#guard(c, id);
      if (!row) return 'not-found';
      if (row.role === 'admin' && changes.role === 'editor' && otherAdmins === 0) return 'last-admin';
      const sets: string[] = [];
      const values: unknown[] = [];
      if (changes.role !== undefined) (values.push(changes.role), sets.push(`role = $${values.length}`));
      if (changes.name !== undefined) (values.push(changes.name), sets.push(`name = $${values.length}`));
      if (changes.notifyApplications !== undefined) (values.push(changes.notifyApplications), sets.push(`notify_applications = $${values.length}`));
      if (sets.length > 0) {
        values.push(id);
        await c.query(`UPDATE account_users SET ${sets.join(', ')} WHERE id = $${values.length}`, values);
      }
      return 'ok';
    });
  }

  async deleteUser(id: string): Promise<GuardedResult> {
    return this.#tx(async (c): Promise<GuardedResult> => {
      const { row, otherAdmins } = await this.#guard(c, id);
      if (!row) return 'not-found';
      if (row.role === 'admin' && otherAdmins === 0) return 'last-admin';
      await c.query('DELETE FROM account_sessions WHERE user_id = $1', [id]);
      await c.query('DELETE FROM account_password_links WHERE user_id = $1', [id]);
      await c.query('DELETE FROM account_users WHERE id = $1', [id]);
      return 'ok';
    });
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.#tx(async (c) => {
      await c.query('UPDATE account_users SET password_hash = $1 WHERE id = $2', [passwordHash, userId]);
      await c.query('DELETE FROM account_sessions WHERE user_id = $1', [userId]);
    });
  }

  async upgradePasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.#q('UPDATE account_users SET password_hash = $1 WHERE id = $2', [passwordHash, userId]);
  }

  async recordSignIn(userId: string, at: number): Promise<void> {
    await this.#q('UPDATE account_users SET last_sign_in_at = $1 WHERE id = $2', [at, userId]);
  }

  async createPasswordLink(link: { tokenHash: string; userId: string; expiresAt: number }): Promise<void> {
    await this.#tx(async (c) => {
      await c.query('DELETE FROM account_password_links WHERE user_id = $1', [link.userId]);
      await c.query('INSERT INTO account_password_links (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [link.tokenHash, link.userId, link.expiresAt]);
    });
  }

  async findPasswordLink(tokenHash: string, now: number): Promise<{ userId: string } | undefined> {
    const row = (await this.#q<{ user_id: string }>('SELECT user_id FROM account_password_links WHERE token_hash = $1 AND expires_at > $2', [tokenHash, now])).rows[0];
    return row && { userId: row.user_id };
  }

  async usePasswordLink(tokenHash: string, now: number, passwordHash: string): Promise<string | undefined> {
    return this.#tx(async (c) => {
      // DELETE … RETURNING takes the link once: of two uses at the same time (in any processes), one gets the row.
      const row = (await c.query<{ user_id: string }>('DELETE FROM account_password_links WHERE token_hash = $1 AND expires_at > $2 RETURNING user_id', [tokenHash, now]))
        .rows[0];
      if (!row) return undefined;
      await c.query('UPDATE account_users SET password_hash = $1 WHERE id = $2', [passwordHash, row.user_id]);
      await c.query('DELETE FROM account_sessions WHERE user_id = $1', [row.user_id]);
      return row.user_id;
    });
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.#q('INSERT INTO account_sessions (id_hash, user_id, via, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      session.idHash,
      session.userId,
      session.via,
      session.createdAt,
      session.lastSeenAt,
      session.expiresAt,
    ]);
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const row = (await this.#q<SessionRow>('SELECT * FROM account_sessions WHERE id_hash = $1', [idHash])).rows[0];
    return row && toSession(row);
  }

  async touchSession(idHash: string, lastSeenAt: number): Promise<void> {
    await this.#q('UPDATE account_sessions SET last_seen_at = $1 WHERE id_hash = $2 AND last_seen_at < $1', [lastSeenAt, idHash]);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.#q('DELETE FROM account_sessions WHERE id_hash = $1', [idHash]);
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.#q('DELETE FROM account_sessions WHERE user_id = $1', [userId]);
  }

  async deleteExpired(now: number, idleMs: number): Promise<number> {
    return this.#tx(async (c) => {
      const sessions = await c.query('DELETE FROM account_sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [now, now - idleMs]);
      const links = await c.query('DELETE FROM account_password_links WHERE expires_at <= $1', [now]);
      const oidc = await c.query('DELETE FROM account_oidc_logins WHERE expires_at <= $1', [now]);
      return (sessions.rowCount ?? 0) + (links.rowCount ?? 0) + (oidc.rowCount ?? 0);
    });
  }

  async createOidcLogin(login: OidcLoginRecord): Promise<void> {
    await this.#q('INSERT INTO account_oidc_logins (state_hash, code_verifier, nonce, expires_at) VALUES ($1, $2, $3, $4)', [
      login.stateHash,
      login.codeVerifier,
      login.nonce,
      login.expiresAt,
    ]);
  }

  async failureCount(keyHash: string): Promise<{ failures: number; lastFailureAt: number } | undefined> {
    const row = (await this.#q<{ failures: number; last_failure_at: string }>('SELECT failures, last_failure_at FROM account_failures WHERE key_hash = $1', [keyHash])).rows[0];
    return row && { failures: row.failures, lastFailureAt: Number(row.last_failure_at) };
  }

  async recordFailure(keyHash: string, at: number, forgetBefore: number): Promise<void> {
    await this.#q(RECORD_FAILURE, [keyHash, at, forgetBefore]);
  }

  async clearFailures(keyHash: string): Promise<void> {
    await this.#q('DELETE FROM account_failures WHERE key_hash = $1', [keyHash]);
  }

  async forgetFailures(before: number): Promise<number> {
    return (await this.#q('DELETE FROM account_failures WHERE last_failure_at < $1', [before])).rowCount ?? 0;
  }

  async takeOidcLogin(stateHash: string, now: number): Promise<OidcLoginRecord | undefined> {
    const row = (
      await this.#q<{ state_hash: string; code_verifier: string; nonce: string; expires_at: string }>('DELETE FROM account_oidc_logins WHERE state_hash = $1 RETURNING *', [stateHash])
    ).rows[0];
    if (!row || Number(row.expires_at) <= now) return undefined;
    return { stateHash: row.state_hash, codeVerifier: row.code_verifier, nonce: row.nonce, expiresAt: Number(row.expires_at) };
  }
}
