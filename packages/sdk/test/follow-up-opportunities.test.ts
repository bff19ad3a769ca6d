import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import {
  datasetJsonSchema,
  FOLLOW_UP_STATUSES,
  isValidationError,
  OpportunitySchema,
  parseDataset,
  validateOpportunityOffer,
  type Issue,
} from '@samverkan/sdk';
import { minimalDataset } from './fixtures/minimal.js';

const demo = () => JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));
const at = (issues: Issue[]) => issues.map((i) => `${i.path}: ${i.message}`);

function withFollowUpAndOpportunity(): any {
  const d = minimalDataset();
  d.followUps = [
    {
      id: 'fu-2025',
      year: 2025,
      publishedOn: '2026-02-17',
      summary: { sv: 'Sammanfattning', en: 'Summary' },
      documentUrl: 'https://kommun.example.org/uppfoljning-2025.pdf',
      commitments: [
        { commitmentId: 'openness-m1', status: 'done', note: 'Klart', evidence: [{ title: 'Protokoll', url: 'https://kommun.example.org/p.pdf' }] },
        { commitmentId: 'openness-b1', status: 'in-progress' },
      ],
    },
  ];
  d.opportunities = [
    {
      id: 'op-1',
      organisationId: 'alpha',
      title: { sv: 'Ledare', en: 'Leader' },
      description: 'Led träningar.',
      districts: ['Centrum'],
      activities: ['idrott'],
      languages: ['sv'],
      timeCommitment: '2 timmar i veckan',
      start: '2027-01-10',
      end: '2027-06-10',
      publishedOn: '2026-11-01',
      validThrough: '2027-05-31',
      contact: { email: 'ledare@alfa.example.org' },
    },
  ];
  return d;
}

describe('follow-ups and opportunities: the demo dataset', () => {
  test('has at least two years of follow-up, each covering every commitment, and 25 opportunities from signatories', () => {
    const { dataset, issues } = parseDataset(demo(), { strict: true });
    assert.deepEqual(issues, []);
    const commitments = dataset.principles.flatMap((p) => p.commitments.map((c) => c.id)).sort();
    assert.ok(dataset.followUps.length >= 2);
    for (const report of dataset.followUps) {
      assert.deepEqual(report.commitments.map((c) => c.commitmentId).sort(), commitments, `report ${report.year}`);
      for (const entry of report.commitments) assert.ok((FOLLOW_UP_STATUSES as readonly string[]).includes(entry.status));
    }
    assert.equal(dataset.opportunities.length, 25);
    const signatories = new Set(dataset.organisations.filter((o) => o.signature).map((o) => o.id));
    for (const o of dataset.opportunities) {
      assert.ok(signatories.has(o.organisationId), o.id);
      assert.equal(typeof o.title === 'object' && typeof o.title['en'], 'string', `${o.id} has an English title`);
    }
  });

  test('is valid against the generated JSON Schema, which knows followUps and opportunities', () => {
    const schema = datasetJsonSchema() as { properties: Record<string, unknown> };
    assert.ok(schema.properties['followUps']);
    assert.ok(schema.properties['opportunities']);
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    assert.equal(validate(demo()), true, JSON.stringify(validate.errors?.slice(0, 3)));
    const bad = demo();
    bad.followUps[0].commitments[0].status = 'finished';
    assert.equal(validate(bad), false, 'an unknown status');
    const noContact = demo();
    delete noContact.opportunities[0].contact;
    assert.equal(validate(noContact), false, 'an opportunity without contact');
  });
});

