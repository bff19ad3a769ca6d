import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { regexes as zod } from 'zod/v4/core';
import {
  checkOffset,
  describeOffsetMismatch,
  formatOffset,
  isLocalTimeError,
  isoToZonedParts,
  isValidationError,
  meetingOffsetIssues,
  parseDataset,
  zonedDateTimeToIso,
  zoneOffsetMinutesByParts,
  type LocalTimeError,
} from '@samverkan/sdk';
import { fixedInstant, fixedOffset } from '../src/rules/fixed-date-time.js';
import { writtenOffsetMinutes } from '../src/helpers/time.js';
import { minimalDataset } from './fixtures/minimal.js';

const STHLM = 'Europe/Stockholm';

function localTimeError(fn: () => unknown): LocalTimeError {
  try {
    fn();
  } catch (error) {
    assert.ok(isLocalTimeError(error), `expected a LocalTimeError, got ${String(error)}`);
    return error;
  }
  assert.fail('did not throw');
}

describe('zonedDateTimeToIso', () => {
  test('winter and summer in Stockholm get +01:00 and +02:00', () => {
    assert.equal(zonedDateTimeToIso('2026-06-10', '18:00', STHLM), '2026-06-10T18:00:00+02:00');
    assert.equal(zonedDateTimeToIso('2026-12-08', '15:30', STHLM), '2026-12-08T15:30:00+01:00');
    assert.equal(zonedDateTimeToIso('2026-06-10', '18:00:30', STHLM), '2026-06-10T18:00:30+02:00');
  });

  test('other zones: UTC, New York, Kolkata (+05:30), Lord Howe (30-minute DST)', () => {
    assert.equal(zonedDateTimeToIso('2026-06-10', '18:00', 'UTC'), '2026-06-10T18:00:00+00:00');
    assert.equal(zonedDateTimeToIso('2026-07-01', '09:00', 'America/New_York'), '2026-07-01T09:00:00-04:00');
    assert.equal(zonedDateTimeToIso('2026-07-01', '09:00', 'Asia/Kolkata'), '2026-07-01T09:00:00+05:30');
    assert.equal(zonedDateTimeToIso('2026-01-10', '12:00', 'Australia/Lord_Howe'), '2026-01-10T12:00:00+11:00');
  });

  test('the night summer time starts: 01:59 and 03:00 exist, 02:30 does not and the error names it', () => {
    assert.equal(zonedDateTimeToIso('2026-03-29', '01:59', STHLM), '2026-03-29T01:59:00+01:00');
    assert.equal(zonedDateTimeToIso('2026-03-29', '03:00', STHLM), '2026-03-29T03:00:00+02:00');
    const error = localTimeError(() => zonedDateTimeToIso('2026-03-29', '02:30', STHLM));
    assert.equal(error.problem, 'nonexistent-time');
    assert.equal(error.message, '02:30 on 29 March 2026 does not exist in Europe/Stockholm: the clocks skip that time (summer time starts); choose a time before or after the change');
    assert.match(error.messages.sv, /^02:30 den 29 mars 2026 finns inte i Europe\/Stockholm/);
  });

  test('the night summer time ends: 02:30 happens twice, the earlier (still summer time, +02:00) is chosen', () => {
    const iso = zonedDateTimeToIso('2026-10-25', '02:30', STHLM);
    assert.equal(iso, '2026-10-25T02:30:00+02:00');
    assert.equal(new Date(iso).toISOString(), '2026-10-25T00:30:00.000Z');
    assert.equal(zonedDateTimeToIso('2026-10-25', '03:00', STHLM), '2026-10-25T03:00:00+01:00');
  });

  test('a date, time or zone that is not one gets a clear error', () => {
    assert.equal(localTimeError(() => zonedDateTimeToIso('2026-02-30', '18:00', STHLM)).problem, 'invalid-date');
    assert.equal(localTimeError(() => zonedDateTimeToIso('10/6/2026', '18:00', STHLM)).problem, 'invalid-date');
    assert.equal(localTimeError(() => zonedDateTimeToIso('2026-06-10', '24:00', STHLM)).problem, 'invalid-time');
    assert.equal(localTimeError(() => zonedDateTimeToIso('2026-06-10', '6 pm', STHLM)).problem, 'invalid-time');
    const zone = localTimeError(() => zonedDateTimeToIso('2026-06-10', '18:00', 'Europe/Stockhol'));
    assert.equal(zone.problem, 'invalid-time-zone');
    assert.match(zone.message, /"Europe\/Stockhol" is not a time zone/);
  });
});

