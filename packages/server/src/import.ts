import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isJsonSyntaxError, parseDataset, parseJsonText, ValidationError } from '@samverkan/sdk';
import { openStore, type StoreLocation } from './store/open.js';

/** What an import did: the version it published, or every problem (then nothing changed). */
export type ImportResult = { ok: true; version: number; organisations: number } | { ok: false; problems: string[] };

/**
 * `samverkan-server import FILE.json`: publishes a dataset file as a new
 * version in the store, validated strictly (`parseDataset(…, { strict:
 * true })`). A file that is not JSON is reported with its line and column;
 * an invalid one with every problem and its path. Either way nothing
 * changes. A running server notices the new version within a second
 * (SQLite: `PRAGMA data_version`; PostgreSQL: NOTIFY).
 */
export async function importDataset(file: string, location: StoreLocation, now = new Date()): Promise<ImportResult> {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, problems: [`${path} cannot be read: ${(error as Error).message}`] };
  }
  let json: unknown;
  try {
    // The SDK's one rule for broken JSON: line, column and what is wrong there (as `samverkan validate` says it).
    json = parseJsonText(text);
  } catch (error) {
    if (!isJsonSyntaxError(error)) throw error;
    return { ok: false, problems: [`${path} is not valid JSON: ${error.message}`, error.excerpt] };
  }
  let dataset;
  try {
    dataset = parseDataset(json, { strict: true }).dataset;
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, problems: error.issues.map((i) => `${i.path || '(top level)'}: ${i.message}`) };
    throw error;
  }
  const store = await openStore(location);
  try {
    const version = (await store.publishVersion({ dataset, at: now, by: 'import', summary: `Imported ${path.split('/').pop()}` }))!;
    await store.record({ at: now, by: 'import', action: 'dataset-imported', target: `versions/${version}` });
    return { ok: true, version, organisations: dataset.organisations.length };
  } finally {
    await store.close();
  }
}
