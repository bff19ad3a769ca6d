import type { Contact, Dataset } from '../schemas/dataset.js';
import type { LocalizedText } from '../schemas/localized-text.js';
import { compareSwedish, foldForSearch, foldWithOffsets, originalSpan, primaryLanguage, queryTerms, type FoldedText } from './text.js';

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
}

interface IndexedText {
  field: ContactField;
  text: string;
  lang?: string | undefined;
  folded: string;
  /** Filled in when a match in this text is returned (most never are). */
  offsets?: FoldedText;
}

interface IndexedContact {
  contact: Contact;
  /** Where the contact comes in Swedish name order, for ties. */
  rank: number;
  /** Every folded text, joined: one `indexOf` rules out a contact. */
  haystack: string;
  texts: IndexedText[];
}

const FIELD_WEIGHT: Record<ContactField, number> = { name: 1, title: 0.9, topic: 0.85, unit: 0.8, language: 0.7 };
// Far enough apart that every exact match outranks every prefix match, and
// every prefix match every substring match, whatever the field.
const EXACT = 1000;
const PREFIX = 600;
const WORD_PREFIX = 400;
const WHOLE_WORD_BONUS = 30;
const SUBSTRING = 100;
const OTHER_LANGUAGE = 0.95;

const indexes = new WeakMap<Dataset, IndexedContact[]>();
const displayNames = new Map<string, string | undefined>();

function languageName(tag: string, inLanguage: string): string | undefined {
  const key = `${inLanguage}\u0000${tag}`;
  if (!displayNames.has(key)) {
    let name: string | undefined;
    try {
      name = new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'none' }).of(tag);
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

function buildIndex(dataset: Dataset): IndexedContact[] {
  const displayLanguages = [...new Set([dataset.defaultLanguage, ...dataset.languages])];
  const order = dataset.contacts.map((contact, i) => ({ contact, i })).sort((a, b) => compareSwedish(a.contact.name, b.contact.name));
  const rank = new Map(order.map((entry, r) => [entry.i, r]));
  return dataset.contacts.map((contact, i) => {
    const texts: IndexedText[] = [];
    const add = (field: ContactField, text: string, lang?: string) => {
      texts.push({ field, text, lang, folded: foldForSearch(text) });
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
    }
    return { contact, rank: rank.get(i)!, haystack: texts.map((t) => t.folded).join('\n'), texts };
  });
}

/** The pre-folded search index of a dataset, built once per dataset object. */
function contactIndex(dataset: Dataset): IndexedContact[] {
  let index = indexes.get(dataset);
  if (!index) {
    index = buildIndex(dataset);
    indexes.set(dataset, index);
  }
  return index;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where `term` best occurs in `folded`, and how well: an exact field, a field prefix, a word prefix or anywhere. */
function bestOccurrence(folded: string, term: string): { at: number; score: number } | undefined {
  let at = folded.indexOf(term);
  if (at < 0) return undefined;
  if (folded.length === term.length) return { at, score: EXACT };
  const first = at;
  while (at >= 0) {
    if (at === 0 || !WORD_CHAR.test(folded[at - 1]!)) {
      const after = folded[at + term.length];
      const whole = after === undefined || !WORD_CHAR.test(after) ? WHOLE_WORD_BONUS : 0;
      return { at, score: (at === 0 ? PREFIX : WORD_PREFIX) + whole };
    }
    at = folded.indexOf(term, at + 1);
  }
  return { at: first, score: SUBSTRING };
}

/**
 * Finds contacts by name, title, unit, topics (in every language of the
 * dataset) and the languages they speak (by name, e.g. "arabiska"). Case and
 * accents do not matter ("ostertalje" finds Östertälje); every word of the
 * query must be found. Exact and prefix matches rank before matches inside a
 * word; ties are in Swedish name order. An empty query finds nothing.
 *
 * The index is built on the first search of a dataset object and reused.
 */
export function searchContacts(dataset: Dataset, query: string, options: SearchContactsOptions = {}): ContactMatch[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const lang = primaryLanguage(options.lang ?? dataset.defaultLanguage);
  const found: { entry: IndexedContact; score: number }[] = [];
  for (const entry of contactIndex(dataset)) {
    let all = true;
    for (const term of terms) {
      if (entry.haystack.indexOf(term) < 0) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    let score = 0;
    for (const term of terms) {
      let best = 0;
      for (const text of entry.texts) {
        const occurrence = bestOccurrence(text.folded, term);
        if (!occurrence) continue;
        const weight = FIELD_WEIGHT[text.field] * (text.lang && primaryLanguage(text.lang) !== lang ? OTHER_LANGUAGE : 1);
        best = Math.max(best, occurrence.score * weight);
      }
      score += best;
    }
    // A term can span the line between two texts in the haystack only if it has a newline, which terms never do.
    if (score > 0) found.push({ entry, score });
  }
  found.sort((a, b) => b.score - a.score || a.entry.rank - b.entry.rank);
  const kept = options.limit !== undefined ? found.slice(0, Math.max(0, options.limit)) : found;
  return kept.map(({ entry, score }) => ({ contact: entry.contact, score: Math.round(score * 100) / 100, matches: matchesOf(entry, terms) }));
}

function matchesOf(entry: IndexedContact, terms: string[]): ContactFieldMatch[] {
  const matches: ContactFieldMatch[] = [];
  for (const term of terms) {
    for (const text of entry.texts) {
      const occurrence = bestOccurrence(text.folded, term);
      if (!occurrence) continue;
      text.offsets ??= foldWithOffsets(text.text);
      const span = originalSpan(text.offsets, occurrence.at, occurrence.at + term.length);
      matches.push({ field: text.field, text: text.text, ...(text.lang ? { lang: text.lang } : {}), start: span.start, end: span.end });
    }
  }
  return matches;
}