describe('isoToZonedParts', () => {
  test('gives the wall clock and offset in the zone, whatever offset the input has', () => {
    assert.deepEqual(isoToZonedParts('2026-06-10T16:00:00Z', STHLM), { date: '2026-06-10', time: '18:00', offset: '+02:00' });
    assert.deepEqual(isoToZonedParts('2026-12-08T15:30:00+01:00', STHLM), { date: '2026-12-08', time: '15:30', offset: '+01:00' });
    assert.deepEqual(isoToZonedParts('2026-06-10T23:30:00Z', STHLM), { date: '2026-06-11', time: '01:30', offset: '+02:00' });
    assert.deepEqual(isoToZonedParts('2026-06-10T18:00:15+02:00', STHLM), { date: '2026-06-10', time: '18:00:15', offset: '+02:00' });
  });

  test('both instants of the repeated hour are told apart by their offset', () => {
    assert.deepEqual(isoToZonedParts('2026-10-25T00:30:00Z', STHLM), { date: '2026-10-25', time: '02:30', offset: '+02:00' });
    assert.deepEqual(isoToZonedParts('2026-10-25T01:30:00Z', STHLM), { date: '2026-10-25', time: '02:30', offset: '+01:00' });
  });

  test('refuses what is not a date-time', () => {
    assert.throws(() => isoToZonedParts('not a date', STHLM), /is not a date and time/);
  });

  test('property: every existing local time survives zonedDateTimeToIso → isoToZonedParts, and the result passes the offset rule', () => {
    const zones = fc.constantFrom('Europe/Stockholm', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC', 'America/St_Johns');
    fc.assert(
      fc.property(zones, fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (zone, day, hour, minute) => {
        const date = day.toISOString().slice(0, 10);
        const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        let iso: string;
        try {
          iso = zonedDateTimeToIso(date, time, zone);
        } catch (error) {
          // Only a time skipped by the clocks may be refused, and then no instant shows it.
          assert.ok(isLocalTimeError(error) && error.problem === 'nonexistent-time', String(error));
          return;
        }
        const back = isoToZonedParts(iso, zone);
        assert.equal(back.date, date);
        assert.equal(back.time, time);
        assert.ok(iso.endsWith(back.offset));
        assert.equal(checkOffset(iso, zone), undefined);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the meeting offset rule', () => {
  test('a June meeting copied from a winter one is caught, and the message says what the offset should be', () => {
    const mismatch = checkOffset('2026-06-10T18:00:00+01:00', STHLM);
    assert.deepEqual(mismatch, { written: '+01:00', expected: '+02:00', suggestion: '2026-06-10T18:00:00+02:00', localDate: '2026-06-10', localTime: '18:00' });
    assert.equal(describeOffsetMismatch(mismatch!, STHLM), 'has the offset +01:00, but 18:00 on 10 June is +02:00 in Europe/Stockholm; write 2026-06-10T18:00:00+02:00');
    assert.equal(describeOffsetMismatch(mismatch!, STHLM, 'sv'), 'har tidsförskjutningen +01:00, men 18:00 den 10 juni är +02:00 i Europe/Stockholm; skriv 2026-06-10T18:00:00+02:00');
  });

  test('right offsets pass, including Z where the zone is at UTC and both instants of the repeated hour', () => {
    assert.equal(checkOffset('2026-06-10T18:00:00+02:00', STHLM), undefined);
    assert.equal(checkOffset('2026-12-10T18:00:00+01:00', STHLM), undefined);
    assert.equal(checkOffset('2026-12-10T18:00:00Z', 'Europe/London'), undefined);
    assert.equal(checkOffset('2026-10-25T02:30:00+02:00', STHLM), undefined);
    assert.equal(checkOffset('2026-10-25T02:30:00+01:00', STHLM), undefined);
    assert.equal(checkOffset('2026-06-10T18:00:00.500+0200', STHLM), undefined);
  });

  test('UTC (Z) written for a Stockholm meeting is wrong, and the fix keeps the wall clock written', () => {
    assert.equal(checkOffset('2026-01-15T18:00:00Z', STHLM)?.suggestion, '2026-01-15T18:00:00+01:00');
  });

  test('a time inside the skipped hour is named as not existing', () => {
    const mismatch = checkOffset('2026-03-29T02:30:00+01:00', STHLM)!;
    assert.equal(mismatch.expected, undefined);
    assert.match(describeOffsetMismatch(mismatch, STHLM), /02:30 on 29 March 2026 does not exist in Europe\/Stockholm/);
  });

  test('what is not a date-time with an offset is left to the schema', () => {
    assert.equal(checkOffset('2026-06-10T18:00:00', STHLM), undefined);
    assert.equal(checkOffset('nonsense', STHLM), undefined);
  });

  test('meetingOffsetIssues gives one issue per wrong field, at its path', () => {
    const issues = meetingOffsetIssues({ start: '2026-06-10T18:00:00+01:00', end: '2026-06-10T20:00:00+02:00' }, STHLM, { path: ['meetings', 4] });
    assert.deepEqual(issues.map((i) => [i.path, i.code]), [['meetings[4].start', 'meeting-offset']]);
    assert.match(meetingOffsetIssues({ start: '2026-06-10T18:00:00+01:00', end: '2026-06-10T20:00:00+01:00' }, STHLM, { lang: 'sv' })[1]!.message, /^har tidsförskjutningen \+01:00, men 20:00 den 10 juni är \+02:00/);
  });
});

describe('the rule caches offsets per day, and agrees with the zone at every instant', () => {
  // checkOffset keeps one offset per UTC day (asked at the day's midnights);
  // on a day with a transition it asks for each instant. Whatever the order
  // the instants come in (so the cache holds some days and not others), a
  // time written with the zone's offset passes and one written with another
  // offset is caught.
  const zones = ['Europe/Stockholm', 'America/New_York', 'Australia/Lord_Howe', 'America/St_Johns', 'Africa/Casablanca', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'];
  const iso = (ms: number, offset: number) => {
    const wall = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
    return `${wall}${offset === 0 && ms % 2 ? 'Z' : formatOffset(offset)}`;
  };
  const transitions = [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1), Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 3, 5, 15)];
  const instant = fc.oneof(
    fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }).map((s) => s * 1000),
    // Near a transition, to the second: the days the cache must not take as one offset.
    fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -2 * 86_400, max: 2 * 86_400 })).map(([at, s]) => at + s * 1000),
  );

  test('property: the zone offset passes, another is caught', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.array(instant, { minLength: 1, maxLength: 30 }), fc.constantFrom(-60, 30, 60), (zone, instants, wrong) => {
        for (const ms of instants) {
          const right = zoneOffsetMinutesByParts(ms, zone);
          assert.equal(checkOffset(iso(ms, right), zone), undefined, `${zone} ${iso(ms, right)}`);
          const mismatch = checkOffset(iso(ms, right + wrong), zone);
          assert.ok(mismatch, `${zone} ${iso(ms, right + wrong)} was not caught`);
          assert.equal(mismatch.written, formatOffset(right + wrong));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseDataset applies the meeting offset rule', () => {
  function withJuneMeeting() {
    const data = minimalDataset();
    data.meetings.push({ ...data.meetings[0], id: 'm-june', start: '2026-06-10T18:00:00+01:00', end: '2026-06-10T20:00:00+01:00' });
    return data;
  }

  test('lenient: the meeting is dropped and both fields are reported at their paths', () => {
    const { dataset, issues } = parseDataset(withJuneMeeting());
    assert.deepEqual(dataset.meetings.map((m) => m.id), ['m-1']);
    assert.deepEqual(issues.map((i) => i.path), ['meetings[1].start', 'meetings[1].end']);
    assert.match(issues[0]!.message, /18:00 on 10 June is \+02:00 in Europe\/Stockholm/);
  });

  test('strict: it fails, naming the field', () => {
    try {
      parseDataset(withJuneMeeting(), { strict: true });
      assert.fail('did not throw');
    } catch (error) {
      assert.ok(isValidationError(error));
      assert.deepEqual(error.issues.map((i) => i.code), ['meeting-offset', 'meeting-offset']);
    }
  });

  test('the rule follows the dataset zone: the same meeting is right in Europe/London', () => {
    const data = withJuneMeeting();
    data.timeZone = 'Europe/London';
    data.meetings[0].start = '2026-03-12T18:00:00+00:00';
    data.meetings[0].end = '2026-03-12T20:00:00Z';
    const { dataset, issues } = parseDataset(data);
    assert.deepEqual(issues, []);
    assert.equal(dataset.meetings.length, 2);
  });

  test('the demo dataset passes: every meeting has its zone offset', () => {
    const demo = JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));
    const { dataset, issues } = parseDataset(demo);
    assert.deepEqual(issues.filter((i) => i.code === 'meeting-offset'), []);
    assert.equal(dataset.meetings.length, demo.meetings.length);
  });
});

describe('the rule reads the data model\'s date-times at fixed places, as Date.parse does', () => {
  const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
  // Every field drawn a little past its range, so the checks at each edge are met.
  const written = fc
    .tuple(digits(4), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.oneof(fc.constant('Z'), fc.constant('z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 60 })).map(([s, h, m]) => `${s}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)))
    .map(([y, mo, d, h, mi, s, off]) => `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}${off}`);
  const other = fc.oneof(
    written.map((s) => s.replace('T', ' ')),
    written.map((s) => s.replace(/(:\d\d)(Z|[+-])/, '$1.5$2')),
    written.map((s) => `${s} `),
    written.chain((s) => fc.nat(s.length - 1).map((i) => `${s.slice(0, i)}x${s.slice(i + 1)}`)),
    fc.string({ maxLength: 26 }),
  );

  test('property: where the fixed-place reading gives an instant, it is Date.parse\'s and the offset is the one written; elsewhere it declines', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(written, other), (iso) => {
        const ms = fixedInstant(iso);
        if (Number.isNaN(ms)) {
          // Declined: only texts outside the plain form (or with a field out of range, which the general way reads).
          if (/^\d{4}-(0[1-9]|1[0-2])-\d\dT([01]\d|2[0-3]):[0-5]\d:[0-5]\d(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/.test(iso)) {
            const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
            if (year < 100) return; // left to Date.parse: Date.UTC would read them as 1900–1999
            assert.ok(day === 0 || day > new Date(Date.UTC(2000, month, 0)).getUTCDate() || (month === 2 && day === 29), `declined ${iso}`);
            if (month === 2 && day === 29) assert.ok(!(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)), `declined ${iso}`);
          }
          return;
        }
        read++;
        assert.equal(ms, Date.parse(iso), iso);
        assert.equal(fixedOffset(iso), writtenOffsetMinutes(iso), iso);
      }),
      { numRuns: 20_000 },
    );
    assert.ok(read > 1000, `only ${read} read at fixed places`);
  });

  test('property: the fixed-place reading accepts exactly the 20- and 25-character date-times zod accepts (from the year 100 on)', () => {
    // Date.parse takes 30 February for 2 March, so the test above cannot see a missing day-of-month check: zod's pattern can.
    const zodDateTime = zod.datetime({ offset: true });
    const plain = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/;
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(written, other), (iso) => {
        const read = !Number.isNaN(fixedInstant(iso));
        if (read) accepted++;
        const expected = zodDateTime.test(iso) && plain.test(iso) && !iso.startsWith('00');
        assert.equal(read, expected, iso);
      }),
      { numRuns: 20_000 },
    );
    assert.ok(accepted > 1000, `only ${accepted} accepted`);
  });

  test('edges: leap days, the years 0–99 (left to Date.parse), the last instant of the four-digit years, offsets at their bounds', () => {
    for (const iso of ['2024-02-29T12:00:00+01:00', '2000-02-29T00:00:00Z', '0100-01-01T00:00:00+23:59', '9999-12-31T23:59:59-23:59', '1969-12-31T23:59:59Z', '2026-12-31T23:30:00-00:30']) {
      assert.equal(fixedInstant(iso), Date.parse(iso), iso);
      assert.equal(fixedOffset(iso), writtenOffsetMinutes(iso), iso);
    }
    for (const iso of ['0000-01-01T00:00:00Z', '0099-06-30T10:00:00+23:59', '1900-02-29T12:00:00Z', '2026-02-29T12:00:00Z', '2026-04-31T12:00:00Z', '2026-06-10T24:00:00Z', '2026-06-10T18:00:00+24:00', '2026-06-10T18:00:00.000+02:00', '2026-06-10T18:00:00+0200', '2026-06-10T18:00+02:00', '+02026-06-10T18:00:00Z']) {
      assert.ok(Number.isNaN(fixedInstant(iso)), iso);
    }
  });
});

