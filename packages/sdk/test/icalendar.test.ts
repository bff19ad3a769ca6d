import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { parseDataset, pickText, toICalendar, type Meeting } from '@samverkan/sdk';

const demo = parseDataset(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8')).dataset;
const NOW = new Date('2026-11-20T08:00:00Z');

/** Parses a feed with ical.js (an independent parser) and returns its events, with its time zones registered. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  // Only this feed's own VTIMEZONE may decide what its local times mean.
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)) };
}

function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm-1',
    title: 'Möte',
    kind: 'other',
    start: '2026-03-12T18:00:00+01:00',
    end: '2026-03-12T20:00:00+01:00',
    languages: ['sv'],
    status: 'scheduled',
    ...overrides,
  } as Meeting;
}

describe('toICalendar: times', () => {
  const ics = toICalendar(demo.meetings, { timeZone: demo.timeZone, calendarName: 'Samverkan', lang: 'sv', defaultLanguage: 'sv', now: NOW });
  const { calendar, events } = parse(ics);

  test('every meeting is at its instant in an independent parser, the daylight-saving weekends included', () => {
    assert.equal(events.length, demo.meetings.length);
    for (const [i, m] of demo.meetings.entries()) {
      const event = events[i]!;
      assert.equal(event.uid, `${m.id}@samverkan`);
      assert.equal(event.startDate.toJSDate().getTime(), Date.parse(m.start), `start of ${m.id}`);
      assert.equal(event.endDate.toJSDate().getTime(), Date.parse(m.end), `end of ${m.id}`);
    }
    assert.match(ics, /\r\nDTSTART;TZID=Europe\/Stockholm:20260329T130000\r\n/);
    assert.match(ics, /\r\nDTSTART;TZID=Europe\/Stockholm:20261025T110000\r\n/);
  });

  test('the VTIMEZONE has the 2026 changes at 02:00 and 03:00 local time', () => {
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    assert.equal(zone.getFirstPropertyValue('tzid'), 'Europe/Stockholm');
    const starts = [...zone.getAllSubcomponents('daylight'), ...zone.getAllSubcomponents('standard')].map((c) => String(c.getFirstPropertyValue('dtstart')));
    assert.ok(starts.includes('2026-03-29T02:00:00'), starts.join(' '));
    assert.ok(starts.includes('2026-10-25T03:00:00'), starts.join(' '));
  });

  test('a time in the hour that repeats when summer time ends is written in UTC, and so not ambiguous', () => {
    const second = meeting({ start: '2026-10-25T02:30:00+01:00', end: '2026-10-25T03:30:00+01:00' });
    const text = toICalendar([second], { timeZone: 'Europe/Stockholm', now: NOW });
    assert.match(text, /\r\nDTSTART:20261025T013000Z\r\n/);
    assert.equal(parse(text).events[0]!.startDate.toJSDate().getTime(), Date.parse(second.start));
  });

  test('another zone and plain UTC', () => {
    const m = meeting({ start: '2026-03-08T07:30:00Z', end: '2026-03-08T08:30:00Z' });
    const ny = toICalendar([m], { timeZone: 'America/New_York', now: NOW });
    assert.match(ny, /DTSTART;TZID=America\/New_York:20260308T033000/);
    assert.equal(parse(ny).events[0]!.startDate.toJSDate().getTime(), Date.parse(m.start));
    const utc = toICalendar([m], { now: NOW });
    assert.doesNotMatch(utc, /VTIMEZONE/);
    assert.match(utc, /\r\nDTSTART:20260308T073000Z\r\n/);
  });
});

describe('toICalendar: content', () => {
  test('status, location, URL and the links repeated in DESCRIPTION', () => {
    const ics = toICalendar(demo.meetings, { timeZone: demo.timeZone, now: NOW, lang: 'en', defaultLanguage: 'sv' });
    const { events } = parse(ics);
    const byId = (id: string) => events.find((e) => e.uid === `${id}@samverkan`)!;
    assert.equal(byId('collaboration-group-2026-12').component.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(byId('collaboration-group-2027-02').component.getFirstPropertyValue('status'), 'TENTATIVE');
    const spring = byId('dialogue-meeting-2026-spring');
    assert.equal(spring.summary, 'Dialogue meeting, spring 2026');
    assert.equal(spring.location, 'Föreningarnas hus, Kanalvägen 12, 151 72 Södertälje');
    assert.equal(spring.component.getFirstPropertyValue('url'), 'https://www.example.org/anmalan/dialogmote-var-2026');
    assert.match(spring.description, /Registration: https:\/\/www\.example\.org\/anmalan\/dialogmote-var-2026$/);
    const online = byId('information-meeting-joining-2026');
    assert.equal(online.location, 'https://meet.example.org/samverkan-info-2026-04');
    assert.match(online.description, /Join online: https:\/\/meet\.example\.org\/samverkan-info-2026-04/);
  });

  test('DTSTAMP, SEQUENCE and LAST-MODIFIED from the meeting when known', () => {
    const ics = toICalendar([meeting({ sequence: 3, updatedAt: '2026-02-01T10:00:00+01:00' }), meeting({ id: 'm-2' })], { now: NOW });
    const [a, b] = parse(ics).events;
    assert.equal(a!.sequence, 3);
    assert.equal(a!.component.getFirstPropertyValue('last-modified')!.toString(), '2026-02-01T09:00:00Z');
    assert.equal(a!.component.getFirstPropertyValue('dtstamp')!.toString(), '2026-02-01T09:00:00Z');
    assert.equal(b!.component.getFirstPropertyValue('dtstamp')!.toString(), '2026-11-20T08:00:00Z');
    assert.equal(b!.component.getFirstProperty('sequence'), null);
  });

  test('escapes comma, semicolon, backslash and line breaks, and they come back intact', () => {
    const title = 'Möte; frågor, svar \\ och\nmer';
    const description = 'Rad ett\r\nRad två, med ; och \\';
    const ics = toICalendar([meeting({ title, description })], { now: NOW });
    assert.ok(ics.includes('SUMMARY;LANGUAGE=sv:Möte\\; frågor\\, svar \\\\ och\\nmer\r\n'));
    const [event] = parse(ics).events;
    assert.equal(event!.summary, title);
    assert.equal(event!.description, 'Rad ett\nRad två, med ; och \\');
  });

  test('CRLF everywhere, and lines of at most 75 octets that never split a UTF-8 character', () => {
    const long = 'Årsmöte för föreningar i Östertälje 🎉 – اجتماع سنوي للجمعيات في سودرتاليا – '.repeat(6);
    const ics = toICalendar([meeting({ title: long, description: long })], { timeZone: 'Europe/Stockholm', now: NOW });
    assert.ok(ics.endsWith('\r\n'));
    assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF');
    const lines = ics.slice(0, -2).split('\r\n');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let folded = 0;
    for (const line of lines) {
      const bytes = Buffer.from(line, 'utf8');
      assert.ok(bytes.length <= 75, `${bytes.length} octets: ${line}`);
      // Each physical line must be valid UTF-8 on its own: no character cut in two.
      assert.equal(decoder.decode(bytes), line);
      if (line.startsWith(' ')) folded++;
    }
    assert.ok(folded > 10);
    assert.equal(parse(ics).events[0]!.summary, long);
  });

  test('picks texts in the requested language, falling back to the default', () => {
    const m = meeting({ title: { sv: 'Dialogmöte', en: 'Dialogue meeting' } });
    assert.equal(parse(toICalendar([m], { lang: 'en', defaultLanguage: 'sv', now: NOW })).events[0]!.summary, 'Dialogue meeting');
    const fi = toICalendar([m], { lang: 'fi', defaultLanguage: 'sv', now: NOW });
    assert.equal(parse(fi).events[0]!.summary, pickText(m.title, 'fi', 'sv').text);
    assert.match(fi, /SUMMARY;LANGUAGE=sv:Dialogmöte/);
  });
});
