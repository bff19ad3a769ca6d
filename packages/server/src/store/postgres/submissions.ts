import { newReference } from '../../reference.js';
import { idempotencyFromRow, listQuery, pageOf, type IdempotencyRow } from '../rows.js';
import type { IdempotencyRecord, InsertOutcome, ListCursor, ListOptions, NewIdempotencyRecord, Receipt } from '../types.js';
import type { SqlClient } from './sql.js';

/** The stored answer for an idempotency key (applications' and offers' keys share one table). */
export async function findIdempotency(db: SqlClient, key: string): Promise<IdempotencyRecord | undefined> {
  return idempotencyFromRow((await db.query<IdempotencyRow>('SELECT request_hash, status, response FROM idempotency_keys WHERE key = $1', [key])).rows[0]);
}

class KeyTaken extends Error {}

/** Where each kind keeps its idempotency keys' owner, and the unique index of its references. */
const KINDS = {
  application: { keyColumn: 'application_id', referenceConstraint: 'applications_by_reference' },
  offer: { keyColumn: 'offer_id', referenceConstraint: 'opportunity_offers_reference_key' },
} as const;

/**
 * Stores a submission (an application or an offer) in one transaction, with
 * a new reference unique among applications and offers alike, and its
 * idempotency key; or answers the stored answer of the key. Across
 * processes the database decides: the key is a primary key (`ON CONFLICT DO
 * NOTHING` waits for another copy of the request committing it, in any
 * process, and then this one is rolled back and answered the first one's
 * receipt), and a reference drawn by two at once (2^40 of them: rare) is
 * refused by its unique index and drawn again.
 */
export async function insertSubmission(
  db: SqlClient & { transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T> },
  kind: 'application' | 'offer',
  submission: { id: string; receivedAt: Date },
  insert: (client: SqlClient, reference: string) => Promise<unknown>,
  idempotency: NewIdempotencyRecord | undefined,
): Promise<InsertOutcome> {
  const { keyColumn, referenceConstraint } = KINDS[kind];
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (c) => {
        let reference = newReference();
        while ((await c.query('SELECT 1 FROM applications WHERE reference = $1 UNION ALL SELECT 1 FROM opportunity_offers WHERE reference = $1', [reference])).rowCount) {
          reference = newReference();
        }
        const receipt: Receipt = { id: submission.id, status: 'pending', reference };
        await insert(c, reference);
        if (idempotency) {
          const stored = await c.query(
            `INSERT INTO idempotency_keys (key, request_hash, status, response, ${keyColumn}, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO NOTHING`,
            [idempotency.key, idempotency.requestHash, 201, JSON.stringify(receipt), submission.id, submission.receivedAt.getTime()],
          );
          if (stored.rowCount === 0) throw new KeyTaken();
        }
        return { receipt };
      });
    } catch (error) {
      if (error instanceof KeyTaken && idempotency) {
        const existing = await findIdempotency(db, idempotency.key);
        if (existing) return { replay: existing };
      } else if (!(isUniqueViolation(error, referenceConstraint) && attempt < 5)) {
        throw error;
      }
    }
  }
}

/** A PostgreSQL unique violation (23505) of `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505' && (error as { constraint?: string }).constraint === constraint;
}

/** A page of applications or offers, newest first (`COLLATE "C"`: the same order as SQLite's, bytewise, whatever the database's locale). */
export async function listPage<R, T extends { receivedAt: string; id: string }>(
  db: SqlClient,
  table: 'applications' | 'opportunity_offers',
  options: ListOptions,
  map: (row: R) => T,
): Promise<{ items: T[]; next?: ListCursor }> {
  const query = listQuery(options, (n) => `$${n}`);
  const { rows } = await db.query<R>(`SELECT * FROM ${table} ${query.where} ORDER BY received_at COLLATE "C" DESC, id COLLATE "C" LIMIT ${query.limitParam}`, query.params);
  return pageOf(rows, query.limit, map);
}
