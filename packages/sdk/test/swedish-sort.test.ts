import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseDataset } from '@samverkan/sdk';
// @ts-expect-error: a plain .mjs module without types
import { generateDataset } from '../../../bench/generate-dataset.mjs';
import { firstSwedish, sortSwedish, SWEDISH_COLLATOR_OPTIONS } from '../src/helpers/swedish-sort.js';

// sortSwedish must give exactly the order of a plain sort with the collator
// (the same options, the same stable tie order), whatever the names.
const collator = new Intl.Collator('sv', SWEDISH_COLLATOR_OPTIONS);

function assertSameOrder(names: string[]): void {
  const expected = [...names].sort(collator.compare);
  assert.deepEqual(sortSwedish(names, (name) => name), expected);
  // The first page alone is the same as the beginning of the whole order, whatever its size.
  for (const count of new Set([0, 1, 2, 3, Math.floor(names.length / 2), names.length - 1, names.length, names.length + 1])) {
    if (count < 0) continue;
    // Items, not names: equal names must keep their input order (ties by position).
    const items = names.map((name, i) => ({ name, i }));
    assert.deepEqual(
      firstSwedish(items, (item) => item.name, count).map((item) => item.i),
      sortSwedish(items, (item) => item.name).slice(0, count).map((item) => item.i),
      `first ${count} of ${JSON.stringify(names)}`,
    );
  }
}

test('the SDK sorts with numeric Swedish collation', () => {
  assert.deepEqual(SWEDISH_COLLATOR_OPTIONS, { numeric: true });
});

test('the demo dataset’s names, in every list, sort as with the collator', () => {
  const demo = JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));
  const names: string[] = [...demo.organisations, ...demo.contacts].map((entry: { name: string }) => entry.name);
  assert.ok(names.length > 70);
  assertSameOrder(names);
  assertSameOrder([...names].reverse());
});

test('10,000 generated organisation names and 5,000 contact names sort as with the collator', () => {
  const { dataset } = parseDataset(generateDataset({ organisations: 10_000, meetings: 0, contacts: 5_000, seed: 4 }));
  assertSameOrder(dataset.organisations.map((o) => o.name));
  assertSameOrder(dataset.contacts.map((c) => c.name));
});

test('names that differ only in case, accents, leading zeros or ignorable characters keep the collator’s order and ties', () => {
  assertSameOrder([
    'Cafe', 'café', 'Café', 'CAFE', 'Kör 2', 'Kör 10', 'Kör 02', 'Kör 002', 'Kör 0', 'Kör 00', 'Kör', 'Kor', 'kör',
    'Straße', 'Strasse', 'Strase', 'Strasze', 'Ærø', 'Äro', 'Öland', 'Øland', 'Åsa', 'Aasa', 'a\u030Asa', 'ab', 'a\u00ADb', 'a\u200Bb',
    'Vik', 'Wik', 'Über', 'Yber', 'Zeta', '1', '01', 'a1', 'a01', '', ' ', '-', 'a-b', 'a b', 'ab', '123456789012345678901234567890123456789012345',
    '123456789012345678901234567890123456789012344', 'Ünal', 'Şahin', 'Sahin', 'Ivan', 'Иван', 'Йосиф', 'Иосиф', 'أحمد', 'احمد', 'Ёлка', 'Елка',
  ]);
});

test('strings of Swedish, accented, Arabic and Cyrillic letters, digits and punctuation sort as with the collator', () => {
  const alphabet = [
    ...'aAbBeEkKoOsSvVwWyYzZ', ...'åÅäÄöÖéÉèüÜøØæÆßñçčšıİłő', ...'абвеёжийкшщъыьЖЙЁ', ...'ءآأؤإابةتجلمنهوىي',
    ...'0123456789', ...' -–.,&/()\'"!?:_', '\u0301', '\u030A', '\u0308', '\u00AD', '\u200B', '\u064E', 'ﻻ', '٣', '😀',
  ];
  const name = fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((chars) => chars.join(''));
  fc.assert(
    fc.property(fc.array(name, { maxLength: 60 }), (names) => {
      assertSameOrder(names);
    }),
    { numRuns: 400 },
  );
  // Names that share long beginnings, where the keys alone cannot decide.
  const prefixed = fc.tuple(fc.constantFrom('Föreningen ', 'Kör ', 'Ö', 'Stiftelsen Ängen ', ''), name).map(([a, b]) => a + b);
  fc.assert(fc.property(fc.array(prefixed, { maxLength: 60 }), (names) => assertSameOrder(names)), { numRuns: 400 });
});

