import type Database from 'better-sqlite3';
import type { Opportunity, OpportunityOffer } from '@samverkan/sdk';
import { newReference } from '../../reference.js';
import type { IdempotencyRecord, InsertOutcome, ListOptions, NewIdempotencyRecord, OfferPage, OpportunityOfferStore, Receipt, StoredOffer } from '../types.js';

interface OfferRow {
  id: string;
  reference: string;
  received_at: string;
  status: StoredOffer['status'];
  decided_at: string | null;
  language: string;
  organisation_id: string;
  offer: string | null;
  opportunity: string | null;
  reject_reason: string | null;
  erased_at: string | null;
}

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
    const row = this.#db.prepare('SELECT request_hash, status, response FROM idempotency_keys WHERE key = ?').get(key) as
      | { request_hash: string; status: number; response: string }
      | undefined;
    return row && { requestHash: row.request_hash, status: row.status, response: row.response };
  }

  async insert(input: { id: string; receivedAt: Date; offer: OpportunityOffer; organisationId: string }, idempotency?: NewIdempotencyRecord): Promise<InsertOutcome> {
    return this.#db
      .transaction((): InsertOutcome => {
        if (idempotency) {
          const existing = this.findIdempotency(idempotency.key);
          if (existing) return { replay: existing };
        }
        // Unique among applications and offers alike: a reference names one thing.
        let reference = newReference();
        while (this.#db.prepare('SELECT 1 FROM applications WHERE reference = ? UNION ALL SELECT 1 FROM opportunity_offers WHERE reference = ?').get(reference, reference)) {
          reference = newReference();
        }
        const receipt: Receipt = { id: input.id, status: 'pending', reference };
        this.#db
          .prepare(`INSERT INTO opportunity_offers (id, reference, received_at, status, language, organisation_id, offer) VALUES (?, ?, ?, 'pending', ?, ?, ?)`)
          .run(input.id, reference, input.receivedAt.toISOString(), input.offer.language, input.organisationId, JSON.stringify(input.offer));
        if (idempotency) {
          this.#db
            .prepare('INSERT INTO idempotency_keys (key, request_hash, status, response, offer_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
            .run(idempotency.key, idempotency.requestHash, 201, JSON.stringify(receipt), input.id, input.receivedAt.getTime());
        }
        return { receipt };
      })
      .immediate();
  }

  list(options: ListOptions = {}): OfferPage {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.status) {
      where.push('status = ?');
      params.push(options.status);
    }
    if (options.reference) {
      where.push('reference = ?');
      params.push(options.reference);
    }
    if (options.cursor) {
      where.push('(received_at < ? OR (received_at = ? AND id > ?))');
      params.push(options.cursor.receivedAt, options.cursor.receivedAt, options.cursor.id);
    }
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    const rows = this.#db
      .prepare(`SELECT * FROM opportunity_offers ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, id LIMIT ?`)
      .all(...params, Math.min(limit, 1e9) + 1) as OfferRow[];
    const more = rows.length > limit;
    const offers = (more ? rows.slice(0, limit) : rows).map(fromRow);
    const last = offers.at(-1);
    return more && last ? { offers, next: { receivedAt: last.receivedAt, id: last.id } } : { offers };
  }

  get(id: string): StoredOffer | undefined {
    const row = this.#db.prepare('SELECT * FROM opportunity_offers WHERE id = ?').get(id) as OfferRow | undefined;
    return row && fromRow(row);
  }

  approve(id: string, opportunity: Opportunity, at: Date): boolean {
    const changed = this.#db
      .prepare(`UPDATE opportunity_offers SET status = 'approved', decided_at = ?, opportunity = ?, reject_reason = NULL WHERE id = ?`)
      .run(at.toISOString(), JSON.stringify(opportunity), id).changes;
    if (changed) this.#changed();
    return changed > 0;
  }

  reject(id: string, at: Date, reason?: string): boolean {
    const changed = this.#db
      .prepare(`UPDATE opportunity_offers SET status = 'rejected', decided_at = ?, opportunity = NULL, reject_reason = ? WHERE id = ?`)
      .run(at.toISOString(), reason ?? null, id).changes;
    if (changed) this.#changed();
    return changed > 0;
  }

  erase(id: string, at: Date): boolean {
    const erased = this.#db
      .transaction(() => {
        const changes = this.#db
          .prepare('UPDATE opportunity_offers SET offer = NULL, reject_reason = NULL, erased_at = COALESCE(erased_at, ?) WHERE id = ?')
          .run(at.toISOString(), id).changes;
        this.#db.prepare('DELETE FROM idempotency_keys WHERE offer_id = ?').run(id);
        return changes > 0;
      })
      .immediate();
    if (erased) this.#afterErase();
    return erased;
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

function fromRow(row: OfferRow): StoredOffer {
  const out: StoredOffer = {
    id: row.id,
    reference: row.reference,
    status: row.status,
    receivedAt: row.received_at,
    language: row.language,
    organisationId: row.organisation_id,
  };
  if (row.decided_at) out.decidedAt = row.decided_at;
  if (row.erased_at) out.erasedAt = row.erased_at;
  if (row.offer) out.offer = JSON.parse(row.offer) as OpportunityOffer;
  if (row.opportunity) out.opportunityId = (JSON.parse(row.opportunity) as Opportunity).id;
  if (row.reject_reason) out.rejectReason = row.reject_reason;
  return out;
}
