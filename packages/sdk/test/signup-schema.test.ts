import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SignupApplicationSchema } from '@samverkan/sdk';

const valid = () => ({
  organisation: {
    name: 'Hovsjö Schackklubb',
    organisationNumber: '8024801238',
    form: 'non-profit-association',
    website: 'https://schack.example.org',
    email: 'info@schack.example.org',
    districts: ['Hovsjö'],
  },
  contact: { name: 'Sara Exempel', email: 'sara@schack.example.org', phone: '070-174 06 10' },
  acceptsPrinciples: true,
  consent: true,
  language: 'sv',
});

test('a complete application is valid, normalised, and loses unknown keys', () => {
  const input: any = valid();
  input.admin = true;
  input.organisation.signature = { via: 'adoption' };
  const result = SignupApplicationSchema.safeParse(input);
  assert.ok(result.success);
  assert.equal(result.data.organisation.organisationNumber, '802480-1238');
  assert.equal('admin' in result.data, false);
  assert.equal('signature' in result.data.organisation, false);
});

test('principles and consent must be accepted, and required fields given', () => {
  const input: any = valid();
  input.acceptsPrinciples = false;
  delete input.consent;
  delete input.contact.email;
  input.organisation.website = 'javascript:alert(1)';
  const result = SignupApplicationSchema.safeParse(input);
  assert.equal(result.success, false);
  const paths = [...new Set(result.error!.issues.map((i) => i.path.join('.')))].sort();
  assert.deepEqual(paths, ['acceptsPrinciples', 'consent', 'contact.email', 'organisation.website']);
});
