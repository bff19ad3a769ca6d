/**
 * What an uploaded file would change, before anything is published: the
 * entries it adds, the ones it changes (and which fields), the ones that
 * stay the same, and the problems per line (CSV) or per path (JSON). DOM-free.
 *
 * A CSV row is matched to an existing organisation by id, then by
 * organisation number, then by name (case and accents ignored); a dataset
 * file by id. Nothing is deleted by an import: entries missing from the file
 * are counted and kept (deleting is done one by one, and undone by restore).
 */
import { foldForSearch, importOrganisationsCsv, parseDataset } from '@samverkan/sdk';
import type { CollectionName, Versioned } from '../api.js';
import { CONTENT_COLLECTIONS } from '../router.js';

type Entity = Record<string, unknown>;

/** One entry the import would write. */
export interface PlannedWrite {
  collection: CollectionName;
  kind: 'add' | 'change';
  /** The entry as the file has it (for a change: merged over the current one, keeping what the file has no column for). */
  value: Entity;
  /** For a change: the current entry's ETag and the fields that differ. */
  etag?: string;
  fields?: string[];
}

/** A problem in the file. */
export interface PlanProblem {
  /** "line 7, E-post" or "organisations[3].website". */
  where: string;
  message: string;
}

export interface ImportPlan {
  kind: 'csv' | 'json';
  writes: PlannedWrite[];
  unchanged: number;
  /** Entries the store has that the file does not (kept). */
  notInFile: number;
  problems: PlanProblem[];
}

/** The current content, per collection, as the content API lists it. */
export type CurrentContent = Partial<Record<CollectionName, Versioned<Entity>[]>>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `only`: the fields the file has (a CSV's columns); the current entry keeps the others. */
function compare(collection: CollectionName, incoming: Entity, current: Versioned<Entity> | undefined, only?: readonly string[]): PlannedWrite | undefined {
  if (!current) return { collection, kind: 'add', value: incoming };
  const taken = only ? Object.fromEntries(Object.entries(incoming).filter(([k]) => only.includes(k))) : incoming;
  const value: Entity = only ? { ...current.value, ...taken, id: current.value['id'] } : { ...incoming, id: current.value['id'] };
  const fields = [...new Set([...Object.keys(current.value), ...Object.keys(value)])].filter((k) => !same(current.value[k], value[k]));
  return fields.length ? { collection, kind: 'change', value, etag: current.etag, fields } : undefined;
}

/** The plan for a CSV of organisations. */
export function planCsv(text: string, current: CurrentContent, defaultLanguage: string): ImportPlan {
  const result = importOrganisationsCsv(text, { defaultLanguage });
  const existing = current.organisations ?? [];
  const byId = new Map(existing.map((e) => [String(e.value['id']), e]));
  const byNumber = new Map(existing.filter((e) => e.value['organisationNumber']).map((e) => [String(e.value['organisationNumber']), e]));
  const byName = new Map(existing.map((e) => [foldForSearch(String(e.value['name'])), e]));
  const hasIdColumn = /(^|[,;])\s*"?id"?\s*([,;]|$)/im.test(text.split(/\r?\n/, 1)[0] ?? '');
  const writes: PlannedWrite[] = [];
  const matched = new Set<Versioned<Entity>>();
  let unchanged = 0;
  for (const organisation of result.organisations as unknown as Entity[]) {
    const match =
      (hasIdColumn ? byId.get(String(organisation['id'])) : undefined) ??
      (organisation['organisationNumber'] ? byNumber.get(String(organisation['organisationNumber'])) : undefined) ??
      byName.get(foldForSearch(String(organisation['name'])));
    if (match) matched.add(match);
    // Only the file's columns change an existing organisation; the rest (translations, confirmedOn, a column left out) is kept.
    const write = compare('organisations', organisation, match, result.fields.filter((f) => f !== 'id'));
    if (write) writes.push(write);
    else unchanged++;
  }
  return {
    kind: 'csv',
    writes,
    unchanged,
    notInFile: existing.filter((e) => !matched.has(e)).length,
    problems: result.issues.map((i) => ({ where: i.column ? `${i.line}|${i.column}` : `${i.line}|`, message: i.message })),
  };
}

/** The plan for a whole dataset file (JSON): every content collection, by id. */
export function planJson(text: string, current: CurrentContent): ImportPlan {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'json', writes: [], unchanged: 0, notInFile: 0, problems: [{ where: '', message: (error as Error).message }] };
  }
  let parsed: ReturnType<typeof parseDataset>;
  try {
    parsed = parseDataset(json);
  } catch (error) {
    return { kind: 'json', writes: [], unchanged: 0, notInFile: 0, problems: [{ where: '', message: (error as Error).message }] };
  }
  const writes: PlannedWrite[] = [];
  let unchanged = 0;
  let notInFile = 0;
  for (const collection of CONTENT_COLLECTIONS) {
    const incoming = ((parsed.dataset as unknown as Record<string, Entity[]>)[collection] ?? []) as Entity[];
    const existing = current[collection] ?? [];
    const byId = new Map(existing.map((e) => [String(e.value['id']), e]));
    const ids = new Set(incoming.map((e) => String(e['id'])));
    notInFile += existing.filter((e) => !ids.has(String(e.value['id']))).length;
    for (const entity of incoming) {
      const write = compare(collection, entity, byId.get(String(entity['id'])));
      if (write) writes.push(write);
      else unchanged++;
    }
  }
  return { kind: 'json', writes, unchanged, notInFile, problems: parsed.issues.map((i) => ({ where: i.path, message: i.message })) };
}

/** Whether a file looks like a dataset (JSON) rather than a CSV. */
export function looksLikeJson(name: string, text: string): boolean {
  return /\.json$/i.test(name) || /^\s*[{[]/.test(text);
}
