// The progressive check (progressive-dataset.ts) against parseDataset: what
// it shows early is what parseDataset keeps, and once finished its result is
// parseDataset's, for valid, partly invalid and hostile datasets, whatever
// the order in which a view asks for entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  allDatasetValidators,
  checkDataset,
  firstCheckedOrganisations,
  firstOrganisations,
  isValidationError,
  listValidators,
  loadListValidators,
  meetingsListValidator,
  organisationsListValidator,
  parseDataset,
  startDatasetCheck,
  UNDECIDED,
  type DatasetCheck,
  type DatasetListName,
  type Issue,
  type ListValidators,
} from '@samverkan/sdk';
import { ALL_LIST_VALIDATORS } from '../src/validators/lists/all.js';
import { zodExplainer } from '../src/explain-with-zod.js';
// @ts-expect-error: a plain .mjs module without types
import { generateDataset } from '../../../bench/generate-dataset.mjs';
import { breakers, demo, entryOf, LISTS } from './helpers/dataset-arbitraries.js';

/** What a view might ask for before the check is finished. */
type Ask = { list: DatasetListName; kind: 'entry' | 'keptAt' | 'announce'; at: number[]; limit: number };
const ask = fc.record({
  list: fc.constantFrom(...LISTS),
  // 'announce': the entries announced first (ListCheck.announce, as a view's first page does), then asked for one by one.
  kind: fc.constantFrom('entry' as const, 'keptAt' as const, 'announce' as const),
  at: fc.array(fc.nat({ max: 80 }), { minLength: 1, maxLength: 12 }),
  limit: fc.integer({ min: 1, max: 12 }),
});

/** A dataset: the demo with some lists replaced by arbitrary entries (valid, broken, duplicated, anything). */
const dataset = fc
  .uniqueArray(fc.constantFrom(...LISTS), { maxLength: 4 })
  .chain((lists) => fc.tuple(...lists.map((list) => fc.array(entryOf(list), { maxLength: 10 }).map((entries) => [list, entries] as const))))
  .map((replaced) => ({ ...demo, ...Object.fromEntries(replaced) }));

/**
 * Asks as a view would, records every early answer, finishes, and checks the
 * final result against parseDataset's and each early answer against it.
 */
async function askThenFinish(check: DatasetCheck, asks: Ask[], expected: { dataset: any; issues: Issue[] }, sliceMs: number): Promise<void> {
  const early: { list: DatasetListName; index: number; entry: unknown }[] = [];
  for (const { list, kind, at, limit } of asks) {
    const lists = check.list(list);
    const indexes = at.map((i) => i % Math.max(1, lists.raw.length)).filter((i) => i < lists.raw.length);
    if (kind === 'entry' || kind === 'announce') {
      if (kind === 'announce') lists.announce(indexes.slice(0, limit));
      for (const index of indexes) {
        const entry = lists.entry(index);
        if (entry !== UNDECIDED) early.push({ list, index, entry });
      }
    } else {
      const { entries, indexes: keptIndexes, complete } = lists.keptAt(indexes, limit);
      assert.ok(entries.length <= limit);
      keptIndexes.forEach((index, k) => early.push({ list, index, entry: entries[k] }));
      // Short of the limit, every index was walked: each is kept (above), left out, or undecided (when not complete).
      if (entries.length < limit) {
        for (const index of indexes) {
          const entry = lists.entry(index);
          if (entry === UNDECIDED) assert.equal(complete, false);
          else early.push({ list, index, entry });
        }
      }
    }
  }
  const result = await check.finish({ sliceMs });
  assert.deepEqual(result.dataset, expected.dataset);
  assert.deepEqual(result.issues, expected.issues);
  // Which input index each kept entry came from, from the finished check.
  for (const { list, index, entry } of early) {
    const final = check.list(list).entry(index);
    assert.notEqual(final, UNDECIDED);
    assert.deepEqual(entry, final, `${list}[${index}] early and final`);
    if (entry !== undefined) assert.ok((result.dataset[list] as unknown[]).includes(final), `${list}[${index}] is in the result`);
  }
}

