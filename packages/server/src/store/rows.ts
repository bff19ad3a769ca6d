/**
 * What the SQLite and the PostgreSQL stores share, beside the interface they
 * implement: the rows both databases give back (the same columns, migrated
 * to the same version numbers), how a row becomes what the routes see, how a
 * list is filtered and paged, and the rules that do not depend on the
 * database (what an erasure removes from a published version). Each store
 * keeps only its SQL dialect and its transactions.
 */
import type { AuditEntry, Dataset, Opportunity, OpportunityOffer, Organisation, SignupApplication, VersionSummary } from '@samverkan/sdk';
import type { ApplicationStatus, AuditPage, Decision, Erasure, ErasureHistory, IdempotencyRecord, ListCursor, ListOptions, NewApplication, NewAuditEntry, NewVersion, StoredApplication, StoredOffer } from './types.js';

/** `applications`, as both databases give it back. */
export interface ApplicationRow {
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
  reference: string | null;
  reject_reason: string | null;
}

/** `opportunity_offers`, as both databases give it back. */
export interface OfferRow {
  id: string;
  reference: string;
  received_at: string;
  status: ApplicationStatus;
  decided_at: string | null;
  language: string;
  organisation_id: string;
  offer: string | null;
  opportunity: string | null;
  reject_reason: string | null;
  erased_at: string | null;
}

/** A version's summary columns (`versions` without the dataset). */
export interface VersionSummaryRow {
  version: number;
  at: string;
  by_name: string;
  summary: string;
}

/** `audit`; PostgreSQL gives the BIGINT sequence number as text. */
export interface AuditRow {
  seq: number | string;
  at: string;
  by_name: string;
  action: string;
  target: string;
}

/** The columns of `idempotency_keys` that make a stored answer. */
export interface IdempotencyRow {
  request_hash: string;
  status: number;
  response: string;
}

/** The application as the admin routes show it. */
export function applicationFromRow(row: ApplicationRow): StoredApplication {
  const out: StoredApplication = { id: row.id, status: row.status, receivedAt: row.received_at, language: row.language };
  if (row.reference) out.reference = row.reference;
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
  if (row.reject_reason) out.rejectReason = row.reject_reason;
  return out;
}

/** The offer as the admin routes show it. */
export function offerFromRow(row: OfferRow): StoredOffer {
  const out: StoredOffer = { id: row.id, reference: row.reference, status: row.status, receivedAt: row.received_at, language: row.language, organisationId: row.organisation_id };
  if (row.decided_at) out.decidedAt = row.decided_at;
  if (row.erased_at) out.erasedAt = row.erased_at;
  if (row.offer) out.offer = JSON.parse(row.offer) as OpportunityOffer;
  if (row.opportunity) out.opportunityId = (JSON.parse(row.opportunity) as Opportunity).id;
  if (row.reject_reason) out.rejectReason = row.reject_reason;
  return out;
}

export function versionSummaryFromRow(row: VersionSummaryRow): VersionSummary {
  return { version: row.version, at: row.at, by: row.by_name, summary: row.summary };
}

export function idempotencyFromRow(row: IdempotencyRow | undefined): IdempotencyRecord | undefined {
  return row && { requestHash: row.request_hash, status: row.status, response: row.response };
}

/** A page of audit entries from `limit + 1` rows, newest first (the extra row says there is more). */
export function auditPage(rows: AuditRow[], limit: number): AuditPage {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const entries: AuditEntry[] = page.map((row) => ({ at: row.at, by: row.by_name, action: row.action, target: row.target }));
  return more ? { entries, next: Number(page.at(-1)!.seq) } : { entries };
}

/**
 * The `WHERE` and parameters of a list of applications or offers (one
 * status, one reference, after a cursor), newest first. `placeholder(n)`
 * writes the n-th parameter in the database's dialect (`?` or `$n`). The
 * last parameter is the row limit: one more than a page, to tell whether
 * another page follows.
 */
