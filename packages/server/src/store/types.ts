import type { AuditEntry, Dataset, Opportunity, OpportunityOffer, Organisation, SignupApplication, VersionSummary } from '@samverkan/sdk';

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
  /** Audit entries stored in the same transaction as the version: a crash between the two cannot leave a version without its record. */
  audit?: readonly NewAuditEntry[];
  /**
   * The decision this version publishes, stored in the same transaction: a
   * failure (or a crash) between the two leaves neither, never a dataset
   * that publishes a signatory whose application is still pending (or the
   * reverse). When it names no stored application or offer, nothing is stored.
   */
  decision?: Decision;
  /**
   * The erasure this version publishes (the dataset without what it erases),
   * stored in the same transaction: all of the erasure's writes and the
   * version, or none of them. When it names no stored application or offer,
   * nothing is stored.
   */
  erasure?: Erasure;
  /**
   * The version this one restores, as the restore read it: the version is
   * published only if that version still holds exactly this dataset when it
   * is written (read inside the same transaction), otherwise nothing is
   * stored and the store throws {@link RestoredVersionErased} (checked before
   * the compare-and-set, so the answer names the erasure). An erasure that
   * publishes nothing new rewrites the earlier versions in place (no new
   * number for `expected` to see): without this, a restore that read a
   * version before such an erasure committed would publish the erased data
   * again.
   */
  restores?: { version: number; dataset: Dataset };
}

/**
 * An erasure of what a person sent, as stored, in one transaction with its
 * version or its audit entry ({@link NewVersion.erasure},
 * {@link SamverkanStore.eraseWith}): a failure anywhere leaves everything as
 * it was, never an application erased while the versions still hold its
 * signatory's e-mail, nor a published version without the personal data
 * whose application still has it.
 *
 * - An application: its content, its rejection reason and its idempotency
 *   records go, its signatory is kept without e-mail, phone and
 *   collaboration contact; with `scrubOrganisation`, those are also removed
 *   from that organisation in every stored version (store mode).
 * - An offer: its content, what its approval published, its reason and its
 *   idempotency records go; `reject` first records an approved offer as
 *   rejected (its opportunity is withdrawn by the version); with
 *   `scrubOpportunity`, that opportunity (its contact among it) is also
 *   removed from every stored version (store mode).
 *
 * The versions are rewritten by one rule for both (`versionScrub` in rows.ts).
 *
 * The store reads the row inside the erasure's transaction and goes by what
 * it holds then, not only by what the route read before: an offer approved
 * meanwhile is recorded as rejected too, and what any approval published
 * (the row's opportunity, or its signatory's e-mail and phone) is scrubbed
 * from every stored version, the newest among them, so it is not published
 * either (`erasureAsStored` in rows.ts).
 */
export type Erasure =
  | { on: 'application'; id: string; at: Date; scrubOrganisation?: string }
  | { on: 'offer'; id: string; at: Date; reject: boolean; scrubOpportunity?: string };

/**
 * A restore read a version that an erasure rewrote before the restore was
 * written (the only way a stored version changes: personal data taken out
 * of every version, see {@link Erasure}): nothing was stored. The route
 * answers `409 version-erased`; restoring again gives the version as it is
 * now, without the erased data.
 */
export class RestoredVersionErased extends Error {
  override name = 'RestoredVersionErased' as const;
  constructor(readonly version: number) {
    super(`Version ${version} was changed by an erasure while it was being restored; nothing was stored.`);
  }
}

/**
 * What History says about an erasure that changes what is published. The
 * route builds the version of an erasure that changes the newest version
 * ({@link NewVersion.erasure}); but the store goes by the row as it is in
 * the erasure's transaction ({@link Erasure}), so an approval that committed
 * after the route read the row is scrubbed from the newest version too. Then
 * the store publishes the newest version as scrubbed, with `updatedAt` the
 * erasure's time, as a new version with this summary, by the audit entry's
 * `by` at its `at`: what is published never changes without a History entry
 * (who, when, what kind; never the erased data), and the version before it
 * keeps nothing of what was erased either.
 */
export interface ErasureHistory {
  summary: string;
}

/** An erasure named no stored application or offer (so its transaction stored nothing). */
export class ErasureTargetMissing extends Error {
  override name = 'ErasureTargetMissing' as const;
  constructor(erasure: Erasure) {
    super(`There is no ${erasure.on} with the id ${erasure.id}; nothing was erased.`);
  }
}

/**
 * A decision named an application or offer that was erased (perhaps after the route read it): nothing was stored,
 * the answer is `409 erased`. An erased row takes no decision (an approval has nothing left to publish, a rejection's
 * reason is free text, often about a person), except the two that only say what is published now
 * ({@link Decision}: `republished`, `withdrawsErased`).
 */