test('items are sorted by the name taken from them, and the input is left alone', () => {
  const input = [{ name: 'Östra' }, { name: 'Zeta' }, { name: 'Åsa' }, { name: 'alfa' }];
  const copy = structuredClone(input);
  assert.deepEqual(
    sortSwedish(input, (o) => o.name).map((o) => o.name),
    ['alfa', 'Zeta', 'Åsa', 'Östra'],
  );
  assert.deepEqual(input, copy);
});

test('the first page of 10,000 names, at any size, is the beginning of the whole order', () => {
  const { dataset } = parseDataset(generateDataset({ organisations: 10_000, meetings: 0, contacts: 5, seed: 3 }));
  const all = sortSwedish(dataset.organisations, (o) => o.name);
  for (const count of [1, 50, 51, 500, 9_999]) assert.deepEqual(firstSwedish(dataset.organisations, (o) => o.name, count), all.slice(0, count));
});

test('a run the keys cannot settle that straddles the end of the first page is settled by the collator', () => {
  // "Kör 2" and "Kör 10" share a partial key with "Kör\u030A…" names; equal keys ("Cafe", "Café") tie at the boundary.
  const names = ['Kör 10', 'Zeta', 'Kör 2', 'Kör\u030A', 'Kör', 'Café', 'Alfa', 'Cafe', 'CAFE', 'cafe', 'a\u030Asa', 'Åsa', 'Ab'];
  for (let count = 0; count <= names.length; count++) {
    assert.deepEqual(firstSwedish(names, (n) => n, count), [...names].sort(collator.compare).slice(0, count), `first ${count}`);
  }
});

/**
 * firstSwedish's first `count` (1 to `maxCount`) of up to `maxNames` generated names are the collator's first, ties in
 * input order (500 runs).
 */
function assertFirstPageIsCollators(name: fc.Arbitrary<string>, maxNames: number, maxCount: number) {
  fc.assert(
    fc.property(fc.array(name, { minLength: 1, maxLength: maxNames }), fc.integer({ min: 1, max: maxCount }), (names, count) => {
      const items = names.map((name, i) => ({ name, i }));
      const expected = items
        .slice()
        .sort((a, b) => collator.compare(a.name, b.name) || a.i - b.i)
        .slice(0, count)
        .map((item) => item.i);
      assert.deepEqual(firstSwedish(items, (item) => item.name, count).map((item) => item.i), expected);
    }),
    { numRuns: 500 },
  );
}

test('a short first page of many names whose first letters are alike, accented, combined or unknown is the collator’s', () => {
  // firstSwedish leaves out at once the names whose first letter puts them after the page; a
  // combining mark, an ignorable character or a digit after the first letter must keep a name in.
  const starts = [...'aAåÅäÄbBvVwWzZöÖøØ', 'a\u030A', 'o\u0308', 'A\u00AD', 'a\u200B', '1', '01', 'ß', 'Þ', 'Ё', 'Е', 'أ', 'ا', '😀', ' ', '-', ''];
  const rest = fc.array(fc.constantFrom(...'aåäöbzkr -1\u0301\u030A'), { maxLength: 4 }).map((chars) => chars.join(''));
  const name = fc.tuple(fc.constantFrom(...starts), fc.constantFrom(...starts), rest).map(([a, b, c]) => a + b + c);
  assertFirstPageIsCollators(name, 200, 12);
});

test('a short first page of many names with the same first letter, whose second letters are alike, accented, combined, digits or none, is the collator’s', () => {
  // firstSwedish also leaves out the names with the page's last first letter whose second letter puts them after it
  // (secondLetterUnit): a one-letter name, a combining mark or an ignorable character after the second letter, a
  // digit or an unknown second letter must keep a name in, and names of other first letters still count.
  const seconds = [...'aAåÅäÄeEbBöÖzZ -1', 'a\u030A', 'o\u0308', 'e\u0301', 'A\u00AD', 'a\u200B', 'ß', 'Ё', ''];
  const first = fc.constantFrom('b', 'B', 'b', 'B', 'a', 'c', 'å');
  const rest = fc.array(fc.constantFrom(...'aåäöbz -1\u0301\u030A'), { maxLength: 3 }).map((chars) => chars.join(''));
  const name = fc.tuple(first, fc.constantFrom(...seconds), rest).map(([a, b, c]) => a + b + c);
  assertFirstPageIsCollators(name, 300, 16);
});
