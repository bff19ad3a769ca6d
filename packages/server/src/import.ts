import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isJsonSyntaxError, parseDataset, parseJsonText, ValidationError } from '@samverkan/sdk';
import { newlyUnsigned } from './offered-by-signatories.js';
import { openStore, type StoreLocation } from './store/open.js';

/** What an import did: the version it published, or every problem (then nothing changed). */
export type ImportResult = { ok: true; version: number; organisations: number } | { ok: false; problems: string[] };

/**
 * `samverkan-server import FILE.json`: publishes a dataset file as a new
 * version in the store, validated strictly (`parseDataset(…, { strict:
 * true })`). A file that is not JSON is reported with its line and column;
 * an invalid one with every problem and its path; one where an
 * organisation without a signature offers volunteer opportunities (that the
 * version before did not have so) with each such organisation and its
 * opportunities. Either way nothing changes. A running server notices the new version within a second
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
    // Opportunities offered by an organisation that does not sign, and did not offer them unsigned in the version before: refused, as in the content API.
    const unsigned = newlyUnsigned((await store.latestVersion())?.dataset, dataset);
    if (unsigned.length > 0) {
      return {
        ok: false,
        problems: unsigned.map(
          ({ params }) =>
            `organisations: ${params!.organisation} (${params!.organisationId}) has no signature in the file but offers volunteer opportunities (${params!.opportunities}); only signatories offer them. Add its signature, or take those opportunities out of the file (or point them at a signatory).`,
        ),
      };
    }
    // The audit entry names the version it records, so it is written in the version's own transaction.
    const latest = (await store.latestVersion())?.version ?? 0;
    const version = await store.publishVersion(
      { dataset, at: now, by: 'import', summary: `Imported ${path.split('/').pop()}`, audit: [{ at: now, by: 'import', action: 'dataset-imported', target: `versions/${latest + 1}` }] },
      latest,
    );
    if (version === undefined) return { ok: false, problems: ['Another version was published while the file was imported; nothing was imported. Run the import again.'] };
    return { ok: true, version, organisations: dataset.organisations.length };
  } finally {
    await store.close();
  }
}
