// A fresh PostgreSQL database for a test file: on the cluster named by
// SAMVERKAN_TEST_DATABASE_URL (.ci/run starts one), else on a throwaway
// cluster this file starts (Debian's binaries, as an unprivileged user), else
// none: then the PostgreSQL tests are skipped with a line saying so, except
// in CI (process.env.CI), where an absent PostgreSQL fails the run.
import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import pg from 'pg';
import { postgresBinDir, startPostgres } from '../../../../scripts/postgres-cluster.mjs';

export interface TestDatabase {
  /** postgres://… of the new, empty database. */
  url: string;
  /** Drops the database (and stops the cluster this file started). */
  drop(): Promise<void>;
}

let cluster: Promise<{ url: string; stop(): void }> | undefined;
let users = 0;

/** Why PostgreSQL tests cannot run here, or `undefined` when they can. */
export function postgresAbsence(): string | undefined {
  if (process.env.SAMVERKAN_TEST_DATABASE_URL || postgresBinDir()) return undefined;
  return 'PostgreSQL is absent (no SAMVERKAN_TEST_DATABASE_URL and no /usr/lib/postgresql/*/bin): the PostgreSQL tests are skipped (apt-get install postgresql to run them)';
}

/**
 * Creates an empty database with a random name; `undefined` (after printing
 * why) when PostgreSQL is absent outside CI. Throws in CI when it is absent.
 */
export async function freshDatabase(): Promise<TestDatabase | undefined> {
  const absent = postgresAbsence();
  if (absent) {
    if (process.env.CI) throw new Error(`CI is set but ${absent}`);
    console.log(`# ${absent}`);
    return undefined;
  }
  let adminUrl = process.env.SAMVERKAN_TEST_DATABASE_URL;
  const own = !adminUrl;
  if (own) {
    cluster ??= startPostgres();
    adminUrl = (await cluster).url;
  }
  users++;
  const name = `samverkan_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl!, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await adminQuery(adminUrl!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      if (own && --users === 0 && cluster) {
        (await cluster).stop();
        cluster = undefined;
      }
    },
  };
}

/**
 * A fresh database for the tests of one file, created before they run and
 * dropped after: `url()` while they run; `skip` is the reason to skip the
 * PostgreSQL tests (PostgreSQL absent outside CI), else `false`.
 */
export function databaseForThisFile(): { url(): string; skip: string | false } {
  const absent = postgresAbsence();
  let database: TestDatabase | undefined;
  before(async () => {
    if (!absent || process.env.CI) database = await freshDatabase();
  });
  after(async () => {
    await database?.drop();
  });
  return {
    url: () => {
      if (!database) throw new Error('No PostgreSQL database for this file (see skip).');
      return database.url;
    },
    skip: absent && !process.env.CI ? absent : false,
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
