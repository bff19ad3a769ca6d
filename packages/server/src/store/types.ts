import type { AuditEntry, Dataset, Organisation, VersionSummary } from '@samverkan/sdk';
import type { ApplicationPage, IdempotencyRecord, InsertOutcome, ListOptions, NewApplication, NewIdempotencyRecord, StoredApplication } from '../store.js';

/** A value now or later: the SQLite store answers at once, a networked one (PostgreSQL, issue 16) later. */
export type Awaitable<T> = T | Promise<T>;

/** One published version of the dataset, as stored. */
export interface StoredVersion extends VersionSummary {
  dataset: Dataset;
}

/** A new version to publish. */
export interface NewVersion {
  dataset: Dataset;
  at: Date;
  by: string;
  summary: string;
}

/** One audit entry to record (see `AuditEntrySchema` in the SDK). */
export interface NewAuditEntry {
  at: Date;
  by: string;
  action: string;
  target: string;
}

/**
 * Where the audit log goes. The accounts (sign-ins, user changes) record
 * through this as well, so there is one log.
 */
export interface AuditSink {
  record(entry: NewAuditEntry): Awaitable<void>;
}

/** A page of audit entries, newest first. */
export interface AuditPage {
  entries: AuditEntry[];
  /** Where the next (older) page starts; absent on the last page. */
  next?: number;
}

/**
 * What the server keeps: the published versions of the dataset, the audit
 * log, and the applications with their idempotency keys (their methods are
 * on the SQLite `Store` class, see store.ts). Every method may answer later
 * (`Awaitable`): SQLite answers at once, PostgreSQL (issue 16) will not, so
 * the routes always `await`.
 *
 * Writes are durable when they resolve: a route answers `200`/`201` only
 * after the write is on disk.
 */
export interface VersionStore extends AuditSink {
  /** The newest version, or `undefined` in a store that has none yet. */
  latestVersion(): Awaitable<StoredVersion | undefined>;
  /** Every version's summary, newest first. */
  listVersions(): Awaitable<VersionSummary[]>;
  /** One version, or `undefined`. */
  getVersion(version: number): Awaitable<StoredVersion | undefined>;
  /**
   * Publishes a new version and returns its number. With `expected`, only
   * if the newest version is still that one (compare-and-set: two writers
   * never both build on the same version); otherwise `undefined`.
   */
  publishVersion(next: NewVersion, expected?: number): Awaitable<number | undefined>;
  /** Audit entries, newest first, `limit` at a time, before `before` (a page's `next`). */
  listAudit(options: { limit: number; before?: number }): Awaitable<AuditPage>;
  /** Removes an organisation's e-mail, phone and collaboration contact from every stored version (erasure). */
  scrubOrganisation(id: string): Awaitable<void>;
}

/** The organisation facts an erasure removes. */
export function withoutPersonalFacts(organisation: Organisation): Organisation {
  const { email: _email, phone: _phone, collaborationContact: _contact, ...kept } = organisation;
  return kept;
}

/**
 * Everything the server keeps, as one interface with two implementations:
 * SQLite (`Store` in store.ts, the default; answers at once) and PostgreSQL
 * (`PostgresStore` in store/postgres/store.ts, for several processes on one
 * database; answers later). Callers always `await`.
 */
export interface ServerStore extends VersionStore {
  /** Which database this is. */
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Moves whenever what the published dataset shows may have changed (a
   * write here, or another process's write noticed); the published dataset
   * is rebuilt when it differs from the one it was built at.
   */
  readonly revision: number;
  /** Resolves once the database is open and migrated; rejects when it cannot be (a newer schema, no connection). */
  ready(): Promise<void>;
  /** Calls `listener` when another process changed the store (PostgreSQL: LISTEN/NOTIFY). */
  onOtherWriter(listener: () => void): void;
  /** Looks for other processes' commits now (SQLite: `PRAGMA data_version`; PostgreSQL is told by NOTIFY). */
  noticeOtherWriters(): void;
  /** Throws (or rejects) when the database cannot answer. */
  ping(): Awaitable<void>;
  findIdempotency(key: string): Awaitable<IdempotencyRecord | undefined>;
  /**
   * Stores a new application and its idempotency record together; when it
   * resolves both are durable. A key already stored (by any process) gives
   * the stored answer instead and stores nothing.
   */
  queueInsert(input: NewApplication, idempotency?: NewIdempotencyRecord): Promise<InsertOutcome>;
  list(options?: ListOptions): Awaitable<ApplicationPage>;
  get(id: string): Awaitable<StoredApplication | undefined>;
  approve(id: string, organisation: Organisation, at: Date, signedListed?: boolean): Awaitable<boolean>;
  reject(id: string, at: Date, reason?: string): Awaitable<boolean>;
  erase(id: string, at: Date): Awaitable<boolean>;
  approvalOf(id: string): Awaitable<{ organisation: Organisation; signedListed: boolean } | undefined>;
  approvedOrganisations(): Awaitable<Organisation[]>;
  lastChangeAt(): Awaitable<string | undefined>;
  purgeIdempotency(maxAgeMs: number, now?: number): Awaitable<number>;
  close(): Awaitable<void>;
}
