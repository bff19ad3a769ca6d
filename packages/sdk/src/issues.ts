import type * as z from 'zod/mini';
import type { Issue } from './errors.js';

/** One step of a path into data: a key or a list index. */
export type PathSegment = string | number;
type Segment = PathSegment;
type RawIssue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

const FORMAT_NAMES: Record<string, string> = {
  email: 'an e-mail address',
  url: 'a web address starting with http:// or https://',
  datetime: 'a date and time with an offset, such as 2026-03-12T18:00:00+01:00',
  date: 'a date such as 2026-03-12',
};

/**
 * Plain-English messages for zod issues that carry none of their own (the
 * schemas name most of theirs). Passed to every parse as its error map, so
 * the SDK never changes zod's global configuration.
 */
export function errorMap(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return Number(issue.minimum) === 1 ? 'must have at least one entry' : `must have at least ${issue.minimum} entries`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `must have at most ${issue.maximum} entries`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_format':
      return `must be ${FORMAT_NAMES[issue.format] ?? `in the format "${issue.format}"`}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'invalid_union':
      return 'has the wrong type or format';
    default:
      return undefined;
  }
}

/**
 * Checks `input` with any of the SDK's zod schemas and the SDK's plain-English
 * messages (`errorMap`): the parsed data, or every problem as an
 * {@link Issue} (path, segments, zod's code, message). What the server does
 * with every body and query it validates, so its messages are the ones the
 * catalogue of `localizeIssue` can say in Swedish (zod's own would be
 * "Invalid input"). Nothing is thrown.
 */
export function validateWith<S extends z.ZodMiniType>(schema: S, input: unknown): { success: true; data: z.output<S> } | { success: false; issues: Issue[] } {
  const result = schema.safeParse(input, { error: errorMap });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: toIssues(result.error.issues) };
}

/** `organisations[3].website` from `['organisations', 3, 'website']`. */
export function pathToString(segments: readonly Segment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * zod's issues as ours, each path prefixed with `base`. A failed union is
 * replaced by the issues of the option that came closest (the one that got
 * past the type check), so "must have a text in the default language" is
 * reported instead of "wrong type".
 */
export function toIssues(raw: readonly RawIssue[], base: readonly Segment[] = []): Issue[] {
  const out: Issue[] = [];
  const seen = new Set<string>();
  for (const issue of raw) {
    const segments = [...base, ...(issue.path as Segment[])];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = issue.errors.find((option) => !option.every((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (closest) {
        out.push(...toIssues(closest, segments));
        continue;
      }
    }
    // One check can fail in two ways (a URL's protocol and its host): say it once.
    const path = pathToString(segments);
    const key = `${path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, segments, code: issue.code, message: issue.message });
  }
  return out;
}
