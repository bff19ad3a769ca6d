// What the two forms do alike with answers, DOM-free: their fields as a
// table (where each answer sits in what is sent, how the browser should help
// fill it in), and how answers read as lists and web addresses. From an
// issue's path to a field, and the kinds of problem, are in form-problems.ts
// (needed only once the answers are checked).
import { withHttpsScheme, type Issue } from '@samverkan/sdk';

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
