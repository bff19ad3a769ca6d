import type { Dataset, Organisation } from '../schemas/dataset.js';
import { ORGANISATION_FORMS } from '../schemas/entities.js';
import { allTexts } from '../localized.js';
import { foldForSearch, primaryLanguage, queryTerms } from './text.js';
import { sortSwedish } from './swedish-sort.js';
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
 * part made when a filter first needs it: showing the first page of a list
 * (all signatories) needs the order alone, not the word index of every
 * description (the larger part of the cost).
 */
interface OrganisationIndex {
  dataset: Dataset;
  sorted: Organisation[];
  /** Entries are positions in `sorted`. */
  words?: TokenIndex;
  /** Per position in `sorted`: the folded, trimmed districts, activities, and the primary language tags. */
  districts?: string[][];
  activities?: string[][];
  languages?: string[][];
  facets?: OrganisationFacets;
  /** `foldForSearch(value.trim())` by value: districts and activities repeat across organisations. */
  folded: Map<string, string>;
}

const indexes = new WeakMap<Dataset, OrganisationIndex>();
const ORGANISATION_NUMBER = /^\d{6}-\d{4}$/;

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

function wordIndex(index: OrganisationIndex): TokenIndex {
  if (!index.words) {
    // The words of each organisation's name, descriptions, districts,
    // activities and organisation number (with and without its dash).
    const builder = new TokenIndexBuilder(foldForSearch);
    // Districts and activities repeat across organisations: their words once per value.
    const valueIds = new Map<string, number[]>();
    const addValue = (i: number, value: string) => {
      let ids = valueIds.get(value);
      if (!ids) {
        ids = builder.idsOf(value);
        valueIds.set(value, ids);
      }
      builder.addIds(i, ids);
    };
    index.sorted.forEach((o, i) => {
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
    });
    index.words = builder.build();
  }
  return index.words;
}

function districtsOf(index: OrganisationIndex): string[][] {
  index.districts ??= index.sorted.map((o) => o.districts.map((d) => foldValue(index, d)));
  return index.districts;
}

function activitiesOf(index: OrganisationIndex): string[][] {
  index.activities ??= index.sorted.map((o) => o.activities.map((a) => foldValue(index, a)));
  return index.activities;
}

function languagesOf(index: OrganisationIndex): string[][] {
  index.languages ??= index.sorted.map((o) => o.languages.map(primaryLanguage));
  return index.languages;
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

function organisationIndex(dataset: Dataset): OrganisationIndex {
  let index = indexes.get(dataset);
  if (!index) {
    index = { dataset, sorted: sortSwedish(dataset.organisations, (o) => o.name), folded: new Map() };
    indexes.set(dataset, index);
  }
  return index;
}

/** Positions (in Swedish order) of the organisations whose texts have every term. */
function matching(index: OrganisationIndex, terms: string[]): number[] {
  const n = index.sorted.length;
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
  const districts = filter.district ? districtsOf(index) : undefined;
  const activities = filter.activity ? activitiesOf(index) : undefined;
  const languages = filter.language ? languagesOf(index) : undefined;
  const district = filter.district ? foldForSearch(filter.district.trim()) : undefined;
  const activity = filter.activity ? foldForSearch(filter.activity.trim()) : undefined;
  const language = filter.language ? primaryLanguage(filter.language) : undefined;
  const positions = terms.length ? matching(index, terms) : undefined;
  const count = positions ? positions.length : index.sorted.length;
  const out: Organisation[] = [];
  for (let k = 0; k < count; k++) {
    const i = positions ? positions[k]! : k;
    const o = index.sorted[i]!;
    if (filter.signatoriesOnly && !o.signature) continue;
    if (filter.form && o.form !== filter.form) continue;
    if (district && !districts![i]!.includes(district)) continue;
    if (activity && !activities![i]!.includes(activity)) continue;
    if (language && !languages![i]!.includes(language)) continue;
    out.push(o);
  }
  return out;
}

/** The forms, districts, activities and languages present among the organisations, sorted, for filter drop-downs. */
export function organisationFacets(dataset: Dataset): OrganisationFacets {
  const facets = facetsOf(organisationIndex(dataset));
  return { forms: [...facets.forms], districts: [...facets.districts], activities: [...facets.activities], languages: [...facets.languages] };
}
