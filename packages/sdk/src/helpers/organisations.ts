import type { Dataset, Organisation } from '../schemas/dataset.js';
import type { ListCheck } from '../progressive-dataset.js';
import { UNDECIDED } from '../undecided.js';
import { ORGANISATION_FORMS } from '../schemas/values.js';
import { allTexts } from '../localized.js';
import { signs } from '../signs.js';
import { foldForSearch, primaryLanguage, queryTerms } from './text.js';
import { firstLetterUnit, firstSwedish, firstSwedishPositions, sortSwedish } from './swedish-sort.js';
import { forEachWordContaining, TokenIndexBuilder, type TokenIndex } from './token-index.js';

/** Options of {@link filterOrganisations}; every one given must hold. */
export interface OrganisationFilter {
  /** Words to find in the name, description (any language), districts, activities or organisation number. */
  query?: string;
  /** A form of organisation, e.g. `"foundation"`. */
  form?: string;
  /** A district, case and accents ignored ("ostertalje" = "Östertälje"). */
  district?: string;
  /** An activity, case and accents ignored. */
  activity?: string;
  /** A language tag the organisation works in (`sv` also finds `sv-FI`). */
  language?: string;
  /** Only the signatories of the agreement. */
  signatoriesOnly?: boolean;
}

/** The values present in a dataset, for filter drop-downs. */
export interface OrganisationFacets {
  /** Forms in the data model's order (they are codes; show them translated). */
  forms: string[];
  /** Districts in Swedish order, each once whatever its case. */
  districts: string[];
  /** Activities in Swedish order, each once whatever its case. */
  activities: string[];
  /** Language tags, sorted. */
  languages: string[];
}

/**
 * The organisations in Swedish name order, and what filtering needs, each
 * part made when it is first needed: showing the first page of a list (all
 * signatories) needs neither the whole order ({@link firstOrganisations}
 * picks the first page) nor the word index of every description (the larger
 * part of the cost); both are made in idle time after the first call.
 */
interface OrganisationIndex {
  dataset: Dataset;
  /** All organisations in Swedish name order; see {@link sortedOf}. */
  sorted: Organisation[] | undefined;
  /** Entries are positions in `sorted`. */
  words: TokenIndex | undefined;
  wordsInProgress: WordIndexInProgress | undefined;
  /**
   * Per position in `sorted`: its districts, activities and primary language
   * tags, each as the number of the folded (and trimmed) value in
   * `valueNumbers`: a filter compares small integers, not strings.
   */
  districts: ValueLists | undefined;
  activities: ValueLists | undefined;
  languages: ValueLists | undefined;
  valueNumbers: Map<string, number>;
  facets: OrganisationFacets | undefined;
  /** `foldForSearch(value.trim())` by value: districts and activities repeat across organisations. */
  folded: Map<string, string>;
}

/** Organisation i's value numbers: `values[starts[i]]` up to `values[starts[i + 1]]` (one pair of arrays, one shape, for every organisation). */
interface ValueLists {
  starts: Int32Array;
  values: Int32Array;
}

const indexes = new WeakMap<Dataset, OrganisationIndex>();
const ORGANISATION_NUMBER = /^\d{6}-\d{4}$/;
const ABSENT = 0x7fffffff;

function foldValue(index: OrganisationIndex, value: string): string {
  let folded = index.folded.get(value);
  if (folded === undefined) {
    folded = foldForSearch(value.trim());
    index.folded.set(value, folded);
  }
  return folded;
}

function uniqueSorted(index: OrganisationIndex, values: Iterable<string>): string[] {
  const byFold = new Map<string, string>();
  for (const value of new Set(values)) {
    const key = foldValue(index, value);
    if (key && !byFold.has(key)) byFold.set(key, value.trim());
  }
  return sortSwedish([...byFold.values()], (value) => value);
}

/** A word index being built, organisation by organisation (in Swedish order). */
interface WordIndexInProgress {
  builder: TokenIndexBuilder;
  /** The position in `sorted` of the next organisation to add. */
  next: number;
  /** Districts and activities repeat across organisations: their words once per value. */
  valueIds: Map<string, number[]>;
}

