/**
 * The store's schema, as an append-only list: migration `n` brings a database
 * from `PRAGMA user_version` n to n + 1. Never edit a migration that has been
 * released; add one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE applications (
    id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_at TEXT,
    language TEXT NOT NULL,
    -- The validated SignupApplication as JSON (only the schema's keys); NULL once erased.
    application TEXT,
    -- Which privacy notice the form showed, and when. Kept after erasure: it is
    -- not personal data and it documents what the applicant was told.
    privacy_notice_url TEXT,
    privacy_notice_version TEXT,
    privacy_notice_shown_at TEXT,
    -- The Organisation published as a signatory while the application is approved.
    organisation TEXT,
    erased_at TEXT
  ) STRICT;
  CREATE INDEX applications_by_status ON applications (status, received_at);

  CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    -- SHA-256 of the request body, to tell a retry from another request with the same key.
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    application_id TEXT REFERENCES applications (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
  `,
  // 2: the short reference people read out on the phone (issue 17.15), unique; older applications have none.
  `
  ALTER TABLE applications ADD COLUMN reference TEXT;
  CREATE UNIQUE INDEX applications_by_reference ON applications (reference);
  `,
  // 3: the published dataset lives in the store as versions (issue 13), the audit log, and decisions' details.
  `
  CREATE TABLE versions (
    version INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    -- Who made it: a person's name, "admin token", "seed" or "import"; never an e-mail address.
    by_name TEXT NOT NULL,
    summary TEXT NOT NULL,
    -- The whole dataset as published: compact JSON, gzip-compressed (a 1 MB dataset takes some 100 KB per version).
    dataset BLOB NOT NULL
  ) STRICT;

  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    by_name TEXT NOT NULL,
    action TEXT NOT NULL,
    -- What it was done to: a path such as organisations/hovsjo-if or signups/<uuid>; never personal data.
    target TEXT NOT NULL
  ) STRICT;

  -- Why an application was rejected (never published; erased with the application).
  ALTER TABLE applications ADD COLUMN reject_reason TEXT;
  -- 1 when approval signed an organisation the dataset already listed (rejecting then removes only the signature).
  ALTER TABLE applications ADD COLUMN signed_listed INTEGER NOT NULL DEFAULT 0;
  `,
  // 4: volunteer opportunities offered by signatories, waiting for a decision (contract additions, December 2026).
  `
  CREATE TABLE opportunity_offers (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_at TEXT,
    language TEXT NOT NULL,
    -- The offering signatory, resolved from its organisation number when the offer arrived.
    organisation_id TEXT NOT NULL,
    -- The validated OpportunityOffer as JSON (its contact is published on approval); NULL once erased.
    offer TEXT,
    -- The Opportunity published while approved.
    opportunity TEXT,
    reject_reason TEXT,
    erased_at TEXT
  ) STRICT;
  CREATE INDEX opportunity_offers_by_status ON opportunity_offers (status, received_at);
  ALTER TABLE idempotency_keys ADD COLUMN offer_id TEXT REFERENCES opportunity_offers (id) ON DELETE SET NULL;
  `,
];
