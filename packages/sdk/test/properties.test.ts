import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ENTITY_OF_LIST, entitySchemas, isValidationError, parseDataset, type Issue } from '@samverkan/sdk';
import { breakers, demo, entryOf, LISTS } from './helpers/dataset-arbitraries.js';

/**
 * An issue that removes something inside a kept entry (a contact's reference
 * to a missing principle, a follow-up's status for a missing commitment)
 * rather than dropping the entry.
 */
const removesInside = (issue: Issue) => issue.segments.length >= 4 && (issue.code === 'unknown-reference' || issue.code === 'duplicate-id');

test('lenient parsing of arbitrary JSON never throws anything but a ValidationError, and that error always names a problem', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      try {
        parseDataset(value);
      } catch (error) {
        if (!isValidationError(error)) throw error;
        assert.ok(error.issues.length > 0, 'a ValidationError without issues');
      }
    }),
    { numRuns: 2000 },
  );
});

test('a changed top-level field is reported at that field, or where the data depends on it, and nowhere else', () => {
  // Everything else in the demo is valid, so a problem is at the changed key,
  // or follows from it: texts need the default language, contacts refer to
  // principles, meeting offsets follow the time zone.
  const key = fc.constantFrom('schemaVersion', 'updatedAt', 'languages', 'timeZone', 'agreement', ...LISTS);
  const dependsOn = (k: string, issue: Issue) =>
    issue.segments[0] === k ||
    (k === 'principles' && (issue.segments[0] === 'contacts' || issue.segments[0] === 'followUps') && issue.code === 'unknown-reference') ||
    (k === 'organisations' && issue.segments[0] === 'opportunities' && issue.code === 'unknown-reference') ||
    (k === 'timeZone' && issue.segments[0] === 'meetings' && issue.code === 'meeting-offset');
  const value = fc.oneof(fc.jsonValue(), fc.constantFrom('Europe/London', 'America/New_York', 'UTC', '1', 'sv', [], {}));
  fc.assert(
    fc.property(key, value, (k, v) => {
      let issues: Issue[];
      try {
        issues = parseDataset({ ...demo, [k]: v }).issues;
      } catch (error) {
        if (!isValidationError(error)) throw error;
        assert.ok(error.issues.length > 0);
        for (const issue of error.issues) assert.equal(issue.segments[0], k, `${k} = ${JSON.stringify(v)}: ${issue.path}`);
        return;
      }
      for (const issue of issues) assert.ok(dependsOn(k, issue), `${k} = ${JSON.stringify(v)}: ${issue.path} ${issue.message}`);
      // A zone other than Stockholm's offsets makes the demo's meetings wrong: each is reported, none kept silently.
      if (k === 'timeZone' && (v === 'America/New_York' || v === 'UTC')) assert.ok(issues.length > 0);
    }),
    { numRuns: 1000 },
  );
});

/**
 * The property lenient parsing promises, for any entries in one list inside a
 * valid top level: every entry is either kept or dropped with an issue at its
 * index; the kept ones are the input's entries that were not dropped, in
 * their order; ids stay unique; and what comes out is itself a valid dataset
 * (reading it again gives no issues and the same data).
 */
test('arbitrary entries in a list: each kept or dropped with an issue at its index, in order, and the result reads back unchanged', () => {
  const SCHEMA = ENTITY_OF_LIST;
  const schemas = entitySchemas(demo.defaultLanguage);
  fc.assert(
    fc.property(
      fc.constantFrom(...LISTS).chain((list) => fc.tuple(fc.constant(list), fc.array(entryOf(list), { maxLength: 8 }))),
      ([list, entries]) => {
        const { dataset, issues } = parseDataset({ ...demo, [list]: entries });
        // A contact's unknown principle is removed from the contact, which is kept (and so on: removesInside).
        const dropped = new Set(issues.filter((i) => i.segments[0] === list && !removesInside(i)).map((i) => i.segments[1]));
        for (const index of dropped) assert.ok(typeof index === 'number' && index >= 0 && index < entries.length, `issue at ${String(index)}`);
        const kept = dataset[list] as { id: string }[];
        assert.equal(kept.length, entries.length - dropped.size, 'every entry is kept or reported');
        assert.deepEqual(
          kept.map((e) => e.id),
          entries.filter((_, i) => !dropped.has(i)).map((e) => (e as { id: string }).id),
          'the kept entries are the undropped ones, in order',
        );
        assert.equal(new Set(kept.map((e) => e.id)).size, kept.length, 'ids are unique');
        for (const entry of kept) assert.ok(schemas[SCHEMA[list]].safeParse(entry).success, `a kept entry is valid: ${JSON.stringify(entry)}`);
        const again = parseDataset(structuredClone(dataset));
        assert.deepEqual(again.issues, []);
        assert.deepEqual(again.dataset, dataset);
        // Other lists keep every entry, except opportunities of an organisation no longer there.
        for (const other of LISTS) {
          if (other === list) continue;
          const expected = (demo[other] as { organisationId?: string }[]).filter((e) => other !== 'opportunities' || list !== 'organisations' || kept.some((o) => o.id === e.organisationId));
          assert.equal(dataset[other].length, expected.length, other);
        }
      },
    ),
    { numRuns: 500 },
  );
});

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
        // Other lists keep every entry, except opportunities of a broken organisation, dropped with an issue.
        const goneOrganisations = new Set(list === 'organisations' ? [...broken].map((i) => (demo.organisations[i] as { id: string }).id) : []);
        for (const other of LISTS) {
          if (other === list) continue;
          const expected = (demo[other] as { organisationId?: string }[]).filter((e) => other !== 'opportunities' || !goneOrganisations.has(e.organisationId!));
          assert.equal(dataset[other].length, expected.length, other);
        }
      },
    ),
    { numRuns: 300 },
  );
});