/** Adds organisations up to position `end` (exclusive) to the word index being built. */
function addWords(index: OrganisationIndex, end: number): void {
  const progress = (index.wordsInProgress ??= { builder: new TokenIndexBuilder(foldForSearch), next: 0, valueIds: new Map() });
  const { builder, valueIds } = progress;
  const sorted = sortedOf(index);
  const addValue = (i: number, value: string) => {
    let ids = valueIds.get(value);
    if (!ids) {
      ids = builder.idsOf(value);
      valueIds.set(value, ids);
    }
    builder.addIds(i, ids);
  };
  // The words of each organisation's name, descriptions, districts,
  // activities and organisation number (with and without its dash).
  for (let i = progress.next; i < end; i++) {
    const o = sorted[i]!;
    builder.add(i, o.name);
    if (o.description) for (const text of allTexts(o.description)) builder.add(i, text);
    for (const district of o.districts) addValue(i, district);
    for (const activity of o.activities) addValue(i, activity);
    const number = o.organisationNumber;
    if (number && ORGANISATION_NUMBER.test(number)) {
      // As parsing leaves them: one word each, nothing to fold.
      builder.addFolded(i, number);
      builder.addFolded(i, number.replace('-', ''));
    } else if (number) {
      builder.add(i, number);
      builder.add(i, number.replace('-', ''));
    }
  }
  progress.next = Math.max(progress.next, end);
}

function wordIndex(index: OrganisationIndex): TokenIndex {
  if (!index.words) {
    addWords(index, sortedOf(index).length);
    index.words = index.wordsInProgress!.builder.build();
    index.wordsInProgress = undefined;
  }
  return index.words;
}

/** Organisations added to the word index per slice of idle time (some 5 ms each). */
const IDLE_SLICE = 500;
/** The idle time (ms) the whole sort waits for (see buildWordsWhenIdle). */
const SORT_IDLE_MS = 40;

/**
 * In a browser, builds the word index in the idle time after the first call,
 * a slice of organisations at a time, so that the first search a reader
 * types does not pay for it (the first call, which shows the first page,
 * only sorts). A search before it is done finishes it at once. Where there is
 * no requestIdleCallback (Node), nothing happens until a search.
 */
function buildWordsWhenIdle(index: OrganisationIndex): void {
  const idle = (globalThis as { requestIdleCallback?: (callback: (deadline: { timeRemaining(): number }) => void) => unknown }).requestIdleCallback;
  if (typeof idle !== 'function') return;
  const step = (deadline: { timeRemaining(): number }) => {
    if (index.words) return;
    // The whole order first, then the words a slice at a time. The order is
    // one piece of work (some milliseconds; tens on a page's first,
    // unoptimised run), so it waits for a long idle period, when no frame is
    // due (the browser then gives up to 50 ms): in a short one, between the
    // first page's render and its frame, it would delay that frame.
    if (!index.sorted && deadline.timeRemaining() < SORT_IDLE_MS) {
      idle.call(globalThis, step);
      return;
    }
    const total = sortedOf(index).length;
    while ((index.wordsInProgress?.next ?? 0) < total && deadline.timeRemaining() > 5) {
      addWords(index, Math.min(total, (index.wordsInProgress?.next ?? 0) + IDLE_SLICE));
    }
    if ((index.wordsInProgress?.next ?? 0) < total) idle.call(globalThis, step);
    else if (deadline.timeRemaining() > 5) wordIndex(index);
    else idle.call(globalThis, () => wordIndex(index));
  };
  idle.call(globalThis, step);
}

/**
 * A new task, so that input and rendering come in between: the platform's
 * `scheduler.yield()` where there is one, else a message to ourselves (not
 * `setTimeout`, which browsers slow to 4 ms when nested, or to a second in a
 * background tab).
 */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Whether a search of `dataset`'s organisations (a `query`) is answered at once: its word index is built. */
