import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Dataset, Organisation, VersionSummary } from '@samverkan/sdk';
import type { Logger } from '../../logger.js';
import { APPLICATION_COLUMNS, applicationFromRow, applicationValues, auditPage, decisionUpdate, erasureAsStored, erasureVersion, erasureRowQuery, publishedIdOf, scrubOrganisationIn, versionScrub, versionSummaryFromRow, withoutPersonalFacts, type ApplicationRow, type AuditRow, type VersionSummaryRow } from '../rows.js';
import { DecisionTargetErased, DecisionTargetMissing, ErasureTargetMissing, RestoredVersionErased, type Decision, type Erasure, type ErasureHistory } from '../types.js';
import type { ApplicationPage, AuditPage, IdempotencyRecord, InsertOutcome, ListOptions, NewApplication, NewAuditEntry, NewIdempotencyRecord, NewVersion, SamverkanStore, StoredApplication, StoredVersion } from '../types.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
import { PostgresOffers } from './offers.js';
import type { SqlClient, SqlResult } from './sql.js';
import { findIdempotency, insertSubmission, listPage } from './submissions.js';

/** The channel every process listens on; the payload says which schema changed and which process changed it. */
export const CHANGE_CHANNEL = 'samverkan_changes';

/** The database is at a schema version newer than this server knows. */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError' as const;
}

