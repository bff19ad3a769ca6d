/**
 * The PostgreSQL schema, as an append-only list with the same version
 * numbers as the SQLite one (migrations.ts): migration `n` brings a database
 * from version n to n + 1, and both stores hold the same things at the same
 * version. The version is kept in `schema_version`. Never edit a released
 * migration; add one (to both lists).
 *
 * Dates are ISO 8601 text, as in SQLite, so both sort and answer alike; the
 * dataset and the applications are stored as the JSON text that was written
 * (not jsonb, which would reorder keys and change the published bytes).
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE applications (
    id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_at TEXT,
    language TEXT NOT NULL,
    application TEXT,
    privacy_notice_url TEXT,
    privacy_notice_version TEXT,
    privacy_notice_shown_at TEXT,
    organisation TEXT,
    erased_at TEXT
  );
  CREATE INDEX applications_by_status ON applications (status, received_at);

  CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    application_id TEXT REFERENCES applications (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
  `,
  // 2: the short reference (issue 17.15), unique.
  `
  ALTER TABLE applications ADD COLUMN reference TEXT;
  CREATE UNIQUE INDEX applications_by_reference ON applications (reference);
  `,
  // 3: the dataset as versions (issue 13), the audit log, and decisions' details.
  `
  CREATE TABLE versions (
    version INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    by_name TEXT NOT NULL,
    summary TEXT NOT NULL,
    dataset TEXT NOT NULL
  );

  CREATE TABLE audit (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TEXT NOT NULL,
    by_name TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL
  );

  ALTER TABLE applications ADD COLUMN reject_reason TEXT;
  ALTER TABLE applications ADD COLUMN signed_listed BOOLEAN NOT NULL DEFAULT FALSE;
  `,
  // 4: volunteer opportunities offered by signatories, waiting for a decision.
  `
  CREATE TABLE opportunity_offers (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_at TEXT,
    language TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    offer TEXT,
    opportunity TEXT,
    reject_reason TEXT,
    erased_at TEXT
  );
  CREATE INDEX opportunity_offers_by_status ON opportunity_offers (status, received_at);
  ALTER TABLE idempotency_keys ADD COLUMN offer_id TEXT REFERENCES opportunity_offers (id) ON DELETE SET NULL;
  `,
];
