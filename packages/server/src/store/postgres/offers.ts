import type { Opportunity, OpportunityOffer } from '@samverkan/sdk';
import { newReference } from '../../reference.js';
import type { SqlClient, SqlResult } from './sql.js';
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

/** What the offers need of the PostgreSQL store: its pool, its transactions, and telling the others of a change. */
export interface OffersDatabase {
  query<R = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<SqlResult<R>>;
  transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T>;
  /** In a transaction: NOTIFY the other processes on commit. */
  announce(client: SqlClient): Promise<void>;
  /** After a commit that changed what is published. */
  changed(): void;
}

class KeyTaken extends Error {}

/**
 * The offered opportunities in PostgreSQL, in the store's schema and
 * transactions, with the same cross-process rules as applications: the
 * idempotency key is a primary key (`ON CONFLICT DO NOTHING`), and a
 * decision is announced to the other processes.
 */
export class PostgresOffers implements OpportunityOfferStore {
  readonly #db: OffersDatabase;

  constructor(db: OffersDatabase) {
    this.#db = db;
  }

  async findIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    const row = (await this.#db.query<{ request_hash: string; status: number; response: string }>('SELECT request_hash, status, response FROM idempotency_keys WHERE key = $1', [key]))
      .rows[0];
    return row && { requestHash: row.request_hash, status: row.status, response: row.response };
  }

  async insert(input: { id: string; receivedAt: Date; offer: OpportunityOffer; organisationId: string }, idempotency?: NewIdempotencyRecord): Promise<InsertOutcome> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#db.transaction(async (c) => {
          // Unique among applications and offers alike: a reference names one thing (each table's index catches its own collisions).
          let reference = newReference();
          while ((await c.query('SELECT 1 FROM applications WHERE reference = $1 UNION ALL SELECT 1 FROM opportunity_offers WHERE reference = $1', [reference])).rowCount) {
            reference = newReference();
          }
          const receipt: Receipt = { id: input.id, status: 'pending', reference };
          await c.query(`INSERT INTO opportunity_offers (id, reference, received_at, status, language, organisation_id, offer) VALUES ($1, $2, $3, 'pending', $4, $5, $6)`, [
            input.id,
            reference,
            input.receivedAt.toISOString(),
            input.offer.language,
            input.organisationId,
            JSON.stringify(input.offer),
          ]);
          if (idempotency) {
            const stored = await c.query(
              'INSERT INTO idempotency_keys (key, request_hash, status, response, offer_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO NOTHING',
              [idempotency.key, idempotency.requestHash, 201, JSON.stringify(receipt), input.id, input.receivedAt.getTime()],
            );
            if (stored.rowCount === 0) throw new KeyTaken();
          }
          return { receipt };
        });
      } catch (error) {
        if (error instanceof KeyTaken && idempotency) {
          const existing = await this.findIdempotency(idempotency.key);
          if (existing) return { replay: existing };
        } else if (!((error as { code?: string }).code === '23505' && (error as { constraint?: string }).constraint === 'opportunity_offers_reference_key' && attempt < 5)) {
          throw error;
        }
      }
    }
  }

  async list(options: ListOptions = {}): Promise<OfferPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.status) {
      params.push(options.status);
      where.push(`status = $${params.length}`);
    }
    if (options.reference) {
      params.push(options.reference);
      where.push(`reference = $${params.length}`);
    }
    if (options.cursor) {
      params.push(options.cursor.receivedAt, options.cursor.id);
      where.push(`(received_at < $${params.length - 1} OR (received_at = $${params.length - 1} AND id > $${params.length}))`);
    }
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    params.push(Math.min(limit, 1e9) + 1);
    const { rows } = await this.#db.query<OfferRow>(
      `SELECT * FROM opportunity_offers ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at COLLATE "C" DESC, id COLLATE "C" LIMIT $${params.length}`,
      params,
    );
    const more = rows.length > limit;
    const offers = (more ? rows.slice(0, limit) : rows).map(fromRow);
    const last = offers.at(-1);
    return more && last ? { offers, next: { receivedAt: last.receivedAt, id: last.id } } : { offers };
  }

  async get(id: string): Promise<StoredOffer | undefined> {
    const row = (await this.#db.query<OfferRow>('SELECT * FROM opportunity_offers WHERE id = $1', [id])).rows[0];
    return row && fromRow(row);
  }

  async #decide(sql: string, values: unknown[]): Promise<boolean> {
    const changed = await this.#db.transaction(async (c) => {
      const result = await c.query(sql, values);
      if (result.rowCount) await this.#db.announce(c);
      return (result.rowCount ?? 0) > 0;
    });
    if (changed) this.#db.changed();
    return changed;
  }

  approve(id: string, opportunity: Opportunity, at: Date): Promise<boolean> {
    return this.#decide(`UPDATE opportunity_offers SET status = 'approved', decided_at = $1, opportunity = $2, reject_reason = NULL WHERE id = $3`, [
      at.toISOString(),
      JSON.stringify(opportunity),
      id,
    ]);
  }

  reject(id: string, at: Date, reason?: string): Promise<boolean> {
    return this.#decide(`UPDATE opportunity_offers SET status = 'rejected', decided_at = $1, opportunity = NULL, reject_reason = $2 WHERE id = $3`, [at.toISOString(), reason ?? null, id]);
  }

  async erase(id: string, at: Date): Promise<boolean> {
    const erased = await this.#db.transaction(async (c) => {
      const result = await c.query('UPDATE opportunity_offers SET offer = NULL, reject_reason = NULL, erased_at = COALESCE(erased_at, $1) WHERE id = $2', [at.toISOString(), id]);
      await c.query('DELETE FROM idempotency_keys WHERE offer_id = $1', [id]);
      if (result.rowCount) await this.#db.announce(c);
      return (result.rowCount ?? 0) > 0;
    });
    if (erased) this.#db.changed();
    return erased;
  }

  async approvalOf(id: string): Promise<Opportunity | undefined> {
    const row = (await this.#db.query<{ opportunity: string }>('SELECT opportunity FROM opportunity_offers WHERE id = $1 AND opportunity IS NOT NULL', [id])).rows[0];
    return row && (JSON.parse(row.opportunity) as Opportunity);
  }

  async approvedOpportunities(): Promise<Opportunity[]> {
    const { rows } = await this.#db.query<{ opportunity: string }>(
      `SELECT opportunity FROM opportunity_offers WHERE status = 'approved' AND opportunity IS NOT NULL ORDER BY decided_at COLLATE "C", id COLLATE "C"`,
    );
    return rows.map((row) => JSON.parse(row.opportunity) as Opportunity);
  }
}

function fromRow(row: OfferRow): StoredOffer {
  const out: StoredOffer = { id: row.id, reference: row.reference, status: row.status, receivedAt: row.received_at, language: row.language, organisationId: row.organisation_id };
  if (row.decided_at) out.decidedAt = row.decided_at;
  if (row.erased_at) out.erasedAt = row.erased_at;
  if (row.offer) out.offer = JSON.parse(row.offer) as OpportunityOffer;
  if (row.opportunity) out.opportunityId = (JSON.parse(row.opportunity) as Opportunity).id;
  if (row.reject_reason) out.rejectReason = row.reject_reason;
  return out;
}
