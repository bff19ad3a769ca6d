import { PostgresStore } from '../store/postgres/store.js';
import { Store } from '../store/sqlite/store.js';
import type { SamverkanStore } from '../store/types.js';
import { PostgresAccountStore } from './store-postgres.js';
import { SqliteAccountStore } from './store-sqlite.js';
import type { AccountStore } from './types.js';

/**
 * The accounts beside a store, wherever it is: in its SQLite file (its own
 * connection), or in its PostgreSQL database and schema (its pool), with
 * the account tables migrated. The server, `users` and `tenants add` all
 * open them this way, so they always meet the same tables.
 */
export async function accountStoreFor(store: SamverkanStore): Promise<AccountStore> {
  if (store instanceof Store) return new SqliteAccountStore(store.db);
  if (store instanceof PostgresStore) {
    await store.ready();
    const accounts = new PostgresAccountStore(store);
    await accounts.ready();
    return accounts;
  }
  throw new Error('The accounts need the SQLite or the PostgreSQL store.');
}
