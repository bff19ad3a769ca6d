import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Organisation, SignupApplication } from '@samverkan/sdk';
import { MIGRATIONS } from './migrations.js';

/** Where an application stands. */
export type ApplicationStatus = 'pending' | 'approved' | 'rejected';

/** An application as the admin routes show it. */
export interface StoredApplication {
  id: string;
  status: ApplicationStatus;
  receivedAt: string;
  decidedAt?: string;
  /** When its personal data was erased; `application` is gone from then on. */
  erasedAt?: string;
  language: string;
  /** The application as validated (absent once erased). */
  application?: SignupApplication;
  privacyNotice?: { url?: string; version?: string; shownAt?: string };
  /** The id of the signatory it added to the dataset, while approved. */
  organisationId?: string;
}

/** A stored answer to a request that carried an `Idempotency-Key`. */
export interface IdempotencyRecord {
  requestHash: string;
  status: number;
  response: string;
}

/** A new application to store. */
export interface NewApplication {
  id: string;
  receivedAt: Date;
  application: SignupApplication;
}

/** The answer to remember for an `Idempotency-Key`. */
export interface NewIdempotencyRecord {
  key: string;
  requestHash: string;
  status: number;
  response: string;
}

interface QueuedInsert {
  input: NewApplication;
  idempotency: NewIdempotencyRecord | undefined;
  resolve: (value: IdempotencyRecord | undefined) => void;
  reject: (error: unknown) => void;
}

/** The file name of the database inside the data directory. */
export const DATABASE_FILE = 'samverkan.sqlite';

interface ApplicationRow {
  id: string;
  received_at: string;
  status: ApplicationStatus;
  decided_at: string | null;
  language: string;
  application: string | null;
  privacy_notice_url: string | null;
  privacy_notice_version: string | null;
  privacy_notice_shown_at: string | null;
  organisation: string | null;
  erased_at: string | null;
}

/**
 * Applications and idempotency records in SQLite (better-sqlite3, synchronous).
 * Because every call runs to its end without yielding, a check followed by a
 * write inside one method cannot interleave with another request in this
 * process; transactions make each write all-or-nothing on disk.
 */
export class Store {
  readonly db: Database.Database;
  /** Bumped on every change to what the published dataset shows. */
  revision = 0;

  /**
   * Opens (creating if needed) `<dataDir>/samverkan.sqlite`, or an in-memory
   * database for `":memory:"`, and applies pending migrations.
   */
  constructor(dataDir: string) {
    const file = dataDir === ':memory:' ? ':memory:' : join(dataDir, DATABASE_FILE);
    if (file !== ':memory:') mkdirSync(dataDir, { recursive: true });
    this.db = new Database(file);
    configure(this.db);
    migrate(this.db);
  }

  /** Runs a trivial query; throws when the database cannot answer. */
  ping(): void {
    this.db.prepare('SELECT 1').get();
  }

  /** The stored answer for an idempotency key, if any. */
  findIdempotency(key: string): IdempotencyRecord | undefined {
    const row = this.db.prepare('SELECT request_hash, status, response FROM idempotency_keys WHERE key = ?').get(key) as
      | { request_hash: string; status: number; response: string }
      | undefined;
    return row && { requestHash: row.request_hash, status: row.status, response: row.response };
  }

