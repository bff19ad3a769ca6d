/**
 * JSON text read with a useful error: where a file is broken by line and
 * column, and what is wrong there, in English and Swedish. The one home of
 * this rule: `samverkan validate`, `parseDataset` and the server's import use
 * it.
 *
 * `JSON.parse` does the parsing. Only when it fails is the text scanned
 * again, here, to find the place: engines do not say it in one way (V8 gives
 * "at position 129410" for some errors and no position at all for others,
 * such as an unexpected token or the end of the input; Safari gives none),
 * and a position in a 4,000-line file helps nobody.
 */
import { SamverkanError } from './errors.js';
import { parseJson } from './json-parse.js';

/** What is wrong at the place a JSON text breaks. */
export type JsonSyntaxProblem =
  | 'empty'
  | 'unexpected-end'
  | 'unexpected-character'
  | 'expected-comma-or-brace'
  | 'expected-comma-or-bracket'
  | 'expected-property-name'
  | 'expected-colon'
  | 'unterminated-string'
  | 'control-character-in-string'
  | 'bad-escape'
  | 'bad-number'
  | 'trailing-content';

/** Where a JSON text breaks and why. */
export interface JsonSyntaxLocation {
  problem: JsonSyntaxProblem;
  /** Offset in the text, in UTF-16 units from 0. */
  position: number;
  /** Line, from 1. */
  line: number;
  /** Column on that line, from 1 (UTF-16 units, as most editors count). */
  column: number;
  /** The character found there, when there is one. */
  found?: string;
}

/**
 * A JSON text that cannot be read, with the line and column where it breaks.
 * `message` is English; `messages.sv` is the same in Swedish. `excerpt` shows
 * the line with a caret under the place.
 */
export class JsonSyntaxError extends SamverkanError {
  override name = 'JsonSyntaxError' as const;
  readonly problem: JsonSyntaxProblem;
  readonly position: number;
  readonly line: number;
  readonly column: number;
  /** The message in English and Swedish: "line 4080, column 3: expected ',' or '}' after a property's value". */
  readonly messages: { en: string; sv: string };
  /** The broken line (at most 70 characters around the place) and a caret line under it. */
  readonly excerpt: string;

  constructor(location: JsonSyntaxLocation, text: string, options?: { cause?: unknown }) {
    const messages = describeJsonSyntax(location);
    super(messages.en, options);
    this.problem = location.problem;
    this.position = location.position;
    this.line = location.line;
    this.column = location.column;
    this.messages = messages;
    this.excerpt = excerptAt(text, location);
  }
}

/** `true` for a {@link JsonSyntaxError} (by name, so it works across realms). */
export function isJsonSyntaxError(value: unknown): value is JsonSyntaxError {
  return value instanceof Error && value.name === 'JsonSyntaxError';
}

/**
 * `JSON.parse(text)`, except that a byte order mark at the start is skipped
 * (spreadsheet programs and Windows editors write one) and a broken text
 * throws a {@link JsonSyntaxError} with the line and column.
 */
export function parseJsonText(text: string): unknown {
  try {
    return parseJson(text);
  } catch (error) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    // Should the scan find nothing (nesting too deep for it), the engine's position if it gave one, else the end.
    const engineAt = /position (\d+)/.exec(String((error as Error)?.message))?.[1];
    const location = locateJsonSyntaxError(body) ?? { problem: 'unexpected-character' as const, ...lineColumn(body, engineAt === undefined ? body.length : Math.min(Number(engineAt), body.length)) };
    throw new JsonSyntaxError(location, body, { cause: error });
  }
}

