import type { Dataset, Organisation } from '../schemas/dataset.js';
import { ORGANISATION_FORMS } from '../schemas/entities.js';
import { allTexts } from '../localized.js';
import { compareSwedish, foldForSearch, primaryLanguage, queryTerms } from './text.js';
import { buildTokenIndex, forEachWordContaining, type TokenIndex } from './token-index.js';

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

/** The organisations in Swedish name order, with a word index of their searchable texts. */
interface OrganisationIndex {
  sorted: Organisation[];
  /** Entries are positions in `sorted`. */
  words: TokenIndex;
  districts: Set<string>[];
  activities: Set<string>[];
  languages: Set<string>[];
  facets: OrganisationFacets;
}

const indexes = new WeakMap<Dataset, OrganisationIndex>();

function uniqueSorted(values: Iterable<string>): string[] {
  const byFold = new Map<string, string>();
  for (const value of values) {
    const key = foldForSearch(value.trim());
    if (key && !byFold.has(key)) byFold.set(key, value.trim());
  }
  return [...byFold.values()].sort(compareSwedish);
}

function buildIndex(dataset: Dataset): OrganisationIndex {
  const sorted = [...dataset.organisations].sort((a, b) => compareSwedish(a.name, b.name));
  const words = buildTokenIndex(
    sorted.map((o, i) => {
      const texts = [o.name, ...(o.description ? allTexts(o.description) : []), ...o.districts, ...o.activities];
      if (o.organisationNumber) texts.push(o.organisationNumber, o.organisationNumber.replace('-', ''));
      return [i, foldForSearch(texts.join('\n'))] as const;
    }),
  );
  const present = new Set(dataset.organisations.map((o) => o.form));
  return {
    sorted,
    words,
    districts: sorted.map((o) => new Set(o.districts.map((d) => foldForSearch(d.trim())))),
    activities: sorted.map((o) => new Set(o.activities.map((a) => foldForSearch(a.trim())))),
    languages: sorted.map((o) => new Set(o.languages.map(primaryLanguage))),
    facets: {
      forms: ORGANISATION_FORMS.filter((form) => present.has(form)),
      districts: uniqueSorted(dataset.organisations.flatMap((o) => o.districts)),
      activities: uniqueSorted(dataset.organisations.flatMap((o) => o.activities)),
      languages: [...new Set(dataset.organisations.flatMap((o) => o.languages))].sort(),
    },
  };
}

function organisationIndex(dataset: Dataset): OrganisationIndex {
  let index = indexes.get(dataset);
  if (!index) {
    index = buildIndex(dataset);
    indexes.set(dataset, index);
  }
  return index;
}

/** Positions (in Swedish order) of the organisations whose texts have every term. */
function matching(index: OrganisationIndex, terms: string[]): number[] {
  const n = index.sorted.length;
  // stage[i] = how many terms organisation i has matched so far.
  const stage = new Uint16Array(n);
  terms.forEach((term, t) => {
    forEachWordContaining(index.words, term, (w) => {
      for (const i of index.words.postings[w]!) if (stage[i] === t) stage[i] = t + 1;
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
    if (district && !index.districts[i]!.has(district)) continue;
    if (activity && !index.activities[i]!.has(activity)) continue;
    if (language && !index.languages[i]!.has(language)) continue;
    out.push(o);
  }
  return out;
}

/** The forms, districts, activities and languages present among the organisations, sorted, for filter drop-downs. */
export function organisationFacets(dataset: Dataset): OrganisationFacets {
  const { facets } = organisationIndex(dataset);
  return { forms: [...facets.forms], districts: [...facets.districts], activities: [...facets.activities], languages: [...facets.languages] };
}
