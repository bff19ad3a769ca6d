/**
 * How an entity is named and found in the admin lists: its name or title
 * (in the reader's language when the data has it), and the folded text a
 * search looks in. DOM-free.
 */
import { foldForSearch, pickText, type LocalizedText } from '@samverkan/sdk';
import type { DatasetInfo } from '../api.js';

type Entity = Record<string, unknown>;

/** The entity's name: `name`, else `title` in `lang` (or the default language), else its `year` (a follow-up), else its id. */
export function entityName(entity: Entity, lang: string, info: DatasetInfo | undefined): string {
  if (typeof entity['name'] === 'string') return entity['name'];
  const title = entity['title'] as LocalizedText | undefined;
  if (title !== undefined) {
    try {
      return pickText(title, lang, info?.defaultLanguage ?? 'sv').text;
    } catch {
      // A malformed title: fall back to the id.
    }
  }
  // A year's follow-up is named by its year.
  if (typeof entity['year'] === 'number') return String(entity['year']);
  return String(entity['id'] ?? '');
}

function strings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
}

/** Everything searchable in an entity, folded once (case and accents ignored, as everywhere in Samverkan). */
export function searchKey(entity: Entity): string {
  const out: string[] = [];
  strings(entity, out);
  return foldForSearch(out.join(' '));
}

/** The positions of the entries whose key holds every word of `query`. */
export function searchKeys(keys: readonly string[], query: string): number[] {
  const terms = foldForSearch(query).split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    let all = true;
    for (const t of terms) if (!key.includes(t)) { all = false; break; }
    if (all) out.push(i);
  }
  return out;
}
