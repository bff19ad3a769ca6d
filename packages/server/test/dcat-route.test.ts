// GET /datasets/dcat over real HTTP: the catalogue parsed by a real RDF
// parser, absolute IRIs from SAMVERKAN_PUBLIC_URL or the request's address,
// conditional GET, a new catalogue after a change.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import type * as RDF from '@rdfjs/types';
import { ADMIN_TOKEN, application, postSignup, start, type Running } from './helpers.js';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const DCAT = 'http://www.w3.org/ns/dcat#';

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

/** A GET with headers fetch() may not set (Host). */
function get(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every IRI in the catalogue that names one of its own resources (not a vocabulary or the publisher's portal IRI). */
function ownIris(quads: RDF.Quad[], catalog: string): string[] {
  return quads.map((q) => q.subject).filter((s) => s.termType === 'NamedNode' && s.value.startsWith(catalog.split('/datasets/')[0]!)).map((s) => s.value);
}

let withUrl: Running;
let fromRequest: Running;
let behindProxy: Running;

before(async () => {
  withUrl = await start({ publicUrl: 'https://samverkan.sodertalje.example', adminToken: ADMIN_TOKEN });
  fromRequest = await start();
  behindProxy = await start({ trustProxy: true });
});
after(async () => {
  await Promise.all([withUrl.close(), fromRequest.close(), behindProxy.close()]);
});

test('the catalogue is RDF/XML with absolute IRIs under SAMVERKAN_PUBLIC_URL and no blank nodes; 304 for its ETag; HEAD; 405 for POST', async () => {
  const res = await fetch(`${withUrl.base}/datasets/dcat`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/rdf+xml; charset=utf-8');
  assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
  const etag = res.headers.get('etag')!;
  assert.match(etag, /^"[\w-]+"$/);
  const quads = await parse(await res.text());
  const catalogs = quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${DCAT}Catalog`).map((q) => q.subject.value);
  assert.deepEqual(catalogs, ['https://samverkan.sodertalje.example/datasets/dcat']);
  const datasets = quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${DCAT}Dataset`).map((q) => q.subject.value);
  assert.equal(datasets.length, 1);
  assert.ok(datasets[0]!.startsWith('https://samverkan.sodertalje.example/'));
  assert.equal(quads.filter((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode').length, 0, 'no blank nodes');
  const accessUrls = quads.filter((q) => q.predicate.value === `${DCAT}accessURL` || q.predicate.value === `${DCAT}downloadURL`).map((q) => q.object.value);
  assert.ok(accessUrls.length >= 2);
  for (const url of accessUrls) assert.ok(url.startsWith('https://samverkan.sodertalje.example/'), url);
  assert.ok(!quads.some((q) => q.subject.value.includes('127.0.0.1')), 'the request’s address is not used when the public URL is set');

  const again = await fetch(`${withUrl.base}/datasets/dcat`, { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  const head = await fetch(`${withUrl.base}/datasets/dcat`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('etag'), etag);
  const post = await fetch(`${withUrl.base}/datasets/dcat`, { method: 'POST' });
  assert.equal(post.status, 405);
  assert.equal(post.headers.get('allow'), 'GET, HEAD');
});

test('an approval publishes a new version: the catalogue changes (new modified date and ETag)', async () => {
  const before = await fetch(`${withUrl.base}/datasets/dcat`);
  const etag = before.headers.get('etag')!;
  await before.text();
  const posted = await postSignup(withUrl.base, application());
  const { id } = (await posted.json()) as { id: string };
  const approved = await withUrl.admin(`/api/v1/signups/${id}/approve`, { method: 'POST' });
  assert.equal(approved.status, 200);
  const after = await fetch(`${withUrl.base}/datasets/dcat`, { headers: { 'If-None-Match': etag } });
  assert.equal(after.status, 200);
  assert.notEqual(after.headers.get('etag'), etag);
  const dataset = (await (await fetch(`${withUrl.base}/api/v1/dataset`)).json()) as { updatedAt: string };
  assert.ok((await after.text()).includes(`>${dataset.updatedAt}</dcterms:modified>`));
});

test('without a public URL the IRIs come from the Host the request was sent to; forwarded headers count only behind a trusted proxy', async () => {
  const plain = await get(fromRequest.base, '/datasets/dcat', { Host: 'data.Kommun.example:8443', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' });
  assert.equal(plain.status, 200);
  const quads = await parse(plain.body);
  assert.ok(quads.some((q) => q.subject.value === 'http://data.kommun.example:8443/datasets/dcat'));
  assert.ok(!plain.body.includes('evil.example'), 'X-Forwarded-Host is ignored without SAMVERKAN_TRUST_PROXY');
  assert.ok(ownIris(quads, 'http://data.kommun.example:8443/datasets/dcat').length > 0);

  const proxied = await get(behindProxy.base, '/datasets/dcat', { Host: '10.0.0.5:8080', 'X-Forwarded-Host': 'samverkan.kommun.example', 'X-Forwarded-Proto': 'https' });
  assert.equal(proxied.status, 200);
  assert.ok((await parse(proxied.body)).some((q) => q.subject.value === 'https://samverkan.kommun.example/datasets/dcat'));
  assert.equal(proxied.headers.vary, 'Host');
});

test('a Host that is not a host name gets 400 and no catalogue', async () => {
  for (const host of ['evil.example/"><x', 'a b', 'exa_mple..org']) {
    const res = await get(fromRequest.base, '/datasets/dcat', { Host: host });
    assert.equal(res.status, 400, host);
    assert.match(res.body, /SAMVERKAN_PUBLIC_URL/);
    assert.doesNotMatch(res.body, /rdf:RDF/);
  }
});
