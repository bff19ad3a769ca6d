/**
 * An inverted index from whitespace-separated folded words to the entries
 * that contain them. A query term has no whitespace, so every place it occurs
 * lies inside one word: scanning the (much shorter) list of distinct words
 * finds exactly the entries a scan of every text would, with substring
 * semantics kept ("bidrag" still finds "föreningsbidrag").
 */

export interface TokenIndex {
  /** Every distinct word, each followed by a newline. */
  vocabulary: string;
  /** Start of word w in `vocabulary`; `starts[w + 1] - 1` is its end. */
  starts: Int32Array;
  /** For word w, the entries that contain it, in the order given (ascending when the entries were). */
  postings: Int32Array[];
}

/** Builds the index from `(entry, folded text)` pairs; an entry that repeats a word is listed once for it. */
export function buildTokenIndex(entries: Iterable<readonly [entry: number, folded: string]>): TokenIndex {
  const lists = new Map<string, number[]>();
  for (const [entry, folded] of entries) {
    for (const word of folded.split(/\s+/)) {
      if (!word) continue;
      let list = lists.get(word);
      if (!list) {
        list = [];
        lists.set(word, list);
      }
      if (list[list.length - 1] !== entry) list.push(entry);
    }
  }
  const words = [...lists.keys()];
  const starts = new Int32Array(words.length + 1);
  let at = 0;
  words.forEach((word, w) => {
    starts[w] = at;
    at += word.length + 1;
  });
  starts[words.length] = at;
  return { vocabulary: words.join('\n') + '\n', starts, postings: words.map((word) => Int32Array.from(lists.get(word)!)) };
}

/** Calls `found` with each word that contains `term` and the first place it occurs in it. */
export function forEachWordContaining(index: TokenIndex, term: string, found: (word: number, at: number) => void): void {
  const { vocabulary, starts } = index;
  const last = starts.length - 1;
  let w = 0;
  for (let at = vocabulary.indexOf(term); at >= 0; ) {
    while (starts[w + 1]! <= at) w++;
    found(w, at - starts[w]!);
    // One call per word: go on from the next word.
    at = w + 1 < last ? vocabulary.indexOf(term, starts[w + 1]!) : -1;
  }
}

/** Word w's text. */
export function wordAt(index: TokenIndex, w: number): string {
  return index.vocabulary.slice(index.starts[w]!, index.starts[w + 1]! - 1);
}