export function isOrganisationSearchReady(dataset: Dataset): boolean {
  return organisationIndex(dataset).words !== undefined;
}

/**
 * Builds the word index a search of `dataset`'s organisations needs, a slice
 * of organisations at a time, giving the page back between slices (each some
 * milliseconds), and resolves when it is built (at once if it is). A page
 * whose reader types before the index is done awaits this, instead of calling
 * {@link filterOrganisations} with a query, which builds the rest in one long
 * task. It shares the work with the idle-time build; `signal` stops it.
 */
export async function prepareOrganisationSearch(dataset: Dataset, options: { signal?: AbortSignal } = {}): Promise<void> {
  const index = organisationIndex(dataset);
  const total = dataset.organisations.length;
  while (!index.words) {
    await nextTask();
    if (options.signal?.aborted || index.words) return;
    const next = index.wordsInProgress?.next ?? 0;
    if (next < total) addWords(index, Math.min(total, next + IDLE_SLICE));
    else wordIndex(index);
  }
}

/** The number of a folded value (numbered as first met; districts, activities and languages share the numbers). */
function valueNumber(index: OrganisationIndex, folded: string): number {
  let n = index.valueNumbers.get(folded);
  if (n === undefined) {
    n = index.valueNumbers.size;
    index.valueNumbers.set(folded, n);
  }
  return n;
}

function valueLists(index: OrganisationIndex, valuesOf: (o: Organisation) => string[], fold: (value: string) => string): ValueLists {
  const sorted = sortedOf(index);
  const starts = new Int32Array(sorted.length + 1);
  const values: number[] = [];
  sorted.forEach((o, i) => {
    starts[i] = values.length;
    for (const value of valuesOf(o)) values.push(valueNumber(index, fold(value)));
  });
  starts[sorted.length] = values.length;
  return { starts, values: Int32Array.from(values) };
}

function districtsOf(index: OrganisationIndex): ValueLists {
  index.districts ??= valueLists(index, (o) => o.districts, (d) => foldValue(index, d));
  return index.districts;
}

function activitiesOf(index: OrganisationIndex): ValueLists {
  index.activities ??= valueLists(index, (o) => o.activities, (a) => foldValue(index, a));
  return index.activities;
}

function languagesOf(index: OrganisationIndex): ValueLists {
  index.languages ??= valueLists(index, (o) => o.languages, primaryLanguage);
  return index.languages;
}

/** Whether organisation i's value numbers include `n`. */
function has({ starts, values }: ValueLists, i: number, n: number): boolean {
  for (let k = starts[i]!, end = starts[i + 1]!; k < end; k++) if (values[k] === n) return true;
  return false;
}

function facetsOf(index: OrganisationIndex): OrganisationFacets {
  if (!index.facets) {
    const { organisations } = index.dataset;
    const present = new Set(organisations.map((o) => o.form));
    index.facets = {
      forms: ORGANISATION_FORMS.filter((form) => present.has(form)),
      districts: uniqueSorted(index, organisations.flatMap((o) => o.districts)),
      activities: uniqueSorted(index, organisations.flatMap((o) => o.activities)),
      languages: [...new Set(organisations.flatMap((o) => o.languages))].sort(),
    };
  }
  return index.facets;
}

/** The organisations in Swedish name order, sorted when first needed. */
function sortedOf(index: OrganisationIndex): Organisation[] {
  index.sorted ??= sortSwedish(index.dataset.organisations, (o) => o.name);
  return index.sorted;
}

function organisationIndex(dataset: Dataset): OrganisationIndex {
  let index = indexes.get(dataset);
  if (!index) {
    // Every field from the start (the lazy ones undefined): an object that
    // keeps its shape keeps the filtering code fast once it is optimised.
    index = {
      dataset,
      sorted: undefined,
      words: undefined,
      wordsInProgress: undefined,
      districts: undefined,
      activities: undefined,
      languages: undefined,
      facets: undefined,
      folded: new Map(),
      valueNumbers: new Map(),
    };
    indexes.set(dataset, index);
    buildWordsWhenIdle(index);
  }
  return index;
}

