import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { filterOrganisations, firstOrganisations, foldForSearch, organisationFacets, parseDataset, type Dataset, type Organisation, type OrganisationFilter } from '@samverkan/sdk';
// @ts-expect-error: a plain .mjs module without types
import { generateDataset } from '../../../bench/generate-dataset.mjs';

// filterOrganisations builds its index in parts, as filters need them; each
// answer must equal the plain definition worked out here without any index:
// Swedish name order (a stable sort with the collator), every query word in
// the folded texts, and the other filters.

const collator = new Intl.Collator('sv', { numeric: true });

function texts(o: Organisation): string[] {
  const description = o.description === undefined ? [] : typeof o.description === 'string' ? [o.description] : Object.values(o.description);
  const out = [o.name, ...description, ...o.districts, ...o.activities];
  if (o.organisationNumber) out.push(o.organisationNumber, o.organisationNumber.replace('-', ''));
  return out;
}

function expected(dataset: Dataset, filter: OrganisationFilter): string[] {
  const terms = filter.query ? foldForSearch(filter.query).split(/[\s,;]+/u).filter(Boolean) : [];
  const fold = (value: string) => foldForSearch(value.trim());
  return [...dataset.organisations]
    .sort((a, b) => collator.compare(a.name, b.name))
    .filter((o) => {
      const folded = foldForSearch(texts(o).join('\n'));
      if (!terms.every((term) => folded.includes(term))) return false;
      if (filter.signatoriesOnly && !o.signature) return false;
      if (filter.form && o.form !== filter.form) return false;
      if (filter.district && fold(filter.district) && !o.districts.some((d) => fold(d) === fold(filter.district!))) return false;
      if (filter.activity && fold(filter.activity) && !o.activities.some((a) => fold(a) === fold(filter.activity!))) return false;
      if (filter.language && !o.languages.some((l) => l.toLowerCase().split('-')[0] === filter.language!.toLowerCase().split('-')[0])) return false;
      return true;
    })
    .map((o) => o.id);
}

/**
 * Generated organisations, and first some written to catch what generated
 * ones never have (added after parsing, which would trim the padded values:
 * a program may hand any Dataset it builds itself to the helpers).
 */
function fixture(): Dataset {
  const { dataset, issues } = parseDataset(generateDataset({ organisations: 1500, meetings: 0, contacts: 0, seed: 11 }));
  assert.deepEqual(issues, []);
  const base = dataset.organisations[0]!;
  const written: Partial<Organisation>[] = [
    { name: 'Kör 10', districts: [' Järna ', 'hovsjö'], activities: ['  Idrott'], description: 'Bara svenska: Sångglädje' },
    { name: 'Kör 9', districts: ['JÄRNA'], activities: ['idrott '], description: { sv: 'Kör', en: 'Choir singing only in English', fi: 'Kuoro' } },
    { name: 'Kör 9', districts: ['Järna'], activities: ['Språkcafé'], languages: ['ar-SY', 'sv'] },
    { name: 'Café Ängen', districts: ['Hovsjö'], activities: ['sprakcafe'], description: { sv: 'Fika', en: 'Coffee' } },
  ];
  const { organisationNumber: _, ...rest } = base;
  const extra = written.map((fields, i): Organisation => ({ ...rest, id: `extra-${i}`, ...fields }));
  return { ...dataset, organisations: [...extra, ...dataset.organisations] };
}

const dataset = fixture();
const words = [...new Set(dataset.organisations.flatMap((o) => foldForSearch(texts(o).join(' ')).split(/\s+/)))].filter((word) => !/\d/.test(word));

const filter: fc.Arbitrary<OrganisationFilter> = fc.record(
  {
    query: fc.oneof(
      fc.constantFrom('', ' ', 'Östertälje', 'OSTERTALJE', 'kör', 'stiftelsen ängen', 'café', '8024', '-', 'zzz', 'ö', 'e, i; a', 'english', 'KUORO', 'sångglädje', 'coffee'),
      fc.constantFrom(...words).chain((word) => fc.tuple(fc.nat(word.length), fc.nat(word.length)).map(([a, b]) => word.slice(Math.min(a, b), Math.max(a, b)))),
      fc.array(fc.constantFrom(...words), { maxLength: 3 }).map((list) => list.join(' ').toUpperCase()),
    ),
    form: fc.constantFrom('foundation', 'non-profit-association', 'faith-community', 'nonsense'),
    district: fc.constantFrom('Järna', 'jarna ', 'HOVSJÖ', 'Centrum', ' ', 'Ingenstans', ' järna'),
    activity: fc.constantFrom('idrott', 'VOLONTÄRER', 'språkcafé', 'sprakcafe', 'nothing', ' Idrott '),
    language: fc.constantFrom('sv', 'ar', 'en-GB', 'FI', 'xx', 'AR-EG'),
    signatoriesOnly: fc.boolean(),
  },
  { requiredKeys: [] },
);

