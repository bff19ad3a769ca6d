import type { Dataset, LocalizedText } from '@samverkan/sdk';

/**
 * The open-data description of one agreement's dataset as a DCAT-AP-SE
 * catalogue in RDF/XML, for the national data portal to harvest.
 *
 * Every resource has an absolute IRI under the server's public address (no
 * blank nodes: a harvester that merges catalogues can then tell them apart),
 * and the vocabularies are the ones DCAT-AP-SE names: the EU's authority
 * tables for languages, file types, frequencies and themes, and the
 * portal's `http://dataportal.se/organisation/SE<organisationsnummer>` IRI
 * for the publisher.
 */
export interface DcatOptions {
  /** The server's public origin and base path, e.g. `https://samverkan.kommun.example` (no trailing slash). */
  publicUrl: string;
  /** When the published version was made (the version's time, or the dataset's `updatedAt`). */
  modified?: string;
}

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const CC0 = 'http://creativecommons.org/publicdomain/zero/1.0/';
const EU = 'http://publications.europa.eu/resource/authority';
/** The EU language table's codes for the languages our datasets are written in; others are left out. */
const EU_LANGUAGE: Record<string, string> = {
  sv: 'SWE', en: 'ENG', fi: 'FIN', ar: 'ARA', so: 'SOM', fa: 'FAS', ti: 'TIR', tr: 'TUR', pl: 'POL',
  de: 'DEU', fr: 'FRA', es: 'SPA', ku: 'KUR', bs: 'BOS', hr: 'HRV', sr: 'SRP', se: 'SME', yi: 'YID',
  rom: 'ROM', smj: 'SMJ', sma: 'SMA', fit: 'FIT', syc: 'SYC', ru: 'RUS', uk: 'UKR',
};

/** Escapes text for XML content and attribute values (data is untrusted). */
function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** One element per language of a localized text, each with its `xml:lang`. */
function texts(property: string, value: LocalizedText | undefined, defaultLanguage: string): string {
  if (value === undefined) return '';
  const entries = typeof value === 'string' ? [[defaultLanguage, value] as const] : Object.entries(value);
  return entries
    .filter(([, text]) => text.trim() !== '')
    .map(([lang, text]) => `    <${property} xml:lang="${xml(lang)}">${xml(text)}</${property}>\n`)
    .join('');
}

function resource(property: string, iri: string): string {
  return `    <${property} rdf:resource="${xml(iri)}"/>\n`;
}

function literal(property: string, value: string, datatype?: string): string {
  const type = datatype ? ` rdf:datatype="${NS.xsd}${datatype}"` : '';
  return `    <${property}${type}>${xml(value)}</${property}>\n`;
}

/** The portal's IRI for a Swedish organisation, from its organisation number (`212000-0142` → `…/SE2120000142`). */
export function publisherIri(organisationNumber: string): string {
  return `http://dataportal.se/organisation/SE${organisationNumber.replace(/\D/g, '')}`;
}

