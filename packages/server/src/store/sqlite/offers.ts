import type Database from 'better-sqlite3';
import type { Opportunity, OpportunityOffer } from '@samverkan/sdk';
import { decisionUpdate, offerFromRow, type OfferRow } from '../rows.js';
import type { Decision, IdempotencyRecord, InsertOutcome, ListOptions, NewIdempotencyRecord, OfferPage, OpportunityOfferStore, StoredOffer } from '../types.js';
import { findIdempotency, insertSubmission, listPage } from './submissions.js';

/**
 * The offered opportunities in SQLite, on the store's connection (same
 * file, same transactions and durability: a `201` is on disk).
 */
export class SqliteOffers implements OpportunityOfferStore {
  readonly #db: Database.Database;
  readonly #changed: () => void;
  readonly #afterErase: () => void;

  /** `changed` is called when what the published dataset shows changes; `afterErase` checkpoints the WAL. */
  constructor(db: Database.Database, changed: () => void, afterErase: () => void) {
    this.#db = db;
    this.#changed = changed;
    this.#afterErase = afterErase;
  }

  findIdempotency(key: string): IdempotencyRecord | undefined {
    return findIdempotency(this.#db, key);
  }

  async insert(input: { id: string; receivedAt: Date; offer: OpportunityOffer; organisationId: string }, idempotency?: NewIdempotencyRecord): Promise<InsertOutcome> {
    const insert = (reference: string) =>
      this.#db
        .prepare(`INSERT INTO opportunity_offers (id, reference, received_at, status, language, organisation_id, offer) VALUES (?, ?, ?, 'pending', ?, ?, ?)`)
        .run(input.id, reference, input.receivedAt.toISOString(), input.offer.language, input.organisationId, JSON.stringify(input.offer));
    return this.#db.transaction(() => insertSubmission(this.#db, 'offer', input, insert, idempotency)).immediate();
  }

  list(options: ListOptions = {}): OfferPage {
    const { items, next } = listPage(this.#db, 'opportunity_offers', options, offerFromRow);
    return next ? { offers: items, next } : { offers: items };
  }


  get(id: string): StoredOffer | undefined {
    const row = this.#db.prepare('SELECT * FROM opportunity_offers WHERE id = ?').get(id) as OfferRow | undefined;
    return row && offerFromRow(row);
  }

  approve(id: string, opportunity: Opportunity, at: Date): boolean {
    return this.#decide({ on: 'offer', id, at, status: 'approved', opportunity });
  }

  reject(id: string, at: Date, reason?: string): boolean {
    return this.#decide({ on: 'offer', id, at, status: 'rejected', reason });
  }

  #decide(decision: Decision): boolean {
    const { sql, params } = decisionUpdate(decision, () => '?', (value) => (value ? 1 : 0));
    const changed = this.#db.prepare(sql).run(...params).changes;
    if (changed) this.#changed();
    return changed > 0;
  }

  erase(id: string, at: Date): boolean {
    const erased = this.#db.transaction(() => this.eraseRow(id, at)).immediate();
    if (erased) {
      // The erasure time is part of the latest change (lastChangeAt), which file mode publishes as updatedAt.
      this.#changed();
      this.#afterErase();
    }
    return erased;
  }

  /**
   * An erasure's writes on the offer (inside the caller's transaction, the
   * store's `eraseWith` or a version's): with `reject`, the
   * offer is first recorded as rejected; then its content, what its approval
   * published, its reason and its idempotency records go. Whether it named a
   * stored offer.
   */
  eraseRow(id: string, at: Date, reject = false): boolean {
    if (reject) {
      const { sql, params } = decisionUpdate({ on: 'offer', id, at, status: 'rejected' }, () => '?', (value) => (value ? 1 : 0));
      this.#db.prepare(sql).run(...params);
    }
    const changes = this.#db
      .prepare('UPDATE opportunity_offers SET offer = NULL, opportunity = NULL, reject_reason = NULL, erased_at = COALESCE(erased_at, ?) WHERE id = ?')
      .run(at.toISOString(), id).changes;
    this.#db.prepare('DELETE FROM idempotency_keys WHERE offer_id = ?').run(id);
    return changes > 0;
  }

  approvalOf(id: string): Opportunity | undefined {
    const row = this.#db.prepare('SELECT opportunity FROM opportunity_offers WHERE id = ? AND opportunity IS NOT NULL').get(id) as { opportunity: string } | undefined;
    return row && (JSON.parse(row.opportunity) as Opportunity);
  }

  approvedOpportunities(): Opportunity[] {
    const rows = this.#db
      .prepare(`SELECT opportunity FROM opportunity_offers WHERE status = 'approved' AND opportunity IS NOT NULL ORDER BY decided_at, id`)
      .all() as { opportunity: string }[];
    return rows.map((row) => JSON.parse(row.opportunity) as Opportunity);
  }
}
