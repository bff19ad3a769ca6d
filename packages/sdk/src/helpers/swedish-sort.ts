/**
 * Sorting many names in Swedish order without calling `Intl.Collator` for
 * every comparison.
 *
 * `Intl.Collator('sv').compare` costs about a microsecond a call, and sorting
 * 10,000 names takes some 130,000 calls. Instead each name gets a sort key
 * once: the sequence of its primary collation weights (the letter, ignoring
 * case and accents) for the characters the key knows, encoded as one UTF-16
 * unit each, so that plain string comparison of two keys compares the primary
 * weights. Where two keys differ, the collator's first level (primary) already
 * decides the order, so the key gives the collator's answer. Where they do not
 * decide (equal keys: "Café" and "Cafe"; or a name with a character the key
 * does not know), the collator itself compares the names. The resulting order
 * is therefore exactly the collator's.
 *
 * The weights are not hard-coded: they are read off the collator itself (the
 * characters of a fixed set sorted and grouped with `sensitivity: 'base'`), so
 * another ICU version's data gives keys that agree with that version.
 */

import { cachedCollator } from '../intl-cache.js';

/** The options every Swedish comparison in the SDK uses (see `compareSwedish`). */
export const SWEDISH_COLLATOR_OPTIONS: Intl.CollatorOptions = { numeric: true };

// Characters a key may contain (lower and upper case are both added): the
// punctuation and letters of Swedish names and of the languages spoken by
// Sweden's larger minorities (Latin with accents, Cyrillic, Arabic letters
// without vowel marks). Anything else (combining marks, ignorable characters,
// other scripts) ends the key, and the collator compares from there.
const KNOWN =
  ' !"#%&\'()*+,-./:;?@_' +
  'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœčšžćđłßőűęńśźżğşıěřťďňůāēīōū' +
  'абвгдеёжзийклмнопрстуфхцчшщъыьэюяђјљњћџії' +
  'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي';
const DIGIT_0 = 48;
const DIGIT_9 = 57;
/** Longer digit runs are left to the collator (ICU splits very long numbers). */
const MAX_DIGITS = 40;
/** Ends a complete key; below every weight, so a shorter complete name sorts first, as at the primary level. */
const END = 1;
const FIRST_WEIGHT = 0x100;
/**
 * Separates a key from the item's position (two units, so that their string
 * order is the numeric order); below every unit of a key, so that entries sort
 * like the pairs (key, position).
 */
const SEPARATOR = 0;
const positionOf = (entry: string): number => (entry.charCodeAt(entry.length - 2) << 16) | entry.charCodeAt(entry.length - 1);

interface KeyTable {
  /** Char code → weight unit (0: unknown). */
  weights: Uint16Array;
  /** The unit that stands for "a number" (all of them share their first primary weight). */
  number: number;
}

let table: KeyTable | undefined;
const BASE_OPTIONS: Intl.CollatorOptions = { ...SWEDISH_COLLATOR_OPTIONS, sensitivity: 'base' };

function swedishCollator(): Intl.Collator {
  return cachedCollator('sv', SWEDISH_COLLATOR_OPTIONS);
}

/** Reads the primary weights of the known characters off the collator. */
function buildTable(): KeyTable {
  const base = cachedCollator('sv', BASE_OPTIONS);
  const chars = new Set<string>();
  for (const char of KNOWN) {
    chars.add(char);
    const upper = char.toUpperCase();
    if (upper.length === 1) chars.add(upper);
  }
  // "5" stands for every number: with `numeric`, all digit runs share the
  // digits' place among the other characters and compare by value after it.
  const NUMBER = '5';
  const sorted = [...chars, NUMBER].sort(base.compare);
  // Characters equal at the primary level form one class (one weight).
  const classes: string[][] = [];
  for (const char of sorted) {
    const last = classes[classes.length - 1];
    if (last && base.compare(last[0]!, char) === 0) last.push(char);
    else classes.push([char]);
  }
  // A character that expands to several primary weights (ß = "ss") sorts just
  // after its first one's class, and "s" + the highest letter sorts after
  // "ß" then. Such characters are left out: one unit cannot stand for them.
  const highest = classes[classes.length - 1]![0]!;
  const kept: string[][] = [];
  for (const members of classes) {
    const previous = kept[kept.length - 1];
    if (previous && previous[0] !== NUMBER && members[0] !== NUMBER && base.compare(previous[0]! + highest, members[0]!) >= 0) continue;
    kept.push(members);
  }
  const weights = new Uint16Array(0x700);
  let number = 0;
  kept.forEach((members, i) => {
    const unit = FIRST_WEIGHT + i;
    if (members[0] === NUMBER) number = unit;
    else for (const char of members) if (char.charCodeAt(0) < weights.length) weights[char.charCodeAt(0)] = unit;
  });
  return { weights, number };
}

