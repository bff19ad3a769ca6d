import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  compareSwedish,
  filterOrganisations,
  foldForSearch,
  formatMeetingTime,
  meetingsInRange,
  organisationFacets,
  parseDataset,
  searchContacts,
  sortBySwedishName,
  startOfZonedDay,
  upcomingMeetings,
  zonedParts,
  zonedTimeCandidates,
  zonedTimeToInstant,
  type Dataset,
} from '@samverkan/sdk';
import { minimalDataset } from './fixtures/minimal.js';

const demo = parseDataset(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8')).dataset;

function contact(id: string, name: string, extra: Record<string, unknown> = {}) {
  return { id, name, title: 'Handläggare', unit: 'Kommunledningskontoret', topics: [], languages: ['sv'], principles: [], ...extra };
}

/** A dataset with the given contacts (raw JSON), parsed. */
function withContacts(contacts: unknown[]): Dataset {
  const input = minimalDataset();
  input.contacts = contacts;
  const { dataset, issues } = parseDataset(input);
  assert.deepEqual(issues, []);
  return dataset;
}

describe('Swedish order', () => {
  test('Å, Ä, Ö come after Z and é sorts with e', () => {
    const names = ['Östgöta', 'Zeta', 'Älvängen', 'Åsa', 'Ebba', 'Élise', 'Eva', 'Adam'];
    assert.deepEqual(
      sortBySwedishName(names.map((name) => ({ name }))).map((o) => o.name),
      ['Adam', 'Ebba', 'Élise', 'Eva', 'Zeta', 'Åsa', 'Älvängen', 'Östgöta'],
    );
  });

  test('sortBySwedishName leaves its input alone; compareSwedish orders numbers by value', () => {
    const input = [{ name: 'b' }, { name: 'a' }];
    sortBySwedishName(input);
    assert.equal(input[0]!.name, 'b');
    assert.ok(compareSwedish('Kör 2', 'Kör 10') < 0);
  });
});

describe('foldForSearch', () => {
  test('removes case and accents and keeps positions letter by letter', () => {
    assert.equal(foldForSearch('Östertälje'), 'ostertalje');
    assert.equal(foldForSearch('SÖDERTÄLJE Café'), 'sodertalje cafe');
    assert.equal(foldForSearch('Straße Ærø'), 'strasse aero');
  });
});

describe('searchContacts', () => {
  const dataset = withContacts([
    contact('a', 'Åsa Öberg', { unit: { sv: 'Östertälje stadsdelsförvaltning', en: 'Östertälje district administration' } }),
    contact('b', 'Björn Lind', { title: { sv: 'Samordnare för Södertälje', en: 'Coordinator' }, languages: ['sv', 'ar'] }),
    contact('c', 'Sören Ek', { topics: [{ sv: 'föreningsbidrag', en: 'grants for associations' }] }),
    contact('d', 'Bidragsson Eva'),
    contact('e', 'Eva Idrottsbidrag'),
  ]);

  test('finds Östertälje from "ostertalje" and Södertälje from "sodertalje", with spans into the original text', () => {
    const [hit] = searchContacts(dataset, 'ostertalje');
    assert.equal(hit!.contact.id, 'a');
    const sv = hit!.matches.find((m) => m.lang === 'sv')!;
    assert.equal(sv.field, 'unit');
    assert.equal(sv.text.slice(sv.start, sv.end), 'Östertälje');
    assert.equal(hit!.matches.length, 2, 'found in both languages of the unit');

    const [sodertalje] = searchContacts(dataset, 'SODERTALJE');
    assert.equal(sodertalje!.contact.id, 'b');
    const m = sodertalje!.matches[0]!;
    assert.deepEqual([m.field, m.lang, m.text.slice(m.start, m.end)], ['title', 'sv', 'Södertälje']);
  });

  test('exact and prefix matches rank before matches inside a word', () => {
    const ids = searchContacts(dataset, 'bidrag').map((r) => r.contact.id);
    // "Bidragsson" starts with it (name prefix); "föreningsbidrag" and "Idrottsbidrag" only contain it.
    assert.equal(ids[0], 'd');
    assert.deepEqual(ids.slice(1).sort(), ['c', 'e']);
    const scores = searchContacts(dataset, 'bidrag').map((r) => r.score);
    assert.ok(scores[0]! > scores[1]!);
  });

  test('searches topics in every language and languages by name', () => {
    assert.deepEqual(searchContacts(dataset, 'grants').map((r) => r.contact.id), ['c']);
    const arabic = searchContacts(dataset, 'arabiska');
    assert.deepEqual(arabic.map((r) => r.contact.id), ['b']);
    assert.equal(arabic[0]!.matches[0]!.field, 'language');
    assert.deepEqual(searchContacts(dataset, 'arabic').map((r) => r.contact.id), ['b']);
  });

  test("searches the caller's own language names too, once each, with one index per namer", () => {
    // `qaa` is reserved for local use, so no Intl has a name for it (Chromium lacks one for `syc`; Node has "klassisk syriska").
    const withLocal = withContacts([contact('s', 'Ninve Danho', { languages: ['sv', 'qaa', 'ar'] }), contact('t', 'Eva Ek')]);
    assert.equal(new Intl.DisplayNames(['sv'], { type: 'language', fallback: 'none' }).of('qaa'), undefined);
    assert.deepEqual(searchContacts(withLocal, 'lokalspråk'), []);
    const swedish = (tag: string) => (tag === 'qaa' ? 'lokalspråk' : new Intl.DisplayNames(['sv'], { type: 'language' }).of(tag));
    const found = searchContacts(withLocal, 'lokalsprak', { languageName: swedish });
    assert.deepEqual(found.map((r) => r.contact.id), ['s']);
    assert.deepEqual(found[0]!.matches, [{ field: 'language', text: 'lokalspråk', start: 0, end: 10 }]);
    // A shown name that Intl gives already is not indexed twice (one mark, not two).
    assert.equal(searchContacts(withLocal, 'arabiska', { languageName: swedish })[0]!.matches.length, 1);
    // Another namer gets its own index; the first keeps its names.
    const arabic = (tag: string) => (tag === 'qaa' ? 'لغة محلية' : undefined);
    assert.deepEqual(searchContacts(withLocal, 'محلية', { languageName: arabic }).map((r) => r.contact.id), ['s']);
    assert.deepEqual(searchContacts(withLocal, 'lokalspråk', { languageName: arabic }), []);
    assert.deepEqual(searchContacts(withLocal, 'lokalspråk', { languageName: swedish }).map((r) => r.contact.id), ['s']);
  });

  test('every word must be found; an empty query finds nothing; limit cuts the list', () => {
    assert.deepEqual(searchContacts(dataset, 'eva ek').map((r) => r.contact.id), []);
    assert.deepEqual(searchContacts(dataset, 'eva idrott').map((r) => r.contact.id), ['e']);
    assert.deepEqual(searchContacts(dataset, '   '), []);
    assert.equal(searchContacts(dataset, 'e', { limit: 2 }).length, 2);
  });

  test('ties are in Swedish name order', () => {
    const ids = searchContacts(dataset, 'handlaggare').map((r) => r.contact.name);
    assert.deepEqual(ids, sortBySwedishName(ids.map((name) => ({ name }))).map((c) => c.name));
    assert.equal(ids.at(-1), 'Åsa Öberg');
  });
});

describe('filterOrganisations and organisationFacets', () => {
  test('filters by district without regard to accents, in Swedish order', () => {
    const names = filterOrganisations(demo, { district: 'ostertalje' }).map((o) => o.name);
    assert.ok(names.length > 2);
    assert.deepEqual(names, sortBySwedishName(names.map((name) => ({ name }))).map((o) => o.name));
    for (const o of filterOrganisations(demo, { district: 'ostertalje' })) assert.ok(o.districts.includes('Östertälje'));
  });

  test('combines every filter given', () => {
    const all = demo.organisations;
    const expected = all.filter((o) => o.signature && o.form === 'non-profit-association' && o.languages.includes('ar'));
    const got = filterOrganisations(demo, { signatoriesOnly: true, form: 'non-profit-association', language: 'ar' });
    assert.deepEqual(new Set(got.map((o) => o.id)), new Set(expected.map((o) => o.id)));
    assert.ok(got.length > 0 && got.length < all.length);
  });

  test('the query finds words in names, descriptions, activities and the organisation number', () => {
    const first = demo.organisations.find((o) => o.organisationNumber)!;
    assert.ok(filterOrganisations(demo, { query: first.organisationNumber!.replace('-', '') }).some((o) => o.id === first.id));
    const scouts = filterOrganisations(demo, { query: 'ASA scout' });
    assert.ok(scouts.some((o) => o.name === 'Åsa Scoutkår'));
    assert.deepEqual(filterOrganisations(demo, { query: 'zzzz' }), []);
  });

  test('the word index finds exactly what a scan of every folded text finds', () => {
    const texts = (o: (typeof demo.organisations)[number]) =>
      foldForSearch([o.name, ...(o.description ? Object.values(o.description as Record<string, string>) : []), ...o.districts, ...o.activities, o.organisationNumber ?? '', (o.organisationNumber ?? '').replace('-', '')].join('\n'));
    for (const query of ['idrott', 'ÖSTER', 'sallskap', 'för ung', 'a', 'kår', '2421', 'xyz', 'e r']) {
      const terms = foldForSearch(query).split(/\s+/).filter(Boolean);
      const expected = demo.organisations.filter((o) => terms.every((t) => texts(o).includes(t))).map((o) => o.id).sort();
      assert.deepEqual(filterOrganisations(demo, { query }).map((o) => o.id).sort(), expected, query);
    }
  });

  test('no filter gives every organisation in Swedish order', () => {
    const names = filterOrganisations(demo).map((o) => o.name);
    assert.equal(names.length, demo.organisations.length);
    assert.ok(names.indexOf('Åsa Scoutkår') > names.indexOf('Stiftelsen Kanalgården'));
  });

  test('facets list each value once, sorted', () => {
    const facets = organisationFacets(demo);
    assert.equal(facets.districts.at(-1), 'Östertälje');
    assert.equal(new Set(facets.districts).size, facets.districts.length);
    assert.ok(facets.activities.includes('idrott'));
    assert.deepEqual(facets.languages, [...facets.languages].sort());
    assert.ok(facets.forms.every((f) => demo.organisations.some((o) => o.form === f)));
  });
});

describe('meetings and time zones', () => {
  test('upcomingMeetings keeps what has not ended, sorted by start', () => {
    const now = new Date('2026-10-25T12:00:00+01:00');
    const upcoming = upcomingMeetings(demo, now);
    assert.equal(upcoming[0]!.id, 'association-fair-jarna-2026', 'a meeting under way is still upcoming');
    assert.ok(upcoming.every((m) => Date.parse(m.end) > now.getTime()));
    assert.deepEqual(upcoming.map((m) => m.start), [...upcoming.map((m) => m.start)].sort((a, b) => Date.parse(a) - Date.parse(b)));
    assert.equal(upcomingMeetings(demo, now, { includePast: true }).length, demo.meetings.length);
  });

  test('fromStartOfDay keeps meetings earlier today in the dataset zone', () => {
    const evening = new Date('2026-10-25T20:00:00+01:00');
    assert.equal(upcomingMeetings(demo, evening)[0]!.id, 'dialogue-forum-2026');
    assert.equal(upcomingMeetings(demo, evening, { fromStartOfDay: true })[0]!.id, 'association-fair-jarna-2026');
  });

  test('meetingsInRange: a month in the dataset zone', () => {
    const from = zonedTimeToInstant({ year: 2026, month: 3, day: 1 }, 'Europe/Stockholm');
    const to = zonedTimeToInstant({ year: 2026, month: 4, day: 1 }, 'Europe/Stockholm');
    assert.equal(from.toISOString(), '2026-02-28T23:00:00.000Z');
    assert.equal(to.toISOString(), '2026-03-31T22:00:00.000Z');
    assert.deepEqual(meetingsInRange(demo, from, to).map((m) => m.id), ['dialogue-meeting-2026-spring', 'workshop-development-plan-2026']);
  });

  test('zonedParts reads the wall clock on both sides of the daylight-saving changes', () => {
    assert.deepEqual(zonedParts('2026-03-29T00:59:59Z', 'Europe/Stockholm'), { year: 2026, month: 3, day: 29, hour: 1, minute: 59, second: 59, weekday: 7 });
    assert.deepEqual(zonedParts('2026-03-29T01:00:00Z', 'Europe/Stockholm'), { year: 2026, month: 3, day: 29, hour: 3, minute: 0, second: 0, weekday: 7 });
    assert.equal(zonedParts(new Date('2026-01-01T00:30:00Z'), 'America/New_York').day, 31);
    assert.equal(zonedParts('2026-03-12T17:00:00Z', 'Europe/Stockholm').weekday, 4);
  });

  test('a wall-clock time in the repeated hour has two instants, one in the skipped hour none', () => {
    const twice = zonedTimeCandidates({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Stockholm');
    assert.deepEqual(twice.map((d) => d.toISOString()), ['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
    assert.deepEqual(zonedTimeCandidates({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Stockholm'), []);
    assert.equal(zonedTimeToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Stockholm').toISOString(), '2026-03-29T01:30:00.000Z');
    assert.equal(startOfZonedDay('2026-03-29T20:00:00+02:00', 'Europe/Stockholm').toISOString(), '2026-03-28T23:00:00.000Z');
  });

  test('formatMeetingTime shows the meeting in the dataset zone, in the reader language', () => {
    const meeting = { start: '2026-03-12T17:00:00Z', end: '2026-03-12T19:00:00Z' };
    assert.equal(formatMeetingTime(meeting, { lang: 'sv', timeZone: 'Europe/Stockholm' }), 'tors 12 mars 2026 18:00–20:00');
    assert.match(formatMeetingTime(meeting, { lang: 'en', timeZone: 'Europe/Stockholm' }), /Thu, March 12, 2026, 6:00\s*–\s*8:00\sPM/);
    const dst = demo.meetings.find((m) => m.id === 'workshop-development-plan-2026')!;
    assert.equal(formatMeetingTime(dst, { lang: 'sv', timeZone: demo.timeZone }), 'sön 29 mars 2026 13:00–16:30');
  });
});