describe('the rule at transitions: by day, then by hour, then by instant', () => {
  /** The instants (to the second) where the zone's offset changes within [from, to), found by bisection. */
  function transitions(zone: string, from: number, to: number): number[] {
    const found: number[] = [];
    for (let at = from; at < to; at += 3_600_000) {
      if (zoneOffsetMinutesByParts(at, zone) === zoneOffsetMinutesByParts(at + 3_600_000, zone)) continue;
      let low = at;
      let high = at + 3_600_000;
      while (high - low > 1000) {
        const middle = low + Math.floor((high - low) / 2000) * 1000;
        if (zoneOffsetMinutesByParts(middle, zone) === zoneOffsetMinutesByParts(at, zone)) low = middle;
        else high = middle;
      }
      found.push(high);
    }
    return found;
  }
  const iso = (ms: number, offset: number) => `${new Date(ms + offset * 60_000).toISOString().slice(0, 19)}${formatOffset(offset)}`;
  // Summer time at 01:00 UTC (Stockholm), at half past an hour UTC (Lord Howe, half-hour summer time; St John's),
  // and offsets that are not whole hours from old local mean time (Stockholm 1893, Monrovia 1972, Kathmandu 1986).
  const cases: [string, number, number][] = [
    ['Europe/Stockholm', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)],
    ['Australia/Lord_Howe', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)],
    ['America/St_Johns', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)],
    ['Europe/Stockholm', Date.UTC(1893, 2, 30), Date.UTC(1893, 3, 3)],
    ['Africa/Monrovia', Date.UTC(1972, 0, 1), Date.UTC(1972, 1, 1)],
    ['Asia/Kathmandu', Date.UTC(1985, 11, 30), Date.UTC(1986, 0, 3)],
  ];
  for (const [zone, from, to] of cases) {
    test(`${zone} ${new Date(from).getUTCFullYear()}: every minute from 3 hours before each transition to 3 hours after, and the seconds around it, in a shuffled order`, () => {
      const found = transitions(zone, from, to);
      assert.ok(found.length > 0, `no transition found in ${zone}`);
      const instants: number[] = [];
      for (const at of found) {
        for (let ms = at - 3 * 3_600_000; ms <= at + 3 * 3_600_000; ms += 60_000) instants.push(ms);
        for (let s = -3; s <= 3; s++) instants.push(at + s * 1000);
      }
      // A fixed shuffle: the cache then holds some hours and days of a transition and not others.
      let seed = 7;
      for (let i = instants.length - 1; i > 0; i--) {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        const j = seed % (i + 1);
        [instants[i], instants[j]] = [instants[j]!, instants[i]!];
      }
      for (const ms of instants) {
        const right = zoneOffsetMinutesByParts(ms, zone);
        assert.equal(checkOffset(iso(ms, right), zone), undefined, `${zone} ${iso(ms, right)}`);
        const wrong = checkOffset(iso(ms, right + 30), zone);
        assert.ok(wrong, `${zone} ${iso(ms, right + 30)} was not caught`);
      }
    });
  }
});