/** Positions (in Swedish order) of the organisations whose texts have every term. */
function matching(index: OrganisationIndex, terms: string[]): number[] {
  const n = sortedOf(index).length;
  const words = wordIndex(index);
  const { postings, postingStarts } = words;
  // stage[i] = how many terms organisation i has matched so far.
  const stage = new Uint16Array(n);
  terms.forEach((term, t) => {
    forEachWordContaining(words, term, (w) => {
      for (let p = postingStarts[w]!, end = postingStarts[w + 1]!; p < end; p++) {
        const i = postings[p]!;
        if (stage[i] === t) stage[i] = t + 1;
      }
    });
  });
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (stage[i] === terms.length) out.push(i);
  return out;
}

/**
 * The organisations that pass every filter given, in Swedish name order (Å, Ä,
 * Ö after Z). Case and accents do not matter in `query`, `district` and
 * `activity`; every word of `query` must be found. Built on a per-dataset
 * index, so repeated filtering (as the user types) is cheap.
 */
export function filterOrganisations(dataset: Dataset, filter: OrganisationFilter = {}): Organisation[] {
  const index = organisationIndex(dataset);
  const terms = filter.query ? queryTerms(filter.query) : [];
  const district = filter.district ? foldForSearch(filter.district.trim()) : '';
  const activity = filter.activity ? foldForSearch(filter.activity.trim()) : '';
  const language = filter.language ? primaryLanguage(filter.language) : '';
  const districts = district ? districtsOf(index) : undefined;
  const activities = activity ? activitiesOf(index) : undefined;
  const languages = language ? languagesOf(index) : undefined;
  // ABSENT: a value no organisation has (not numbered, so queries cannot grow the map).
  const districtNumber = district ? (index.valueNumbers.get(district) ?? ABSENT) : -1;
  const activityNumber = activity ? (index.valueNumbers.get(activity) ?? ABSENT) : -1;
  const languageNumber = language ? (index.valueNumbers.get(language) ?? ABSENT) : -1;
  const positions = terms.length ? matching(index, terms) : undefined;
  const sorted = sortedOf(index);
  const count = positions ? positions.length : sorted.length;
  const out: Organisation[] = [];
  for (let k = 0; k < count; k++) {
    const i = positions ? positions[k]! : k;
    const o = sorted[i]!;
    if (filter.signatoriesOnly && !signs(o)) continue;
    if (filter.form && o.form !== filter.form) continue;
    if (districts && !has(districts, i, districtNumber)) continue;
    if (activities && !has(activities, i, activityNumber)) continue;
    if (languages && !has(languages, i, languageNumber)) continue;
    out.push(o);
  }
  return out;
}

/** The forms, districts, activities and languages present among the organisations, sorted, for filter drop-downs. */
export function organisationFacets(dataset: Dataset): OrganisationFacets {
  const facets = facetsOf(organisationIndex(dataset));
  return { forms: [...facets.forms], districts: [...facets.districts], activities: [...facets.activities], languages: [...facets.languages] };
}

/** What {@link firstOrganisations} returns. */
export interface FirstOrganisations {
  /** The first organisations that pass the filter, in Swedish name order (at most the number asked for). */
  organisations: Organisation[];
  /** How many organisations pass the filter in all. */
  count: number;
}

/**
 * The first `limit` organisations that pass every filter given, in Swedish
 * name order, and how many pass: exactly
 * `filterOrganisations(dataset, filter).slice(0, limit)` and its length, but
 * the first page of a list does not wait for the whole dataset to be sorted
 * (nor for its word index): the page is picked from the organisations that
 * pass, and the whole order is made in idle time or when first needed.
 */
export function firstOrganisations(dataset: Dataset, filter: OrganisationFilter, limit: number): FirstOrganisations {
  const index = organisationIndex(dataset);
  if (index.sorted || filter.query) {
    const all = filterOrganisations(dataset, filter);
    return { organisations: all.slice(0, Math.max(0, limit)), count: all.length };
  }
  const passing = dataset.organisations.filter(filterTest(filter, (value) => foldValue(index, value)));
  return { organisations: firstSwedish(passing, (o) => o.name, limit), count: passing.length };
}

