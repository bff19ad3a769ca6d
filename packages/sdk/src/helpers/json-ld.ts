/**
 * schema.org JSON-LD for search engines: organisations as `NGO` (or
 * `Organization`), meetings as `Event`, contact persons as `ContactPoint`,
 * volunteer opportunities as `JobPosting` (`employmentType: "VOLUNTEER"`).
 */
import { pickText } from '../localized.js';
import type { Contact, Dataset, Meeting, Opportunity, Organisation } from '../schemas/dataset.js';
import type { LocalizedText } from '../schemas/localized-text.js';

/** A JSON-LD node: plain JSON with `@type` and friends. */
export type JsonLdNode = { '@type': string; [key: string]: unknown };
/** A JSON-LD document: a node or a graph, with its `@context`. */
export type JsonLdDocument = { '@context': 'https://schema.org'; [key: string]: unknown };

/** Options of the JSON-LD functions. */
export interface JsonLdOptions {
  /** The language to pick texts in. Default: the dataset's (or `defaultLanguage`). */
  lang?: string;
  /** The language every text has; default `sv` (or the dataset's when one is given). */
  defaultLanguage?: string;
  /** Which lists a dataset's graph includes. Default all three. */
  include?: readonly ('organisations' | 'meetings' | 'contacts')[];
}

const SCHEMA = 'https://schema.org/';
const CONTEXT = 'https://schema.org' as const;

const EVENT_STATUS: Record<Meeting['status'], string> = {
  scheduled: `${SCHEMA}EventScheduled`,
  cancelled: `${SCHEMA}EventCancelled`,
  postponed: `${SCHEMA}EventPostponed`,
};

// Forms that are non-governmental, non-profit organisations; a cooperative or
// "other" may be neither, so they stay plain Organization.
const NGO_FORMS = new Set(['non-profit-association', 'foundation', 'faith-community', 'study-association', 'popular-movement']);

interface Languages {
  lang: string;
  defaultLanguage: string;
}

function languages(options: JsonLdOptions, dataset?: Dataset): Languages {
  const defaultLanguage = options.defaultLanguage ?? dataset?.defaultLanguage ?? 'sv';
  return { lang: options.lang ?? defaultLanguage, defaultLanguage };
}

function text(value: LocalizedText | undefined, l: Languages): string | undefined {
  return value === undefined ? undefined : pickText(value, l.lang, l.defaultLanguage).text;
}

function http(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** Drops `undefined` values and empty lists, so the output has only what is known. */
function compact<T extends Record<string, unknown>>(node: T): T {
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete node[key];
  }
  return node;
}

function organisationNode(o: Organisation, l: Languages): JsonLdNode {
  const contact = o.collaborationContact;
  return compact({
    '@type': NGO_FORMS.has(o.form) ? 'NGO' : 'Organization',
    name: o.name,
    identifier: o.organisationNumber
      ? { '@type': 'PropertyValue', propertyID: 'SE-organisationsnummer', name: 'Organisationsnummer', value: o.organisationNumber }
      : undefined,
    description: text(o.description, l),
    url: http(o.website),
    email: o.email,
    telephone: o.phone,
    areaServed: o.districts,
    knowsAbout: o.activities,
    knowsLanguage: o.languages,
    contactPoint: contact ? compact({ '@type': 'ContactPoint', name: contact.name, email: contact.email, telephone: contact.phone }) : undefined,
  });
}

function meetingNode(m: Meeting, l: Languages): JsonLdNode {
  const places: JsonLdNode[] = [];
  const location = m.location;
  const name = text(location?.name, l);
  if (name || location?.address) {
    places.push(compact({ '@type': 'Place', name, address: location?.address ? { '@type': 'PostalAddress', streetAddress: location.address } : undefined }));
  }
  const online = http(location?.onlineUrl);
  if (online) places.push({ '@type': 'VirtualLocation', url: online });
  const physical = places.some((p) => p['@type'] === 'Place');
  const mode = physical && online ? 'MixedEventAttendanceMode' : online ? 'OnlineEventAttendanceMode' : physical ? 'OfflineEventAttendanceMode' : undefined;
  return compact({
    '@type': 'Event',
    name: text(m.title, l),
    description: text(m.description, l),
    startDate: m.start,
    endDate: m.end,
    eventStatus: EVENT_STATUS[m.status],
    eventAttendanceMode: mode ? `${SCHEMA}${mode}` : undefined,
    location: places.length === 1 ? places[0] : places.length ? places : undefined,
    inLanguage: m.languages,
    url: http(m.registrationUrl),
  });
}

function contactNode(c: Contact, l: Languages): JsonLdNode {
  return compact({
    '@type': 'ContactPoint',
    name: c.name,
    contactType: text(c.title, l),
    description: text(c.unit, l),
    email: c.email,
    telephone: c.phone,
    availableLanguage: c.languages,
  });
}