test('asked in any order, entries shown early are the ones kept, and the finished result is parseDataset’s (zod at hand)', async () => {
  await fc.assert(
    fc.asyncProperty(dataset, fc.array(ask, { maxLength: 6 }), async (input, asks) => {
      const expected = parseDataset(structuredClone(input));
      const check = startDatasetCheck(structuredClone(input), { validators: allDatasetValidators, explain: zodExplainer }) as DatasetCheck;
      await askThenFinish(check, asks, expected, 0.2);
    }),
    { numRuns: 300 },
  );
});

test('with zod loaded only when needed: undecided until then, never wrong, and the same result in the end', async () => {
  await fc.assert(
    fc.asyncProperty(dataset, fc.array(ask, { maxLength: 6 }), async (input, asks) => {
      const expected = parseDataset(structuredClone(input));
      let loads = 0;
      const started = startDatasetCheck(structuredClone(input), {
        validators: allDatasetValidators,
        explain: async () => {
          loads++;
          return zodExplainer;
        },
      });
      const check = started instanceof Promise ? await started : started;
      await askThenFinish(check, asks, expected, 0.2);
      assert.ok(loads <= 1, 'zod is loaded at most once');
      // A valid dataset never needs it.
      if (expected.issues.length === 0) assert.equal(loads, 0);
    }),
    { numRuns: 300 },
  );
});

test('without generated validators for some lists (an element hands in only its own), zod decides them and the result is the same', async () => {
  await fc.assert(
    fc.asyncProperty(dataset, fc.uniqueArray(fc.constantFrom('Organisation', 'Meeting', 'Contact', 'Principle', 'Agreement'), { maxLength: 3 }), async (input, left) => {
      const expected = parseDataset(structuredClone(input));
      const validators = {
        header: allDatasetValidators.header,
        entities: (language: string) => {
          const all = { ...allDatasetValidators.entities!(language) } as Record<string, unknown>;
          for (const name of left) delete all[name];
          return all;
        },
      };
      const started = checkDataset(structuredClone(input), { validators });
      const check = started instanceof Promise ? await started : started;
      const result = await check.finish();
      assert.deepEqual(result, expected);
    }),
    { numRuns: 100 },
  );
});

test('per-list validators: started with some lists\' validators (as an element starts it), the check loads the others itself, and the finished result is parseDataset\'s', async () => {
  await fc.assert(
    fc.asyncProperty(dataset, fc.uniqueArray(fc.constantFrom(...LISTS), { maxLength: 4 }), fc.array(ask, { maxLength: 6 }), fc.boolean(), async (input, given, asks, zodAtHand) => {
      const expected = parseDataset(structuredClone(input));
      const lists: ListValidators = {};
      for (const name of given) (lists as Record<string, unknown>)[name] = ALL_LIST_VALIDATORS[name];
      let loads = 0;
      const started = startDatasetCheck(structuredClone(input), {
        validators: listValidators(lists),
        explain: zodAtHand
          ? zodExplainer
          : async () => {
              loads++;
              return zodExplainer;
            },
      });
      const check = started instanceof Promise ? await started : started;
      // Before finishing, a list whose validators were not given has nothing decided.
      for (const list of LISTS) {
        if (given.includes(list)) continue;
        const raw = check.list(list).raw;
        if (raw.length > 0) assert.equal(check.list(list).entry(0), UNDECIDED, `${list} decided without its validators`);
      }
      await askThenFinish(check, asks, expected, 0.2);
      assert.ok(loads <= 1, 'zod is loaded at most once');
    }),
    { numRuns: 200 },
  );
});

test('per-list validators: the lists given are decided at once without loading anything (a valid dataset), the others once finished; a second element sharing the check adds its own', async () => {
  const started = startDatasetCheck(structuredClone(demo), {
    validators: listValidators({ organisations: organisationsListValidator }),
    explain: async () => assert.fail('a valid dataset needs no zod'),
  });
  assert.ok(!(started instanceof Promise));
  const check = started as DatasetCheck;
  const expected = parseDataset(structuredClone(demo));
  const organisations = check.list('organisations');
  assert.deepEqual(organisations.finishNow(), expected.dataset.organisations, 'the organisations, checked with the validators given');
  const meetings = check.list('meetings');
  assert.equal(meetings.entry(0), UNDECIDED, 'no meeting validator yet');
  assert.equal(check.finishNow(), undefined, 'cannot finish now: other lists\' validators are not loaded');
  // A calendar given the same data hands in the meetings' validators: its month can be shown at once.
  check.useListValidators({ meetings: meetingsListValidator });
  assert.deepEqual(meetings.finishNow(), expected.dataset.meetings);
  assert.deepEqual(await check.finish({ sliceMs: 0.5 }), expected);
});