export function listQuery(options: ListOptions, placeholder: (n: number) => string): { where: string; params: unknown[]; limit: number; limitParam: string } {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return placeholder(params.length);
  };
  if (options.status) where.push(`status = ${param(options.status)}`);
  if (options.reference) where.push(`reference = ${param(options.reference)}`);
  if (options.cursor) {
    const { receivedAt, id } = options.cursor;
    where.push(`(received_at < ${param(receivedAt)} OR (received_at = ${param(receivedAt)} AND id > ${param(id)}))`);
  }
  const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
  const limitParam = param(Math.min(limit, 1e9) + 1);
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params, limit, limitParam };
}

/** A page of at most `limit` items from `limit + 1` rows, and the cursor of the next page while there is one. */
export function pageOf<R, T extends { receivedAt: string; id: string }>(rows: R[], limit: number, map: (row: R) => T): { items: T[]; next?: ListCursor } {
  const more = rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows).map(map);
  const last = items.at(-1);
  return more && last ? { items, next: { receivedAt: last.receivedAt, id: last.id } } : { items };
}

/** The columns an application is stored in (`INSERT INTO applications (…)`), in the order of {@link applicationValues}. */
export const APPLICATION_COLUMNS = 'id, received_at, status, language, application, privacy_notice_url, privacy_notice_version, privacy_notice_shown_at, reference';

/** The values of {@link APPLICATION_COLUMNS}: the privacy notice in columns of its own, the rest of the application as JSON. */
export function applicationValues(input: NewApplication, reference: string): unknown[] {
  const { privacyNotice, ...rest } = input.application;
  return [
    input.id,
    input.receivedAt.toISOString(),
    'pending',
    input.application.language,
    JSON.stringify(rest),
    privacyNotice?.url ?? null,
    privacyNotice?.version ?? null,
    privacyNotice?.shownAt ?? null,
    reference,
  ];
}

/** The organisation facts an erasure removes. */
export function withoutPersonalFacts(organisation: Organisation): Organisation {
  const { email: _email, phone: _phone, collaborationContact: _contact, ...kept } = organisation;
  return kept;
}

/**
 * Erasure in a published version: the organisation `id` without its
 * e-mail, phone and collaboration contact. Answers whether the version had
 * any of them (then `dataset` is changed and must be written back).
 */
export function scrubOrganisationIn(dataset: Dataset, id: string): boolean {
  let changed = false;
  dataset.organisations = dataset.organisations.map((o) => {
    if (o.id !== id || (o.email === undefined && o.phone === undefined && o.collaborationContact === undefined)) return o;
    changed = true;
    return withoutPersonalFacts(o);
  });
  return changed;
}

/**
 * Erasure in a published version: without the opportunity `id` (an erased
 * offer's). The whole opportunity goes, not only its contact: the schema
 * requires a contact with an e-mail, a phone or a web page, so one without
 * its e-mail and phone is often no valid opportunity, and the rest of it
 * (title, description, …) is what the erased offer sent too. Nothing in a
 * dataset points at an opportunity, so the version stays valid. Answers
 * whether the version had it (then `dataset` is changed and must be written back).
 */
export function scrubOpportunityIn(dataset: Dataset, id: string): boolean {
  const opportunities = dataset.opportunities ?? [];
  const kept = opportunities.filter((o) => o.id !== id);
  if (kept.length === opportunities.length) return false;
  dataset.opportunities = kept;
  return true;
}

/**
 * What an erasure removes from every stored version (store mode), as one
 * rewrite of a version's dataset, or `undefined` when it removes nothing
 * there: an approved application's signatory without its e-mail, phone and
 * collaboration contact; an approved offer's opportunity. Both stores
 * rewrite the versions with it in the erasure's transaction, as the
 * application's erasure always did: each version keeps its number, time,
 * author and summary, and the rewrite makes no version of its own.
 */
export function versionScrub(erasure: Erasure): ((dataset: Dataset) => boolean) | undefined {
  if (erasure.on === 'application') {
    const id = erasure.scrubOrganisation;
    return id === undefined ? undefined : (dataset) => scrubOrganisationIn(dataset, id);
  }
  const id = erasure.scrubOpportunity;
  return id === undefined ? undefined : (dataset) => scrubOpportunityIn(dataset, id);
}

