import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDataset, ValidationError } from '@samverkan/sdk';
import { Store } from './store.js';

/** What an import did: the version it published, or every problem (then nothing changed). */
export type ImportResult = { ok: true; version: number; organisations: number } | { ok: false; problems: string[] };

/**
 * `samverkan-server import FILE.json`: publishes a dataset file as a new
 * version in the store, validated strictly (`parseDataset(…, { strict:
 * true })`). A file that is not JSON is reported with its line and column;
 * an invalid one with every problem and its path. Either way nothing
 * changes. A running server notices the new version within a second.
 */
export function importDataset(file: string, dataDir: string, now = new Date()): ImportResult {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, problems: [`${path} cannot be read: ${(error as Error).message}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`${path} is not valid JSON: ${jsonErrorWhere(text, error as Error)}`] };
  }
  let dataset;
  try {
    dataset = parseDataset(json, { strict: true }).dataset;
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, problems: error.issues.map((i) => `${i.path || '(top level)'}: ${i.message}`) };
    throw error;
  }
  const store = new Store(dataDir);
  try {
    const version = store.publishVersion({ dataset, at: now, by: 'import', summary: `Imported ${path.split('/').pop()}` })!;
    store.record({ at: now, by: 'import', action: 'dataset-imported', target: `versions/${version}` });
    return { ok: true, version, organisations: dataset.organisations.length };
  } finally {
    store.close();
  }
}

/**
 * "line 12, column 5: Unexpected token }" from a `JSON.parse` error, which
 * Node gives as a character position only.
 */
export function jsonErrorWhere(text: string, error: Error): string {
  const position = /at position (\d+)/.exec(error.message);
  const message = error.message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
  if (!position) return message;
  const at = Number(position[1]);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${message}`;
}