/** An organisation as a schema.org `NGO` (or `Organization` for a cooperative or "other"), its organisation number as `identifier`. */
export function organisationToJsonLd(organisation: Organisation, options: JsonLdOptions = {}): JsonLdDocument & JsonLdNode {
  return { '@context': CONTEXT, ...organisationNode(organisation, languages(options)) };
}

/** A meeting as a schema.org `Event`: `eventStatus`, `eventAttendanceMode`, `location` as `Place` and/or `VirtualLocation`, `inLanguage`. */
export function meetingToJsonLd(meeting: Meeting, options: JsonLdOptions = {}): JsonLdDocument & JsonLdNode {
  return { '@context': CONTEXT, ...meetingNode(meeting, languages(options)) };
}

/** A municipal contact person as a schema.org `ContactPoint` with `availableLanguage`. */
export function contactToJsonLd(contact: Contact, options: JsonLdOptions = {}): JsonLdDocument & JsonLdNode {
  return { '@context': CONTEXT, ...contactNode(contact, languages(options)) };
}

/**
 * A volunteer opportunity as a schema.org `JobPosting` with
 * `employmentType: "VOLUNTEER"`: the organisation as `hiringOrganization`,
 * each district as a `jobLocation`, `datePosted`, `validThrough`, the time it
 * takes as `workHours` and the ways to get in touch as `applicationContact`.
 * `organisation` is the opportunity's organisation (`organisationId`).
 */
export function opportunityToJsonLd(opportunity: Opportunity, organisation: Organisation, options: JsonLdOptions = {}): JsonLdDocument & JsonLdNode {
  const l = languages(options);
  const contact = opportunity.contact;
  const { '@type': organisationType, ...organisationFields } = organisationNode(organisation, l);
  return {
    '@context': CONTEXT,
    ...compact({
      '@type': 'JobPosting',
      title: text(opportunity.title, l),
      description: text(opportunity.description, l),
      employmentType: 'VOLUNTEER',
      datePosted: opportunity.publishedOn,
      validThrough: opportunity.validThrough,
      jobStartDate: opportunity.start,
      workHours: text(opportunity.timeCommitment, l),
      hiringOrganization: { '@type': organisationType, ...organisationFields },
      jobLocation: opportunity.districts.map((district) => ({ '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: district } })),
      applicationContact: compact({ '@type': 'ContactPoint', email: contact.email, telephone: contact.phone, url: http(contact.url) }),
      url: http(contact.url),
    }),
  } as JsonLdDocument & JsonLdNode;
}

/**
 * schema.org JSON-LD for a whole dataset or one entry of it.
 *
 * For a dataset: a graph with the municipality (`GovernmentOrganization`, its
 * contact persons as `contactPoint`), the organisations and the meetings
 * (organised by the municipality). For an organisation, meeting or contact:
 * that one node. Put the result in a page with {@link jsonLdScriptContent}.
 */
export function toJsonLd(dataset: Dataset, options?: JsonLdOptions): JsonLdDocument;
export function toJsonLd(entry: Organisation | Meeting | Contact, options?: JsonLdOptions): JsonLdDocument & JsonLdNode;
export function toJsonLd(value: Dataset | Organisation | Meeting | Contact, options: JsonLdOptions = {}): JsonLdDocument {
  if ('schemaVersion' in value) return datasetToJsonLd(value, options);
  if ('kind' in value && 'start' in value) return meetingToJsonLd(value, options);
  if ('form' in value) return organisationToJsonLd(value, options);
  return contactToJsonLd(value as Contact, options);
}

function datasetToJsonLd(dataset: Dataset, options: JsonLdOptions): JsonLdDocument {
  const l = languages(options, dataset);
  const include = new Set(options.include ?? ['organisations', 'meetings', 'contacts']);
  const municipality = dataset.agreement.municipality;
  const website = http(municipality.website);
  const municipalityId = `${website ?? 'urn:samverkan:'}#municipality`;
  const graph: JsonLdNode[] = [
    compact({
      '@type': 'GovernmentOrganization',
      '@id': municipalityId,
      name: municipality.name,
      url: website,
      identifier: municipality.organisationNumber
        ? { '@type': 'PropertyValue', propertyID: 'SE-organisationsnummer', name: 'Organisationsnummer', value: municipality.organisationNumber }
        : undefined,
      contactPoint: include.has('contacts') ? dataset.contacts.map((c) => contactNode(c, l)) : undefined,
    }),
  ];
  if (include.has('organisations')) graph.push(...dataset.organisations.map((o) => organisationNode(o, l)));
  if (include.has('meetings')) graph.push(...dataset.meetings.map((m) => ({ ...meetingNode(m, l), organizer: { '@id': municipalityId } })));
  return { '@context': CONTEXT, '@graph': graph };
}

/**
 * JSON for the inside of `<script type="application/ld+json">`: `<`, `>` and
 * `&` are written as `\u003c` and the like, so no text from the dataset can
 * close the script element or start markup.
 */
export function jsonLdScriptContent(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
