import { Store } from './sqlite/store.js';
import type { Logger } from '../logger.js';
import { PostgresStore } from './postgres/store.js';
import type { SamverkanStore } from './types.js';

/** Where the store is: a PostgreSQL URL (and schema), else the SQLite file's folder. */
export interface StoreLocation {
  dataDir: string;
  databaseUrl?: string | undefined;
  databaseSchema?: string | undefined;
}

/** Opens the configured store and waits until it is migrated (PostgreSQL when `databaseUrl` is set, else SQLite in `dataDir`). */
export async function openStore(location: StoreLocation, logger?: Logger): Promise<SamverkanStore> {
  if (!location.databaseUrl) return new Store(location.dataDir);
  const store = new PostgresStore({ url: location.databaseUrl, ...(location.databaseSchema && { schema: location.databaseSchema }), ...(logger && { logger }) });
  try {
    await store.ready();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
