import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { datasetJsonSchema } from '@samverkan/sdk';
import { minimalDataset } from './fixtures/minimal.js';

// An independent validator (ajv) checks the demo dataset against the JSON
// Schema generated from the zod schemas, so the two cannot drift apart.
const demo = JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(datasetJsonSchema());

test('the demo dataset and the test fixture are valid against the generated JSON Schema', () => {
  for (const data of [demo, minimalDataset()]) {
    const ok = validate(data);
    assert.equal(ok, true, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  }
});

test('the JSON Schema rejects what the zod schemas reject structurally', () => {
  const cases: [string, (d: any) => void][] = [
    ['a wrong schemaVersion', (d) => (d.schemaVersion = '2')],
    ['an unknown organisation form', (d) => (d.organisations[0].form = 'club')],
    ['a date-time without an offset', (d) => (d.meetings[0].start = '2026-03-12T18:00:00')],
    ['a missing agreement', (d) => delete d.agreement],
    ['a text that is a number', (d) => (d.principles[0].title = 7)],
  ];
  for (const [what, mutate] of cases) {
    const data = minimalDataset();
    mutate(data);
    assert.equal(validate(data), false, what);
  }
});

test('the built file @samverkan/sdk/dataset.schema.json, when present, equals the generated schema', (t) => {
  let built: string;
  try {
    built = readFileSync(new URL('../dist/dataset.schema.json', import.meta.url), 'utf8');
  } catch {
    t.skip('the SDK is not built');
    return;
  }
  assert.deepEqual(JSON.parse(built), datasetJsonSchema(), 'dist/dataset.schema.json is out of date: run npm run build');
});
