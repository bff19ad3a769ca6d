/**
 * What the admin page asks of the server: the operations its views need and
 * nothing more. The page never talks HTTP itself; the implementation behind
 * this interface is the SDK's admin client (`createAdminClient`, see
 * `api-client.ts`), so the browser and scripts share one client and one wire
 * format. Keeping the views on this small interface also lets their browser
 * tests run against an in-memory stand-in (test/fixtures/memory-api.ts).
 */
import type { Agreement, Contact, DevelopmentArea, FollowUp, Meeting, Opportunity, OpportunityOffer, Organisation, Principle, SignupApplication } from '@samverkan/sdk';

/** A role: `admin` does everything, `editor` everything but users. */
export type Role = 'admin' | 'editor';

/** The person signed in. */
export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** How people can sign in on this server. */
export interface SignInOptions {
  /** Whether "sign in with the municipality's account" (OpenID Connect) is set up. */
  oidc: boolean;
  /** Where the browser goes to start an OpenID Connect sign-in (a same-origin path). */
  oidcStartUrl?: string;
}

/** Where an application stands. */
export type ApplicationStatus = 'pending' | 'approved' | 'rejected';

/** Something an officer decides (an application, an offered opportunity), as the admin routes show it. */
export interface Decision {
  id: string;
  status: ApplicationStatus;
  receivedAt: string;
  decidedAt?: string;
  /** When what was sent was erased (personal data among it); it is gone from then on. */
  erasedAt?: string;
  /** A short code a person can read on the phone ("7KQ2-9XMB"), when the server gives one. */
  reference?: string;
  /** The language the form was filled in. */
  language: string;
  /** The reason given when it was rejected (never published). */
  reason?: string;
  /**
   * Approved, but what it published has since been taken out of the dataset
   * (the opportunity withdrawn; the organisation deleted or its signature
   * removed). The server works it out from the published dataset on every
   * answer, so it goes when a restore brings the entry back.
   */
  withdrawn?: boolean;
  /**
   * Rejected, but what an earlier approval published is published again (a
   * restore from History of a version from before the rejection); the
   * server works it out like `withdrawn`. Approving then publishes nothing
   * new; rejecting again takes it out again.
   */
  republished?: boolean;
}

/** An application as the admin routes show it. */
export interface Application extends Decision {
  /** What the applicant wrote (absent once erased). */
  application?: SignupApplication;
  /** The signatory it added to the dataset, while approved (and while `republished`). */
  organisationId?: string;
}

/**
 * A volunteer opportunity a signatory offered (`POST /api/v1/opportunities`),
 * as the admin routes show it: decided like an application.
 */
export interface Offer extends Decision {
  /** The signatory that offered it (an organisation's id). */
  organisationId: string;
  /** What the organisation sent (absent once erased). */
  offer?: OpportunityOffer;
  /** The opportunity it published in the dataset, while approved (and while `republished`). */
  opportunityId?: string;
  /** Not approved, and the organisation no longer signs (deleted, or its signature removed): the server would refuse to approve it. From the server. */
  noLongerSigns?: boolean;
}

/** The collections of the content API (`/api/v1/admin/{collection}`). */
export interface Collections {
  organisations: Organisation;
  contacts: Contact;
  meetings: Meeting;
  principles: Principle;
  developmentAreas: DevelopmentArea;
  opportunities: Opportunity;
  followUps: FollowUp;
}

/** One of the content collections. */
export type CollectionName = keyof Collections;

/** An entity with the `ETag` to send back as `If-Match` when it is changed. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/** What the content lists and forms need to know about the dataset as a whole. */
export interface DatasetInfo {
  defaultLanguage: string;
  languages: string[];
  timeZone: string;
}

/**
 * An opportunity the dataset holds and the server does not publish, and why
 * (`GET /api/v1/admin/withheld`). Only a dataset kept in a file can have one:
 * its organisation is listed there without a signature.
 */
export interface WithheldOpportunity {
  id: string;
  /** The server's reason code (`organisation-not-signatory`); the page says an unknown one in general words. */
  reason: string;
  organisationId: string;
  /** The organisation's name, as the dataset lists it. */
  organisation: string;
  /** The opportunity as the dataset holds it. */
  value: Opportunity;
}

/** A published version of the dataset. */
export interface VersionSummary {
  version: number;
  at: string;
  /** Who published it (a name, never an e-mail address in a list). */
  by: string;
  summary: string;
}

/** One field that differs between two versions of an entity. */
export interface FieldChange {
  /** The path inside the entity (`phone`, `location.name`); `""` for the whole entity. */
  path: string;
  before?: unknown;
  after?: unknown;
}

/** What happened to one entity between a version and the one before. */
export interface EntityChange {
  /** A collection, `"agreement"`, or `"dataset"` for the top-level fields. */
  collection: string;
  id: string;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
}

/** One entry of the audit log. */
export interface AuditEntry {
  at: string;
  by: string;
  action: string;
  target: string;
}

/** A user account, as the users view lists it. */
export interface UserAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * The server refused a write because someone else saved a newer version
 * first (`412`). It carries that newer version, so the page can show both
 * and let the person choose.
 */