/** Unit codes of the key being built (reused: building keys as flat strings at once is much cheaper than joining pieces). */
const units: number[] = [];

/**
 * The sort entry of `name` at position `i`: its key, {@link SEPARATOR} and
 * the position. The key is the name's primary weights up to the first
 * unknown character, less the character before it (a combining mark that
 * follows a letter can make one letter of the two, e.g. "a" + U+030A = "å").
 * A key that reaches the name's end ends with {@link END}; one that stops
 * short (partial) does not.
 */
function sortEntry(name: string, i: number, { weights, number }: KeyTable): string {
  units.length = 0;
  // Length of the key before the last character's or number's weights.
  let safe = 0;
  let complete = true;
  const n = name.length;
  for (let at = 0; at < n; ) {
    const code = name.charCodeAt(at);
    if (code >= DIGIT_0 && code <= DIGIT_9) {
      // A number: its place, its count of digits without leading zeros, then
      // its digits (a longer number is a larger one; leading zeros do not count).
      let start = at;
      while (start < n && name.charCodeAt(start) === DIGIT_0) start++;
      let end = start;
      while (end < n && name.charCodeAt(end) >= DIGIT_0 && name.charCodeAt(end) <= DIGIT_9) end++;
      if (end - start > MAX_DIGITS) {
        complete = false;
        break;
      }
      safe = units.length;
      units.push(number, FIRST_WEIGHT + end - start);
      for (let d = start; d < end; d++) units.push(name.charCodeAt(d));
      at = end;
      continue;
    }
    const weight = code < weights.length ? weights[code]! : 0;
    if (weight === 0) {
      complete = false;
      break;
    }
    safe = units.length;
    units.push(weight);
    at++;
  }
  if (complete) units.push(END);
  else units.length = safe;
  units.push(SEPARATOR, i >>> 16, i & 0xffff);
  return fromUnits(units);
}

/** A flat string of the given UTF-16 units. */
function fromUnits(codes: number[]): string {
  const CHUNK = 4096;
  if (codes.length <= CHUNK) return String.fromCharCode.apply(null, codes);
  let out = '';
  for (let at = 0; at < codes.length; at += CHUNK) out += String.fromCharCode.apply(null, codes.slice(at, at + CHUNK));
  return out;
}

/** Each item's name, and its sort entry ({@link sortEntry}) in input order. */
function entriesOf<T>(items: readonly T[], nameOf: (item: T) => string): { names: string[]; entries: string[] } {
  table ??= buildTable();
  const n = items.length;
  const names = new Array<string>(n);
  const entries = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const name = nameOf(items[i]!);
    names[i] = name;
    entries[i] = sortEntry(name, i, table);
  }
  return { names, entries };
}

/** An entry's key: the entry without its separator and position. */
const keyOf = (entry: string): string => entry.slice(0, -3);

/**
 * Where each run of `entries` (sorted) starts whose order the keys do not
 * settle: the names with equal keys, and a partial key together with every
 * key it begins (the names the partial one could come before or after; they
 * are next to it, since keys that begin the same way sort together, and
 * every other name compares with all of the run alike). Calls `run(start,
 * end)` for each run of two or more.
 */
function forEachUnsettledRun(entries: readonly string[], run: (start: number, end: number) => void): void {
  const n = entries.length;
  for (let k = 0; k < n - 1; ) {
    const end = runEnd(entries, k);
    if (end - k > 1) run(k, end);
    k = end;
  }
}

