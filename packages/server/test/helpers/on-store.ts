// A test server on SQLite or on a fresh schema of the file's PostgreSQL database, and where its
// store is (for a second connection, as another process or an older server would have).
import { join } from 'node:path';
import type { AppOptions } from '@samverkan/server';
import type { StoreLocation } from '../../src/store/open.js';
import { ADMIN_TOKEN, start, type Running } from '../helpers.js';
import type { databaseForThisFile } from './postgres.js';

/** The stores every such test runs on. */
export const STORES = ['SQLite', 'PostgreSQL'] as const;

/** A schema name no other test uses. */
export const freshSchema = (prefix = 's') => `${prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A server with the admin token on the demo (or `options`), on `store`, and its store's location. */
export async function startOn(store: (typeof STORES)[number], database: ReturnType<typeof databaseForThisFile>, options: Partial<AppOptions> = {}): Promise<Running & { where: StoreLocation }> {
  const pg = store === 'PostgreSQL' ? { databaseUrl: database.url(), databaseSchema: freshSchema() } : {};
  const app = await start({ adminToken: ADMIN_TOKEN, ...pg, ...options });
  return Object.assign(app, { where: { dataDir: join(app.dir, 'data'), ...pg } });
}