test('loadListValidators loads the validators of the lists named, and only those: a check started with them decides those lists at once', async () => {
  const lists = await loadListValidators(['meetings', 'contacts']);
  assert.deepEqual(Object.keys(lists).sort(), ['contacts', 'meetings']);
  assert.equal(lists.meetings, meetingsListValidator, 'the same module as the static import');
  const check = startDatasetCheck(structuredClone(demo), { validators: listValidators(lists) }) as DatasetCheck;
  const expected = parseDataset(structuredClone(demo));
  assert.deepEqual(check.list('meetings').finishNow(), expected.dataset.meetings);
  // The contacts refer to the principles, whose validators were not named: not decided yet.
  assert.equal(check.list('contacts').finishNow(), undefined);
  assert.deepEqual(await check.finish(), expected);
});

test('per-list validators: a meeting with the wrong offset is left out by the rule that came with the meetings\' validators, loaded by the check', async () => {
  const input = structuredClone(demo);
  const meeting = input.meetings[0];
  // Moved to an offset that is not the zone's at that instant.
  meeting.start = meeting.start.replace(/([+-]\d\d:\d\d|Z)$/, '+05:00');
  const expected = parseDataset(structuredClone(input));
  assert.ok(expected.issues.some((issue) => issue.code === 'meeting-offset'), JSON.stringify(expected.issues));
  const check = startDatasetCheck(structuredClone(input), { validators: listValidators({ organisations: organisationsListValidator }) }) as DatasetCheck;
  assert.deepEqual(await check.finish(), expected);
});

test('only some lists: those (and what they refer to) come out as parseDataset gives them, with their issues', async () => {
  await fc.assert(
    fc.asyncProperty(dataset, fc.uniqueArray(fc.constantFrom(...LISTS), { minLength: 1, maxLength: 3 }), async (input, lists) => {
      const expected = parseDataset(structuredClone(input));
      const check = (await checkDataset(structuredClone(input), { lists, explain: zodExplainer })) as DatasetCheck;
      const result = await check.finish();
      for (const list of LISTS) {
        if (check.lists.includes(list)) assert.deepEqual(result.dataset[list], expected.dataset[list], list);
        else assert.deepEqual(result.dataset[list], [], list);
      }
      assert.deepEqual(
        result.issues,
        expected.issues.filter((issue) => check.lists.includes(issue.segments[0] as DatasetListName)),
      );
    }),
    { numRuns: 200 },
  );
});

test('hostile input: the same ValidationError as parseDataset for a broken top level, and the same result otherwise', async () => {
  const hostile = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom('', '{', 'null', '[]', '{"schemaVersion":"1"}', JSON.stringify({ ...demo, organisations: { length: 3 } })),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'id', 'organisations', 'agreement', 'schemaVersion'), fc.jsonValue()).map((extra) => ({ ...demo, ...extra })),
    fc.constantFrom(...LISTS).map((list) => JSON.parse(JSON.stringify({ ...demo, [list]: [JSON.parse('{"__proto__": {"id": "x"}, "id": "o1"}'), ...demo[list]] }))),
  );
  await fc.assert(
    fc.asyncProperty(hostile, async (input) => {
      let expected: { dataset: unknown; issues: Issue[] } | undefined;
      let error: unknown;
      try {
        expected = parseDataset(structuredClone(input));
      } catch (e) {
        error = e;
      }
      try {
        const check = await checkDataset(structuredClone(input));
        const result = await check.finish();
        assert.ok(expected, 'parseDataset threw, the check did not');
        assert.deepEqual(result, expected);
      } catch (e) {
        if (e instanceof assert.AssertionError) throw e;
        assert.ok(isValidationError(e) && isValidationError(error), String(e));
        assert.deepEqual(e.issues, error.issues);
        assert.equal(e.message, error.message);
      }
    }),
    { numRuns: 500 },
  );
});