/** The end (exclusive) of the run that starts at `k` in sorted `entries` (see {@link forEachUnsettledRun}). */
function runEnd(entries: readonly string[], k: number): number {
  const n = entries.length;
  const key = keyOf(entries[k]!);
  let end = k + 1;
  if (key.charCodeAt(key.length - 1) === END) {
    while (end < n && keyOf(entries[end]!) === key) end++;
  } else {
    // A partial key: every key that begins with it, and (as those may be
    // partial too) every key that begins with theirs, come next.
    for (let last = k; last < end; last++) {
      const partial = keyOf(entries[last]!);
      if (partial.charCodeAt(partial.length - 1) === END) continue;
      while (end < n && keyOf(entries[end]!).startsWith(partial)) end++;
    }
  }
  return end;
}

/** Positions in the order of sorted `entries`, each unsettled run sorted with the collator. */
function settledOrder(entries: readonly string[], names: readonly string[]): number[] {
  const order = entries.map(positionOf);
  forEachUnsettledRun(entries, (start, end) => sortRun(order, start, end, names));
  return order;
}

/**
 * A sorted copy of `items`, ordered by `nameOf(item)` exactly as a stable sort
 * with `Intl.Collator('sv', { numeric: true }).compare` orders them (ties keep
 * their input order).
 *
 * The keys (each with the item's position) are sorted with the engine's own
 * string order, with no comparison function. Then the runs whose order the
 * keys do not settle are sorted again with the collator (see
 * {@link forEachUnsettledRun}).
 */
export function sortSwedish<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  const { names, entries } = entriesOf(items, nameOf);
  entries.sort();
  return settledOrder(entries, names).map((i) => items[i]!);
}

/**
 * The first `count` items of {@link sortSwedish}`(items, nameOf)` (the
 * collator's order, ties in input order), without sorting the rest: what the
 * first page of a long list needs. See {@link firstSwedishPositions}.
 */
export function firstSwedish<T>(items: readonly T[], nameOf: (item: T) => string, count: number): T[] {
  const names = items.map(nameOf);
  const units = new Uint16Array(names.length);
  for (let i = 0; i < names.length; i++) units[i] = firstLetterUnit(names[i]!);
  return firstSwedishPositions(names, units, count).map((i) => items[i]!);
}

/**
 * The first letter of `name` as {@link firstSwedishPositions} reads it: the
 * unit of its primary weight (the sort keys' table, {@link buildTable}), or 0
 * when the name's key does not begin with it for sure: a character the table
 * does not know, a number (left to the collator), or a first letter followed
 * by one that is not known (a combining mark can make one letter of the two).
 * A caller that reads its names in a pass of its own gives these with them.
 */
export function firstLetterUnit(name: string): number {
  const { weights } = (table ??= buildTable());
  const code = name.charCodeAt(0);
  const unit = code < weights.length ? weights[code]! : 0;
  if (unit === 0 || name.length < 2) return unit;
  const next = name.charCodeAt(1);
  return (next < weights.length ? weights[next]! : 0) === 0 && !(next >= DIGIT_0 && next <= DIGIT_9) ? 0 : unit;
}

/**
 * The positions in `names` of the first `count` names in the collator's
 * order (ties in position order), in that order, without sorting the rest;
 * `units[i]` is {@link firstLetterUnit}`(names[i])`. The names whose first
 * letter alone puts them after `count` others are left out at once
 * ({@link firstCandidates}); one pass over the rest keeps the `count` first
 * seen so far in a heap whose top is the last of them; most names are turned
 * away by one comparison with it. The comparisons are the collator's own: for
 * a few thousand of them that is cheaper than making every name's sort key
 * (the keys pay off for a whole sort, and on a page's first render the key
 * code has not been optimised yet, while the collator is native code).
 */