/** Line and column (both from 1) of a UTF-16 offset in `text`. */
export function lineColumn(text: string, position: number): { position: number; line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < position; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { position, line, column: position - lineStart + 1 };
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Where `text` stops being JSON (RFC 8259), or `undefined` when it is JSON.
 * A scan without building values; used only after `JSON.parse` failed.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxLocation | undefined {
  let i = 0;
  const n = text.length;
  class Stop {
    constructor(readonly problem: JsonSyntaxProblem, readonly at: number) {}
  }
  const stop = (problem: JsonSyntaxProblem, at = i): never => {
    throw new Stop(at >= n && problem !== 'empty' && problem !== 'unterminated-string' ? 'unexpected-end' : problem, at);
  };
  const space = () => {
    while (i < n && WHITESPACE.has(text.charCodeAt(i))) i++;
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) stop('unexpected-character');
  };
  const digits = () => {
    const from = i;
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    if (i === from) stop('bad-number');
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const string = () => {
    const open = i++;
    for (;;) {
      if (i >= n) stop('unterminated-string', open);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) stop('control-character-in-string');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) stop('bad-escape');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else stop('bad-escape');
      } else i++;
    }
  };
  const value = (): void => {
    space();
    if (i >= n) stop('unexpected-end');
    const c = text[i]!;
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') stop('expected-property-name');
        string();
        space();
        if (text[i] !== ':') stop('expected-colon');
        i++;
        value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        stop('expected-comma-or-brace');
      }
    } else if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        stop('expected-comma-or-bracket');
      }
    } else if (c === '"') string();
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else stop('unexpected-character');
  };
  try {
    space();
    if (i >= n) stop('empty');
    value();
    space();
    if (i < n) stop('trailing-content');
    return undefined;
  } catch (thrown) {
    // A stack overflow on absurdly deep nesting: the caller falls back to the engine's word.
    if (!(thrown instanceof Stop)) return undefined;
    const at = Math.min(thrown.at, n);
    const location: JsonSyntaxLocation = { problem: thrown.problem, ...lineColumn(text, at) };
    if (at < n) location.found = String.fromCodePoint(text.codePointAt(at)!);
    return location;
  }
}

const REASONS: Record<JsonSyntaxProblem, { en: string; sv: string }> = {
  empty: { en: 'the file is empty', sv: 'filen är tom' },
  'unexpected-end': { en: 'the text ends too early (a missing "}", "]" or a cut-off file?)', sv: 'texten tar slut för tidigt (saknas "}" eller "]", eller är filen avkortad?)' },
  'unexpected-character': { en: 'a value was expected here (a text in "double quotes", a number, true, false, null, { or [)', sv: 'här väntades ett värde (en text inom "dubbla citattecken", ett tal, true, false, null, { eller [)' },
  'expected-comma-or-brace': { en: 'expected "," or "}" after a property\'s value (a missing comma?)', sv: 'väntade "," eller "}" efter ett fälts värde (saknas ett kommatecken?)' },
  'expected-comma-or-bracket': { en: 'expected "," or "]" after a list entry (a missing comma?)', sv: 'väntade "," eller "]" efter en post i en lista (saknas ett kommatecken?)' },
  'expected-property-name': { en: 'expected a field name in "double quotes" (a comma too many before "}"?)', sv: 'väntade ett fältnamn inom "dubbla citattecken" (ett kommatecken för mycket före "}"?)' },
  'expected-colon': { en: 'expected ":" after the field name', sv: 'väntade ":" efter fältnamnet' },
  'unterminated-string': { en: 'a text that starts here is never closed with "', sv: 'en text som börjar här avslutas aldrig med "' },
  'control-character-in-string': { en: 'a text has a line break or control character inside it (write \\n for a line break)', sv: 'en text innehåller en radbrytning eller ett styrtecken (skriv \\n för radbrytning)' },
  'bad-escape': { en: 'a backslash starts an escape that JSON does not have (write \\\\ for a backslash)', sv: 'ett omvänt snedstreck inleder en kod som JSON inte har (skriv \\\\ för ett omvänt snedstreck)' },
  'bad-number': { en: 'a number is written in a way JSON does not allow', sv: 'ett tal är skrivet på ett sätt som JSON inte tillåter' },
  'trailing-content': { en: 'there is more text after the end of the JSON document', sv: 'det finns mer text efter slutet av JSON-dokumentet' },
};

/** "line 4080, column 3: expected "," or "}" after a property's value (a missing comma?)", in English and Swedish. */
export function describeJsonSyntax(location: JsonSyntaxLocation): { en: string; sv: string } {
  const reason = REASONS[location.problem];
  if (location.problem === 'empty') return { en: reason.en, sv: reason.sv };
  return {
    en: `line ${location.line}, column ${location.column}: ${reason.en}`,
    sv: `rad ${location.line}, kolumn ${location.column}: ${reason.sv}`,
  };
}

// The broken line, cut to a window around the place, and a caret under it.
function excerptAt(text: string, location: JsonSyntaxLocation): string {
  const lineStart = location.position - (location.column - 1);
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = text.length;
  const from = Math.max(lineStart, location.position - 40);
  const to = Math.min(lineEnd, from + 70);
  // Tabs and other controls would move the caret or reach the terminal: shown as spaces.
  // eslint-disable-next-line no-control-regex
  const shown = text.slice(from, to).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  const before = from > lineStart ? '…' : '';
  const after = to < lineEnd ? '…' : '';
  return `${before}${shown}${after}\n${' '.repeat(before.length + location.position - from)}^`;
}