/** Whether an organisation passes every filter given but the query (the test firstOrganisations makes without its index). */
function filterTest(filter: OrganisationFilter, fold: (value: string) => string): (o: Organisation) => boolean {
  const district = filter.district ? foldForSearch(filter.district.trim()) : '';
  const activity = filter.activity ? foldForSearch(filter.activity.trim()) : '';
  const language = filter.language ? primaryLanguage(filter.language) : '';
  return (o) =>
    (!filter.signatoriesOnly || signs(o)) &&
    (!filter.form || o.form === filter.form) &&
    (!district || o.districts.some((d) => fold(d) === district)) &&
    (!activity || o.activities.some((a) => fold(a) === activity)) &&
    (!language || o.languages.some((l) => primaryLanguage(l) === language));
}

/** What {@link firstCheckedOrganisations} returns. */
export interface FirstCheckedOrganisations {
  /** The first organisations that pass the filter, in Swedish name order: each one the dataset keeps. */
  organisations: Organisation[];
  /**
   * False when an entry that zod has yet to decide was passed over (the
   * page may then gain it once the check is finished; in practice zod drops it).
   */
  complete: boolean;
}

/**
 * The first page of a list whose dataset is still being checked
 * (progressive-dataset.ts): what {@link firstOrganisations} gives for the
 * finished dataset (`filter` without a query, which needs every entry), but
 * only the entries that may be on the page are checked. The candidates are
 * ordered by their raw name (which parsing only trims; a name that changed
 * otherwise gives `undefined`: then finish the check), and checked in that
 * order until `limit` pass.
 */
export function firstCheckedOrganisations(list: ListCheck<Organisation>, filter: OrganisationFilter, limit: number): FirstCheckedOrganisations | undefined {
  if (filter.query) return undefined;
  const raw = list.raw;
  // Only the raw values that can become what the filter needs (a signature, the form) are candidates: signs() on
  // the raw value too (a raw signature that is not an object is a candidate, and parsing then decides, as `passes` asks the parsed entry).
  // Each candidate's raw index, its name as parsing leaves it (trimmed) and the first letter the pick reads, in this one pass.
  const candidates: number[] = [];
  const names: string[] = [];
  const units = new Uint16Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const o = raw[i] as { name?: unknown; signature?: unknown; form?: unknown } | null;
    if (typeof o !== 'object' || o === null || typeof o.name !== 'string') continue;
    if (filter.signatoriesOnly && !signs(o)) continue;
    if (filter.form && o.form !== filter.form) continue;
    const name = o.name.trim();
    units[candidates.length] = firstLetterUnit(name);
    candidates.push(i);
    names.push(name);
  }
  const candidateUnits = units.subarray(0, candidates.length);
  const folded = new Map<string, string>();
  const passes = filterTest(filter, (value) => {
    let f = folded.get(value);
    if (f === undefined) folded.set(value, (f = foldForSearch(value.trim())));
    return f;
  });
  const organisations: Organisation[] = [];
  let complete = true;
  let walked = 0;
  // The first `limit` candidates in order, more if some of them are left out or do not pass.
  for (let count = limit; organisations.length < limit && walked < candidates.length; count *= 4) {
    const ordered = firstSwedishPositions(names, candidateUnits, count);
    const next = ordered.slice(walked);
    walked = ordered.length;
    // Those that fill the page if all pass: their duplicate-id checks read the list's ids once, together.
    list.announce(next.slice(0, limit - organisations.length).map((k) => candidates[k]!));
    for (const k of next) {
      if (organisations.length >= limit) break;
      const o = list.entry(candidates[k]!);
      if (o === UNDECIDED) complete = false;
      else if (o !== undefined) {
        if (o.name !== names[k]) return undefined;
        if (passes(o)) organisations.push(o);
      }
    }
  }
  return { organisations, complete };
}