/**
 * The version an erasure publishes when it rewrote the newest one (the newest version's scrubbed dataset, stamped
 * with the erasure's time, by its author, with the History summary): both stores write it in the erasure's transaction.
 */
export function erasureVersion(newest: Dataset, audit: NewAuditEntry, history: ErasureHistory): Pick<NewVersion, 'dataset' | 'at' | 'by' | 'summary'> {
  return { dataset: { ...newest, updatedAt: audit.at.toISOString() }, at: audit.at, by: audit.by, summary: history.summary };
}

/**
 * The one UPDATE that stores a decision (both stores; `placeholder` numbers
 * the parameters, `flag` writes a boolean as the store keeps it). An
 * approval keeps what it publishes and clears an earlier reason; a rejection
 * keeps what an earlier approval published (the routes withdraw it from the
 * dataset), so a restore that brings it back can be told (`republished`).
 * A decision never writes an erased row (an erasure may have committed
 * after the route read it): the store answers `DecisionTargetErased`. The
 * two exceptions say only what is published now and store nothing of the
 * application: an approval of a `republished` signatory, and a rejection
 * that withdraws an erased application's signatory (`withdrawsErased`,
 * without a reason).
 */
export function decisionUpdate(decision: Decision, placeholder: (n: number) => string, flag: (value: boolean) => unknown): { sql: string; params: unknown[] } {
  const table = decision.on === 'application' ? 'applications' : 'opportunity_offers';
  const $ = placeholder;
  if (decision.status === 'rejected') {
    const erasedToo = decision.withdrawsErased === true;
    return {
      sql: `UPDATE ${table} SET status = 'rejected', decided_at = ${$(1)}, reject_reason = ${$(2)} WHERE id = ${$(3)}${erasedToo ? '' : ' AND erased_at IS NULL'}`,
      params: [decision.at.toISOString(), erasedToo ? null : (decision.reason ?? null), decision.id],
    };
  }
  if (decision.on === 'offer') {
    return {
      sql: `UPDATE opportunity_offers SET status = 'approved', decided_at = ${$(1)}, opportunity = ${$(2)}, reject_reason = NULL WHERE id = ${$(3)} AND erased_at IS NULL`,
      params: [decision.at.toISOString(), JSON.stringify(decision.opportunity), decision.id],
    };
  }
  return {
    sql: `UPDATE applications SET status = 'approved', decided_at = ${$(1)}, organisation = ${$(2)}, signed_listed = ${$(3)}, reject_reason = NULL WHERE id = ${$(4)}${decision.republished ? '' : ' AND erased_at IS NULL'}`,
    params: [decision.at.toISOString(), JSON.stringify(decision.organisation), flag(decision.signedListed), decision.id],
  };
}

/**
 * The erasure as the store carries it out, by the row as it is inside the
 * erasure's transaction (`status` and the id of what its approval
 * published, if any): an offer approved after the route read it is rejected
 * as well, and whatever an approval published is scrubbed from every
 * version, whatever the route thought when it built the erasure.
 */
export function erasureAsStored(erasure: Erasure, row: { status: string; publishedId: string | undefined }): Erasure {
  if (erasure.on === 'application') {
    const scrubOrganisation = erasure.scrubOrganisation ?? row.publishedId;
    return { ...erasure, ...(scrubOrganisation !== undefined && { scrubOrganisation }) };
  }
  const scrubOpportunity = erasure.scrubOpportunity ?? row.publishedId;
  return { ...erasure, reject: erasure.reject || row.status === 'approved', ...(scrubOpportunity !== undefined && { scrubOpportunity }) };
}

/** The SELECT that reads an erasure's row for {@link erasureAsStored} (`status`, and `published`: what its approval published, as JSON). */
export function erasureRowQuery(on: Erasure['on'], placeholder: string): string {
  return on === 'application'
    ? `SELECT status, organisation AS published FROM applications WHERE id = ${placeholder}`
    : `SELECT status, opportunity AS published FROM opportunity_offers WHERE id = ${placeholder}`;
}

/** The id inside a row's `published` JSON (an organisation or an opportunity). */
export function publishedIdOf(published: string | null | undefined): string | undefined {
  return published ? (JSON.parse(published) as { id?: string }).id : undefined;
}
