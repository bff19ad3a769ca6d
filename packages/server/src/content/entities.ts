import { createHash, randomBytes } from 'node:crypto';
import { pickText, type Dataset } from '@samverkan/sdk';
import { slugify } from '../signatory.js';

/** An entity of a collection: any object with an id. */
export type Entity = { id: string } & Record<string, unknown>;

/** The strong ETag of an entity (or the agreement): a hash of its JSON. */
export function entityEtag(value: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 27)}"`;
}

/** The list of a collection in a dataset (empty when the dataset has none). */
export function listOf(dataset: Dataset, collection: string): Entity[] {
  const list = (dataset as unknown as Record<string, unknown>)[collection];
  return Array.isArray(list) ? (list as Entity[]) : [];
}

/** A copy of the dataset with one collection replaced. */
export function withList(dataset: Dataset, collection: string, list: Entity[]): Dataset {
  return { ...dataset, [collection]: list } as Dataset;
}

/**
 * An id for a new entity when the client gave none: a slug of its name or
 * title (`foreningen-angsbacken`), with a short random tail when that is
 * taken or there is nothing to slug.
 */
export function newId(entity: Record<string, unknown>, taken: ReadonlySet<string>, dataset: Dataset): string {
  const label = entity.name ?? entity.title;
  let text = '';
  if (typeof label === 'string') text = label;
  else if (label && typeof label === 'object') {
    try {
      text = pickText(label as Record<string, string>, dataset.defaultLanguage, dataset.defaultLanguage).text;
    } catch {
      text = '';
    }
  }
  const base = text ? slugify(text) : 'entry';
  if (text && !taken.has(base)) return base;
  for (;;) {
    const id = `${base}-${randomBytes(3).toString('hex')}`;
    if (!taken.has(id)) return id;
  }
}
