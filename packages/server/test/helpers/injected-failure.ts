import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { DATABASE_FILE } from '../../src/store/sqlite/store.js';
import type { StoreLocation } from '../../src/store/open.js';
import type { STORES } from './on-store.js';

/**
 * Makes `when` (`BEFORE UPDATE ON versions`, `BEFORE UPDATE OF status ON applications`, …) fail in the database
 * itself, with the error "injected failure: `why`", from a connection of its own (as a full disk or a broken connection
 * would fail there, not a stand-in of the store); returns how to take it away again. The all-or-nothing tests share it.
 */
export async function failAt(store: (typeof STORES)[number], where: StoreLocation, when: string, why: string): Promise<() => Promise<void>> {
  const table = /\bON (\w+)/.exec(when)![1]!;
  if (store === 'SQLite') {
    const run = (sql: string) => {
      const db = new Database(join(where.dataDir, DATABASE_FILE));
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    };
    run(`CREATE TRIGGER injected_failure ${when} BEGIN SELECT RAISE(ABORT, 'injected failure: ${why}'); END;`);
    return async () => run('DROP TRIGGER injected_failure');
  }
  const sql = async (text: string) => {
    const client = new pg.Client({ connectionString: where.databaseUrl, options: `-c search_path=${where.databaseSchema}` });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await sql(`CREATE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure: ${why}'; END $$;
             CREATE TRIGGER injected_failure ${when} FOR EACH ROW EXECUTE FUNCTION injected_failure();`);
  return () => sql(`DROP TRIGGER injected_failure ON ${table}; DROP FUNCTION injected_failure();`);
}