export class DecisionTargetErased extends Error {
  override name = 'DecisionTargetErased' as const;
  constructor(readonly decision: Decision) {
    super(`The ${decision.on} ${decision.id} was erased; there is nothing left to decide.`);
  }
}

/**
 * A decision on an application or an offered opportunity, as stored: its
 * new status and when, with what the approval publishes (kept after a later
 * rejection, see {@link SamverkanStore.approvalOf}) or the rejection's reason
 * (never published).
 */
export type Decision =
  | {
      on: 'application';
      id: string;
      at: Date;
      status: 'approved';
      organisation: Organisation;
      signedListed: boolean;
      /**
       * Records an approval of the signatory a restore already published again (taken from the published dataset,
       * so nothing of the application itself): allowed on an erased application. Any other approval of an erased
       * one is refused ({@link DecisionTargetErased}).
       */
      republished?: true;
    }
  | { on: 'offer'; id: string; at: Date; status: 'approved'; opportunity: Opportunity }
  | { on: 'application' | 'offer'; id: string; at: Date; status: 'rejected'; reason?: string | undefined; withdrawsErased?: undefined }
  | {
      on: 'application';
      id: string;
      at: Date;
      status: 'rejected';
      /**
       * Records the rejection of an erased application whose signatory is published now (approved, or published again
       * by a restore), with the version that withdraws it: allowed on an erased row, and it keeps no reason (there is
       * none: the route refuses one). Any other rejection of an erased row is refused ({@link DecisionTargetErased}).
       */
      withdrawsErased: true;
      reason?: undefined;
    };

/** A decision named no stored application or offer (so its transaction stored nothing). */
export class DecisionTargetMissing extends Error {
  override name = 'DecisionTargetMissing' as const;
  constructor(decision: Decision) {
    super(`There is no ${decision.on} with the id ${decision.id}; nothing was stored.`);
  }
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

/** Where an application stands. */
export type ApplicationStatus = 'pending' | 'approved' | 'rejected';

/** An application as the admin routes show it. */
export interface StoredApplication {
  id: string;
  status: ApplicationStatus;
  receivedAt: string;
  /** The short reference the applicant was given (`K7QM-2X9C`); absent on applications from before references. */
  reference?: string;
  decidedAt?: string;
  /** When its personal data was erased; `application` is gone from then on. */
  erasedAt?: string;
  language: string;
  /** The application as validated (absent once erased). */
  application?: SignupApplication;
  privacyNotice?: { url?: string; version?: string; shownAt?: string };
  /**
   * The id of the signatory its approval added to the dataset; kept after a
   * later rejection, so the routes can tell when a restore brings it back
   * (withdrawal.ts shows it then only).
   */
  organisationId?: string;
  /** Why it was rejected, when the officer said (never published). */
  rejectReason?: string;
}

/** Where a page of applications starts: after this one. */
export interface ListCursor {
  receivedAt: string;
  id: string;
}

/** Which applications {@link Store.list} gives. */
export interface ListOptions {
  status?: ApplicationStatus;
  reference?: string;
  limit?: number;
  cursor?: ListCursor;
}

/** One page of applications, and where the next one starts (absent on the last page). */
export interface ApplicationPage {
  applications: StoredApplication[];
  next?: ListCursor;
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

/** An `Idempotency-Key` to remember with the answer. */
export interface NewIdempotencyRecord {
  key: string;
  requestHash: string;
}

/** The answer to a stored application: `201 { id, status: "pending", reference }`. */
export interface Receipt {
  id: string;
  status: 'pending';
  reference: string;
}

/** What storing an application gave: its receipt, or the stored answer of an earlier request with the same key. */
export type InsertOutcome = { receipt: Receipt; replay?: undefined } | { replay: IdempotencyRecord; receipt?: undefined };

/**
 * What the server keeps, behind one interface so that another database
 * (PostgreSQL, issue 16) can take SQLite's place: the applications with their
 * idempotency keys, the published versions of the dataset, and the audit
 * log. Every method may answer later (`Awaitable`): SQLite answers at once,
 * a networked database will not, so callers always `await`.
 *
 * Writes are durable when they resolve: a route answers `200`/`201` only
 * after the write is on disk.
 */
export interface SamverkanStore extends AuditSink {
  /** The offered volunteer opportunities. */
  readonly offers: OpportunityOfferStore;
  /** Answers when the database does; throws (rejects) when it cannot. */
  ping(): Awaitable<void>;
  /** Closes the database (after the last write). */
  close(): Awaitable<void>;
  /**
   * Something that changes whenever what the published dataset depends on
   * changes: in this process or in another one on the same database (an
   * `import`, a second server). The published dataset polls it.
   */
  changeToken(): Awaitable<string>;