/** Builds the catalogue. Only http(s) addresses from the data become IRIs. */
export function toDcatRdfXml(dataset: Dataset, options: DcatOptions): string {
  const base = options.publicUrl.replace(/\/+$/, '');
  const lang = dataset.defaultLanguage;
  const agreement = dataset.agreement;
  const municipality = agreement.municipality;
  const catalogIri = `${base}/datasets/dcat`;
  const datasetIri = `${base}/datasets/dcat#dataset`;
  const contactIri = `${base}/datasets/dcat#contact-point`;
  const jsonIri = `${base}/datasets/dcat#distribution-json`;
  const icsIri = `${base}/datasets/dcat#distribution-icalendar`;
  const publisher = municipality.organisationNumber
    ? publisherIri(municipality.organisationNumber)
    : `${base}/datasets/dcat#publisher`;
  const modified = options.modified ?? dataset.updatedAt;
  const languages = dataset.languages
    .map((tag) => EU_LANGUAGE[tag.toLowerCase().split('-')[0]!])
    .filter((code): code is string => code !== undefined)
    .map((code) => resource('dcterms:language', `${EU}/language/${code}`))
    .join('');
  const isHttp = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//i.test(url);
  const name = municipality.name;
  const description: LocalizedText = {
    sv: `Samverkansöverenskommelsen mellan ${name} och den idéburna sektorn: principer och åtaganden, organisationer som har skrivit under, kontaktpersoner och dialogmöten.`,
    en: `The cooperation agreement between ${name} and civil society: principles and commitments, the organisations that have signed it, contact persons and dialogue meetings.`,
  };
  const general = agreement.generalContact;

  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF';
  for (const [prefix, iri] of Object.entries(NS)) if (prefix !== 'xsd') out += `\n  xmlns:${prefix}="${iri}"`;
  out += '>\n';

  out += `  <dcat:Catalog rdf:about="${xml(catalogIri)}">\n`;
  out += texts('dcterms:title', { sv: `Samverkan – ${name}`, en: `Samverkan – ${name}` }, lang);
  out += texts('dcterms:description', description, lang);
  out += resource('dcterms:publisher', publisher);
  out += resource('dcterms:license', CC0);
  out += literal('dcterms:modified', modified, 'dateTime');
  out += languages;
  if (isHttp(municipality.website)) out += resource('foaf:homepage', municipality.website);
  out += resource('dcat:dataset', datasetIri);
  out += '  </dcat:Catalog>\n';

  out += `  <dcat:Dataset rdf:about="${xml(datasetIri)}">\n`;
  out += texts('dcterms:title', agreement.title, lang);
  out += texts('dcterms:description', description, lang);
  out += literal('dcterms:identifier', datasetIri);
  out += resource('dcterms:publisher', publisher);
  out += resource('dcat:contactPoint', contactIri);
  out += literal('dcterms:issued', agreement.adoptedOn, 'date');
  out += literal('dcterms:modified', modified, 'dateTime');
  // Changes are published the moment they are made (an edit, an approval).
  out += resource('dcterms:accrualPeriodicity', `${EU}/frequency/CONT`);
  out += resource('dcat:theme', `${EU}/data-theme/GOVE`);
  out += resource('dcat:theme', `${EU}/data-theme/SOCI`);
  out += languages;
  for (const keyword of ['samverkansöverenskommelse', 'idéburen sektor', 'civilsamhälle', 'föreningar']) {
    out += `    <dcat:keyword xml:lang="sv">${xml(keyword)}</dcat:keyword>\n`;
  }
  out += `    <dcat:keyword xml:lang="en">civil society</dcat:keyword>\n`;
  if (isHttp(agreement.documentUrl)) out += resource('foaf:page', agreement.documentUrl);
  out += resource('dcat:distribution', jsonIri);
  out += resource('dcat:distribution', icsIri);
  out += '  </dcat:Dataset>\n';

  for (const [iri, title, url, format, mediaType] of [
    [jsonIri, { sv: 'Datamängden som JSON', en: 'The dataset as JSON' }, `${base}/api/v1/dataset`, 'JSON', 'application/json'],
    [icsIri, { sv: 'Mötena som iCalendar', en: 'The meetings as iCalendar' }, `${base}/api/v1/meetings.ics`, 'ICS', 'text/calendar'],
  ] as const) {
    out += `  <dcat:Distribution rdf:about="${xml(iri)}">\n`;
    out += texts('dcterms:title', title, lang);
    out += resource('dcat:accessURL', url);
    out += resource('dcat:downloadURL', url);
    out += resource('dcterms:format', `${EU}/file-type/${format}`);
    out += resource('dcat:mediaType', `https://www.iana.org/assignments/media-types/${mediaType}`);
    out += resource('dcterms:license', CC0);
    out += '  </dcat:Distribution>\n';
  }

  out += `  <foaf:Agent rdf:about="${xml(publisher)}">\n`;
  out += `    <foaf:name xml:lang="${xml(lang)}">${xml(name)}</foaf:name>\n`;
  if (municipality.organisationNumber) out += literal('dcterms:identifier', municipality.organisationNumber);
  out += resource('dcterms:type', 'http://purl.org/adms/publishertype/LocalAuthority');
  out += '  </foaf:Agent>\n';

  out += `  <vcard:Organization rdf:about="${xml(contactIri)}">\n`;
  const contactName = general ? general.name : name;
  out += texts('vcard:fn', contactName, lang);
  if (general?.email) out += resource('vcard:hasEmail', `mailto:${general.email}`);
  if (general?.phone) out += resource('vcard:hasTelephone', `tel:${general.phone.replace(/[^\d+]/g, '')}`);
  const contactUrl = isHttp(general?.website) ? general.website : municipality.website;
  if (isHttp(contactUrl)) out += resource('vcard:hasURL', contactUrl);
  out += '  </vcard:Organization>\n';

  out += '</rdf:RDF>\n';
  return out;
}
