import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import type * as RDF from '@rdfjs/types';
import { parseDataset, type Dataset } from '@samverkan/sdk';
import { publisherIri, toDcatRdfXml } from '../src/dcat.js';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';

const demo = parseDataset(JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8')), {
  strict: true,
}).dataset;

/** Parses RDF/XML with a real RDF parser into its triples. */
function parse(text: string): Promise<RDF.Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: RDF.Quad[] = [];
    const parser = new RdfXmlParser();
    parser.on('data', (quad: RDF.Quad) => quads.push(quad));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.write(text);
    parser.end();
  });
}

function subjectsOfType(quads: RDF.Quad[], type: string): string[] {
  return quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type).map((q) => q.subject.value);
}

function values(quads: RDF.Quad[], subject: string, predicate: string): RDF.Term[] {
  return quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object);
}

test('the catalogue parses as RDF/XML and has the classes and properties DCAT-AP-SE makes mandatory', async () => {
  const quads = await parse(toDcatRdfXml(demo, { publicUrl: 'https://samverkan.example.org/' }));
  const [catalog] = subjectsOfType(quads, `${DCAT}Catalog`);
  const [dataset] = subjectsOfType(quads, `${DCAT}Dataset`);
  const distributions = subjectsOfType(quads, `${DCAT}Distribution`);
  assert.equal(catalog, 'https://samverkan.example.org/datasets/dcat');
  assert.ok(dataset);
  assert.equal(distributions.length, 2);

  for (const subject of [catalog!, dataset!]) {
    assert.ok(values(quads, subject, `${DCT}title`).length >= 1, `${subject} has a title`);
    assert.ok(values(quads, subject, `${DCT}description`).length >= 1, `${subject} has a description`);
    assert.deepEqual(values(quads, subject, `${DCT}publisher`).map((t) => t.value), [publisherIri('212000-0142')]);
  }
  assert.deepEqual(values(quads, catalog!, `${DCAT}dataset`).map((t) => t.value), [dataset]);
  assert.deepEqual(values(quads, catalog!, `${DCT}license`).map((t) => t.value), ['http://creativecommons.org/publicdomain/zero/1.0/']);
  assert.equal(values(quads, dataset!, `${DCT}accrualPeriodicity`).length, 1);
  assert.deepEqual(values(quads, dataset!, `${DCAT}distribution`).map((t) => t.value).sort(), distributions.sort());

  // The publisher: the municipality, with its organisation number.
  const publisher = publisherIri('212000-0142');
  assert.equal(publisher, 'http://dataportal.se/organisation/SE2120000142');
  assert.deepEqual(subjectsOfType(quads, `${FOAF}Agent`), [publisher]);
  assert.equal(values(quads, publisher, `${FOAF}name`)[0]?.value, 'Södertälje kommun');
  assert.equal(values(quads, publisher, `${DCT}identifier`)[0]?.value, '212000-0142');

  // A contact point that can be reached.
  const [contact] = values(quads, dataset!, `${DCAT}contactPoint`);
  assert.ok(contact);
  assert.deepEqual(subjectsOfType(quads, `${VCARD}Organization`), [contact.value]);
  assert.match(values(quads, contact.value, `${VCARD}hasEmail`)[0]!.value, /^mailto:kontaktcenter@example\.org$/);

  // Each distribution: where to get it, its format, its licence (CC0).
  const accessUrls = distributions.flatMap((d) => values(quads, d, `${DCAT}accessURL`).map((t) => t.value)).sort();
  assert.deepEqual(accessUrls, ['https://samverkan.example.org/api/v1/dataset', 'https://samverkan.example.org/api/v1/meetings.ics']);
  for (const d of distributions) {
    assert.equal(values(quads, d, `${DCT}format`).length, 1);
    assert.deepEqual(values(quads, d, `${DCT}license`).map((t) => t.value), ['http://creativecommons.org/publicdomain/zero/1.0/']);
  }
  // Languages from the EU table.
  assert.deepEqual(
    values(quads, dataset!, `${DCT}language`).map((t) => t.value).sort(),
    ['http://publications.europa.eu/resource/authority/language/ENG', 'http://publications.europa.eu/resource/authority/language/SWE'],
  );
});

test('every subject and every resource is an absolute IRI: no blank nodes, nothing relative', async () => {
  const quads = await parse(toDcatRdfXml(demo, { publicUrl: 'https://samverkan.example.org' }));
  assert.ok(quads.length > 40);
  for (const quad of quads) {
    assert.equal(quad.subject.termType, 'NamedNode', `subject ${quad.subject.value}`);
    assert.match(quad.subject.value, /^https?:\/\//);
    assert.notEqual(quad.object.termType, 'BlankNode', `object of ${quad.predicate.value}`);
    if (quad.object.termType === 'NamedNode') assert.match(quad.object.value, /^(https?|mailto|tel):/);
  }
});

test('hostile text in the data stays text, and addresses that are not http(s) are left out', async () => {
  const hostile: Dataset = structuredClone(demo);
  hostile.agreement.municipality.name = 'Ond & "kommun" </foaf:name><foaf:Agent rdf:about="http://evil.example/">';
  hostile.agreement.municipality.website = 'javascript:alert(1)';
  hostile.agreement.documentUrl = 'ftp://example.org/avtal.pdf';
  hostile.agreement.title = { sv: 'Titel ]]> <x>', en: "It's <b>bold</b>" };
  const text = toDcatRdfXml(hostile, { publicUrl: 'https://samverkan.example.org' });
  const quads = await parse(text);
  const publisher = publisherIri('212000-0142');
  assert.equal(values(quads, publisher, `${FOAF}name`)[0]?.value, hostile.agreement.municipality.name);
  assert.equal(quads.some((q) => q.subject.value.startsWith('http://evil.example')), false);
  assert.equal(text.includes('javascript:'), false);
  assert.equal(text.includes('ftp://'), false);
  const [dataset] = subjectsOfType(quads, `${DCAT}Dataset`);
  const titles = values(quads, dataset!, `${DCT}title`) as RDF.Literal[];
  assert.deepEqual(titles.map((t) => [t.language, t.value]).sort(), [['en', "It's <b>bold</b>"], ['sv', 'Titel ]]> <x>']]);
});