test('a large partly invalid dataset: the first page is kept entries, the rest is finished in many slices, and the result is parseDataset’s', async () => {
  const big = generateDataset({ organisations: 3000, meetings: 600, contacts: 200, seed: 11 });
  const options = [...breakers.common!, ...breakers.organisations!];
  // Every 7th organisation broken, and every 13th a second copy of the one before it (a duplicate id).
  big.organisations.forEach((o: any, i: number) => {
    if (i % 7 === 3) options[i % options.length]!(o);
  });
  for (let i = big.organisations.length - 1; i > 0; i -= 13) big.organisations.splice(i, 0, structuredClone(big.organisations[i - 1]));
  const expected = parseDataset(structuredClone(big));
  assert.ok(expected.issues.length > 400);
  const check = (await checkDataset(JSON.stringify(big))) as DatasetCheck;
  const organisations = check.list('organisations');
  // The last entries first (each a possible duplicate of an earlier one not yet checked).
  const backwards = [...organisations.raw.keys()].reverse();
  const { entries, indexes } = organisations.keptAt(backwards, 50);
  assert.equal(entries.length, 50);
  let slices = 0;
  const counting = setInterval(() => slices++, 0);
  const result = await check.finish({ sliceMs: 1 });
  clearInterval(counting);
  assert.ok(slices > 3, `finished in one go (${slices})`);
  assert.deepEqual(result, expected);
  indexes.forEach((index, k) => assert.equal(organisations.entry(index), entries[k]));
});

test('finish() stops between slices when its signal aborts, and goes on from there when asked again', async () => {
  const big = generateDataset({ organisations: 2000, meetings: 300, contacts: 50, seed: 4 });
  const check = (await checkDataset(big)) as DatasetCheck;
  const abort = new AbortController();
  const finishing = check.finish({ signal: abort.signal, sliceMs: 0.5 });
  abort.abort(new Error('left the page'));
  await assert.rejects(finishing, /left the page/);
  assert.equal(check.finished, undefined);
  assert.deepEqual(await check.finish(), parseDataset(big));
});

test('the first page of a list being checked is firstOrganisations’ page of the finished dataset', async () => {
  const organisations = fc.array(
    fc.oneof(
      { weight: 4, arbitrary: entryOf('organisations') },
      // Names with space around them (parsing trims), the same name twice, no signature.
      fc.constantFrom(...(demo.organisations as any[])).map((o) => ({ ...o, name: `  ${o.name} ` })),
      fc.constantFrom(...(demo.organisations as any[])).map((o) => ({ ...o, id: `${o.id}-2`, signature: undefined })),
    ),
    { maxLength: 40 },
  );
  const filter = fc.record(
    {
      signatoriesOnly: fc.boolean(),
      form: fc.constantFrom('foundation', 'non-profit-association', 'club'),
      district: fc.constantFrom(...new Set((demo.organisations as any[]).flatMap((o) => o.districts as string[]))),
    },
    { requiredKeys: ['signatoriesOnly'] },
  );
  await fc.assert(
    fc.asyncProperty(organisations, filter, fc.nat({ max: 12 }), fc.boolean(), async (list, f, limit, zodAtHand) => {
      const input = { ...demo, organisations: list };
      const expected = firstOrganisations(parseDataset(structuredClone(input)).dataset, f, limit).organisations;
      const started = checkDataset(structuredClone(input), zodAtHand ? { explain: zodExplainer } : {});
      const check = started instanceof Promise ? await started : started;
      const page = firstCheckedOrganisations(check.list('organisations'), f, limit);
      assert.ok(page, 'names are only trimmed by parsing');
      if (page.complete) assert.deepEqual(page.organisations, expected);
      else for (const o of page.organisations) assert.ok(expected.includes(o) || (await check.finish()).dataset.organisations.some((k) => JSON.stringify(k) === JSON.stringify(o)));
      assert.ok(zodAtHand ? page.complete : true);
      await check.finish();
      assert.deepEqual(firstCheckedOrganisations(check.list('organisations'), f, limit), { organisations: expected, complete: true });
    }),
    { numRuns: 400 },
  );
});

