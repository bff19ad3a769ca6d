import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { Dataset, Organisation, VersionSummary } from '@samverkan/sdk';
import type { Logger } from '../../logger.js';
import { newReference } from '../../reference.js';
import { APPLICATION_COLUMNS, applicationFromRow, applicationValues, auditPage, decisionUpdate, erasureAsStored, erasureVersion, erasureRowQuery, publishedIdOf, scrubOrganisationIn, versionScrub, versionSummaryFromRow, withoutPersonalFacts, type ApplicationRow, type AuditRow, type VersionSummaryRow } from '../rows.js';
import { DecisionTargetErased, DecisionTargetMissing, ErasureTargetMissing, RestoredVersionErased, type Decision, type Erasure, type ErasureHistory } from '../types.js';
import type { ApplicationPage, AuditPage, IdempotencyRecord, InsertOutcome, ListOptions, NewApplication, NewAuditEntry, NewIdempotencyRecord, NewVersion, SamverkanStore, StoredApplication, StoredVersion } from '../types.js';
import { MIGRATIONS } from './migrations.js';
import { SqliteOffers } from './offers.js';
import { findIdempotency, insertSubmission, listPage } from './submissions.js';

export type * from '../types.js';
export { newReference };


interface QueuedInsert {
  input: NewApplication;
  idempotency: NewIdempotencyRecord | undefined;
  resolve: (value: InsertOutcome) => void;
  reject: (error: unknown) => void;
}


/** The file name of the database inside the data directory. */
export const DATABASE_FILE = 'samverkan.sqlite';


/**
 * Applications and idempotency records in SQLite (better-sqlite3, synchronous).
 * Because every call runs to its end without yielding, a check followed by a
 * write inside one method cannot interleave with another request in this
 * process; transactions make each write all-or-nothing on disk.
 */
export class Store implements SamverkanStore {
  readonly db: Database.Database;
  /** Bumped on every change to what the published dataset shows. */
  revision = 0;
  /** Where the store says what it is waiting for (a checkpoint held up by a reader). */
  logger: Logger | undefined;
  #checkpointTimer: NodeJS.Timeout | undefined;
  #checkpointWaitingSince = 0;

  /**
   * Opens (creating if needed) `<dataDir>/samverkan.sqlite`, or an in-memory
   * database for `":memory:"`, and applies pending migrations.
   */
  /** The offered volunteer opportunities, on this connection. */
  readonly offers: SqliteOffers;

  constructor(dataDir: string) {
    const file = dataDir === ':memory:' ? ':memory:' : join(dataDir, DATABASE_FILE);
    if (file !== ':memory:') mkdirSync(dataDir, { recursive: true });
    this.db = new Database(file);
    configure(this.db);
    migrate(this.db);
    this.offers = new SqliteOffers(
      this.db,
      () => this.revision++,
      () => this.checkpointSoon(),
    );
  }

  #dataVersion = -1;