/** Options of {@link PostgresStore}. */
export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database` (SAMVERKAN_DATABASE_URL). */
  url: string;
  /**
   * The schema the tables live in (created when missing); default `public`.
   * One schema per agreement keeps agreements apart (see tenants).
   */
  schema?: string;
  /** Connections this process opens at most (default 10). */
  maxConnections?: number;
  logger?: Logger;
}

/** A schema name we can put into SQL unquoted: lower-case letters, digits and `_`. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

interface VersionRow extends VersionSummaryRow {
  /** The JSON text that was published. */
  dataset: string;
}

/**
 * The store on PostgreSQL (node-postgres), for several server processes on
 * one database. Each write is one transaction, committed (and so durable,
 * with PostgreSQL's default `synchronous_commit = on`) before it resolves.
 * What one process writes, the others learn at once: every write that
 * changes the published dataset sends `NOTIFY samverkan_changes` in its
 * transaction (delivered on commit), and each process LISTENs on a
 * connection of its own and rebuilds its published dataset. If that
 * connection drops, it reconnects within a second and rebuilds anyway,
 * since notifications sent meanwhile are lost.
 *
 * Cross-process rules are the database's: an idempotency key is a primary
 * key (`ON CONFLICT DO NOTHING` tells a second copy of a request from the
 * first, in whichever process it arrives), and versions are numbered under
 * a transaction-scoped advisory lock, so two processes never publish the
 * same number nor both build on one version.
 */
export class PostgresStore implements SamverkanStore {
  readonly kind = 'postgres' as const;
  revision = 0;
  readonly schema: string;
  readonly #pool: pg.Pool;
  readonly #options: PostgresStoreOptions;
  /** Tells our own notifications from other processes'. */
  readonly #instance = randomUUID();
  readonly #listeners: (() => void)[] = [];
  #listener: pg.Client | undefined;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #closed = false;
  #ready: Promise<void> | undefined;
  /** The offered volunteer opportunities, in the same schema and transactions. */
  readonly offers: PostgresOffers;

  constructor(options: PostgresStoreOptions) {
    const schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" cannot be a PostgreSQL schema name here: use lower-case letters, digits and _ (at most 63).`);
    this.schema = schema;
    this.#options = options;
    this.#pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10, options: `-c search_path=${schema}` });
    // An idle connection that breaks (a restarted database) is replaced on next use; without a handler it would end the process.
    this.#pool.on('error', (error) => options.logger?.event('warn', 'a PostgreSQL connection broke; it is replaced on next use', { error: error.message }));
    this.offers = new PostgresOffers({
      query: (sql, values) => this.query(sql, values),
      transaction: (work) => this.transaction(work),
      announce: async (client) => void (await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, `${this.schema} ${this.#instance}`])),
      changed: () => this.revision++,
    });
  }

  /** Connects, creates the schema when missing, migrates, and starts listening for other processes' changes. */
  ready(): Promise<void> {
    this.#ready ??= (async () => {
      await this.#migrate();
      await this.#listen();
    })();
    return this.#ready;
  }

  async #migrate(): Promise<void> {
    await this.#tx(async (c) => {
      // Two processes starting together: one migrates, the other waits and finds it done.
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`samverkan.migrate.${this.schema}`]);
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await c.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
      const row = (await c.query<{ version: number }>('SELECT version FROM schema_version')).rows[0];
      const version = row?.version ?? 0;
      if (!row) await c.query('INSERT INTO schema_version (version) VALUES (0)');
      if (version > POSTGRES_MIGRATIONS.length) {
        throw new SchemaTooNewError(
          `The database (schema ${this.schema}) is at schema version ${version}, newer than this server knows (${POSTGRES_MIGRATIONS.length}). Upgrade the server.`,
        );
      }
      for (let next = version; next < POSTGRES_MIGRATIONS.length; next++) await c.query(POSTGRES_MIGRATIONS[next]!);
      await c.query('UPDATE schema_version SET version = $1', [POSTGRES_MIGRATIONS.length]);
    });
  }

  async #listen(): Promise<void> {
    if (this.#closed) return;
    const client = new pg.Client({ connectionString: this.#options.url });
    const lost = (error?: Error) => {
      if (this.#listener !== client) return;
      this.#listener = undefined;
      client.end().catch(() => undefined);
      if (this.#closed) return;
      this.#options.logger?.event('warn', 'lost the PostgreSQL connection that hears other processes’ changes; reconnecting', { ...(error && { error: error.message }) });
      this.#reconnectTimer = setTimeout(() => {
        this.#reconnectTimer = undefined;
        this.#listen().then(
          // Changes announced while we were away are lost: read again.
          () => this.#otherWriter(),
          () => lost(),
        );
      }, 1000);
      this.#reconnectTimer.unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel !== CHANGE_CHANNEL) return;
      const [schema, instance] = (message.payload ?? '').split(' ');
      if (schema === this.schema && instance !== this.#instance) this.#otherWriter();
    });
    this.#listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      if (this.#listener === client) this.#listener = undefined;
      client.end().catch(() => undefined);
      throw error;
    }
  }

  #otherWriter(): void {
    this.revision++;
    for (const listener of this.#listeners) listener();
  }

  /** Calls `listener` when another process changed this schema (the app refreshes the published dataset at once). */
  onOtherWriter(listener: () => void): void {
    this.#listeners.push(listener);
  }

  /**
   * Moves with every change here and every change another process
   * announced: no query (the published dataset asks every second).
   */
  changeToken(): string {
    return String(this.revision);
  }

  /** One query on a pooled connection (for the account store, which shares the pool and the schema). */
  async query<R = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<SqlResult<R>> {
    const result = await this.#pool.query(sql, values);
    return { rows: result.rows as R[], rowCount: result.rowCount };
  }

  /** Runs `work` in one transaction (for the account store and the offers). */
  transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T> {
    return this.#tx((c) => work(sqlClient(c)));
  }

  /** Runs `work` in one transaction on one connection; a connection that failed is not reused. */
  async #tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** Announces a change to the other processes (sent when the transaction commits). */
  async #announce(client: pg.PoolClient): Promise<void> {
    await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, `${this.schema} ${this.#instance}`]);
  }

  async ping(): Promise<void> {
    await this.#pool.query('SELECT 1');
  }

  findIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    return findIdempotency(this, key);
  }

  queueInsert(input: NewApplication, idempotency?: NewIdempotencyRecord): Promise<InsertOutcome> {
    const insert = (c: SqlClient, reference: string) => c.query(`INSERT INTO applications (${APPLICATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, applicationValues(input, reference));
    return insertSubmission(this, 'application', input, insert, idempotency);
  }

  async list(options: ListOptions = {}): Promise<ApplicationPage> {
    const { items, next } = await listPage(this, 'applications', options, applicationFromRow);
    return next ? { applications: items, next } : { applications: items };
  }


  async get(id: string): Promise<StoredApplication | undefined> {
    const { rows } = await this.#pool.query<ApplicationRow>('SELECT * FROM applications WHERE id = $1', [id]);
    return rows[0] && applicationFromRow(rows[0]);
  }

  approve(id: string, organisation: Organisation, at: Date, signedListed = false): Promise<boolean> {
    return this.#decide({ on: 'application', id, at, status: 'approved', organisation, signedListed });
  }

  reject(id: string, at: Date, reason?: string): Promise<boolean> {
    return this.#decide({ on: 'application', id, at, status: 'rejected', reason });
  }

  /** Stores a decision and its audit entry in one transaction (nothing when it names nothing stored). */
  decide(decision: Decision, audit: NewAuditEntry): Promise<boolean> {
    return this.#decide(decision, audit);
  }

  async #decide(decision: Decision, audit?: NewAuditEntry): Promise<boolean> {
    const changed = await this.#tx(async (c) => {
      if (!(await this.#storeDecision(c, decision))) return false;
      if (audit) await c.query('INSERT INTO audit (at, by_name, action, target) VALUES ($1, $2, $3, $4)', [audit.at.toISOString(), audit.by, audit.action, audit.target]);
      await this.#announce(c);
      return true;
    });
    if (changed) this.revision++;
    return changed;
  }

  /** Writes a decision inside the caller's transaction; whether it named a stored row. */
  async #storeDecision(c: pg.PoolClient, decision: Decision): Promise<boolean> {
    const { sql, params } = decisionUpdate(decision, (n) => `$${n}`, (value) => value);
    if (((await c.query(sql, params)).rowCount ?? 0) > 0) return true;
    // Not written: no such row, or (an approval) the row was erased since the route read it.
    const table = decision.on === 'application' ? 'applications' : 'opportunity_offers';
    const row = (await c.query<{ erased_at: string | null }>(`SELECT erased_at FROM ${table} WHERE id = $1`, [decision.id])).rows[0];
    if (row?.erased_at) throw new DecisionTargetErased(decision);
    return false;
  }

  /**
   * Erases an application's personal data and its idempotency records (see
   * the SQLite store). PostgreSQL marks the old row versions dead; VACUUM
   * (autovacuum) reclaims them, and until then they stay in the data files
   * like any deleted row: docs/server.md says so. (The routes erase with
   * {@link eraseWith} or a version's `erasure`: every write of it at once.)
   */
  async erase(id: string, at: Date): Promise<boolean> {
    const erased = await this.#tx(async (c) => {
      if (!(await this.#eraseApplicationRow(c, id, at))) return false;
      await this.#announce(c);
      return true;
    });
    if (erased) this.revision++;
    return erased;
  }

  /** Stores an erasure and its audit entry in one transaction (nothing when it names nothing stored). */
  async eraseWith(erasure: Erasure, audit: NewAuditEntry, history?: ErasureHistory): Promise<boolean> {
    const erased = await this.#tx(async (c) => {
      // Serialised with every version write (publishVersion takes the same lock first): a restore or an approval that
      // publishes a version meanwhile either commits before this scrub (which then sees its version) or after (and sees the scrub).
      await this.#lockVersions(c);
      const stored = await this.#storeErasure(c, erasure);
      if (!stored) return false;
      await c.query('INSERT INTO audit (at, by_name, action, target) VALUES ($1, $2, $3, $4)', [audit.at.toISOString(), audit.by, audit.action, audit.target]);
      // The newest version changed after all (an approval committed after the route read the row): a version says so.
      if (history && stored.newest) await this.#insertVersion(c, erasureVersion(stored.newest, audit, history), await this.#newestVersion(c));
      await this.#announce(c);
      return true;
    });
    if (erased) this.revision++;
    return erased;
  }

  /**
   * Writes every part of an erasure inside the caller's transaction (which holds the versions' lock); `undefined` when
   * it named no stored row, else the newest version's dataset if the erasure rewrote it (`newest`).
   */
  async #storeErasure(c: pg.PoolClient, named: Erasure): Promise<{ newest?: Dataset } | undefined> {
    // Read (and locked) inside the transaction: an approval that committed after the route read the row is erased too.
    const row = (await c.query<{ status: string; published: string | null }>(`${erasureRowQuery(named.on, '$1')} FOR UPDATE`, [named.id])).rows[0];
    if (!row) return undefined;
    const erasure = erasureAsStored(named, { status: row.status, publishedId: publishedIdOf(row.published) });
    const erased =
      erasure.on === 'offer' ? await this.offers.eraseRow(sqlClient(c), erasure.id, erasure.at, erasure.reject) : await this.#eraseApplicationRow(c, erasure.id, erasure.at);
    if (!erased) return undefined;
    const scrub = versionScrub(erasure);
    return scrub ? await this.#scrubVersions(c, scrub) : {};
  }

  /** The application's row without its personal data, and its idempotency records gone (inside the caller's transaction). */
  async #eraseApplicationRow(c: pg.PoolClient, id: string, at: Date): Promise<boolean> {
    const row = (await c.query<{ organisation: string | null }>('SELECT organisation FROM applications WHERE id = $1 FOR UPDATE', [id])).rows[0];
    if (!row) return false;
    const organisation = row.organisation ? JSON.stringify(withoutPersonalFacts(JSON.parse(row.organisation) as Organisation)) : null;
    await c.query('UPDATE applications SET application = NULL, organisation = $1, reject_reason = NULL, erased_at = COALESCE(erased_at, $2) WHERE id = $3', [organisation, at.toISOString(), id]);
    await c.query('DELETE FROM idempotency_keys WHERE application_id = $1', [id]);
    return true;
  }

  async approvalOf(id: string): Promise<{ organisation: Organisation; signedListed: boolean } | undefined> {
    const { rows } = await this.#pool.query<{ organisation: string; signed_listed: boolean }>(
      'SELECT organisation, signed_listed FROM applications WHERE id = $1 AND organisation IS NOT NULL',
      [id],
    );
    const row = rows[0];
    return row && { organisation: JSON.parse(row.organisation) as Organisation, signedListed: row.signed_listed };
  }

  async approvedOrganisations(): Promise<Organisation[]> {
    const { rows } = await this.#pool.query<{ organisation: string }>(
      `SELECT organisation FROM applications WHERE status = 'approved' AND organisation IS NOT NULL ORDER BY decided_at COLLATE "C", id COLLATE "C"`,
    );
    return rows.map((row) => JSON.parse(row.organisation) as Organisation);
  }

  async lastChangeAt(): Promise<string | undefined> {
    const { rows } = await this.#pool.query<{ latest: string | null }>(
      `SELECT MAX(latest COLLATE "C") AS latest FROM (
         SELECT MAX(decided_at COLLATE "C") AS latest FROM applications UNION ALL SELECT MAX(erased_at COLLATE "C") FROM applications
         UNION ALL SELECT MAX(decided_at COLLATE "C") FROM opportunity_offers UNION ALL SELECT MAX(erased_at COLLATE "C") FROM opportunity_offers) AS changes`,
    );
    return rows[0]!.latest ?? undefined;
  }

  async purgeIdempotency(maxAgeMs: number, now = Date.now()): Promise<number> {
    const result = await this.#pool.query('DELETE FROM idempotency_keys WHERE created_at < $1', [now - maxAgeMs]);
    return result.rowCount ?? 0;
  }

  // Versions and audit (see VersionStore).

  async latestVersion(): Promise<StoredVersion | undefined> {
    const { rows } = await this.#pool.query<VersionRow>('SELECT * FROM versions ORDER BY version DESC LIMIT 1');
    return rows[0] && versionFromRow(rows[0]);
  }

  async listVersions(): Promise<VersionSummary[]> {
    return (await this.#pool.query<VersionSummaryRow>('SELECT version, at, by_name, summary FROM versions ORDER BY version DESC')).rows.map(versionSummaryFromRow);
  }

  async getVersion(version: number): Promise<StoredVersion | undefined> {
    if (!Number.isSafeInteger(version) || version < 1 || version > 2 ** 31 - 1) return undefined;
    const { rows } = await this.#pool.query<VersionRow>('SELECT * FROM versions WHERE version = $1', [version]);
    return rows[0] && versionFromRow(rows[0]);
  }

  async publishVersion(next: NewVersion, expected?: number): Promise<number | undefined> {
    const version = await this.#tx(async (c) => {
      // One writer at a time per agreement, across processes: the number and the compare-and-set hold.
      await this.#lockVersions(c);
      // A restore publishes only what its version holds now (read after the lock: an erasure's scrub has committed, or
      // waits). Checked first, as on SQLite: the answer names the erasure even when it published a version too.
      if (next.restores) {
        const held = (await c.query<VersionRow>('SELECT * FROM versions WHERE version = $1', [next.restores.version])).rows[0];
        if (!held || JSON.stringify(versionFromRow(held).dataset) !== JSON.stringify(next.restores.dataset)) throw new RestoredVersionErased(next.restores.version);
      }
      const latest = await this.#newestVersion(c);
      if (expected !== undefined && latest !== expected) return undefined;
      const version = await this.#insertVersion(c, next, latest);
      const audit = next.audit ?? [];
      if (audit.length > 0) {
        // One statement for a batch's many entries; unnest keeps their order (seq).
        await c.query('INSERT INTO audit (at, by_name, action, target) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])', [
          audit.map((e) => e.at.toISOString()),
          audit.map((e) => e.by),
          audit.map((e) => e.action),
          audit.map((e) => e.target),
        ]);
      }
      // Thrown, it rolls the version back: nothing half-stored.
      if (next.decision && !(await this.#storeDecision(c, next.decision))) throw new DecisionTargetMissing(next.decision);
      if (next.erasure && !(await this.#storeErasure(c, next.erasure))) throw new ErasureTargetMissing(next.erasure);
      await this.#announce(c);
      return version;
    });
    if (version !== undefined) this.revision++;
    return version;
  }

  /** The newest version's number, 0 when there is none (inside the caller's transaction, under the versions' lock). */
  async #newestVersion(c: pg.PoolClient): Promise<number> {
    return (await c.query<{ v: number }>('SELECT COALESCE(MAX(version), 0) AS v FROM versions')).rows[0]!.v;
  }

  /** Inserts `next` as the version after `latest`, the newest read under the versions' lock in the caller's transaction; its number. */
  async #insertVersion(c: pg.PoolClient, next: Pick<NewVersion, 'dataset' | 'at' | 'by' | 'summary'>, latest: number): Promise<number> {
    await c.query('INSERT INTO versions (version, at, by_name, summary, dataset) VALUES ($1, $2, $3, $4, $5)', [latest + 1, next.at.toISOString(), next.by, next.summary, JSON.stringify(next.dataset)]);
    return latest + 1;
  }

  /** One writer of versions at a time per agreement, across processes (until the transaction ends): version numbers, compare-and-set and scrubs. */
  async #lockVersions(c: pg.PoolClient): Promise<void> {
    await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`samverkan.versions.${this.schema}`]);
  }

  async record(entry: NewAuditEntry): Promise<void> {
    await this.#pool.query('INSERT INTO audit (at, by_name, action, target) VALUES ($1, $2, $3, $4)', [entry.at.toISOString(), entry.by, entry.action, entry.target]);
  }

  async listAudit(options: { limit: number; before?: number }): Promise<AuditPage> {
    const { rows } = await (options.before === undefined
      ? this.#pool.query<AuditRow>('SELECT * FROM audit ORDER BY seq DESC LIMIT $1', [options.limit + 1])
      : this.#pool.query<AuditRow>('SELECT * FROM audit WHERE seq < $1 ORDER BY seq DESC LIMIT $2', [options.before, options.limit + 1]));
    return auditPage(rows, options.limit);
  }

  async scrubOrganisation(id: string): Promise<void> {
    await this.#tx(async (c) => {
      await this.#lockVersions(c);
      if ((await this.#scrubVersions(c, (dataset) => scrubOrganisationIn(dataset, id))).any) await this.#announce(c);
    });
  }

  /**
   * Every stored version rewritten by `scrub` (an erasure's, {@link versionScrub}),
   * inside the caller's transaction: only the versions it changed are written,
   * each keeping its number, time, author and summary. Whether any changed.
   */
  async #scrubVersions(c: pg.PoolClient, scrub: (dataset: Dataset) => boolean): Promise<{ any: boolean; newest?: Dataset }> {
    const { rows } = await c.query<{ version: number; dataset: string }>('SELECT version, dataset FROM versions ORDER BY version FOR UPDATE');
    let any = false;
    let newest: Dataset | undefined;
    for (const [index, row] of rows.entries()) {
      const dataset = JSON.parse(row.dataset) as Dataset;
      if (!scrub(dataset)) continue;
      any = true;
      await c.query('UPDATE versions SET dataset = $1 WHERE version = $2', [JSON.stringify(dataset), row.version]);
      if (index === rows.length - 1) newest = dataset;
    }
    return newest ? { any, newest } : { any };
  }

  /** Stops listening and closes every connection. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
    const listener = this.#listener;
    this.#listener = undefined;
    await Promise.allSettled([listener?.end(), this.#pool.end()]);
  }
}

function sqlClient(client: pg.PoolClient): SqlClient {
  return {
    query: async <R>(sql: string, values?: unknown[]) => {
      const result = await client.query(sql, values);
      return { rows: result.rows as R[], rowCount: result.rowCount };
    },
  };
}

function versionFromRow(row: VersionRow): StoredVersion {
  return { ...versionSummaryFromRow(row), dataset: JSON.parse(row.dataset) as Dataset };
}
