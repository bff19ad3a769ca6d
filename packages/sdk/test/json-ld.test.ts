import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { jsonLdScriptContent, parseDataset, toJsonLd, type Meeting, type Organisation } from '@samverkan/sdk';

const demo = parseDataset(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8')).dataset;
const meeting = (id: string) => demo.meetings.find((m) => m.id === id)!;

describe('toJsonLd', () => {
  test('an organisation is an NGO with its organisation number as identifier', () => {
    const org = demo.organisations.find((o) => o.id === 'asa-scoutkar')!;
    const node = toJsonLd(org, { lang: 'en' });
    assert.equal(node['@context'], 'https://schema.org');
    assert.equal(node['@type'], 'NGO');
    assert.equal(node.name, 'Åsa Scoutkår');
    assert.deepEqual(node.identifier, { '@type': 'PropertyValue', propertyID: 'SE-organisationsnummer', name: 'Organisationsnummer', value: '802421-3764' });
    assert.match(String(node.description), /^Scout group/);
    assert.equal(node.url, 'https://asa-scoutkar.example.org/');
    assert.deepEqual(node.areaServed, ['Pershagen', 'Glasberga']);
    assert.deepEqual((node.contactPoint as { name: string }).name, 'Maja Lindqvist');
  });

  test('a cooperative is a plain Organization, and unknown fields are left out', () => {
    const coop = { id: 'c', name: 'Kooperativet', form: 'cooperative', districts: [], activities: [], languages: [] } as Organisation;
    assert.deepEqual(toJsonLd(coop), { '@context': 'https://schema.org', '@type': 'Organization', name: 'Kooperativet' });
  });

  test('a meeting is an Event with status, attendance mode, location and languages', () => {
    const inPerson = toJsonLd(meeting('dialogue-meeting-2026-spring'), { lang: 'en', defaultLanguage: 'sv' });
    assert.equal(inPerson['@type'], 'Event');
    assert.equal(inPerson.name, 'Dialogue meeting, spring 2026');
    assert.equal(inPerson.startDate, '2026-03-17T18:00:00+01:00');
    assert.equal(inPerson.eventStatus, 'https://schema.org/EventScheduled');
    assert.equal(inPerson.eventAttendanceMode, 'https://schema.org/OfflineEventAttendanceMode');
    assert.deepEqual(inPerson.location, {
      '@type': 'Place',
      name: 'Föreningarnas hus',
      address: { '@type': 'PostalAddress', streetAddress: 'Kanalvägen 12, 151 72 Södertälje' },
    });
    assert.deepEqual(inPerson.inLanguage, ['sv', 'en', 'ar']);

    const online = toJsonLd(meeting('information-meeting-joining-2026'));
    assert.equal(online.eventAttendanceMode, 'https://schema.org/OnlineEventAttendanceMode');
    assert.deepEqual(online.location, { '@type': 'VirtualLocation', url: 'https://meet.example.org/samverkan-info-2026-04' });

    const mixed = { ...meeting('dialogue-meeting-2026-spring'), location: { name: 'Hus', onlineUrl: 'https://meet.example.org/x' } } as Meeting;
    const both = toJsonLd(mixed);
    assert.equal(both.eventAttendanceMode, 'https://schema.org/MixedEventAttendanceMode');
    assert.deepEqual((both.location as { '@type': string }[]).map((l) => l['@type']), ['Place', 'VirtualLocation']);

    assert.equal(toJsonLd(meeting('collaboration-group-2026-12')).eventStatus, 'https://schema.org/EventCancelled');
    assert.equal(toJsonLd(meeting('collaboration-group-2027-02')).eventStatus, 'https://schema.org/EventPostponed');
  });

  test('a contact is a ContactPoint with availableLanguage', () => {
    const node = toJsonLd(demo.contacts[0]!, { lang: 'en' });
    assert.equal(node['@type'], 'ContactPoint');
    assert.equal(node.name, 'Anna Holmberg');
    assert.equal(node.contactType, 'Coordinator for the non-profit sector');
    assert.deepEqual(node.availableLanguage, ['sv', 'en']);
  });

  test('a dataset is a graph: the municipality with its contact points, the organisations, the meetings it organises', () => {
    const doc = toJsonLd(demo);
    const graph = doc['@graph'] as { '@type': string; '@id'?: string; organizer?: unknown; contactPoint?: unknown[] }[];
    const municipality = graph[0]!;
    assert.equal(municipality['@type'], 'GovernmentOrganization');
    assert.equal(municipality.contactPoint!.length, demo.contacts.length);
    assert.equal(graph.filter((n) => n['@type'] === 'Event').length, demo.meetings.length);
    assert.equal(graph.filter((n) => n['@type'] === 'NGO' || n['@type'] === 'Organization').length, demo.organisations.length);
    assert.deepEqual(graph.find((n) => n['@type'] === 'Event')!.organizer, { '@id': municipality['@id'] });
    const onlyMeetings = toJsonLd(demo, { include: ['meetings'] })['@graph'] as unknown[];
    assert.equal(onlyMeetings.length, demo.meetings.length + 1);
  });
});

describe('jsonLdScriptContent', () => {
  test('nothing from the data can close the script element, and the JSON reads back the same', () => {
    const value = { name: '</script><script>alert(1)</script> & <!--', line: 'a\u2028b' };
    const text = jsonLdScriptContent(value);
    assert.doesNotMatch(text, /[<>&\u2028]/);
    assert.deepEqual(JSON.parse(text), value);
  });
});
