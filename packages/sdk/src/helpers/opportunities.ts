/**
 * The volunteer board's rules: which opportunities are shown (of a
 * signatory, not past `validThrough` in the dataset's time zone), search and
 * filters that ignore case and accents, and the values for the filters.
 */
import { allTexts } from '../localized.js';
import type { Dataset, Opportunity, Organisation } from '../schemas/dataset.js';
import { sortSwedish } from './swedish-sort.js';
import { foldForSearch, primaryLanguage, queryTerms } from './text.js';
import { zonedParts } from './time.js';
import { normalizeOrganisationNumber } from '../organisation-number.js';
import { signs } from '../signs.js';

/** Options of {@link filterOpportunities}; every one given must hold. */
export interface OpportunityFilter {
  /** Words to find in the title, description (any language), organisation's name, districts or activities. */
  query?: string;
  /** A district, case and accents ignored. */
  district?: string;
  /** An activity, case and accents ignored. */
  activity?: string;
  /** A language a volunteer can use (`sv` also finds `sv-FI`). */
  language?: string;
  /** The moment that counts as now (default: now); what has expired by then is left out. */
  now?: Date;
}

/** An opportunity with its organisation. */
export interface ListedOpportunity {
  opportunity: Opportunity;
  organisation: Organisation;
}

/** The values present among the shown opportunities, for the filters. */
export interface OpportunityFacets {
  districts: string[];
  activities: string[];
  languages: string[];
}

/** Today's date (`YYYY-MM-DD`) on the wall calendar of `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const p = zonedParts(now, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * Whether an opportunity is still offered at `now`: its `validThrough` is the
 * last day it is shown, a day on the calendar of the dataset's time zone (at
 * midnight in Stockholm it is gone, whatever the reader's clock says).
 */
export function isOpportunityCurrent(opportunity: Pick<Opportunity, 'validThrough'>, timeZone: string, now: Date = new Date()): boolean {
  return opportunity.validThrough >= todayIn(timeZone, now);
}

/** One opportunity of a signatory, with what search and the filters compare, folded once. */
interface PreparedEntry {
  listed: ListedOpportunity;
  districts: string[];
  activities: string[];
  languages: string[];
  /** Every searchable text, folded; made when a search first needs it. */
  haystack?: string;
}

/** The signatories' opportunities in board order, for one pair of lists (a dataset is read-only; a new list is a new pair). */
interface Prepared {
  opportunities: Dataset['opportunities'];
  organisations: Dataset['organisations'];
  entries: PreparedEntry[];
}

// Per dataset object, so a keystroke on the board does not sort and fold the
// whole list again (npm run bench -- opportunities); released with the dataset.
const preparedByDataset = new WeakMap<Dataset, Prepared>();

function prepare(dataset: Dataset): Prepared {
  const cached = preparedByDataset.get(dataset);
  if (cached && cached.opportunities === dataset.opportunities && cached.organisations === dataset.organisations) return cached;
  const signatories = new Map(dataset.organisations.filter(signs).map((o) => [o.id, o]));
  const listed: ListedOpportunity[] = [];
  for (const opportunity of dataset.opportunities) {
    const organisation = signatories.get(opportunity.organisationId);
    if (organisation) listed.push({ opportunity, organisation });
  }
  const byTitle = sortSwedish(listed, (entry) => allTexts(entry.opportunity.title)[0] ?? '');
  // Newest first; a stable sort keeps the title order within a day.
  byTitle.sort((a, b) => (a.opportunity.publishedOn < b.opportunity.publishedOn ? 1 : a.opportunity.publishedOn > b.opportunity.publishedOn ? -1 : 0));
  const fold = (value: string) => foldForSearch(value.trim());
  const entries = byTitle.map((entry) => ({
    listed: entry,
    districts: entry.opportunity.districts.map(fold),
    activities: entry.opportunity.activities.map(fold),
    languages: entry.opportunity.languages.map(primaryLanguage),
  }));
  const prepared = { opportunities: dataset.opportunities, organisations: dataset.organisations, entries };
  preparedByDataset.set(dataset, prepared);
  return prepared;
}

