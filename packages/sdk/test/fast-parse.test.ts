import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { DatasetHeaderSchema, entitySchemas } from '@samverkan/sdk';
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
  ['followUps', schemas.FollowUp],
  ['opportunities', schemas.Opportunity],
] as const;

/**
 * Where the fast path made a new object (it returns an unchanged input object
 * itself, keys in the input's order), its keys come in zod's order, which
 * JSON.stringify of a result shows.
 */
function sameOrderWhereCopied(fast: unknown, slow: unknown, input: unknown): void {
  if (typeof fast !== 'object' || fast === null || fast === input) return;
  if (!Array.isArray(fast)) assert.deepEqual(Object.keys(fast), Object.keys(slow as object));
  for (const key of Object.keys(fast)) {
    const from = typeof input === 'object' && input !== null && Object.prototype.hasOwnProperty.call(input, key) ? (input as Record<string, unknown>)[key] : undefined;
    sameOrderWhereCopied((fast as Record<string, unknown>)[key], (slow as Record<string, unknown>)[key], from);
  }
}

function agree(schema: z.ZodMiniType, value: unknown) {
  const fast = compile(schema)(value);
  const slow = schema.safeParse(value);
  if (slow.success) {
    assert.deepEqual(fast, slow.data);
    sameOrderWhereCopied(fast, slow.data, value);
  } else assert.equal(fast, FAIL, `zod rejects but the fast path accepts: ${JSON.stringify(value)}`);
}

test('fast path and zod agree on every entry of the demo dataset', () => {
  for (const [list, schema] of pairs) for (const entry of demo[list]) agree(schema, entry);
});

test('fast path and zod agree on mutated entries', () => {
  const field = fc.constantFrom(
    'id', 'name', 'title', 'form', 'website', 'email', 'phone', 'organisationNumber', 'districts', 'languages',
    'signature', 'start', 'end', 'kind', 'status', 'location', 'topics', 'unit', 'principles', 'commitments', 'description', 'sequence',
    'year', 'summary', 'documentUrl', 'organisationId', 'contact', 'validThrough', 'publishedOn', 'timeCommitment',
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

test('fast path and zod agree where only a later value changes or unknown keys are dropped', () => {
  // The fast path copies an object or record only from its first changed
  // value on; what came before must be in the copy, in order.
  const organisation = demo.organisations.find((o: { website?: string }) => o.website);
  agree(schemas.Organisation, { ...organisation, website: 'HTTPS://Example.ORG' });
  agree(schemas.Organisation, { ...organisation, unknown: 1, другой: 'x' });
  agree(schemas.Organisation, { ...organisation, description: { sv: 'Text', en: '  padded  ', fi: 'Teksti' } });
  agree(schemas.Organisation, { ...organisation, description: { sv: 'Text', 'bad tag': 'x' } });
  agree(schemas.Meeting, { ...demo.meetings[0], status: undefined, unknown: true });
  const text = fc.oneof(fc.constantFrom('Text', ' padded ', '', '\t'), fc.string({ maxLength: 3 }));
  // Plain objects, as JSON.parse makes them (fast-check's may have no prototype).
  const localized = fc.dictionary(fc.constantFrom('sv', 'en', 'fi', 'ar', 'x', 'sv-FI', '__proto__', '1'), text, { maxKeys: 4 }).map((d) => ({ ...d }));
  fc.assert(
    fc.property(fc.constantFrom(...demo.organisations), localized, fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue(), { maxKeys: 2 }).map((d) => ({ ...d })), (entry, description, extra) => {
      agree(schemas.Organisation, { ...entry, description, ...extra });
    }),
    { numRuns: 1000 },
  );
});

test('fast path and zod agree on the dataset header', () => {
  const header = { ...demo };
  agree(DatasetHeaderSchema, header);
  const key = fc.constantFrom('schemaVersion', 'updatedAt', 'defaultLanguage', 'languages', 'timeZone', 'agreement', 'principles', 'organisations', 'contacts', 'meetings', 'other');
  const odd = fc.oneof(fc.jsonValue(), fc.constantFrom(undefined, '1', 1, 'Europe/Stockholm', 'Mars/Olympus', '2026-11-20T09:00:00+01:00', '2026-11-20', 'sv', 'not a tag', [], ['sv', 'x y'], {}, null));
  fc.assert(
    fc.property(key, odd, (k, value) => {
      agree(DatasetHeaderSchema, { ...header, [k]: value });
    }),
    { numRuns: 1000 },
  );
  // Lists are kept as they are (no copy).
  const fast = compile(DatasetHeaderSchema as unknown as z.ZodMiniType)(header) as { organisations: unknown };
  assert.equal(fast.organisations, header.organisations);
});

test('a value that failed leaves nothing behind for the next one (checks that look at earlier issues)', () => {
  // The meeting's end-after-start refine runs only when nothing failed before
  // it; the fast path reuses its check state from one value to the next.
  const meeting = demo.meetings[0];
  const fast = compile(schemas.Meeting);
  assert.equal(fast({ ...meeting, start: 'not a date' }), FAIL);
  assert.equal(fast({ ...meeting, end: meeting.start }), FAIL);
  assert.equal(fast({ ...meeting, title: '' }), FAIL);
  assert.equal(fast({ ...meeting, start: meeting.end, end: meeting.start }), FAIL);
  assert.notEqual(fast(meeting), FAIL);
});

test('fast path and zod agree on strings at the edges of length checks, with surrogate pairs', () => {
  const organisation = demo.organisations[0];
  const edges = ['', ' ', 'a', '😀', '\uD800', 'a'.repeat(128), 'a'.repeat(129), '😀'.repeat(64), '😀'.repeat(65), `a${'😀'.repeat(64)}`];
  for (const value of edges) {
    agree(schemas.Organisation, { ...organisation, id: value });
    agree(schemas.Organisation, { ...organisation, name: value });
    agree(schemas.Organisation, { ...organisation, districts: [value] });
  }
});
