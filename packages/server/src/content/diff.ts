import type { Dataset, EntityChange } from '@samverkan/sdk';
import { CONTENT_COLLECTIONS } from '@samverkan/sdk';
import { listOf } from './entities.js';

const TOP_LEVEL = ['schemaVersion', 'defaultLanguage', 'languages', 'timeZone'] as const;

/**
 * What changed from `before` to `after`, per entity (by id) and per field
 * (the entity's own keys; a nested value counts as one field). `updatedAt`
 * is left out: it moves with every version. Without `before`, everything is
 * "added".
 */
export function diffDatasets(before: Dataset | undefined, after: Dataset): EntityChange[] {
  const changes: EntityChange[] = [];
  const prev = (before ?? {}) as Record<string, unknown>;
  const next = after as unknown as Record<string, unknown>;
  const topFields = TOP_LEVEL.filter((key) => !same(prev[key], next[key])).map((key) => ({ path: key, ...(key in prev && { before: prev[key] }), after: next[key] }));
  if (topFields.length > 0) changes.push({ collection: 'dataset', id: '', change: before ? 'changed' : 'added', fields: topFields });
  const agreement = fieldChanges(before?.agreement as Record<string, unknown> | undefined, after.agreement as unknown as Record<string, unknown>);
  if (agreement.length > 0) changes.push({ collection: 'agreement', id: '', change: before ? 'changed' : 'added', fields: agreement });
  for (const collection of CONTENT_COLLECTIONS) {
    const old = new Map(before ? listOf(before, collection).map((e) => [e.id, e]) : []);
    for (const entity of listOf(after, collection)) {
      const was = old.get(entity.id);
      old.delete(entity.id);
      if (!was) changes.push({ collection, id: entity.id, change: 'added', fields: fieldChanges(undefined, entity) });
      else {
        const fields = fieldChanges(was, entity);
        if (fields.length > 0) changes.push({ collection, id: entity.id, change: 'changed', fields });
      }
    }
    for (const [id, entity] of old) changes.push({ collection, id, change: 'removed', fields: fieldChanges(entity, undefined) });
  }
  return changes;
}

function fieldChanges(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined) {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: { path: string; before?: unknown; after?: unknown }[] = [];
  for (const key of keys) {
    const a = before?.[key];
    const b = after?.[key];
    if (same(a, b)) continue;
    out.push({ path: key, ...(a !== undefined && { before: a }), ...(b !== undefined && { after: b }) });
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
