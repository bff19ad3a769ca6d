import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isValidationError, parseDataset } from '@samverkan/sdk';

const demo = JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));
const LISTS = ['principles', 'developmentAreas', 'organisations', 'contacts', 'meetings'] as const;

test('lenient parsing of arbitrary JSON never throws anything but a ValidationError', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      try {
        parseDataset(value);
      } catch (error) {
        if (!isValidationError(error)) throw error;
      }
    }),
    { numRuns: 2000 },
  );
});

test('arbitrary values inside a valid top level never throw, and the result keeps its shape', () => {
  const entry = fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('id', 'name', 'title', 'form', 'start', 'end', 'kind', 'website', 'x'), fc.jsonValue()));
  fc.assert(
    fc.property(fc.constantFrom(...LISTS), fc.array(entry, { maxLength: 8 }), (list, entries) => {
      const { dataset, issues } = parseDataset({ ...demo, [list]: entries });
      assert.ok(Array.isArray(dataset[list]));
      assert.ok(dataset[list].length + issues.filter((i) => i.segments[0] === list).length >= 0);
    }),
    { numRuns: 500 },
  );
});

// Ways to break one entry. Each makes the entry invalid on its own, never
// another entry (ids stay unique).
const breakers: Record<string, ((entry: any) => void)[]> = {
  common: [
    (e) => delete e.id,
    (e) => (e.id = ''),
    (e) => (e.id = 42),
  ],
  organisations: [
    (e) => (e.website = 'javascript:alert(1)'),
    (e) => (e.form = 'club'),
    (e) => (e.email = 'no-at-sign'),
    (e) => (e.name = ''),
    (e) => (e.organisationNumber = '000000-0000'),
    (e) => (e.signature = { signedOn: 'yesterday', via: 'adoption' }),
  ],
  contacts: [(e) => (e.title = { en: 'no Swedish' }), (e) => (e.topics = 'not a list'), (e) => (e.phone = 'x')],
  meetings: [(e) => (e.end = e.start), (e) => (e.start = '2026-01-01 10:00'), (e) => (e.kind = 'party'), (e) => (e.location = { onlineUrl: 'data:,x' })],
  principles: [(e) => (e.title = null), (e) => (e.commitments = [{ id: 'x', party: 'nobody', text: 'y' }])],
  developmentAreas: [(e) => (e.actions = [{ id: 'a' }]), (e) => (e.title = [])],
};

test('mutated copies of the demo dataset keep every valid entry and drop exactly the broken ones', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...LISTS),
      fc.uniqueArray(fc.nat({ max: 200 }), { minLength: 1, maxLength: 10 }),
      fc.nat(),
      (list, rawIndexes, pick) => {
        const copy = structuredClone(demo);
        const entries = copy[list] as any[];
        const broken = new Set(rawIndexes.map((i) => i % entries.length));
        const options = [...breakers.common!, ...breakers[list]!];
        for (const index of broken) options[(pick + index) % options.length]!(entries[index]);
        // Contacts may refer to principles we broke; those references are removed, not the contacts.
        const { dataset, issues } = parseDataset(copy);
        const expected = (demo[list] as { id: string }[]).filter((_, i) => !broken.has(i)).map((e) => e.id);
        assert.deepEqual((dataset[list] as { id: string }[]).map((e) => e.id), expected);
        const reported = new Set(issues.filter((i) => i.segments[0] === list).map((i) => i.segments[1]));
        assert.deepEqual([...reported].sort(), [...broken].sort());
        for (const other of LISTS) {
          if (other !== list) assert.equal(dataset[other].length, (demo[other] as unknown[]).length, other);
        }
      },
    ),
    { numRuns: 300 },
  );
});
