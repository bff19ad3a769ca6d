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
  /**
   * The entries that contain each word, word after word: word w's are
   * `postings[postingStarts[w]]` up to `postings[postingStarts[w + 1]]`,
   * in the order given (ascending when the entries were). One array rather
   * than one per word: some words (organisation numbers) occur once each,
   * and thousands of small typed arrays cost more to make than the index.
   */
  postings: Int32Array;
  postingStarts: Int32Array;
}

// Whitespace as `/\s/` has it, except U+FEFF: JavaScript counts that format
// character as whitespace, but folding removes it (it is invisible, and
// "Bidrag\uFEFFsföreningen" is one word to a reader), so a text is not split there.
const WHITESPACE = /[^\S\uFEFF]+/;
/** A word whose lower case depends on the text around it (see `addLowerCased`). */
const IN_CONTEXT = -2;

/**
 * Collects the words of texts, entry by entry, into a {@link TokenIndex}.
 * Texts are split on whitespace as `/\s+/` splits them, except at U+FEFF
 * (which folding removes).
 *
 * Some 370,000 words make up 10,000 organisations' texts, but only a few
 * thousand distinct ones (besides the organisation numbers): each word as it
 * stands in a text is looked up in a map of those seen so far, so that only a
 * new one is folded. The work per word is kept small and done by the
 * engine's own split and map, which are fast from the first call on, before
 * the JIT has optimised anything (a first search on a page runs cold).
 */
export class TokenIndexBuilder {
  /** Word as it stands in a text → indexed word id (-1: it folds to nothing). */
  private readonly sources = new Map<string, number>();
  /** The indexed (folded) words, by id, and (+ 1) the last entry each was added for. */
  private readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly lastEntry: number[] = [];
  /** (word, entry) pairs in the order they came, each pair once. */
  private readonly pairs: number[] = [];

  /**
   * @param fold - makes an indexed word of a word of a text, once per
   *   distinct word, e.g. `foldForSearch` (the words of the folded text are
   *   the folded words of the text: folding keeps whitespace and makes none,
   *   and lower case looks across whitespace only for a capital sigma, which
   *   `add` sees to). A word folded to nothing is left out. Without it, texts
   *   are taken to be folded already, each word as it stands.
   */
  constructor(private readonly fold?: (word: string) => string) {}

  /** Adds the words of `text` to `entry`; an entry that repeats a word is listed once for it, provided entries come in order. */
  add(entry: number, text: string): void {
    const list = text.split(WHITESPACE);
    for (let k = 0; k < list.length; k++) {
      const w = this.sourceId(list[k]!);
      if (w === IN_CONTEXT) return this.addLowerCased(entry, text);
      if (w >= 0) this.addId(entry, w);
    }
  }

  /**
   * Lower case depends on context in one case: a capital sigma is ς at the
   * end of a word and σ elsewhere, and "end" looks across U+FEFF, which is
   * whitespace to `/\s/` but "case ignorable" ("ΟΔΟΣ\uFEFFΑ" ends its first
   * word with σ). A text with a capital sigma is lower-cased whole first;
   * folding its lower-cased words changes nothing more. (The words already
   * added for the entry are added again, and listed once.)
   */
  private addLowerCased(entry: number, text: string): void {
    const list = text.toLowerCase().split(WHITESPACE);
    for (let k = 0; k < list.length; k++) {
      const w = this.sourceId(list[k]!);
      if (w >= 0) this.addId(entry, w);
    }
  }

  /** The ids of the words of `text`, for a text that many entries share (add them with {@link addIds}). */
  idsOf(text: string): number[] {
    let ids = text.split(WHITESPACE).map((source) => this.sourceId(source));
    if (ids.includes(IN_CONTEXT)) ids = text.toLowerCase().split(WHITESPACE).map((source) => this.sourceId(source));
    return ids.filter((w) => w >= 0);
  }

  /** Adds words by their ids from {@link idsOf}. */
  addIds(entry: number, ids: readonly number[]): void {
    for (let k = 0; k < ids.length; k++) this.addId(entry, ids[k]!);
  }

  /** Adds one word that is already as the index has it (folded, without whitespace, not empty). */
  addFolded(entry: number, word: string): void {
    this.addId(entry, this.wordId(word));
  }

  private sourceId(source: string): number {
    let w = this.sources.get(source);
    if (w === undefined) {
      if (!this.fold) return this.wordIdOrNone(source);
      if (source.indexOf('\u03a3') >= 0) return IN_CONTEXT;
      const word = this.fold(source);
      w = word ? this.wordId(word) : -1;
      this.sources.set(source, w);
    }
    return w;
  }

  private wordIdOrNone(word: string): number {
    const w = word ? this.wordId(word) : -1;
    this.sources.set(word, w);
    return w;
  }

  private wordId(word: string): number {
    let w = this.ids.get(word);
    if (w === undefined) {
      w = this.words.length;
      this.ids.set(word, w);
      this.words.push(word);
      this.lastEntry.push(0);
    }
    return w;
  }

  private addId(entry: number, w: number): void {
    if (this.lastEntry[w] === entry + 1) return;
    this.lastEntry[w] = entry + 1;
    // Two pushes of one value each: the engine inlines those.
    this.pairs.push(w);
    this.pairs.push(entry);
  }

  /** The index of every word added, in the order they first came. */
  build(): TokenIndex {
    const { words, pairs } = this;
    const starts = new Int32Array(words.length + 1);
    let at = 0;
    for (let w = 0; w < words.length; w++) {
      starts[w] = at;
      at += words[w]!.length + 1;
    }
    starts[words.length] = at;
    // Counting sort of the pairs by word; stable, so each word's entries keep their order.
    const postingStarts = new Int32Array(words.length + 1);
    for (let p = 0; p < pairs.length; p += 2) postingStarts[pairs[p]! + 1]!++;
    for (let w = 0; w < words.length; w++) postingStarts[w + 1]! += postingStarts[w]!;
    const fill = postingStarts.slice(0, words.length);
    const postings = new Int32Array(pairs.length / 2);
    for (let p = 0; p < pairs.length; p += 2) postings[fill[pairs[p]!]!++] = pairs[p + 1]!;
    return { vocabulary: words.join('\n') + '\n', starts, postings, postingStarts };
  }
}

/** Builds the index from `(entry, folded text)` pairs; an entry that repeats a word is listed once for it. */
export function buildTokenIndex(entries: Iterable<readonly [entry: number, folded: string]>): TokenIndex {
  // Folded already: each distinct word is its own indexed word.
  const builder = new TokenIndexBuilder();
  for (const [entry, folded] of entries) builder.add(entry, folded);
  return builder.build();
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