  // Applications.
  /** The stored answer for an idempotency key, if any. */
  findIdempotency(key: string): Awaitable<IdempotencyRecord | undefined>;
  /**
   * Stores a new application with a new unique reference and, when given,
   * its idempotency key, in one transaction; or gives the stored answer of
   * an earlier request with the same key.
   */
  queueInsert(input: NewApplication, idempotency?: NewIdempotencyRecord): Promise<InsertOutcome>;
  /** Applications, newest first, a page at a time. */
  list(options?: ListOptions): Awaitable<ApplicationPage>;
  /** One application, or `undefined`. */
  get(id: string): Awaitable<StoredApplication | undefined>;
  /**
   * Stores a decision that publishes no new version (file mode, or nothing
   * published changes) with its audit entry, in one transaction; `false`
   * when it names no stored application or offer (then nothing is stored).
   * A decision that publishes a version goes with it ({@link NewVersion.decision}).
   */
  decide(decision: Decision, audit: NewAuditEntry): Awaitable<boolean>;
  /** Marks an application approved and keeps the signatory it publishes. */
  approve(id: string, organisation: Organisation, at: Date, signedListed?: boolean): Awaitable<boolean>;
  /** Marks an application rejected (with a reason, never published); what an earlier approval published is kept (see {@link approvalOf}). */
  reject(id: string, at: Date, reason?: string): Awaitable<boolean>;
  /** Erases an application's personal data and its idempotency records (only that: the routes use {@link eraseWith}). */
  erase(id: string, at: Date): Awaitable<boolean>;
  /**
   * Stores an erasure that the route saw publish no new version (file mode,
   * or nothing published changes) with its audit entry, all in one
   * transaction; `false` when it names no stored application or offer (then
   * nothing is stored). An erasure that publishes a version goes with it
   * ({@link NewVersion.erasure}). With `history` (store mode), should the
   * erasure as stored take something out of the newest version after all
   * ({@link ErasureHistory}), that is published as a new version in the same
   * transaction.
   */
  eraseWith(erasure: Erasure, audit: NewAuditEntry, history?: ErasureHistory): Awaitable<boolean>;
  /** What the application's approval published, also after a later rejection (the routes check the status). */
  approvalOf(id: string): Awaitable<{ organisation: Organisation; signedListed: boolean } | undefined>;
  /** The signatories approved applications add (file mode merges them on top of the file). */
  approvedOrganisations(): Awaitable<Organisation[]>;
  /** The latest decision or erasure (ISO 8601). */
  lastChangeAt(): Awaitable<string | undefined>;
  /** Forgets idempotency keys older than `maxAgeMs`; returns how many. */
  purgeIdempotency(maxAgeMs: number, now?: number): Awaitable<number>;

  // Versions and audit.
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

/** An offered volunteer opportunity as the admin routes show it. */
export interface StoredOffer {
  id: string;
  reference: string;
  status: ApplicationStatus;
  receivedAt: string;
  decidedAt?: string;
  erasedAt?: string;
  language: string;
  /** The signatory that offered it. */
  organisationId: string;
  /** The offer as validated (absent once erased). */
  offer?: OpportunityOffer;
  /** The id of the opportunity its approval published; kept after a later rejection (until erased), like {@link StoredApplication.organisationId}. */
  opportunityId?: string;
  rejectReason?: string;
}

/** A page of offers. */
export interface OfferPage {
  offers: StoredOffer[];
  next?: ListCursor;
}

/** The offered volunteer opportunities (`POST /api/v1/opportunities`), waiting for a decision. */
export interface OpportunityOfferStore {
  findIdempotency(key: string): Awaitable<IdempotencyRecord | undefined>;
  /** Stores a new offer with a new unique reference (and its key) in one transaction, or the stored answer for the key. */
  insert(input: { id: string; receivedAt: Date; offer: OpportunityOffer; organisationId: string }, idempotency?: NewIdempotencyRecord): Promise<InsertOutcome>;
  list(options?: ListOptions): Awaitable<OfferPage>;
  get(id: string): Awaitable<StoredOffer | undefined>;
  approve(id: string, opportunity: Opportunity, at: Date): Awaitable<boolean>;
  reject(id: string, at: Date, reason?: string): Awaitable<boolean>;
  /** Erases the offer's content (its contact among it), what its approval published, and its idempotency records. */
  erase(id: string, at: Date): Awaitable<boolean>;
  /** What the offer's approval published, also after a later rejection (until erased; the routes check the status). */
  approvalOf(id: string): Awaitable<Opportunity | undefined>;
  /** The opportunities approved offers add (file mode merges them on top of the file). */
  approvedOpportunities(): Awaitable<Opportunity[]>;
}
