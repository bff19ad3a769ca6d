import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ContactSchema, datasetJsonSchema, OrganisationSchema, parseDataset, type Contact, type Organisation } from '@samverkan/sdk';
import { minimalDataset } from './fixtures/minimal.js';

// confirmedOn (contract additions, December 2026): when an organisation or a
// contact person was last confirmed to be current.
test('confirmedOn is kept on organisations and contacts, and typed as an optional date', () => {
  const data = minimalDataset();
  data.organisations[0].confirmedOn = '2026-11-02';
  data.contacts[0].confirmedOn = '2026-10-15';
  const { dataset, issues } = parseDataset(data);
  assert.deepEqual(issues, []);
  const organisation: Organisation = dataset.organisations[0]!;
  const contact: Contact = dataset.contacts[0]!;
  const a: string | undefined = organisation.confirmedOn;
  const b: string | undefined = contact.confirmedOn;
  assert.equal(a, '2026-11-02');
  assert.equal(b, '2026-10-15');
  assert.equal(dataset.organisations[1]!.confirmedOn, undefined);
});

test('a confirmedOn that is not a date drops the entry in lenient mode, with the path', () => {
  const data = minimalDataset();
  data.organisations[1].confirmedOn = '2026-13-01';
  data.contacts[0].confirmedOn = 'last week';
  const { dataset, issues } = parseDataset(data);
  assert.deepEqual(issues.map((i) => [i.path, i.message]), [
    ['organisations[1].confirmedOn', 'must be a date such as 2026-03-12'],
    ['contacts[0].confirmedOn', 'must be a date such as 2026-03-12'],
  ]);
  assert.equal(dataset.organisations.length, 2);
  assert.equal(OrganisationSchema.safeParse({ ...minimalDataset().organisations[1], confirmedOn: '2026-02-30' }).success, false);
  assert.equal(ContactSchema.safeParse({ ...minimalDataset().contacts[0], confirmedOn: '2026-02-28' }).success, true);
});

test('the JSON Schema has confirmedOn as a date on organisations and contacts', () => {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(datasetJsonSchema());
  const good = minimalDataset();
  good.organisations[0].confirmedOn = '2026-11-02';
  good.contacts[0].confirmedOn = '2026-10-15';
  assert.equal(validate(good), true, JSON.stringify(validate.errors));
  for (const list of ['organisations', 'contacts']) {
    const bad = minimalDataset();
    bad[list][0].confirmedOn = 'yesterday';
    assert.equal(validate(bad), false, list);
    assert.ok(validate.errors!.some((e) => e.instancePath === `/${list}/0/confirmedOn`), JSON.stringify(validate.errors));
  }
});
