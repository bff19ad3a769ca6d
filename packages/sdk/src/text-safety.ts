/**
 * Text that is not what it seems (issue 17.3/17.4), the rule's one home:
 * control characters, lone UTF-16 surrogates and unpaired bidirectional
 * embeddings, overrides and isolates. The server refuses them in what it
 * accepts (applications, admin writes) through {@link safeTextCheck}; any
 * other tool can look for them in any JSON value with {@link findUnsafeText}.
 *
 * Why each is refused:
 * - C0 controls (except tab, line feed, carriage return), DEL and C1
 *   controls have no place in names, addresses or descriptions; NUL in
 *   particular truncates text in other systems and hides what follows.
 * - A lone surrogate is not a character at all: it cannot be encoded as
 *   UTF-8, so it turns into U+FFFD (or an error) wherever the text goes.
 * - An embedding or override (U+202A–U+202E) left open reverses or reorders
 *   the text after it in the same block, including the page's own words; an
 *   isolate (U+2066–U+2068) left open swallows what follows. Balanced ones
 *   are legitimate (a mixed Arabic–Swedish name may need them) and pass.
 */
import * as z from 'zod/mini';
import type { Issue } from './errors.js';
import { pathToString, type PathSegment } from './issues.js';

/** What kind of unsafe text was found. */
export type TextProblemCode = 'control-character' | 'lone-surrogate' | 'unpaired-bidi-control';

/** One unsafe character in a text. */
export interface TextProblem {
  code: TextProblemCode;
  /** The character as `U+202E`. */
  codePoint: string;
  /** Its name, e.g. "right-to-left override". */
  name: string;
  /** Where it stands, counted in characters (code points) from 1. */
  position: number;
}

/** The languages {@link describeTextProblem} speaks. */
export type TextSafetyLanguage = 'en' | 'sv';

// Anything that may need a closer look; most text has none of these and is
// answered by this one test.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\u202A-\u202E\u2066-\u2069]/;

const BIDI_NAMES: Record<number, { en: string; sv: string }> = {
  0x202a: { en: 'left-to-right embedding', sv: 'vänster-till-höger-inbäddning' },
  0x202b: { en: 'right-to-left embedding', sv: 'höger-till-vänster-inbäddning' },
  0x202c: { en: 'pop directional formatting', sv: 'avslutning av riktningsformatering' },
  0x202d: { en: 'left-to-right override', sv: 'vänster-till-höger-åsidosättning' },
  0x202e: { en: 'right-to-left override', sv: 'höger-till-vänster-åsidosättning' },
  0x2066: { en: 'left-to-right isolate', sv: 'vänster-till-höger-isolering' },
  0x2067: { en: 'right-to-left isolate', sv: 'höger-till-vänster-isolering' },
  0x2068: { en: 'first strong isolate', sv: 'första-starka-isolering' },
  0x2069: { en: 'pop directional isolate', sv: 'avslutning av isolering' },
};

const CONTROL_NAMES: Record<number, { en: string; sv: string }> = {
  0x00: { en: 'null character', sv: 'nolltecken' },
  0x7f: { en: 'delete character', sv: 'raderingstecken (DEL)' },
};

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function problem(code: TextProblemCode, char: number, position: number, lang: TextSafetyLanguage = 'en'): TextProblem {
  let name: string;
  if (code === 'unpaired-bidi-control') name = BIDI_NAMES[char]![lang];
  else if (code === 'lone-surrogate') name = lang === 'sv' ? 'ensamt surrogattecken' : 'lone surrogate';
  else name = CONTROL_NAMES[char]?.[lang] ?? (lang === 'sv' ? 'styrtecken' : 'control character');
  return { code, codePoint: hex(char), name, position };
}