  /**
   * Moves `revision` when another connection (another process on the same
   * file, such as `samverkan-server import`) committed since the last look,
   * so the published dataset is read again. (`PRAGMA data_version` changes
   * only for other connections' commits.)
   */
  noticeOtherWriters(): void {
    if (!this.db.open) return;
    try {
      const version = this.db.pragma('data_version', { simple: true }) as number;
      if (this.#dataVersion !== -1 && version !== this.#dataVersion) this.revision++;
      this.#dataVersion = version;
    } catch {
      // A closed or broken database is reported by /healthz.
    }
  }

  changeToken(): string {
    this.noticeOtherWriters();
    return String(this.revision);
  }

  /** Runs a trivial query; throws when the database cannot answer. */
  ping(): void {
    this.db.prepare('SELECT 1').get();
  }

  /** The stored answer for an idempotency key, if any. */
  findIdempotency(key: string): IdempotencyRecord | undefined {
    return findIdempotency(this.db, key);
  }

  /**
   * Stores a new application and, when given, its idempotency record, in one
   * transaction: when this returns, both are on disk (WAL, synchronous=FULL).
   * Returns the stored answer of an earlier request instead if the key is
   * taken (by a request in the same batch, or another process on the file).
   */
  insertApplication(input: NewApplication, idempotency?: NewIdempotencyRecord): InsertOutcome {
    // IMMEDIATE takes the write lock up front, so two processes cannot both pass the key check.
    return this.db.transaction(() => this.#insert(input, idempotency)).immediate();
  }

  /**
   * Like {@link insertApplication}, but commits together with the other
   * inserts queued in the same turn of the event loop: one transaction and
   * one fsync for a burst of applications instead of one each. Each insert
   * runs in its own savepoint, so one failure does not undo the others; the
   * promise settles only after the shared commit, so a `201` still means
   * "on disk".
   */
  queueInsert(input: NewApplication, idempotency?: NewIdempotencyRecord): Promise<InsertOutcome> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ input, idempotency, resolve, reject });
      if (this.#queue.length === 1) setImmediate(() => this.#flush());
    });
  }

  #queue: QueuedInsert[] = [];

  #flush(): void {
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    const outcomes: ({ ok: true; value: InsertOutcome } | { ok: false; error: unknown })[] = [];
    const savepoint = this.db.transaction((job: QueuedInsert) => this.#insert(job.input, job.idempotency));
    try {
      this.db
        .transaction(() => {
          for (const job of batch) {
            try {
              outcomes.push({ ok: true, value: savepoint(job) });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      // The commit itself failed: nothing of the batch is stored.
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  #insert(input: NewApplication, idempotency?: NewIdempotencyRecord): InsertOutcome {
    const insert = (reference: string) => this.db.prepare(`INSERT INTO applications (${APPLICATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...applicationValues(input, reference));
    return insertSubmission(this.db, 'application', input, insert, idempotency);
  }

  /**
   * Applications, newest first, a page at a time: optionally only one status
   * or one reference, at most `limit`, after the `cursor` a previous page
   * gave (`nextCursor`, present while there are more).
   */
  list(options: ListOptions = {}): ApplicationPage {
    const { items, next } = listPage(this.db, 'applications', options, applicationFromRow);
    return next ? { applications: items, next } : { applications: items };
  }


  /** One application, or `undefined`. */
  get(id: string): StoredApplication | undefined {
    const row = this.db.prepare('SELECT * FROM applications WHERE id = ?').get(id) as ApplicationRow | undefined;
    return row && applicationFromRow(row);
  }

  /** Marks an application approved and keeps the signatory it publishes (`signedListed`: it signed an organisation already listed). */
  approve(id: string, organisation: Organisation, at: Date, signedListed = false): boolean {
    return this.#decided(this.#storeDecision({ on: 'application', id, at, status: 'approved', organisation, signedListed }));
  }

  /**
   * Marks an application rejected (with the officer's reason, if any). What
   * an earlier approval published is kept (the routes withdraw it from the
   * dataset), so a restore that brings it back can be told (`republished`).
   */
  reject(id: string, at: Date, reason?: string): boolean {
    return this.#decided(this.#storeDecision({ on: 'application', id, at, status: 'rejected', reason }));
  }

  /** Stores a decision and its audit entry in one transaction (nothing when it names nothing stored). */
  decide(decision: Decision, audit: NewAuditEntry): boolean {
    return this.#decided(
      this.db
        .transaction(() => {
          if (!this.#storeDecision(decision)) return false;
          this.record(audit);
          return true;
        })
        .immediate(),
    );
  }

  /** Writes a decision (inside the caller's transaction, if any); whether it named a stored row. */
  #storeDecision(decision: Decision): boolean {
    const { sql, params } = decisionUpdate(decision, () => '?', (value) => (value ? 1 : 0));
    if (this.db.prepare(sql).run(...params).changes > 0) return true;
    // Not written: no such row, or (an approval) the row was erased since the route read it.
    const table = decision.on === 'application' ? 'applications' : 'opportunity_offers';
    const row = this.db.prepare(`SELECT erased_at FROM ${table} WHERE id = ?`).get(decision.id) as { erased_at: string | null } | undefined;
    if (row?.erased_at) throw new DecisionTargetErased(decision);
    return false;
  }

  #decided(changed: boolean): boolean {
    if (changed) this.revision++;
    return changed;
  }

  /**
   * Erases an application's personal data: the application itself (contact
   * person, message, the organisation's e-mail and phone) and its idempotency
   * records. A published signatory keeps only organisation facts (name,
   * number, form, website, description, districts, activities). Erased
   * content is overwritten in the file (`secure_delete`) and the WAL is
   * checkpointed, so it does not linger in either. (The routes erase with
   * {@link eraseWith} or a version's `erasure`: every write of it at once.)
   */
  erase(id: string, at: Date): boolean {
    const erased = this.db.transaction(() => this.#eraseApplicationRow(id, at)).immediate();
    if (erased) this.#afterErasure();
    return erased;
  }

  /** Stores an erasure and its audit entry in one transaction (nothing when it names nothing stored). */
  eraseWith(erasure: Erasure, audit: NewAuditEntry, history?: ErasureHistory): boolean {
    const erased = this.db
      .transaction(() => {
        const stored = this.#storeErasure(erasure);
        if (!stored) return false;
        this.record(audit);
        // The newest version changed after all (an approval committed after the route read the row): a version says so.
        if (history && stored.newest) this.#insertVersion(erasureVersion(stored.newest, audit, history), this.#newestVersion());
        return true;
      })
      .immediate();
    if (erased) this.#afterErasure();
    return erased;
  }

  /**
   * Writes every part of an erasure (inside the caller's transaction); `undefined` when it named no stored row, else
   * the newest version's dataset if the erasure rewrote it (`newest`).
   */
  #storeErasure(named: Erasure): { newest?: Dataset } | undefined {
    // Read inside this (immediate, so serialised) transaction: an approval that committed after the route read the row is erased too.
    const row = this.db.prepare(erasureRowQuery(named.on, '?')).get(named.id) as { status: string; published: string | null } | undefined;
    if (!row) return undefined;
    const erasure = erasureAsStored(named, { status: row.status, publishedId: publishedIdOf(row.published) });
    const erased = erasure.on === 'offer' ? this.offers.eraseRow(erasure.id, erasure.at, erasure.reject) : this.#eraseApplicationRow(erasure.id, erasure.at);
    if (!erased) return undefined;
    const scrub = versionScrub(erasure);
    return scrub ? this.#scrubVersions(scrub) : {};
  }

  /** The application's row without its personal data, and its idempotency records gone (inside the caller's transaction). */
  #eraseApplicationRow(id: string, at: Date): boolean {
    const row = this.db.prepare('SELECT organisation FROM applications WHERE id = ?').get(id) as { organisation: string | null } | undefined;
    if (!row) return false;
    const organisation = row.organisation ? JSON.stringify(withoutPersonalFacts(JSON.parse(row.organisation) as Organisation)) : null;
    this.db.prepare('UPDATE applications SET application = NULL, organisation = ?, reject_reason = NULL, erased_at = COALESCE(erased_at, ?) WHERE id = ?').run(organisation, at.toISOString(), id);
    this.db.prepare('DELETE FROM idempotency_keys WHERE application_id = ?').run(id);
    return true;
  }

  /** After an erasure's commit: what is published changed (file mode's `updatedAt`), and the WAL is emptied of what went. */
  #afterErasure(): void {
    this.revision++;
    this.checkpointSoon();
  }

  /**
   * Copies the WAL into the database file and empties it, so erased content
   * does not linger there (issue 17.1). A reader that holds a snapshot (a
   * running backup) keeps the checkpoint from finishing; then it is retried
   * every 250 ms until it completes, logging while it waits, and never
   * blocks the event loop: the busy timeout is off for the attempt, so
   * SQLite answers "busy" at once instead of waiting up to 5 s.
   */
  checkpointSoon(): void {
    if (!this.db.open || this.db.memory) return;
    if (this.#tryCheckpoint()) return;
    if (this.#checkpointTimer) return;
    this.#checkpointWaitingSince = Date.now();
    this.logger?.event('warn', 'a reader (a backup?) holds the database: erased content stays in the WAL until it is done; retrying the checkpoint');
    const retry = () => {
      this.#checkpointTimer = undefined;
      if (!this.db.open || this.#tryCheckpoint()) {
        this.logger?.event('info', 'the WAL checkpoint after erasure completed', { waitedMs: Date.now() - this.#checkpointWaitingSince });
        return;
      }
      const waited = Date.now() - this.#checkpointWaitingSince;
      // Say so now and then (every ~30 s), not every 250 ms.
      if (waited % 30_000 < 250) this.logger?.event('warn', 'still waiting for a reader to finish before the WAL checkpoint', { waitedMs: waited });
      this.#checkpointTimer = setTimeout(retry, 250);
      this.#checkpointTimer.unref();
    };
    this.#checkpointTimer = setTimeout(retry, 250);
    this.#checkpointTimer.unref();
  }

  /** Whether the WAL is in the file and empty now (`wal_checkpoint(TRUNCATE)` not busy). */
  #tryCheckpoint(): boolean {
    const timeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
      return result !== undefined && result.busy === 0;
    } catch {
      return false;
    } finally {
      this.db.pragma(`busy_timeout = ${timeout}`);
    }
  }

  /** Whether a checkpoint is waiting for a reader. */
  get checkpointPending(): boolean {
    return this.#checkpointTimer !== undefined;
  }

  // Versions and audit (see VersionStore).

  latestVersion(): StoredVersion | undefined {
    const row = this.db.prepare('SELECT * FROM versions ORDER BY version DESC LIMIT 1').get() as VersionRow | undefined;
    return row && versionFromRow(row);
  }

  listVersions(): VersionSummary[] {
    return (this.db.prepare('SELECT version, at, by_name, summary FROM versions ORDER BY version DESC').all() as VersionSummaryRow[]).map(versionSummaryFromRow);
  }

  getVersion(version: number): StoredVersion | undefined {
    const row = this.db.prepare('SELECT * FROM versions WHERE version = ?').get(version) as VersionRow | undefined;
    return row && versionFromRow(row);
  }

  publishVersion(next: NewVersion, expected?: number): number | undefined {
    const published = this.db
      .transaction(() => {
        // A restore publishes only what its version holds now (an erasure may have scrubbed it since it was read). Checked
        // first: when an erasure also published a version meanwhile, the answer names the erasure, not "changed meanwhile".
        if (next.restores && !this.#stillHolds(next.restores)) throw new RestoredVersionErased(next.restores.version);
        const latest = this.#newestVersion();
        if (expected !== undefined && latest !== expected) return undefined;
        const version = this.#insertVersion(next, latest);
        for (const entry of next.audit ?? []) this.record(entry);
        // Thrown, it rolls the version back: nothing half-stored.
        if (next.decision && !this.#storeDecision(next.decision)) throw new DecisionTargetMissing(next.decision);
        if (next.erasure && !this.#storeErasure(next.erasure)) throw new ErasureTargetMissing(next.erasure);
        this.revision++;
        return version;
      })
      .immediate();
    if (published !== undefined && next.erasure) this.checkpointSoon();
    return published;
  }

  /** The newest version's number, 0 when there is none (inside the caller's transaction). */
  #newestVersion(): number {
    return (this.db.prepare('SELECT MAX(version) AS v FROM versions').get() as { v: number | null }).v ?? 0;
  }

  /** Inserts `next` as the version after `latest`, the newest read in the caller's transaction; its number. */
  #insertVersion(next: Pick<NewVersion, 'dataset' | 'at' | 'by' | 'summary'>, latest: number): number {
    this.db.prepare('INSERT INTO versions (version, at, by_name, summary, dataset) VALUES (?, ?, ?, ?, ?)').run(latest + 1, next.at.toISOString(), next.by, next.summary, packDataset(next.dataset));
    return latest + 1;
  }

  /** Whether the stored version still holds exactly the dataset a restore read from it (inside the caller's transaction). */
  #stillHolds(restores: { version: number; dataset: Dataset }): boolean {
    const row = this.db.prepare('SELECT dataset FROM versions WHERE version = ?').get(restores.version) as { dataset: Buffer } | undefined;
    return row !== undefined && JSON.stringify(unpackDataset(row.dataset)) === JSON.stringify(restores.dataset);
  }

  record(entry: NewAuditEntry): void {
    this.db.prepare('INSERT INTO audit (at, by_name, action, target) VALUES (?, ?, ?, ?)').run(entry.at.toISOString(), entry.by, entry.action, entry.target);
  }

  listAudit(options: { limit: number; before?: number }): AuditPage {
    const rows = (
      options.before === undefined
        ? this.db.prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT ?').all(options.limit + 1)
        : this.db.prepare('SELECT * FROM audit WHERE seq < ? ORDER BY seq DESC LIMIT ?').all(options.before, options.limit + 1)
    ) as AuditRow[];
    return auditPage(rows, options.limit);
  }

  scrubOrganisation(id: string): void {
    this.db.transaction(() => this.#scrubVersions((dataset) => scrubOrganisationIn(dataset, id))).immediate();
    this.checkpointSoon();
  }

  /**
   * Every stored version rewritten by `scrub` (an erasure's, {@link versionScrub}),
   * inside the caller's transaction: only the versions it changed are written,
   * each keeping its number, time, author and summary.
   */
  #scrubVersions(scrub: (dataset: Dataset) => boolean): { newest?: Dataset } {
    const rows = this.db.prepare('SELECT version, dataset FROM versions ORDER BY version').all() as { version: number; dataset: Buffer }[];
    const update = this.db.prepare('UPDATE versions SET dataset = ? WHERE version = ?');
    let newest: Dataset | undefined;
    for (const [index, row] of rows.entries()) {
      const dataset = unpackDataset(row.dataset);
      if (!scrub(dataset)) continue;
      update.run(packDataset(dataset), row.version);
      if (index === rows.length - 1) newest = dataset;
    }
    return newest ? { newest } : {};
  }

  /** What an application's approval published (also after a later rejection): the signatory, and whether it signed an organisation already listed. */
  approvalOf(id: string): { organisation: Organisation; signedListed: boolean } | undefined {
    const row = this.db.prepare(`SELECT organisation, signed_listed FROM applications WHERE id = ? AND organisation IS NOT NULL`).get(id) as
      | { organisation: string; signed_listed: number }
      | undefined;
    return row && { organisation: JSON.parse(row.organisation) as Organisation, signedListed: row.signed_listed === 1 };
  }

  /** The signatories that approved applications add to the dataset, oldest approval first. */
  approvedOrganisations(): Organisation[] {
    const rows = this.db
      .prepare(`SELECT organisation FROM applications WHERE status = 'approved' AND organisation IS NOT NULL ORDER BY decided_at, id`)
      .all() as { organisation: string }[];
    return rows.map((row) => JSON.parse(row.organisation) as Organisation);
  }

  /** The latest decision or erasure (ISO 8601), or `undefined` before the first. */
  lastChangeAt(): string | undefined {
    const row = this.db
      .prepare(
        `SELECT MAX(latest) AS latest FROM (
           SELECT MAX(decided_at) AS latest FROM applications UNION ALL SELECT MAX(erased_at) FROM applications
           UNION ALL SELECT MAX(decided_at) FROM opportunity_offers UNION ALL SELECT MAX(erased_at) FROM opportunity_offers)`,
      )
      .get() as { latest: string | null };
    return row.latest ?? undefined;
  }

  /** Deletes idempotency records older than `maxAgeMs`; returns how many. */
  purgeIdempotency(maxAgeMs: number, now = Date.now()): number {
    return this.db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(now - maxAgeMs).changes;
  }

  /** Checkpoints the WAL into the main file and closes the database. */
  close(): void {
    if (this.#checkpointTimer) clearTimeout(this.#checkpointTimer);
    this.#checkpointTimer = undefined;
    if (!this.db.open) return;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
    }
  }
}

/**
 * Settings that SQLite keeps per connection, so they are set on every open.
 * better-sqlite3's build makes WAL databases default to synchronous=NORMAL,
 * which can lose the last commits on power loss; FULL syncs the WAL on each
 * commit, which is what "answered 201 = stored" needs.
 */
function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  // After a checkpoint the WAL is cut back to 4 MiB at most, so old frames (erased content among them) do not pile up.
  db.pragma('journal_size_limit = 4194304');
}

interface VersionRow extends VersionSummaryRow {
  /** gzip-compressed compact JSON (see packDataset). */
  dataset: Buffer;
}

/** A dataset as stored in a version: gzip-compressed compact JSON. */
function packDataset(dataset: Dataset): Buffer {
  return gzipSync(JSON.stringify(dataset), { level: 6 });
}

function unpackDataset(bytes: Buffer): Dataset {
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as Dataset;
}

function versionFromRow(row: VersionRow): StoredVersion {
  return { ...versionSummaryFromRow(row), dataset: unpackDataset(row.dataset) };
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(`The database is at schema version ${version}, newer than this server knows (${MIGRATIONS.length}). Upgrade the server.`);
  }
  for (let next = version; next < MIGRATIONS.length; next++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[next]!);
      db.pragma(`user_version = ${next + 1}`);
    }).immediate();
  }
}
