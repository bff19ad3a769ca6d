/**
 * Naming the entry an issue is about, so that a person finds it in a
 * 4,000-line file: `organisations[40] (Hovsjö IF).name` instead of
 * `organisations[40].name`.
 */
import type { Issue } from './errors.js';
import { pathToString, type PathSegment } from './issues.js';

const MAX_LABEL = 60;
// Controls and bidi controls would reach a terminal or reorder the line; shown as spaces.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function text(value: unknown, defaultLanguage?: string): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const map = value as Record<string, unknown>;
    const preferred = defaultLanguage ? map[defaultLanguage] : undefined;
    if (typeof preferred === 'string') return preferred;
    return Object.values(map).find((v): v is string => typeof v === 'string');
  }
  return undefined;
}

/**
 * What people call an entry of the dataset: its `name`, else its `title` (in
 * the default language when it has several), else its `id`; trimmed, without
 * control characters, at most 60 characters. `undefined` when it has none.
 */
export function entryLabel(entry: unknown, defaultLanguage?: string): string | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined;
  const e = entry as Record<string, unknown>;
  for (const candidate of [text(e.name, defaultLanguage), text(e.title, defaultLanguage), typeof e.id === 'string' ? e.id : undefined]) {
    const clean = candidate?.replace(UNPRINTABLE, ' ').replace(/\s+/g, ' ').trim();
    if (clean) return clean.length > MAX_LABEL ? `${clean.slice(0, MAX_LABEL - 1)}…` : clean;
  }
  return undefined;
}

/**
 * The issue's path with the entry it is in named after its index, read from
 * `data` (the dataset as it was given, before validation):
 * `organisations[40] (Hovsjö IF).name`. Paths outside a list entry, and
 * entries without a name, title or id, are given as they are.
 */
export function pathWithEntry(segments: readonly PathSegment[], data: unknown): string {
  const [list, index] = segments;
  if (typeof list !== 'string' || typeof index !== 'number' || typeof data !== 'object' || data === null) return pathToString(segments);
  const entries = (data as Record<string, unknown>)[list];
  const defaultLanguage = (data as { defaultLanguage?: unknown }).defaultLanguage;
  const label = Array.isArray(entries) ? entryLabel(entries[index], typeof defaultLanguage === 'string' ? defaultLanguage : undefined) : undefined;
  if (!label) return pathToString(segments);
  const head = pathToString([list, index]);
  const rest = pathToString(['x', ...segments.slice(2)]).slice(1);
  return `${head} (${label})${rest}`;
}

/** {@link pathWithEntry} of an issue. */
export function issuePathWithEntry(issue: Issue, data: unknown): string {
  return pathWithEntry(issue.segments, data);
}