  /**
   * Stores a new application and, when given, its idempotency record, in one
   * transaction: when this returns, both are on disk (WAL, synchronous=FULL).
   * Returns the stored answer of an earlier request instead if the key is
   * taken (by a request in the same batch, or another process on the file).
   */
  insertApplication(input: NewApplication, idempotency?: NewIdempotencyRecord): IdempotencyRecord | undefined {
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
  queueInsert(input: NewApplication, idempotency?: NewIdempotencyRecord): Promise<IdempotencyRecord | undefined> {
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
    const outcomes: ({ ok: true; value: IdempotencyRecord | undefined } | { ok: false; error: unknown })[] = [];
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

  #insert(input: NewApplication, idempotency?: NewIdempotencyRecord): IdempotencyRecord | undefined {
    if (idempotency) {
      const existing = this.findIdempotency(idempotency.key);
      if (existing) return existing;
    }
    const { privacyNotice, ...rest } = input.application;
    this.db
      .prepare(
        `INSERT INTO applications (id, received_at, status, language, application, privacy_notice_url, privacy_notice_version, privacy_notice_shown_at)
         VALUES (?, ?, 'pending', ?, ?, ?, ?, ?)`,
      )
      .run(
        input.id,
        input.receivedAt.toISOString(),
        input.application.language,
        JSON.stringify(rest),
        privacyNotice?.url ?? null,
        privacyNotice?.version ?? null,
        privacyNotice?.shownAt ?? null,
      );
    if (idempotency) {
      this.db
        .prepare('INSERT INTO idempotency_keys (key, request_hash, status, response, application_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(idempotency.key, idempotency.requestHash, idempotency.status, idempotency.response, input.id, input.receivedAt.getTime());
    }
    return undefined;
  }

  /** Every application, newest first, optionally only those with one status. */
  list(status?: ApplicationStatus): StoredApplication[] {
    const rows = (
      status
        ? this.db.prepare('SELECT * FROM applications WHERE status = ? ORDER BY received_at DESC, id').all(status)
        : this.db.prepare('SELECT * FROM applications ORDER BY received_at DESC, id').all()
    ) as ApplicationRow[];
    return rows.map(fromRow);
  }

  /** One application, or `undefined`. */
  get(id: string): StoredApplication | undefined {
    const row = this.db.prepare('SELECT * FROM applications WHERE id = ?').get(id) as ApplicationRow | undefined;
    return row && fromRow(row);
  }

  /** Marks an application approved and keeps the signatory it publishes. */
  approve(id: string, organisation: Organisation, at: Date): boolean {
    const changed = this.db
      .prepare(`UPDATE applications SET status = 'approved', decided_at = ?, organisation = ? WHERE id = ?`)
      .run(at.toISOString(), JSON.stringify(organisation), id).changes;
    if (changed) this.revision++;
    return changed > 0;
  }

  /** Marks an application rejected; a signatory it had published is withdrawn. */
  reject(id: string, at: Date): boolean {
    const changed = this.db
      .prepare(`UPDATE applications SET status = 'rejected', decided_at = ?, organisation = NULL WHERE id = ?`)
      .run(at.toISOString(), id).changes;
    if (changed) this.revision++;
    return changed > 0;
  }

  /**
   * Erases an application's personal data: the application itself (contact
   * person, message, the organisation's e-mail and phone) and its idempotency
   * records. A published signatory keeps only organisation facts (name,
   * number, form, website, description, districts, activities). Erased
   * content is overwritten in the file (`secure_delete`) and the WAL is
   * checkpointed, so it does not linger in either.
   */
  erase(id: string, at: Date): boolean {
    const run = this.db.transaction(() => {
      const row = this.db.prepare('SELECT organisation FROM applications WHERE id = ?').get(id) as { organisation: string | null } | undefined;
      if (!row) return false;
      let organisation = row.organisation;
      if (organisation) {
        const { email: _email, phone: _phone, collaborationContact: _contact, ...kept } = JSON.parse(organisation) as Organisation;
        organisation = JSON.stringify(kept);
      }
      this.db
        .prepare('UPDATE applications SET application = NULL, organisation = ?, erased_at = COALESCE(erased_at, ?) WHERE id = ?')
        .run(organisation, at.toISOString(), id);
      this.db.prepare('DELETE FROM idempotency_keys WHERE application_id = ?').run(id);
      return true;
    });
    const erased = run.immediate();
    if (erased) {
      this.revision++;
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return erased;
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
    const row = this.db.prepare('SELECT MAX(decided_at) AS decided, MAX(erased_at) AS erased FROM applications').get() as {
      decided: string | null;
      erased: string | null;
    };
    const latest = [row.decided, row.erased].filter((v): v is string => v !== null).sort().pop();
    return latest;
  }

  /** Deletes idempotency records older than `maxAgeMs`; returns how many. */
  purgeIdempotency(maxAgeMs: number, now = Date.now()): number {
    return this.db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(now - maxAgeMs).changes;
  }

  /** Checkpoints the WAL into the main file and closes the database. */
  close(): void {
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

function fromRow(row: ApplicationRow): StoredApplication {
  const out: StoredApplication = { id: row.id, status: row.status, receivedAt: row.received_at, language: row.language };
  if (row.decided_at) out.decidedAt = row.decided_at;
  if (row.erased_at) out.erasedAt = row.erased_at;
  if (row.application) out.application = JSON.parse(row.application) as SignupApplication;
  if (row.privacy_notice_url || row.privacy_notice_version || row.privacy_notice_shown_at) {
    out.privacyNotice = {};
    if (row.privacy_notice_url) out.privacyNotice.url = row.privacy_notice_url;
    if (row.privacy_notice_version) out.privacyNotice.version = row.privacy_notice_version;
    if (row.privacy_notice_shown_at) out.privacyNotice.shownAt = row.privacy_notice_shown_at;
  }
  if (row.organisation) out.organisationId = (JSON.parse(row.organisation) as Organisation).id;
  return out;
}
