import { cachedDisplayNames } from '../intl-cache.js';
import type { Contact, Dataset } from '../schemas/dataset.js';
import type { LocalizedText } from '../schemas/localized-text.js';
import { foldForSearch, foldWithOffsets, originalSpan, primaryLanguage, queryTerms, type FoldedText } from './text.js';
import { sortSwedish } from './swedish-sort.js';
import { forEachWordContaining, TokenIndexBuilder, wordAt, type TokenIndex } from './token-index.js';

/** Which part of a contact a search term was found in. */
export type ContactField = 'name' | 'title' | 'unit' | 'topic' | 'language';

/** One place where a search term was found. */
export interface ContactFieldMatch {
  field: ContactField;
  /** The text the term was found in, as the dataset has it (for a language: its name, e.g. "arabiska"). */
  text: string;
  /** The language of `text`, when the field is localized. */
  lang?: string;
  /** Where the term is in `text` (UTF-16 indexes, end exclusive), for `<mark>`. */
  start: number;
  end: number;
}

/** A contact found by {@link searchContacts}. */
export interface ContactMatch {
  contact: Contact;
  /** Higher is better; only the order means anything. */
  score: number;
  /** Every text each term was found in, in every language. */
  matches: ContactFieldMatch[];
}

/** Options of {@link searchContacts}. */
export interface SearchContactsOptions {
  /** The reader's language: matches in it rank a little higher. Default: the dataset's default language. */
  lang?: string;
  /** At most this many results. */
  limit?: number;
  /**
   * The name a spoken language is shown by, when the caller names languages
   * itself: searched as well as `Intl`'s names in the dataset's languages, so
   * a name `Intl` lacks (Chromium has none for Syriac, `syc`) finds the
   * people who speak it. The index is built once per dataset and function,
   * so pass the same function for the same names.
   */
  languageName?: LanguageNamer;
}

/** The shown name of a language tag; `undefined` adds none. See {@link SearchContactsOptions.languageName}. */
export type LanguageNamer = (tag: string) => string | undefined;

interface IndexedText {
  field: ContactField;
  text: string;
  lang?: string | undefined;
  /** The primary language of `lang`, or `undefined` for texts in no language (names). */
  primary?: string | undefined;
  /** Filled in when a match in this text is returned (most never are). */
  offsets?: FoldedText;
}

/**
 * A word index of every text of every contact. An entry is `t * 4 + flags`
 * for text t: `FIRST_WORD` when the word starts the text, `ONLY_WORD` when
 * it is the whole text (what prefix and exact matches need to know).
 */
interface ContactIndex {
  contacts: Contact[];
  words: TokenIndex;
  /** Which contact text t belongs to. */
  textContact: Int32Array;
  /** The field weight of text t. */
  textWeight: Float64Array;
  texts: IndexedText[];
  /** Texts of contact c: `firstText[c]` up to `firstText[c + 1]`. */
  firstText: Int32Array;
  /** Where contact c comes in Swedish name order, for ties. */
  rank: Int32Array;
  /** Per reader language: the weight of each text with the other-language discount applied. */
  weightsByLang: Map<string, Float64Array>;
}

const FIELD_WEIGHT: Record<ContactField, number> = { name: 1, title: 0.9, topic: 0.85, unit: 0.8, language: 0.7 };
// Far enough apart that every exact match outranks every prefix match, and
// every prefix match every substring match, whatever the field.
const FIRST_WORD = 1;
const ONLY_WORD = 2;
const EXACT = 1000;
const PREFIX = 600;
const WORD_PREFIX = 400;
const WHOLE_WORD_BONUS = 30;
const SUBSTRING = 100;
const OTHER_LANGUAGE = 0.95;

// Per dataset, one index per languageName function (undefined: Intl's names only).
const indexes = new WeakMap<Dataset, Map<LanguageNamer | undefined, ContactIndex>>();
const displayNames = new Map<string, string | undefined>();
const LANGUAGE_NAMES: Intl.DisplayNamesOptions = { type: 'language', fallback: 'none' };

function languageName(tag: string, inLanguage: string): string | undefined {
  const key = `${inLanguage}\u0000${tag}`;
  if (!displayNames.has(key)) {
    let name: string | undefined;
    try {
      name = cachedDisplayNames(inLanguage, LANGUAGE_NAMES).of(tag);
    } catch {
      name = undefined;
    }
    displayNames.set(key, name);
  }
  return displayNames.get(key);
}

