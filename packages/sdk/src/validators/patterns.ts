// Checks written out by hand that accept exactly the strings a regular
// expression of zod's or the SDK's schemas accepts. The generator writes a
// call to one of these in place of `pattern.test(v)` only when the schema's
// pattern is, as text, one named in PATTERN_CHECKS (scripts/generate-validators.ts);
// any other pattern (another zod version's, a new schema's) is run as it
// is. Each is property-tested against its expressions in
// test/validator-patterns.test.ts. Why: the backtracking e-mail expression
// alone was a twentieth of checking a dataset, and these run for every entry.

/** 0–9. */
export const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** A–Z or a–z (setting bit 5 maps A–Z onto a–z and nothing else onto it). */
const isLetter = (code: number): boolean => (code | 32) >= 97 && (code | 32) <= 122;

// The classes of the ASCII characters, one bit each, read from one table: a
// character's class is one load and one mask, where two or three range tests
// were (ids, e-mail addresses and language tags are read a character at a
// time for every entry). Anything from 128 on is in no class.
/** A–Z, a–z. */
const LETTER = 1;
/** 0–9. */
const DIGIT = 2;
/** What an id may have after its first character besides letters and digits: `. _ : -`. */
const ID_MARK = 4;
/** What the local part of an e-mail address may have besides letters, digits and dots: `_ ' + -`. */
const LOCAL_MARK = 8;
const ALNUM = LETTER | DIGIT;
const CLASSES = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) {
    const c = String.fromCharCode(code);
    table[code] = (isLetter(code) ? LETTER : 0) | (isDigit(code) ? DIGIT : 0) | ('._:-'.includes(c) ? ID_MARK : 0) | ("_'+-".includes(c) ? LOCAL_MARK : 0);
  }
  return table;
})();
/** The class bits of a UTF-16 code unit (0 from 128 on). */
const classOf = (code: number): number => (code < 128 ? CLASSES[code]! : 0);
const isAlnum = (code: number): boolean => (classOf(code) & ALNUM) !== 0;

/** The two digits at `at` as a number, or -1 when either is not a digit. */
export function twoDigits(text: string, at: number): number {
  const high = text.charCodeAt(at) - 48;
  const low = text.charCodeAt(at + 1) - 48;
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : -1;
}

/** The days of a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * zod's e-mail pattern: a local part of letters, digits and `_ ' + - .`
 * that neither starts with a dot nor has two in a row and ends in a letter,
 * digit or `_ + -`; `@`; labels of letters, digits and `-` (not first), each
 * followed by a dot; a last label of two or more letters.
 */
export function isEmail(v: string): boolean {
  const at = v.indexOf('@');
  // A dot before the start: a local part may not begin with one (nor be empty).
  let previous = 46;
  for (let i = 0; i < at; i++) {
    const code = v.charCodeAt(i);
    if (code === 46 ? previous === 46 : (classOf(code) & (ALNUM | LOCAL_MARK)) === 0) return false;
    previous = code;
  }
  if (previous === 46 || previous === 39) return false;
  const n = v.length;
  let label = at + 1;
  let letters = true;
  for (let i = label; i < n; i++) {
    const code = v.charCodeAt(i);
    if (code === 46) {
      if (i === label || v.charCodeAt(label) === 45) return false;
      label = i + 1;
      letters = true;
    } else {
      const bits = classOf(code);
      if ((bits & LETTER) === 0) {
        if ((bits & DIGIT) === 0 && code !== 45) return false;
        letters = false;
      }
    }
  }
  return letters && label > at + 1 && n - label >= 2;
}

/** The SDK's id pattern: a letter or digit, then letters, digits and `. _ : -`. */
export function isId(v: string): boolean {
  if (!isAlnum(v.charCodeAt(0))) return false;
  // classOf written out in the loop: a call per character is what an id costs in the interpreter, which runs
  // this for a calendar's first month (a few hundred ids of some 30 characters) before the JIT has seen it.
  for (let i = 1; i < v.length; i++) {
    const code = v.charCodeAt(i);
    if (code >= 128 || (CLASSES[code]! & (ALNUM | ID_MARK)) === 0) return false;
  }
  return true;
}

/** The SDK's language-tag pattern: two or three letters, then any number of `-` and one to eight letters or digits. */
export function isLanguageTag(v: string): boolean {
  const n = v.length;
  let i = 0;
  while (i < n && (classOf(v.charCodeAt(i)) & LETTER) !== 0) i++;
  if (i < 2 || i > 3) return false;
  while (i < n) {
    if (v.charCodeAt(i++) !== 45) return false;
    const start = i;
    while (i < n && isAlnum(v.charCodeAt(i))) i++;
    if (i === start || i - start > 8) return false;
  }
  return true;
}

/** `YYYY-MM-DD` at the start of `v`, a day the Gregorian calendar has (years 0000–9999, as zod's date pattern). */
function dateAtStart(v: string): boolean {
  const century = twoDigits(v, 0);
  const year = twoDigits(v, 2);
  const month = twoDigits(v, 5);
  const day = twoDigits(v, 8);
  return century >= 0 && year >= 0 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(century * 100 + year, month);
}

/** zod's date pattern (z.iso.date()). */
export function isIsoDate(v: string): boolean {
  return v.length === 10 && dateAtStart(v);
}

/** `HH:MM` at `at`: hours 00–23, minutes 00–59. */
function hoursMinutesAt(v: string, at: number): boolean {
  const hours = twoDigits(v, at);
  const minutes = twoDigits(v, at + 3);
  return hours >= 0 && hours <= 23 && v.charCodeAt(at + 2) === 58 && minutes >= 0 && minutes <= 59;
}

/**
 * zod 4.6's date-time pattern with an offset (z.iso.datetime({ offset: true })):
 * a date, `T`, `HH:MM:SS`, optionally `.` and digits, then `Z` or `±HH:MM`.
 */
export function isIsoDateTimeWithOffset(v: string): boolean {
  const n = v.length;
  if (v.charCodeAt(10) !== 84 || !dateAtStart(v) || !hoursMinutesAt(v, 11) || v.charCodeAt(16) !== 58) return false;
  const seconds = twoDigits(v, 17);
  if (seconds < 0 || seconds > 59) return false;
  let i = 19;
  if (v.charCodeAt(i) === 46) {
    while (isDigit(v.charCodeAt(++i)));
    if (i === 20) return false;
  }
  if (i === n - 1) return v.charCodeAt(i) === 90;
  const sign = v.charCodeAt(i);
  return i === n - 6 && (sign === 43 || sign === 45) && hoursMinutesAt(v, i + 1);
}
