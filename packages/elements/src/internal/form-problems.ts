// What the two forms do alike with what they send and the SDK's issues,
// DOM-free: empty answers left out, from an issue's path to a field, and the
// kinds of problem both forms name the same way. Used by their checks
// (validation.ts), which load when the reader starts to answer.
import { organisationNumberProblem, type Issue } from '@samverkan/sdk';
import type { FieldProblems, FormFieldSpec } from './form-answers.js';

/** The object without its `undefined` entries (so an empty optional answer is not sent at all). */
export function dropUndefined<T extends Record<string, unknown>>(object: T): T {
  for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
  return object;
}

/**
 * From an issue's path to the field that shows it (`['organisation',
 * 'districts', 2]` → `orgDistricts`): the longest leading run of the path's
 * keys that is a field's path, else `fallback(keys)`.
 */
export function fieldFinder<F extends string>(
  fields: Readonly<Record<F, FormFieldSpec>>,
  fallback: (keys: string[]) => F | undefined = () => undefined,
): (segments: readonly (string | number)[]) => F | undefined {
  const byPath = new Map(Object.entries<FormFieldSpec>(fields).map(([name, spec]) => [spec.path, name as F]));
  return (segments) => {
    const keys = segments.filter((s): s is string => typeof s === 'string');
    for (let n = keys.length; n > 0; n--) {
      const field = byPath.get(keys.slice(0, n).join('.'));
      if (field) return field;
    }
    return fallback(keys);
  };
}

/**
 * One problem per field from the schema's issues (the form's own check or a
 * server's 400): the first issue of a field decides its kind; issues of no
 * field are kept apart.
 */
export function problemsByField<F extends string, K extends string>(
  issues: readonly Issue[],
  fieldOf: (segments: readonly (string | number)[]) => F | undefined,
  kindOf: (field: F, issue: Issue) => K,
): FieldProblems<F, K> {
  const byField = new Map<F, K>();
  const other: Issue[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.segments);
    if (!field) {
      other.push(issue);
      continue;
    }
    if (!byField.has(field)) byField.set(field, kindOf(field, issue));
  }
  return { byField, other };
}

/** Which rule of an organisation number the answer breaks, as the forms name it; `undefined` when it keeps them all. */
export function organisationNumberKind(value: string): 'legalPerson' | 'checkDigit' | 'format' | undefined {
  const problem = organisationNumberProblem(value);
  if (problem === 'legal-person') return 'legalPerson';
  if (problem === 'check-digit') return 'checkDigit';
  if (problem === 'format') return 'format';
  return undefined;
}

/** `too_big` on a list itself (its path ends in its name) is too many entries; on a text or one entry, too long. */
export function sizeKind<F extends string>(field: F, issue: Issue, listFields: ReadonlySet<F>): 'tooMany' | 'tooLong' {
  return listFields.has(field) && typeof issue.segments.at(-1) !== 'number' ? 'tooMany' : 'tooLong';
}
