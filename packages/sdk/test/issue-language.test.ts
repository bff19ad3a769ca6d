import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entryLabel, isValidationError, localizeIssue, pathWithEntry, parseDataset, type Issue } from '@samverkan/sdk';
import { readFileSync } from 'node:fs';
import { minimalDataset } from './fixtures/minimal.js';

const demo = JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));

// Ways to break the minimal dataset, one problem each, covering the schemas' messages.
const breakers: ((d: any) => void)[] = [
  (d) => (d.organisations[0].name = ''),
  (d) => delete d.organisations[0].name,
  (d) => (d.organisations[0].name = 5),
  (d) => (d.organisations[0].id = 'has space'),
  (d) => (d.organisations[0].id = 'x'.repeat(129)),
  (d) => (d.organisations[0].form = 'club'),
  (d) => (d.organisations[0].website = 'ftp://x.example.org'),
  (d) => (d.organisations[0].email = 'nope'),
  (d) => (d.organisations[0].phone = '12'),
  (d) => (d.organisations[0].organisationNumber = '802480-1239'),
  (d) => (d.organisations[0].languages = ['not a tag']),
  (d) => (d.organisations[0].signature = { signedOn: '2025-13-01', via: 'adoption' }),
  (d) => (d.organisations[0].signature = { signedOn: '2025-01-01', via: 'mail' }),
  (d) => (d.organisations[0].districts = 'Centrum'),
  (d) => (d.organisations[0].description = { en: 'only English' }),
  (d) => (d.organisations[0].description = {}),
  (d) => (d.organisations[0].description = 7),
  (d) => (d.organisations[1].id = 'alpha'),
  (d) => (d.contacts[0].principles = ['openness', 'missing']),
  (d) => (d.meetings[0].end = d.meetings[0].start),
  (d) => (d.meetings[0].start = '2026-03-12 18:00'),
  (d) => (d.meetings[0].start = '2026-06-12T18:00:00+01:00'),
  (d) => (d.meetings[0].sequence = -1),
  (d) => (d.meetings[0].status = 'maybe'),
  (d) => (d.agreement.revisionIntervalYears = 0),
  (d) => (d.agreement.adoptedOn = 'May 2023'),
  (d) => (d.timeZone = 'Mars/Olympus'),
  (d) => (d.schemaVersion = '2'),
  // Follow-ups and opportunities (contract additions), on entries copied from the demo.
  (d) => (d.followUps = [{ ...demo.followUps[0], year: 1999 }]),
  (d) => (d.followUps = [{ ...demo.followUps[0], year: 2300 }]),
  (d) => (d.followUps = [{ ...demo.followUps[0], year: 'last' }]),
  (d) => (d.followUps = [demo.followUps[0], { ...demo.followUps[0], id: 'again' }]),
  (d) => (d.followUps = [{ ...demo.followUps[0], commitments: [{ commitmentId: 'nope', status: 'done' }] }]),
  (d) => (d.followUps = [{ ...demo.followUps[0], commitments: [{ commitmentId: 'openness-m1', status: 'done' }, { commitmentId: 'openness-m1', status: 'done' }] }]),
  (d) => (d.opportunities = [{ ...demo.opportunities[0], organisationId: 'alpha', contact: {} }]),
  (d) => (d.opportunities = [{ ...demo.opportunities[0], organisationId: 'nobody' }]),
  (d) => (d.opportunities = [{ ...demo.opportunities[0], organisationId: 'alpha', validThrough: '2000-01-01' }]),
];

test('every issue the schemas and parseDataset give is said in Swedish too', () => {
  const untranslated: string[] = [];
  for (const breakIt of breakers) {
    const data = minimalDataset();
    breakIt(data);
    let issues: Issue[];
    try {
      issues = parseDataset(data).issues;
    } catch (error) {
      assert.ok(isValidationError(error));
      issues = error.issues;
    }
    assert.ok(issues.length > 0, String(breakIt));
    for (const issue of issues) {
      const sv = localizeIssue(issue, 'sv');
      assert.equal(sv.path, issue.path);
      assert.equal(sv.code, issue.code);
      if (sv.message === issue.message) untranslated.push(issue.message);
    }
  }
  assert.deepEqual(untranslated, []);
});

test('Swedish messages keep the facts: values, numbers, ids', () => {
  const duplicate = minimalDataset();
  duplicate.organisations[1].id = 'alpha';
  const form = minimalDataset();
  form.organisations[0].form = 'club';
  const messages = [...parseDataset(duplicate).issues, ...parseDataset(form).issues].map((i) => localizeIssue(i, 'sv').message);
  assert.ok(messages.includes('"alpha" används redan av en annan post i organisations; posten utelämnades'), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('måste vara en av "non-profit-association", "foundation"')), messages.join('\n'));
  // A message the table does not know stays as it is rather than being lost.
  assert.equal(localizeIssue({ path: '', segments: [], code: 'x', message: 'something new' }, 'sv').message, 'something new');
});

test('entryLabel and pathWithEntry name an entry by name, title (default language) or id', () => {
  assert.equal(entryLabel({ id: 'a', name: '  Hovsjö   IF ' }), 'Hovsjö IF');
  assert.equal(entryLabel({ id: 'a', title: { en: 'Openness', sv: 'Öppenhet' } }, 'sv'), 'Öppenhet');
  assert.equal(entryLabel({ id: 'a', title: { en: 'Openness' } }, 'sv'), 'Openness');
  assert.equal(entryLabel({ id: 'a', name: '' }), 'a');
  assert.equal(entryLabel({ name: 'x'.repeat(100) })!.length, 60);
  assert.equal(entryLabel('text'), undefined);
  const data = { defaultLanguage: 'sv', organisations: [{ name: 'Alfa' }], meetings: [{ id: 'm-1', title: { sv: 'Dialogmöte' } }] };
  assert.equal(pathWithEntry(['organisations', 0, 'name'], data), 'organisations[0] (Alfa).name');
  assert.equal(pathWithEntry(['meetings', 0, 'location', 'name', 'sv'], data), 'meetings[0] (Dialogmöte).location.name.sv');
  assert.equal(pathWithEntry(['organisations', 0], data), 'organisations[0] (Alfa)');
  assert.equal(pathWithEntry(['organisations', 5, 'name'], data), 'organisations[5].name');
  assert.equal(pathWithEntry(['timeZone'], data), 'timeZone');
});
