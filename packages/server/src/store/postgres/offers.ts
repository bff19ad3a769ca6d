import type { Opportunity, OpportunityOffer } from '@samverkan/sdk';
import { decisionUpdate, offerFromRow, type OfferRow } from '../rows.js';
import type { Decision, IdempotencyRecord, InsertOutcome, ListOptions, NewIdempotencyRecord, OfferPage, OpportunityOfferStore, StoredOffer } from '../types.js';
import type { SqlClient, SqlResult } from './sql.js';
import { findIdempotency, insertSubmission, listPage } from './submissions.js';

/** What the offers need of the PostgreSQL store: its pool, its transactions, and telling the others of a change. */
export interface OffersDatabase {
  query<R = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<SqlResult<R>>;
  transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T>;
  /** In a transaction: NOTIFY the other processes on commit. */
  announce(client: SqlClient): Promise<void>;
  /** After a commit that changed what is published. */
  changed(): void;
}

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

  findIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    return findIdempotency(this.#db, key);
  }

  insert(input: { id: string; receivedAt: Date; offer: OpportunityOffer; organisationId: string }, idempotency?: NewIdempotencyRecord): Promise<InsertOutcome> {
    const values = (reference: string) => [input.id, reference, input.receivedAt.toISOString(), input.offer.language, input.organisationId, JSON.stringify(input.offer)];
    const insert = (c: SqlClient, reference: string) =>
      c.query(`INSERT INTO opportunity_offers (id, reference, received_at, status, language, organisation_id, offer) VALUES ($1, $2, $3, 'pending', $4, $5, $6)`, values(reference));
    return insertSubmission(this.#db, 'offer', input, insert, idempotency);
  }

  async list(options: ListOptions = {}): Promise<OfferPage> {
    const { items, next } = await listPage(this.#db, 'opportunity_offers', options, offerFromRow);
    return next ? { offers: items, next } : { offers: items };
  }


  async get(id: string): Promise<StoredOffer | undefined> {
    const row = (await this.#db.query<OfferRow>('SELECT * FROM opportunity_offers WHERE id = $1', [id])).rows[0];
    return row && offerFromRow(row);
  }

  async #decide(decision: Decision): Promise<boolean> {
    const { sql, params } = decisionUpdate(decision, (n) => `$${n}`, (value) => value);
    const changed = await this.#db.transaction(async (c) => {
      const result = await c.query(sql, params);
      if (result.rowCount) await this.#db.announce(c);
      return (result.rowCount ?? 0) > 0;
    });
    if (changed) this.#db.changed();
    return changed;
  }

  approve(id: string, opportunity: Opportunity, at: Date): Promise<boolean> {
    return this.#decide({ on: 'offer', id, at, status: 'approved', opportunity });
  }

  reject(id: string, at: Date, reason?: string): Promise<boolean> {
    return this.#decide({ on: 'offer', id, at, status: 'rejected', reason });
  }

  async erase(id: string, at: Date): Promise<boolean> {
    const erased = await this.#db.transaction(async (c) => {
      const done = await this.eraseRow(c, id, at);
      if (done) await this.#db.announce(c);
      return done;
    });
    if (erased) this.#db.changed();
    return erased;
  }

  /**
   * An erasure's writes on the offer inside the caller's transaction `c`
   * (the store's `eraseWith` or a version's): with `reject`, the offer is
   * first recorded as rejected; then its content, what its approval
   * published, its reason and its idempotency records go. Whether it named a
   * stored offer.
   */
  async eraseRow(c: SqlClient, id: string, at: Date, reject = false): Promise<boolean> {
    if (reject) {
      const { sql, params } = decisionUpdate({ on: 'offer', id, at, status: 'rejected' }, (n) => `$${n}`, (value) => value);
      await c.query(sql, params);
    }
    const result = await c.query('UPDATE opportunity_offers SET offer = NULL, opportunity = NULL, reject_reason = NULL, erased_at = COALESCE(erased_at, $1) WHERE id = $2', [at.toISOString(), id]);
    await c.query('DELETE FROM idempotency_keys WHERE offer_id = $1', [id]);
    return (result.rowCount ?? 0) > 0;
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
