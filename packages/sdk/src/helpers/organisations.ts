import type { Dataset, Organisation } from '../schemas/dataset.js';
import { ORGANISATION_FORMS } from '../schemas/entities.js';
import { allTexts } from '../localized.js';
import { compareSwedish, foldForSearch, primaryLanguage, queryTerms } from './text.js';

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

interface IndexedOrganisation {
  organisation: Organisation;
  haystack: string;
  districts: Set<string>;
  activities: Set<string>;
  languages: Set<string>;
}

interface OrganisationIndex {
  /** In Swedish name order, so filtering keeps the order without sorting. */
  sorted: IndexedOrganisation[];
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
  const sorted = [...dataset.organisations].sort((a, b) => compareSwedish(a.name, b.name)).map((organisation) => {
    const texts = [organisation.name, ...(organisation.description ? allTexts(organisation.description) : []), ...organisation.districts, ...organisation.activities];
    if (organisation.organisationNumber) texts.push(organisation.organisationNumber, organisation.organisationNumber.replace('-', ''));
    return {
      organisation,
      haystack: foldForSearch(texts.join('\n')),
      districts: new Set(organisation.districts.map((d) => foldForSearch(d.trim()))),
      activities: new Set(organisation.activities.map((a) => foldForSearch(a.trim()))),
      languages: new Set(organisation.languages.map(primaryLanguage)),
    };
  });
  const present = new Set(dataset.organisations.map((o) => o.form));
  const facets: OrganisationFacets = {
    forms: ORGANISATION_FORMS.filter((form) => present.has(form)),
    districts: uniqueSorted(dataset.organisations.flatMap((o) => o.districts)),
    activities: uniqueSorted(dataset.organisations.flatMap((o) => o.activities)),
    languages: [...new Set(dataset.organisations.flatMap((o) => o.languages))].sort(),
  };
  return { sorted, facets };
}

function organisationIndex(dataset: Dataset): OrganisationIndex {
  let index = indexes.get(dataset);
  if (!index) {
    index = buildIndex(dataset);
    indexes.set(dataset, index);
  }
  return index;
}

/**
 * The organisations that pass every filter given, in Swedish name order (Å, Ä,
 * Ö after Z). Case and accents do not matter in `query`, `district` and
 * `activity`; every word of `query` must be found. Built on a per-dataset
 * index, so repeated filtering (as the user types) is cheap.
 */
export function filterOrganisations(dataset: Dataset, filter: OrganisationFilter = {}): Organisation[] {
  const { sorted } = organisationIndex(dataset);
  const terms = filter.query ? queryTerms(filter.query) : [];
  const district = filter.district ? foldForSearch(filter.district.trim()) : undefined;
  const activity = filter.activity ? foldForSearch(filter.activity.trim()) : undefined;
  const language = filter.language ? primaryLanguage(filter.language) : undefined;
  const out: Organisation[] = [];
  for (const entry of sorted) {
    const o = entry.organisation;
    if (filter.signatoriesOnly && !o.signature) continue;
    if (filter.form && o.form !== filter.form) continue;
    if (district && !entry.districts.has(district)) continue;
    if (activity && !entry.activities.has(activity)) continue;
    if (language && !entry.languages.has(language)) continue;
    if (terms.length && !terms.every((term) => entry.haystack.includes(term))) continue;
    out.push(o);
  }
  return out;
}

/** The forms, districts, activities and languages present among the organisations, sorted, for filter drop-downs. */
export function organisationFacets(dataset: Dataset): OrganisationFacets {
  const { facets } = organisationIndex(dataset);
  return { forms: [...facets.forms], districts: [...facets.districts], activities: [...facets.activities], languages: [...facets.languages] };
}
