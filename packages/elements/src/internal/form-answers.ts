// What the two forms do alike with answers and the SDK's issues, DOM-free:
// their fields as a table (where each answer sits in what is sent, how the
// browser should help fill it in), from an issue's path to a field, and the
// kinds of problem both forms name the same way.
import { organisationNumberProblem, withHttpsScheme, type Issue } from '@samverkan/sdk';

/** What a field is, for the template. */
export interface FormFieldSpec {
  /** Its path in what the form sends, e.g. `organisation.email`. */
  path: string;
  /** The element id inside the shadow root (also the target of the error summary's link). */
  id: string;
  /** The answer may be left empty. */
  optional: boolean;
  /** `input` type (or `textarea`). */
  control?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'textarea';
  /** A textarea's rows (default 4). */
  rows?: number;
  /** The `autocomplete` token, so browsers and password managers fill it in. */
  autocomplete?: string;
  /** The on-screen keyboard that fits. */
  inputmode?: 'text' | 'email' | 'tel' | 'url' | 'numeric';
  /** The longest text the schema accepts (each entry, for lists). */
  maxLength?: number;
  /** A narrower input for short answers (phone, org number). */
  narrow?: boolean;
  /**
   * Written left to right in every language (addresses, numbers): the input
   * gets `dir="ltr"`, so `+46 70-123 45 67` is not reordered in an Arabic form.
   */
  ltr?: boolean;
  /** Not spell-checked (addresses, numbers). */
  noSpellcheck?: boolean;
}

/** The problems by field, and the issues no field of the form can show (kept for the error summary). */
export interface FieldProblems<F extends string, K extends string> {
  byField: Map<F, K>;
  other: Issue[];
}

/** `forening.example.org` → `https://forening.example.org`: the SDK's one rule, shared with the CSV import. */
export const withScheme: (website: string) => string = withHttpsScheme;

/** `"Centrum, Hovsjö\nRonna"` → `["Centrum", "Hovsjö", "Ronna"]`. */
export function splitList(value: string): string[] {
  return value
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

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
