import type Database from 'better-sqlite3';
import { newReference } from '../../reference.js';
import { idempotencyFromRow, listQuery, pageOf, type IdempotencyRow } from '../rows.js';
import type { IdempotencyRecord, InsertOutcome, ListCursor, ListOptions, NewIdempotencyRecord, Receipt } from '../types.js';

/** The stored answer for an idempotency key (applications' and offers' keys share one table). */
export function findIdempotency(db: Database.Database, key: string): IdempotencyRecord | undefined {
  return idempotencyFromRow(db.prepare('SELECT request_hash, status, response FROM idempotency_keys WHERE key = ?').get(key) as IdempotencyRow | undefined);
}

/**
 * Stores a submission (an application or an offer) inside the caller's
 * transaction: the stored answer when its idempotency key is taken;
 * otherwise a new reference, unique among applications and offers alike (a
 * reference names one thing; 2^40 of them, so a collision is rare but drawn
 * again), the row (`insert`), and the key with the receipt.
 */
export function insertSubmission(
  db: Database.Database,
  kind: 'application' | 'offer',
  submission: { id: string; receivedAt: Date },
  insert: (reference: string) => unknown,
  idempotency: NewIdempotencyRecord | undefined,
): InsertOutcome {
  const keyColumn = kind === 'application' ? 'application_id' : 'offer_id';
  if (idempotency) {
    const existing = findIdempotency(db, idempotency.key);
    if (existing) return { replay: existing };
  }
  let reference = newReference();
  while (db.prepare('SELECT 1 FROM applications WHERE reference = ? UNION ALL SELECT 1 FROM opportunity_offers WHERE reference = ?').get(reference, reference)) {
    reference = newReference();
  }
  insert(reference);
  const receipt: Receipt = { id: submission.id, status: 'pending', reference };
  if (idempotency) {
    db.prepare(`INSERT INTO idempotency_keys (key, request_hash, status, response, ${keyColumn}, created_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
      idempotency.key,
      idempotency.requestHash,
      201,
      JSON.stringify(receipt),
      submission.id,
      submission.receivedAt.getTime(),
    );
  }
  return { receipt };
}

/** A page of applications or offers, newest first. */
export function listPage<R, T extends { receivedAt: string; id: string }>(
  db: Database.Database,
  table: 'applications' | 'opportunity_offers',
  options: ListOptions,
  map: (row: R) => T,
): { items: T[]; next?: ListCursor } {
  const query = listQuery(options, () => '?');
  const rows = db.prepare(`SELECT * FROM ${table} ${query.where} ORDER BY received_at DESC, id LIMIT ${query.limitParam}`).all(...query.params) as R[];
  return pageOf(rows, query.limit, map);
}