const isControl = (c: number) => (c <= 0x1f && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
const isEmbeddingOrOverride = (c: number) => c === 0x202a || c === 0x202b || c === 0x202d || c === 0x202e;
const isIsolateStart = (c: number) => c >= 0x2066 && c <= 0x2068;

/**
 * Every unsafe character in `text`, in order (an empty list for safe text).
 *
 * Bidirectional controls must pair up within the text, nested the way the
 * Unicode bidi algorithm nests them: U+202A, U+202B, U+202D and U+202E are
 * closed by U+202C, U+2066–U+2068 by U+2069; an isolate's U+2069 also ends
 * any embedding opened inside it, which then counts as unpaired. A closer
 * with nothing to close is reported too. Line breaks do not end them: inside
 * an HTML element a line break is a space, and the override would go on.
 */
export function findTextProblems(text: string): TextProblem[] {
  if (!SUSPECT.test(text)) return [];
  const found: TextProblem[] = [];
  // Open embeddings/overrides ('E') and isolates ('I') with where they stand.
  const open: { kind: 'E' | 'I'; char: number; position: number }[] = [];
  let position = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    position++;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else found.push(problem('lone-surrogate', c, position));
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      found.push(problem('lone-surrogate', c, position));
    } else if (isControl(c)) {
      found.push(problem('control-character', c, position));
    } else if (isEmbeddingOrOverride(c)) {
      open.push({ kind: 'E', char: c, position });
    } else if (isIsolateStart(c)) {
      open.push({ kind: 'I', char: c, position });
    } else if (c === 0x202c) {
      if (open.length > 0 && open[open.length - 1]!.kind === 'E') open.pop();
      else found.push(problem('unpaired-bidi-control', c, position));
    } else if (c === 0x2069) {
      const isolate = open.map((o) => o.kind).lastIndexOf('I');
      if (isolate < 0) {
        found.push(problem('unpaired-bidi-control', c, position));
      } else {
        for (const left of open.splice(isolate).slice(1)) found.push(problem('unpaired-bidi-control', left.char, left.position));
      }
    }
  }
  for (const left of open) found.push(problem('unpaired-bidi-control', left.char, left.position));
  return found.sort((a, b) => a.position - b.position);
}

/** `true` when `text` has none of the characters {@link findTextProblems} reports. */
export function isSafeText(text: string): boolean {
  return !SUSPECT.test(text) || findTextProblems(text).length === 0;
}

/**
 * What is wrong, in plain words and in `lang` (English by default), without
 * the path: "contains a right-to-left override (U+202E) at character 7 that
 * is never closed; remove it, or close it with U+202C".
 */
export function describeTextProblem(found: TextProblem, lang: TextSafetyLanguage = 'en'): string {
  const char = Number.parseInt(found.codePoint.slice(2), 16);
  const name = problem(found.code, char, found.position, lang).name;
  const at = found.position;
  if (lang === 'sv') {
    switch (found.code) {
      case 'control-character':
        return `innehåller ett ${name} (${found.codePoint}) vid tecken ${at}; ta bort det`;
      case 'lone-surrogate':
        return `innehåller ett trasigt tecken (${name}, ${found.codePoint}) vid tecken ${at}; skriv in texten på nytt`;
      case 'unpaired-bidi-control':
        return char === 0x202c || char === 0x2069
          ? `innehåller en ${name} (${found.codePoint}) vid tecken ${at} som inte avslutar något; ta bort den`
          : `innehåller en ${name} (${found.codePoint}) vid tecken ${at} som aldrig avslutas; ta bort den eller avsluta den med ${closerOf(char)}`;
    }
  }
  switch (found.code) {
    case 'control-character':
      return `contains a ${name} (${found.codePoint}) at character ${at}; remove it`;
    case 'lone-surrogate':
      return `contains a broken character (a ${name}, ${found.codePoint}) at character ${at}; type the text again`;
    case 'unpaired-bidi-control':
      return char === 0x202c || char === 0x2069
        ? `contains a ${name} (${found.codePoint}) at character ${at} that closes nothing; remove it`
        : `contains a ${name} (${found.codePoint}) at character ${at} that is never closed; remove it, or close it with ${closerOf(char)}`;
  }
}

function closerOf(char: number): string {
  return isIsolateStart(char) ? 'U+2069' : 'U+202C';
}

