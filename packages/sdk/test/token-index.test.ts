import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldForSearch } from '@samverkan/sdk';
import { buildTokenIndex, forEachWordContaining, TokenIndexBuilder, wordAt, type TokenIndex } from '../src/helpers/token-index.js';

// The index must hold exactly the words that splitting the folded, joined
// texts on /\s+/ gives (what it was built from before it hashed words in
// place and folded each distinct word once), with the same entries.

/** Word → entries, from the reference: fold the joined texts, split, list each entry once per word. */
function reference(entries: [number, string[]][]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [entry, texts] of entries) {
    for (const word of foldForSearch(texts.join('\n')).split(/\s+/)) {
      if (!word) continue;
      const list = out.get(word) ?? [];
      if (list[list.length - 1] !== entry) list.push(entry);
      out.set(word, list);
    }
  }
  return out;
}

function contents(index: TokenIndex): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let w = 0; w < index.starts.length - 1; w++) {
    out.set(wordAt(index, w), [...index.postings.subarray(index.postingStarts[w], index.postingStarts[w + 1])]);
  }
  return out;
}

/** The index as filterOrganisations builds it: texts added whole (`add`) or through their cached word ids (`idsOf`, `addIds`). */
function folded(entries: [number, string[]][], shared = false): TokenIndex {
  const builder = new TokenIndexBuilder(foldForSearch);
  for (const [entry, texts] of entries) for (const text of texts) shared ? builder.addIds(entry, builder.idsOf(text)) : builder.add(entry, text);
  return builder.build();
}

const pieces = [
  'Östertälje', 'östertälje', 'ÖSTERTÄLJE', 'Café', 'cafe', 'CAFÉ', 'Straße', 'STRASSE', 'Ærø', 'İstanbul', 'ΣΟΦΟΣ', 'σοφος', 'ΟΔΟΣ.',
  'a\u0301', '\u0301', '\u0308\u0308', 'ﬁ', 'Ⅻ', '😀', '\uD800', 'x\uDC00', '8024', '802480-1238', 'kör-sång', 'a,b', 'Ğ', 'ı',
];
const spaces = [' ', '  ', '\n', '\t', '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u3000', '\ufeff', '\u0085', '\u200b'];
const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...spaces), fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 10 }).map((parts) => parts.join(''));
const entries = fc.array(fc.array(text, { maxLength: 4 }), { maxLength: 12 }).map((list) => list.map((texts, entry) => [entry, texts] as [number, string[]]));

test('the words and entries of texts folded word by word equal those of the folded, joined texts', () => {
  fc.assert(
    fc.property(entries, (list) => {
      assert.deepEqual(contents(folded(list)), reference(list));
      assert.deepEqual(contents(folded(list, true)), reference(list));
    }),
    { numRuns: 500 },
  );
});

test('words come in the order they first occur, each entry once per word', () => {
  const index = folded([
    [0, ['Kör kör KÖR', 'Järna']],
    [1, ['järna  Kör']],
    [3, ['Café', 'cafe']],
  ]);
  assert.equal(index.vocabulary, 'kor\njarna\ncafe\n');
  assert.deepEqual(contents(index), new Map([['kor', [0, 1]], ['jarna', [0, 1]], ['cafe', [3]]]));
});

test('buildTokenIndex takes folded texts as they are', () => {
  const index = buildTokenIndex([
    [0, 'ab cd'],
    [2, 'cd\u00a0AB'],
  ]);
  assert.deepEqual(contents(index), new Map([['ab', [0]], ['cd', [0, 2]], ['AB', [2]]]));
  const found: [string, number][] = [];
  forEachWordContaining(index, 'b', (w, at) => found.push([wordAt(index, w), at]));
  assert.deepEqual(found, [['ab', 1]]);
});

test('folding keeps whitespace and makes none, for every code point; format characters (U+FEFF among them) fold to nothing', () => {
  // What lets the index split a text before folding it, word by word (at
  // whitespace other than U+FEFF, which JavaScript's \s counts but folding removes).
  for (let code = 0; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCodePoint(code);
    const out = foldForSearch(char);
    if (/\p{Cf}/u.test(char)) assert.equal(out, '', `U+${code.toString(16)}`);
    else if (/\s/.test(char)) assert.match(out, /^\s+$/, `U+${code.toString(16)}`);
    else assert.doesNotMatch(out, /\s/, `U+${code.toString(16)}`);
  }
});

test('words added as they are indexed (organisation numbers) join the words of texts', () => {
  const builder = new TokenIndexBuilder(foldForSearch);
  builder.add(0, 'Kör 802480-1238');
  builder.addFolded(1, '802480-1238');
  builder.addFolded(1, '8024801238');
  builder.addFolded(1, '8024801238');
  assert.deepEqual(contents(builder.build()), new Map([['kor', [0]], ['802480-1238', [0, 1]], ['8024801238', [1]]]));
});
