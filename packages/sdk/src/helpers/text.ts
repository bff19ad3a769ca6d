/**
 * Swedish-aware ordering and the folding that makes search case- and
 * accent-insensitive.
 */
import { cachedCollator } from '../intl-cache.js';
import { sortSwedish, SWEDISH_COLLATOR_OPTIONS } from './swedish-sort.js';

/**
 * Compares two texts the Swedish way (`Intl.Collator('sv')`): Å, Ä and Ö come
 * after Z, é sorts with e, and numbers in names sort by value ("Kör 2" before
 * "Kör 10").
 */
export function compareSwedish(a: string, b: string): number {
  // Created on first use, so importing the module costs nothing.
  return cachedCollator('sv', SWEDISH_COLLATOR_OPTIONS).compare(a, b);
}

/** A sorted copy of `items`, by `name` in Swedish order (see {@link compareSwedish}; equal names keep their order). */
export function sortBySwedishName<T extends { name: string }>(items: readonly T[]): T[] {
  return sortSwedish(items, (item) => item.name);
}

// Letters that are not a base letter plus accents, so NFD leaves them alone.
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  ø: 'o',
  Ø: 'o',
  œ: 'oe',
  Œ: 'oe',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};
const MARKS = /\p{M}/gu;
// Format characters (zero-width space U+200B, joiners U+200C/U+200D, the BOM
// U+FEFF, the soft hyphen, bidi marks and controls …) are invisible: a name
// typed or pasted with one must still be found by the word people type.
const FORMAT = /^\p{Cf}$/u;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/gu;
const charCache = new Map<string, string>();

/** One lower-cased letter (a code point) without its marks. */
function foldChar(char: string): string {
  let folded = charCache.get(char);
  if (folded === undefined) {
    const lower = char.toLowerCase();
    folded = FORMAT.test(char) ? '' : (SPECIAL[lower] ?? lower.normalize('NFD').replace(MARKS, ''));
    charCache.set(char, folded);
  }
  return folded;
}

/**
 * Text as search compares it: lower case, accents and other marks removed
 * ("Östertälje" → "ostertalje", "Café" → "cafe"), ß → ss, æ → ae, ø → o,
 * and invisible format characters (Unicode category Cf: U+200B, U+200D,
 * U+FEFF, U+00AD …) left out ("Bi\u200Bdrag" → "bidrag").
 * (Internally, `foldWithOffsets` maps positions back to the original text.)
 */
export function foldForSearch(text: string): string {
  // Only the letters outside ASCII need Unicode work, each once (cached).
  return text.toLowerCase().replace(NON_ASCII, foldChar);
}

/** A folded text with, for each of its UTF-16 units, where the letter it came from starts and ends in the original. */
export interface FoldedText {
  folded: string;
  starts: number[];
  ends: number[];
}

/** {@link foldForSearch} plus the map from folded positions back to the original text. */
export function foldWithOffsets(text: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const char of text) {
    const piece = char.charCodeAt(0) < 128 ? char.toLowerCase() : foldChar(char);
    for (let i = 0; i < piece.length; i++) {
      starts.push(at);
      ends.push(at + char.length);
    }
    folded += piece;
    at += char.length;
  }
  return { folded, starts, ends };
}

/** The span in the original text of the folded span `[start, end)`. */
export function originalSpan(text: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: text.starts[start] ?? 0, end: end > start ? (text.ends[end - 1] ?? 0) : (text.starts[start] ?? 0) };
}

/** The words of a query, folded: "  Öster tälje " → `["oster", "talje"]`. */
export function queryTerms(query: string): string[] {
  return foldForSearch(query).split(/[\s,;]+/u).filter(Boolean);
}

/** `sv` from `sv-FI`. */
export function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0]!;
}