/** What {@link findUnsafeText} puts before a problem found in an object's key rather than its value. */
const KEY_PREFIX: Record<TextSafetyLanguage, string> = { en: '(name of the field) ', sv: '(fältets namn) ' };

// describeTextProblem's English, read back: the prefix of a key, the code point, the position, and the ending that names the kind.
const ENGLISH_DESCRIPTION =
  /^(\(name of the field\) )?contains .*?[( ](U\+[0-9A-F]{4,6})\) at character (\d+)(; remove it| that closes nothing; remove it| that is never closed; remove it, or close it with U\+[0-9A-F]{4}|; type the text again)$/;

/**
 * One of this module's English messages (as {@link findUnsafeText} and
 * {@link safeTextCheck} write them) said in `lang`, the same problem at the
 * same character; `undefined` for any other message. For an issue that kept
 * only its English message (a schema's check, which is written once in
 * English): the issue catalogue (`localizeIssue`) says it in Swedish this way.
 */
export function localizeTextProblemMessage(message: string, lang: TextSafetyLanguage): string | undefined {
  const match = ENGLISH_DESCRIPTION.exec(message);
  if (!match) return undefined;
  const [, key, codePoint, position, ending] = match as unknown as [string, string | undefined, string, string, string];
  const code: TextProblemCode = ending === '; type the text again' ? 'lone-surrogate' : ending === '; remove it' ? 'control-character' : 'unpaired-bidi-control';
  const found: TextProblem = { code, codePoint, name: '', position: Number(position) };
  return `${key ? KEY_PREFIX[lang] : ''}${describeTextProblem(found, lang)}`;
}

/** Options of {@link findUnsafeText}. */
export interface FindUnsafeTextOptions {
  /** Prefixed to every path (e.g. `['organisations', 3]`). */
  path?: readonly PathSegment[];
  /** The language of the messages; English by default. */
  lang?: TextSafetyLanguage;
}

/**
 * Every string in `value` (any JSON value: objects, arrays, nested) that
 * holds unsafe text, one issue per problem, with the path of the string
 * (`organisation.name`), the code (`control-character`, `lone-surrogate`,
 * `unpaired-bidi-control`) and a message. Object keys are checked as text too
 * (reported at the key's path).
 */
export function findUnsafeText(value: unknown, options: FindUnsafeTextOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const lang = options.lang ?? 'en';
  const visit = (node: unknown, segments: PathSegment[]): void => {
    if (typeof node === 'string') {
      for (const found of findTextProblems(node)) {
        issues.push({ path: pathToString(segments), segments: [...segments], code: found.code, message: describeTextProblem(found, lang) });
      }
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node[i], [...segments, i]);
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        for (const found of findTextProblems(key)) {
          issues.push({ path: pathToString([...segments, key]), segments: [...segments, key], code: found.code, message: `${KEY_PREFIX[lang]}${describeTextProblem(found, lang)}` });
        }
        visit(child, [...segments, key]);
      }
    }
  };
  visit(value, [...(options.path ?? [])]);
  return issues;
}

/**
 * A zod check that refuses unsafe text anywhere inside the value it is
 * attached to, each problem at its own path, with the code `custom` and
 * `params.textSafety` set to the problem's code:
 *
 * ```ts
 * const Body = z.object({ name: z.string() }).check(safeTextCheck());
 * Body.safeParse({ name: 'A\u202Eb' }); // fails at ['name']
 * ```
 *
 * Works with `zod` and `zod/mini` schemas alike (`.check(…)` on either).
 */
export function safeTextCheck<T = unknown>(options: { lang?: TextSafetyLanguage } = {}): z.core.$ZodCheck<T> {
  return z.superRefine<T>((value, ctx) => {
    for (const found of findUnsafeText(value, options.lang ? { lang: options.lang } : {})) {
      ctx.addIssue({ code: 'custom', message: found.message, path: found.segments, input: value, params: { textSafety: found.code } });
    }
  });
}