test('every answer equals the definition, whichever parts of the index earlier filters built', () => {
  fc.assert(
    fc.property(fc.array(filter, { minLength: 1, maxLength: 4 }), (filters) => {
      // A fresh object, so the index is built anew, in the order these filters need its parts.
      const copy = { ...dataset };
      for (const f of filters) assert.deepEqual(filterOrganisations(copy, f).map((o) => o.id), expected(copy, f), JSON.stringify(f));
    }),
    { numRuns: 60 },
  );
});

test('the first page and the count equal the definition, before and after the whole order is made', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(filter, fc.constantFrom(0, 1, 3, 50, 2_000)), { minLength: 1, maxLength: 3 }), (asks) => {
      // A fresh object: the first asks find no order made yet (unless a query made it).
      const copy = { ...dataset };
      for (const [f, limit] of asks) {
        const all = expected(copy, f);
        const { organisations, count } = firstOrganisations(copy, f, limit);
        assert.deepEqual(organisations.map((o) => o.id), all.slice(0, limit), JSON.stringify([f, limit]));
        assert.equal(count, all.length);
      }
    }),
    { numRuns: 60 },
  );
});

test('facets equal the definition, asked for before or after filtering', () => {
  const copy = { ...dataset };
  const before = organisationFacets(copy);
  filterOrganisations(copy, { query: 'kör', district: 'Järna' });
  assert.deepEqual(organisationFacets({ ...dataset }), before);
  const firstByFold = (values: string[]) => {
    const seen = new Map<string, string>();
    for (const value of values) if (foldForSearch(value.trim()) && !seen.has(foldForSearch(value.trim()))) seen.set(foldForSearch(value.trim()), value.trim());
    return [...seen.values()].sort(collator.compare);
  };
  assert.deepEqual(before.districts, firstByFold(dataset.organisations.flatMap((o) => o.districts)));
  assert.deepEqual(before.activities, firstByFold(dataset.organisations.flatMap((o) => o.activities)));
  assert.deepEqual(before.languages, [...new Set(dataset.organisations.flatMap((o) => o.languages))].sort());
  assert.ok(before.districts.length > 10 && before.activities.length > 10);
});

test('in a browser the word index is built in idle time, slice by slice; a search before it is done gets every match', () => {
  // A stand-in for the browser's requestIdleCallback, run by hand: each idle
  // period has time for one slice of 500 organisations (6 ms left, then none).
  const queue: ((deadline: { timeRemaining(): number }) => void)[] = [];
  const global = globalThis as { requestIdleCallback?: unknown };
  global.requestIdleCallback = (callback: (deadline: { timeRemaining(): number }) => void) => queue.push(callback);
  const idlePeriod = () => {
    let left = 1;
    queue.shift()!({ timeRemaining: () => (left-- > 0 ? 6 : 0) });
  };
  try {
    // 'a' and 'e' find nearly every organisation: one left out of a slice would show.
    const queries: OrganisationFilter[] = [{ query: 'kör' }, { query: 'ostertalje stiftelsen' }, { query: '8024' }, { query: 'english' }, { query: 'a' }, { query: 'e' }];
    // Interrupted: a search after a few slices finishes the index at once.
    const early = { ...dataset };
    filterOrganisations(early, { signatoriesOnly: true });
    assert.equal(queue.length, 1);
    idlePeriod();
    idlePeriod();
    for (const q of queries) assert.deepEqual(filterOrganisations(early, q).map((o) => o.id), expected(early, q), JSON.stringify(q));
    // What was left queued finds the index done and stops.
    assert.equal(queue.length, 1);
    idlePeriod();
    assert.equal(queue.length, 0);
    // Uninterrupted: idle periods until nothing is left to do, then the same answers.
    const idle = { ...dataset };
    filterOrganisations(idle, {});
    let periods = 0;
    while (queue.length) {
      idlePeriod();
      periods++;
    }
    // 1,504 organisations: four slices, then the index made of them.
    assert.equal(periods, 5);
    for (const q of queries) assert.deepEqual(filterOrganisations(idle, q).map((o) => o.id), expected(idle, q), JSON.stringify(q));
    // Each organisation is found by its whole name.
    for (const o of idle.organisations) assert.ok(filterOrganisations(idle, { query: o.name }).includes(o), o.name);
    assert.equal(queue.length, 0);

    // The first page alone (no sort yet): the whole sort waits for a long idle period; short ones only ask again.
    const paged = { ...dataset };
    firstOrganisations(paged, { signatoriesOnly: true }, 50);
    // Short idle periods (between a render and its frame): the step only asks again, however many come.
    let asked = 0;
    for (let i = 0; i < 10; i++) {
      assert.equal(queue.length, 1);
      let calls = 0;
      queue.shift()!({ timeRemaining: () => (calls++ === 0 ? 6 : 0) });
      asked += calls;
    }
    // One look at the time each, and no slice of words (that would look again after it).
    assert.equal(asked, 10);
    // A long one (no frame due): the sort and the first slice of words.
    let left = 1;
    const long = queue.shift()!;
    long({ timeRemaining: () => (left-- > 0 ? 50 : 0) });
    while (queue.length) {
      idlePeriod();
    }
    for (const q of queries) assert.deepEqual(filterOrganisations(paged, q).map((o) => o.id), expected(paged, q), JSON.stringify(q));
  } finally {
    delete global.requestIdleCallback;
  }
});
