import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { meetingsCalendar } from './calendar.js';
import type { ServerConfig } from './config.js';
import { createLogger } from './logger.js';
import { PublishedDataset } from './published-dataset.js';
import { DATABASE_FILE, Store } from './store/sqlite/store.js';
import { openStore } from './store/open.js';

/**
 * Writes what the server would publish (the dataset file, or without one the
 * store's latest version), for static hosting (a CDN, object
 * storage, a CMS's file area): `dataset.json` (the dataset file plus the
 * approved signatories, if the data directory has a store) and
 * `meetings.ics`. Returns the paths written.
 */
export async function exportStatic(config: Pick<ServerConfig, 'datasetFile' | 'dataDir'> & { databaseUrl?: string | undefined }, dir: string): Promise<string[]> {
  // Do not create a store where there is none: a municipality without a server has no applications.
  const hasStore = existsSync(join(config.dataDir, DATABASE_FILE));
  const store = config.databaseUrl ? await openStore(config) : new Store(hasStore ? config.dataDir : ':memory:');
  try {
    // Without a dataset file: the latest version in the store.
    const source = config.datasetFile !== undefined ? { file: config.datasetFile } : { store: true as const };
    const published = new PublishedDataset({ source, store, watch: false, logger: createLogger('stderr') });
    await published.load();
    const { body, dataset } = published.current();
    const out = resolve(dir);
    mkdirSync(out, { recursive: true });
    const datasetPath = join(out, 'dataset.json');
    const calendarPath = join(out, 'meetings.ics');
    writeFileSync(datasetPath, body);
    writeFileSync(calendarPath, meetingsCalendar(dataset));
    // The audit log says when the published data was exported (not by whom: this runs from a shell).
    if (hasStore || config.databaseUrl) await store.record({ at: new Date(), by: 'command line', action: 'export', target: 'dataset' });
    return [datasetPath, calendarPath];
  } finally {
    await store.close();
  }
}