function haystackOf(entry: PreparedEntry): string {
  if (entry.haystack === undefined) {
    const { opportunity: o, organisation } = entry.listed;
    entry.haystack = foldForSearch(
      [...allTexts(o.title), ...allTexts(o.description), ...(o.timeCommitment ? allTexts(o.timeCommitment) : []), organisation.name, ...o.districts, ...o.activities].join('\n'),
    );
  }
  return entry.haystack;
}

/**
 * The opportunities a volunteer board shows: of signatory organisations, not
 * expired at `now`, newest first (then by title in Swedish order). Treat the
 * dataset as read-only: the order is kept per dataset object.
 */
export function currentOpportunities(dataset: Dataset, now: Date = new Date()): ListedOpportunity[] {
  const today = todayIn(dataset.timeZone, now);
  return prepare(dataset).entries.filter((e) => e.listed.opportunity.validThrough >= today).map((e) => e.listed);
}

/** The current opportunities (see {@link currentOpportunities}) that match every part of `filter`. */
export function filterOpportunities(dataset: Dataset, filter: OpportunityFilter = {}): ListedOpportunity[] {
  const terms = filter.query ? queryTerms(filter.query) : [];
  const district = filter.district ? foldForSearch(filter.district.trim()) : undefined;
  const activity = filter.activity ? foldForSearch(filter.activity.trim()) : undefined;
  const language = filter.language ? primaryLanguage(filter.language) : undefined;
  const today = todayIn(dataset.timeZone, filter.now);
  const found: ListedOpportunity[] = [];
  for (const entry of prepare(dataset).entries) {
    if (entry.listed.opportunity.validThrough < today) continue;
    if (district !== undefined && !entry.districts.includes(district)) continue;
    if (activity !== undefined && !entry.activities.includes(activity)) continue;
    if (language !== undefined && !entry.languages.includes(language)) continue;
    if (terms.length > 0) {
      const haystack = haystackOf(entry);
      if (!terms.every((term) => haystack.includes(term))) continue;
    }
    found.push(entry.listed);
  }
  return found;
}

/** The districts, activities and languages of the current opportunities, each once (case ignored), in Swedish order. */
export function opportunityFacets(dataset: Dataset, now: Date = new Date()): OpportunityFacets {
  const districts = new Map<string, string>();
  const activities = new Map<string, string>();
  const languages = new Set<string>();
  for (const { opportunity } of currentOpportunities(dataset, now)) {
    for (const d of opportunity.districts) if (!districts.has(foldForSearch(d.trim()))) districts.set(foldForSearch(d.trim()), d.trim());
    for (const a of opportunity.activities) if (!activities.has(foldForSearch(a.trim()))) activities.set(foldForSearch(a.trim()), a.trim());
    for (const l of opportunity.languages) languages.add(primaryLanguage(l));
  }
  return {
    districts: sortSwedish([...districts.values()], (v) => v),
    activities: sortSwedish([...activities.values()], (v) => v),
    languages: [...languages].sort(),
  };
}

/**
 * The signatory organisation with this organisation number (any accepted
 * way of writing it), or `undefined` when the number is not valid or no
 * signatory has it. Only signatories may offer volunteer opportunities: the
 * opportunity form checks it before sending, the server when it receives.
 */
export function signatoryByOrganisationNumber(dataset: Pick<Dataset, 'organisations'>, organisationNumber: string): Organisation | undefined {
  const wanted = normalizeOrganisationNumber(organisationNumber);
  if (wanted === undefined) return undefined;
  return dataset.organisations.find((o) => signs(o) && o.organisationNumber !== undefined && normalizeOrganisationNumber(o.organisationNumber) === wanted);
}