function localizedEntries(value: LocalizedText, defaultLanguage: string): [string, string][] {
  return typeof value === 'string' ? [[defaultLanguage, value]] : Object.entries(value);
}

function buildIndex(dataset: Dataset, shownName: LanguageNamer | undefined): ContactIndex {
  const displayLanguages = [...new Set([dataset.defaultLanguage, ...dataset.languages])];
  const contacts = dataset.contacts;
  const order = sortSwedish(
    contacts.map((_, i) => i),
    (i) => contacts[i]!.name,
  );
  const rank = new Int32Array(contacts.length);
  order.forEach((i, r) => (rank[i] = r));
  const texts: IndexedText[] = [];
  const owners: number[] = [];
  const firstText = new Int32Array(contacts.length + 1);
  contacts.forEach((contact, c) => {
    firstText[c] = texts.length;
    const add = (field: ContactField, text: string, lang?: string) => {
      texts.push({ field, text, lang, primary: lang ? primaryLanguage(lang) : undefined });
      owners.push(c);
    };
    add('name', contact.name);
    for (const [lang, text] of localizedEntries(contact.title, dataset.defaultLanguage)) add('title', text, lang);
    for (const [lang, text] of localizedEntries(contact.unit, dataset.defaultLanguage)) add('unit', text, lang);
    for (const topic of contact.topics) for (const [lang, text] of localizedEntries(topic, dataset.defaultLanguage)) add('topic', text, lang);
    for (const tag of contact.languages) {
      const names = new Set<string>();
      for (const inLanguage of displayLanguages) {
        const name = languageName(tag, inLanguage);
        if (name && !names.has(name)) {
          names.add(name);
          add('language', name, inLanguage);
        }
      }
      const shown = shownName?.(tag);
      // Without a language: it is the word the reader is shown, never ranked down as another language's text.
      if (shown && !names.has(shown)) add('language', shown);
    }
  });
  firstText[contacts.length] = texts.length;
  // Titles, units, topics and language names repeat across contacts: each distinct text is folded and split once.
  const wordsOfText = new Map<string, string[]>();
  const builder = new TokenIndexBuilder();
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t]!.text;
    let list = wordsOfText.get(text);
    if (!list) {
      list = foldForSearch(text).split(/\s+/).filter(Boolean);
      wordsOfText.set(text, list);
    }
    for (let k = 0; k < list.length; k++) builder.addFolded(t * 4 + (k === 0 ? FIRST_WORD : 0) + (list.length === 1 ? ONLY_WORD : 0), list[k]!);
  }
  const words = builder.build();
  return {
    contacts,
    words,
    textContact: Int32Array.from(owners),
    textWeight: Float64Array.from(texts, (t) => FIELD_WEIGHT[t.field]),
    texts,
    firstText,
    rank,
    weightsByLang: new Map(),
  };
}

/** The pre-folded search index of a dataset, built once per dataset object and language namer. */
function contactIndex(dataset: Dataset, shownName: LanguageNamer | undefined): ContactIndex {
  let byNamer = indexes.get(dataset);
  if (!byNamer) {
    byNamer = new Map();
    indexes.set(dataset, byNamer);
  }
  let index = byNamer.get(shownName);
  if (!index) {
    index = buildIndex(dataset, shownName);
    byNamer.set(shownName, index);
  }
  return index;
}

function weightsFor(index: ContactIndex, lang: string): Float64Array {
  let weights = index.weightsByLang.get(lang);
  if (!weights) {
    weights = Float64Array.from(index.texts, (text, t) => index.textWeight[t]! * (text.primary && text.primary !== lang ? OTHER_LANGUAGE : 1));
    index.weightsByLang.set(lang, weights);
  }
  return weights;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(String.fromCharCode(code));
}

/** How `term` sits in a word: at its start, at the start of a part after a hyphen or the like, or inside. */
function placeInWord(word: string, term: string, first: number): { start: boolean; wordStart: boolean; whole: boolean } {
  for (let at = first; at >= 0; at = word.indexOf(term, at + 1)) {
    if (at === 0 || !isWordChar(word.charCodeAt(at - 1))) {
      const end = at + term.length;
      return { start: at === 0, wordStart: true, whole: end === word.length || !isWordChar(word.charCodeAt(end)) };
    }
  }
  return { start: false, wordStart: false, whole: false };
}