export function firstSwedishPositions(names: readonly string[], units: Uint16Array, count: number): number[] {
  if (count <= 0) return [];
  if (count >= names.length) return sortSwedish([...names.keys()], (i) => names[i]!);
  const compare = swedishCollator().compare;
  // Whether position a comes after position b in the order.
  const after = (a: number, b: number): boolean => {
    const order = compare(names[a]!, names[b]!);
    return order > 0 || (order === 0 && a > b);
  };
  // A max-heap of positions: heap[0] is the last of the first `count` so far.
  const heap: number[] = [];
  for (const i of firstCandidates(units, count, names)) {
    if (heap.length < count) {
      heap.push(i);
      for (let c = heap.length - 1; c > 0; ) {
        const p = (c - 1) >> 1;
        if (!after(heap[c]!, heap[p]!)) break;
        [heap[p], heap[c]] = [heap[c]!, heap[p]!];
        c = p;
      }
    } else if (after(heap[0]!, i)) {
      heap[0] = i;
      for (let p = 0; ; ) {
        const l = 2 * p + 1;
        const r = l + 1;
        let top = p;
        if (l < count && after(heap[l]!, heap[top]!)) top = l;
        if (r < count && after(heap[r]!, heap[top]!)) top = r;
        if (top === p) break;
        [heap[p], heap[top]] = [heap[top]!, heap[p]!];
        p = top;
      }
    }
  }
  return heap.sort((a, b) => (after(a, b) ? 1 : -1));
}

/**
 * The unit of the second letter of `name`, a name whose first letter's unit
 * is known ({@link firstLetterUnit}), as {@link firstCandidates} reads it:
 * {@link END} for a name of one letter (it comes before every longer name
 * with that letter, as a shorter key does), 0 when the second letter's
 * primary weight is not known for sure: a character the table does not know,
 * a digit (numbers are left to the collator), or one followed by a character
 * that is not known (a combining mark can make one letter of the two).
 */
function secondLetterUnit(name: string, weights: Uint16Array): number {
  if (name.length < 2) return END;
  const code = name.charCodeAt(1);
  const unit = code < weights.length ? weights[code]! : 0;
  if (unit === 0 || name.length < 3) return unit;
  const next = name.charCodeAt(2);
  return (next < weights.length ? weights[next]! : 0) === 0 && !(next >= DIGIT_0 && next <= DIGIT_9) ? 0 : unit;
}

/** The smallest unit at which `count` of the counted units (from `from` on) are reached; `counts.length` if they are not. */
function unitReaching(counts: Uint32Array, from: number, count: number): number {
  for (let unit = from, seen = 0; unit < counts.length; unit++) {
    seen += counts[unit]!;
    if (seen >= count) return unit;
  }
  return counts.length;
}

/**
 * The positions (ascending) of the names that can be among the first `count`
 * in the order, from their first two letters' primary weights: a name whose
 * first letter's unit ({@link firstLetterUnit}) is known and larger than that
 * of `count` other names comes after all of them, so it is left out; so does
 * a name with the last first letter still needed whose second letter's unit
 * ({@link secondLetterUnit}) is known and larger than that of as many names
 * with that first letter as are still needed. Every other name stays (one
 * whose units are not known for sure, too). The collator then compares a few
 * dozen names, not thousands (nor the some 300 a large list has with the
 * first page's first letter): on a page's first render those comparisons were
 * most of the first page's cost.
 */
function firstCandidates(units: Uint16Array, count: number, names: readonly string[]): Iterable<number> {
  const n = units.length;
  const { weights } = (table ??= buildTable());
  const counts = new Uint32Array(weights.length + FIRST_WEIGHT);
  for (let i = 0; i < n; i++) counts[units[i]!]++;
  // The smallest first letter at which `count` names with known units are reached: names after it are left out.
  const last = unitReaching(counts, FIRST_WEIGHT, count);
  if (last === counts.length) return units.keys();
  // Those with a first letter before it come first, all of them; of those with that letter, `needed` more at most.
  let needed = count;
  for (let unit = FIRST_WEIGHT; unit < last; unit++) needed -= counts[unit]!;
  // Their second letters, counted from END (a name of one letter) on; 0 (not known) is not counted.
  const seconds = new Uint16Array(n);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    if (units[i] !== last) continue;
    const second = secondLetterUnit(names[i]!, weights);
    seconds[i] = second;
    counts[second]++;
  }
  const lastSecond = unitReaching(counts, END, needed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const unit = units[i]!;
    if (unit < last || (unit === last && seconds[i]! <= lastSecond)) out.push(i);
  }
  return out;
}

/** Sorts `order[start..end)` (positions into `names`) with the collator, ties by position. */
function sortRun(order: number[], start: number, end: number, names: readonly string[]): void {
  const compare = swedishCollator().compare;
  const run = order.slice(start, end).sort((a, b) => compare(names[a]!, names[b]!) || a - b);
  for (let k = 0; k < run.length; k++) order[start + k] = run[k]!;
}