describe('follow-ups: rules and references', () => {
  test('a valid follow-up and opportunity are read with no issues; evidence defaults to a list', () => {
    const { dataset, issues } = parseDataset(withFollowUpAndOpportunity());
    assert.deepEqual(issues, []);
    assert.equal(dataset.followUps[0]!.commitments[1]!.evidence.length, 0);
    assert.equal(dataset.opportunities[0]!.organisationId, 'alpha');
  });

  test('a status for a commitment that does not exist is left out and reported at its path; strict throws', () => {
    const d = withFollowUpAndOpportunity();
    d.followUps[0].commitments.push({ commitmentId: 'dialogue-m9', status: 'done' });
    const { dataset, issues } = parseDataset(d);
    assert.deepEqual(at(issues), [
      'followUps[0].commitments[2].commitmentId: refers to commitment "dialogue-m9", which no principle in the dataset has; the entry was left out',
    ]);
    assert.deepEqual(dataset.followUps[0]!.commitments.map((c) => c.commitmentId), ['openness-m1', 'openness-b1']);
    assert.equal(d.followUps[0].commitments.length, 3, 'the input is not changed');
    assert.throws(() => parseDataset(d, { strict: true }), (e) => isValidationError(e) && e.issues[0]!.path === 'followUps[0].commitments[2].commitmentId');
  });

  test('a second status for one commitment and a second report for one year are left out', () => {
    const d = withFollowUpAndOpportunity();
    d.followUps[0].commitments.push({ commitmentId: 'openness-m1', status: 'not-done' });
    d.followUps.push({ ...structuredClone(d.followUps[0]), id: 'fu-2025-b' });
    const { dataset, issues } = parseDataset(d);
    assert.deepEqual(
      issues.map((i) => [i.path, i.code]),
      [
        ['followUps[0].commitments[2].commitmentId', 'duplicate-id'],
        ['followUps[1].year', 'duplicate-year'],
      ],
    );
    assert.equal(dataset.followUps.length, 1);
    assert.equal(dataset.followUps[0]!.commitments.find((c) => c.commitmentId === 'openness-m1')!.status, 'done');
  });

  test('a broken report is dropped on its own with clear messages', () => {
    const d = withFollowUpAndOpportunity();
    d.followUps.push({ id: 'fu-bad', year: 'tjugo', commitments: [{ commitmentId: 'openness-m1', status: 'finished', evidence: [{ title: 'x', url: 'javascript:alert(1)' }] }] });
    const { dataset, issues } = parseDataset(d);
    assert.equal(dataset.followUps.length, 1);
    const messages = at(issues);
    assert.ok(messages.some((m) => m.startsWith('followUps[1].year: must be a year')), messages.join('\n'));
    assert.ok(messages.includes('followUps[1].commitments[0].status: must be one of "not-started", "in-progress", "done", "not-done"'), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('followUps[1].commitments[0].evidence[0].url: must be a web address')), messages.join('\n'));
  });

  test('a note in a language without the default language is refused', () => {
    const d = withFollowUpAndOpportunity();
    d.followUps[0].commitments[0].note = { en: 'Done' };
    const { issues } = parseDataset(d);
    assert.deepEqual(at(issues), ['followUps[0].commitments[0].note: must have a text in the default language "sv"']);
  });
});

describe('opportunities: rules and references', () => {
  test('an opportunity of an organisation that does not exist is left out and reported', () => {
    const d = withFollowUpAndOpportunity();
    d.opportunities[0].organisationId = 'nobody';
    const { dataset, issues } = parseDataset(d);
    assert.equal(dataset.opportunities.length, 0);
    assert.deepEqual(at(issues), ['opportunities[0].organisationId: refers to organisation "nobody", which the dataset does not have; the opportunity was left out']);
  });

  test('needs at least one way to get in touch, and only http(s) web addresses', () => {
    const d = withFollowUpAndOpportunity();
    const base = d.opportunities[0];
    const problems = (contact: unknown) => {
      const r = OpportunitySchema.safeParse({ ...base, contact });
      return r.success ? [] : [...new Set(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))];
    };
    assert.deepEqual(problems({}), ['contact: must give at least one way to get in touch: an e-mail address, a phone number or a web address']);
    assert.deepEqual(problems({ url: 'javascript:alert(1)' }), ['contact.url: must be a web address starting with http:// or https://']);
    assert.deepEqual(problems({ phone: '08-550 101 20' }), []);
    assert.deepEqual(problems({ url: 'https://alfa.example.org/volontar' }), []);
  });

  test('the end must not be before the start, nor validThrough before publishedOn', () => {
    const d = withFollowUpAndOpportunity();
    d.opportunities[0].end = '2027-01-01';
    d.opportunities[0].validThrough = '2026-10-01';
    const { issues } = parseDataset(d);
    assert.deepEqual(at(issues), ['opportunities[0].end: must not be before the start', 'opportunities[0].validThrough: must not be before publishedOn']);
  });
});

describe('validateOpportunityOffer (the body of POST /api/v1/opportunities)', () => {
  const offer = () => ({
    organisationNumber: '8024801238',
    title: 'Ledare för träningar',
    description: 'Led träningar för barn.',
    districts: ['Centrum'],
    validThrough: '2027-05-31',
    contact: { email: 'ledare@alfa.example.org' },
    consent: true,
    language: 'sv',
  });

  test('accepts a complete offer and normalises the organisation number', () => {
    const result = validateOpportunityOffer(offer());
    assert.equal(result.success, true);
    assert.equal(result.success && result.data.organisationNumber, '802480-1238');
  });

  test('names each problem by its path', () => {
    const result = validateOpportunityOffer({ ...offer(), organisationNumber: '802480-1237', title: ' ', consent: false, contact: {}, start: '2027-02-01', end: '2027-01-01' });
    assert.equal(result.success, false);
    const paths = !result.success ? result.issues.map((i) => i.path) : [];
    assert.deepEqual(paths.sort(), ['consent', 'contact', 'organisationNumber', 'title'].sort());
    const ends = validateOpportunityOffer({ ...offer(), start: '2027-02-01', end: '2027-01-01' });
    assert.deepEqual(!ends.success && ends.issues.map((i) => `${i.path}: ${i.message}`), ['end: must not be before the start']);
  });
});
