import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { entitySchemas } from '@samverkan/sdk';
import { compile, FAIL } from '../src/fast-parse.js';

// The fast path must agree with zod on every value: the same output when zod
// accepts it, FAIL when zod rejects it. (parseDataset falls back to zod on
// FAIL, so a false FAIL only costs time; a false success would be a bug.)
const demo = JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));
const schemas = entitySchemas('sv');
const pairs = [
  ['organisations', schemas.Organisation],
  ['contacts', schemas.Contact],
  ['meetings', schemas.Meeting],
  ['principles', schemas.Principle],
  ['developmentAreas', schemas.DevelopmentArea],
] as const;

function agree(schema: (typeof pairs)[number][1], value: unknown) {
  const fast = compile(schema)(value);
  const slow = schema.safeParse(value);
  if (slow.success) assert.deepEqual(fast, slow.data);
  else assert.equal(fast, FAIL, `zod rejects but the fast path accepts: ${JSON.stringify(value)}`);
}

test('fast path and zod agree on every entry of the demo dataset', () => {
  for (const [list, schema] of pairs) for (const entry of demo[list]) agree(schema, entry);
});

test('fast path and zod agree on mutated entries', () => {
  const field = fc.constantFrom(
    'id', 'name', 'title', 'form', 'website', 'email', 'phone', 'organisationNumber', 'districts', 'languages',
    'signature', 'start', 'end', 'kind', 'status', 'location', 'topics', 'unit', 'principles', 'commitments', 'description', 'sequence',
  );
  const odd = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom('', ' ', 'javascript:alert(1)', 'https://x.example.org', 'a@b.se', '2026-03-29T02:30:00+02:00', '802480-1238', { en: 'x' }, { sv: '' }, { sv: 'ok', 'not a tag': 'x' }, [], null, -1, 1.5),
  );
  fc.assert(
    fc.property(fc.constantFrom(...pairs), fc.nat(), field, odd, ([list, schema], index, key, value) => {
      const entries = demo[list] as Record<string, unknown>[];
      const entry = structuredClone(entries[index % entries.length]!);
      entry[key] = value;
      agree(schema, entry);
    }),
    { numRuns: 3000 },
  );
});