test('a first page announced at once (announce): an entry whose id an earlier valid entry has is left out, one whose earlier namesake is invalid is kept, as parseDataset decides', async () => {
  const big = generateDataset({ organisations: 2000, meetings: 0, contacts: 5, seed: 21 });
  const orgs = big.organisations as any[];
  const rename = (o: any, name: string) => ({ ...o, name, signature: { signedOn: '2026-01-02', via: 'adoption' } });
  // Names that come first in Swedish order, far down the list, each with a namesake (same id) earlier on:
  // valid (so the later one is a duplicate), invalid (so the later one is kept), or two of them, the first invalid.
  orgs[1500] = rename(orgs[1500], 'Aaa Första');
  orgs[10] = { ...orgs[1500], name: 'Zzz Giltig namne' };
  orgs[1600] = rename(orgs[1600], 'Aab Andra');
  orgs[20] = { ...orgs[1600], website: 'javascript:alert(1)' };
  orgs[1700] = rename(orgs[1700], 'Aac Tredje');
  orgs[30] = { ...orgs[1700], id: orgs[1700].id, form: 'no-such-form' };
  orgs[40] = { ...orgs[1700], name: 'Zzz Andra giltiga' };
  orgs[1800] = rename(orgs[1800], 'Aad Fjärde');
  const expected = parseDataset(structuredClone(big));
  const filter = { signatoriesOnly: true };
  for (const limit of [1, 4, 12]) {
    // With zod at hand: the invalid namesakes are decided at once (without it they, and their later namesakes, wait for it).
    const check = (await checkDataset(JSON.stringify(big), { explain: zodExplainer })) as DatasetCheck;
    const page = firstCheckedOrganisations(check.list('organisations'), filter, limit);
    assert.ok(page?.complete);
    assert.deepEqual(page.organisations, firstOrganisations(expected.dataset, filter, limit).organisations, `first ${limit}`);
    const names = page.organisations.map((o) => o.name);
    assert.ok(!names.includes('Aaa Första') && !names.includes('Aac Tredje'), 'a later namesake of a valid entry is left out');
    if (limit >= 2) assert.ok(names.includes('Aab Andra'), 'the namesake of an invalid entry is kept');
    // Finishing after a first page picked out of order gives parseDataset's result.
    assert.deepEqual(await check.finish({ sliceMs: 1 }), expected);
  }
});

test('the first page of a list being checked, for names whose first letters are alike, accented, combined, numbers or equal, is the collator’s order of the kept entries', async () => {
  // firstCheckedOrganisations reads each raw name once, trims it and takes its first letter there (firstLetterUnit); the
  // names whose first letter puts them after the page are left out before the collator compares the rest.
  const collator = new Intl.Collator('sv', { numeric: true });
  const starts = [...'aAåÅäÄbBvVwWzZöÖøØéÉ', 'a\u030A', 'o\u0308', 'A\u00AD', '1', '01', '2', '10', 'ß', 'Ё', 'أ', ' ', '  ', ''];
  const rest = fc.array(fc.constantFrom(...'aåäöbzkr -19\u0301\u030A'), { maxLength: 4 }).map((chars) => chars.join(''));
  const name = fc.tuple(fc.constantFrom(...starts), fc.constantFrom(...starts), rest).map(([a, b, c]) => a + b + c);
  const template = (demo.organisations as any[]).find((o) => o.signature);
  await fc.assert(
    fc.asyncProperty(fc.array(name, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 12 }), async (names, limit) => {
      // Each a signatory with its own id; a blank name (invalid once trimmed) is left out by the check.
      const organisations = names.map((n, i) => ({ ...template, id: `org-${i}`, name: n }));
      const input = { ...demo, organisations };
      const { dataset } = parseDataset(structuredClone(input));
      const expected = dataset.organisations
        .map((o, i) => ({ o, i }))
        .sort((a, b) => collator.compare(a.o.name, b.o.name) || a.i - b.i)
        .slice(0, limit)
        .map(({ o }) => o);
      assert.deepEqual(firstOrganisations(dataset, { signatoriesOnly: true }, limit).organisations, expected);
      const check = (await checkDataset(structuredClone(input), { explain: zodExplainer })) as DatasetCheck;
      assert.deepEqual(firstCheckedOrganisations(check.list('organisations'), { signatoriesOnly: true }, limit), { organisations: expected, complete: true });
    }),
    { numRuns: 300 },
  );
});