/** The score of a match: the whole text, the text's start, a word's start, or inside a word. */
function occurrenceScore(place: { start: boolean; wordStart: boolean; whole: boolean }, flags: number, exactWord: boolean): number {
  if (place.start && flags & FIRST_WORD) {
    if (flags & ONLY_WORD && exactWord) return EXACT;
    return PREFIX + (place.whole ? WHOLE_WORD_BONUS : 0);
  }
  if (place.wordStart) return WORD_PREFIX + (place.whole ? WHOLE_WORD_BONUS : 0);
  return SUBSTRING;
}

/**
 * Finds contacts by name, title, unit, topics (in every language of the
 * dataset) and the languages they speak (by name, e.g. "arabiska", and by
 * the caller's own names, `options.languageName`). Case and
 * accents do not matter ("ostertalje" finds Östertälje); every word of the
 * query must be found. Exact and prefix matches rank before matches inside a
 * word; ties are in Swedish name order. An empty query finds nothing.
 *
 * The index is built on the first search of a dataset object and reused;
 * `matches` of a result is worked out when first read.
 */
export function searchContacts(dataset: Dataset, query: string, options: SearchContactsOptions = {}): ContactMatch[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const index = contactIndex(dataset, options.languageName);
  const { words, textContact } = index;
  const weights = weightsFor(index, primaryLanguage(options.lang ?? dataset.defaultLanguage));
  const n = index.contacts.length;
  const total = new Float64Array(n);
  const found = new Uint16Array(n);
  const best = new Float64Array(n);
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    best.fill(0);
    forEachWordContaining(words, term, (w, first) => {
      const word = wordAt(words, w);
      const place = placeInWord(word, term, first);
      const exactWord = word.length === term.length;
      for (let p = words.postingStarts[w]!, end = words.postingStarts[w + 1]!; p < end; p++) {
        const entry = words.postings[p]!;
        const t = entry >> 2;
        const c = textContact[t]!;
        // Contacts that missed an earlier term are out already.
        if (found[c] !== i) continue;
        const score = occurrenceScore(place, entry & 3, exactWord) * weights[t]!;
        if (score > best[c]!) best[c] = score;
      }
    });
    for (let c = 0; c < n; c++) {
      if (best[c]! > 0) {
        found[c]!++;
        total[c]! += best[c]!;
      }
    }
  }
  const hits: number[] = [];
  for (let c = 0; c < n; c++) if (found[c] === terms.length) hits.push(c);
  hits.sort((a, b) => total[b]! - total[a]! || index.rank[a]! - index.rank[b]!);
  const kept = options.limit !== undefined ? hits.slice(0, Math.max(0, options.limit)) : hits;
  return kept.map((c) => result(index, c, Math.round(total[c]! * 100) / 100, terms));
}

function result(index: ContactIndex, c: number, score: number, terms: string[]): ContactMatch {
  let matches: ContactFieldMatch[] | undefined;
  // Highlighting needs the original positions, which cost more than the search;
  // work them out only for the results a page actually shows.
  return {
    contact: index.contacts[c]!,
    score,
    get matches() {
      matches ??= matchesOf(index, c, terms);
      return matches;
    },
  };
}

function matchesOf(index: ContactIndex, c: number, terms: string[]): ContactFieldMatch[] {
  const matches: ContactFieldMatch[] = [];
  for (const term of terms) {
    for (let t = index.firstText[c]!; t < index.firstText[c + 1]!; t++) {
      const text = index.texts[t]!;
      text.offsets ??= foldWithOffsets(text.text);
      const { folded } = text.offsets;
      let at = folded.indexOf(term);
      if (at < 0) continue;
      // Prefer the start of a word ("bidrag" in "Bidrag till föreningsbidrag").
      for (let next = at; next >= 0; next = folded.indexOf(term, next + 1)) {
        if (next === 0 || !isWordChar(folded.charCodeAt(next - 1))) {
          at = next;
          break;
        }
      }
      const span = originalSpan(text.offsets, at, at + term.length);
      matches.push({ field: text.field, text: text.text, ...(text.lang ? { lang: text.lang } : {}), start: span.start, end: span.end });
    }
  }
  return matches;
}