export class ConflictError<T = unknown> extends Error {
  override name = 'ConflictError' as const;
  constructor(
    readonly current: Versioned<T> | undefined,
    message = 'Someone else saved a newer version.',
  ) {
    super(message);
  }
}

/** One reason the server gave for refusing a change (`409`): its code, the facts behind it (names, ids) and its own words. */
export interface Refusal {
  /** One of the SDK's `REFUSAL_CODES` (a code the page does not know is said in the server's words); absent when the server gave none. */
  code?: string;
  params: Record<string, string>;
  /** The server's own words (English, and Swedish after a slash for the refusals above). */
  message: string;
}

/**
 * The server refused a change because of the state of things (`409`): an
 * organisation still offers opportunities, an offer's organisation no
 * longer signs. The page says each in the reader's language by its code.
 */
export class RefusedError extends Error {
  override name = 'RefusedError' as const;
  constructor(readonly refusals: Refusal[]) {
    super(refusals.map((r) => r.message).join('\n'));
  }
}

/** One problem the server found in what was sent (`400 { errors: [{ path, message }] }`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The server refused what was sent as invalid; `problems` name the fields. */
export class InvalidError extends Error {
  override name = 'InvalidError' as const;
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  }
}

/** One write of an import: add an entry, or replace one with the ETag it was read with. */
export interface ImportWrite {
  op: 'create' | 'replace';
  collection: CollectionName;
  value: Record<string, unknown>;
  etag?: string;
}

/** One problem with an import's writes: the write it is about (its index; absent for the dataset as a whole), and the server's refusal or words. */
export interface ImportProblem extends Refusal {
  write?: number;
  /** Where in the write or the dataset (`data.email`, `meetings[2].start`). */
  path: string;
}

/**
 * The server published none of an import's writes: `problems` names every
 * one (invalid entries, entries someone changed meanwhile, refusals such as
 * `organisation-has-opportunities`), each at its write where it has one.
 */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError' as const;
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
  }
}

/** The operations of the admin page. Every method rejects with an `Error` whose message is readable. */
export interface AdminApi {
  // — Session —
  /** The person signed in, or `undefined`. */
  session(): Promise<SignedInUser | undefined>;
  signInOptions(): Promise<SignInOptions>;
  signIn(email: string, password: string): Promise<SignedInUser>;
  signOut(): Promise<void>;
  /** Chooses a password with the one-time token from a set-password link. */
  setPassword(token: string, password: string): Promise<void>;

  // — Applications —
  applications(): Promise<Application[]>;
  approve(id: string): Promise<Application>;
  reject(id: string, reason?: string): Promise<Application>;
  /** Erases the applicant's personal data (admins). */
  erase(id: string): Promise<Application>;

  // — Offered volunteer opportunities —
  offers(): Promise<Offer[]>;
  /** Publishes the offered opportunity in the dataset. */
  approveOffer(id: string): Promise<Offer>;
  /** Rejects it (and withdraws it when it was published); the reason is never published. */
  rejectOffer(id: string, reason?: string): Promise<Offer>;
  /** Erases what the organisation sent (admins); a published opportunity is withdrawn. */
  eraseOffer(id: string): Promise<Offer>;

  // — Content —
  datasetInfo(): Promise<DatasetInfo>;
  /** The published dataset as JSON text (what `GET /api/v1/dataset` serves), for the download. */
  publishedDataset(): Promise<string>;
  list<C extends CollectionName>(collection: C): Promise<Versioned<Collections[C]>[]>;
  /** One entity with its ETag; `undefined` when there is none with that id. */
  get<C extends CollectionName>(collection: C, id: string): Promise<Versioned<Collections[C]> | undefined>;
  create<C extends CollectionName>(collection: C, value: Collections[C]): Promise<Versioned<Collections[C]>>;
  replace<C extends CollectionName>(collection: C, id: string, value: Collections[C], etag: string): Promise<Versioned<Collections[C]>>;
  remove(collection: CollectionName, id: string, etag: string): Promise<void>;
  /** The opportunities the dataset holds and the server does not publish, with why; empty when there are none (always, unless the dataset is kept in a file). */
  withheld(): Promise<WithheldOpportunity[]>;
  /** Publishes an import's writes as one version, or none of them (`ImportRefusedError`). */
  importWrites(writes: ImportWrite[]): Promise<{ version: number }>;
  agreement(): Promise<Versioned<Agreement>>;
  replaceAgreement(value: Agreement, etag: string): Promise<Versioned<Agreement>>;

  // — History —
  versions(): Promise<VersionSummary[]>;
  /** What changed in version `n` from the one before, per entity and field. */
  versionChanges(version: number): Promise<EntityChange[]>;
  restore(version: number): Promise<VersionSummary>;
  audit(): Promise<AuditEntry[]>;

  // — Users (admins) —
  users(): Promise<UserAccount[]>;
  invite(user: { email: string; name: string; role: Role }): Promise<{ id: string; setPasswordUrl: string }>;
  changeRole(id: string, role: Role): Promise<UserAccount>;
  removeUser(id: string): Promise<void>;
}
