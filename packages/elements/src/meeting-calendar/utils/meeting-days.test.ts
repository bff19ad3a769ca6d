import { expect } from '@open-wc/testing';
import { parseDataset, zonedParts, type Meeting } from '@samverkan/sdk';
import { demoJson } from '../../../test/helpers/datasets.js';
import { addDays, compareDates, dateKey, parseDateKey, type CalendarDate } from './calendar-grid.js';
import { groupByMonth, meetingsByDay, touchesRange } from './meeting-days.js';

const meeting = (id: string, start: string, end: string): Meeting =>
  ({ id, kind: 'dialogue-meeting', status: 'scheduled', title: id, start, end, languages: [] }) as unknown as Meeting;

const zoned = (instant: number, timeZone: string): CalendarDate => {
  const p = zonedParts(new Date(instant), timeZone);
  return { year: p.year, month: p.month, day: p.day };
};

describe('meeting days: meetings on the days of the dataset\'s zone', () => {
  it('puts each meeting on every day it touches, sorted by start; one that ends at midnight is not on the next day', () => {
    const byDay = meetingsByDay([
      meeting('late', '2026-03-12T18:00:00+01:00', '2026-03-12T20:00:00+01:00'),
      meeting('to-midnight', '2026-03-12T22:00:00+01:00', '2026-03-13T00:00:00+01:00'),
      meeting('early', '2026-03-12T09:00:00+01:00', '2026-03-12T10:00:00+01:00'),
      meeting('overnight', '2026-03-13T23:00:00+01:00', '2026-03-14T01:00:00.000+01:00'),
      meeting('past-midnight', '2026-03-15T23:30:00+01:00', '2026-03-16T00:00:00.001+01:00'),
      meeting('three-days', '2026-03-27T10:00:00+01:00', '2026-03-29T16:00:00+02:00'),
    ]);
    const ids = (key: string) => (byDay.get(key) ?? []).map((m) => m.id);
    expect(ids('2026-03-12')).to.deep.equal(['early', 'late', 'to-midnight']);
    expect(ids('2026-03-13')).to.deep.equal(['overnight']);
    expect(ids('2026-03-14')).to.deep.equal(['overnight']);
    expect(ids('2026-03-16')).to.deep.equal(['past-midnight']);
    // Across the change to summer time (29 March in Stockholm).
    expect(['2026-03-27', '2026-03-28', '2026-03-29'].map(ids)).to.deep.equal([['three-days'], ['three-days'], ['three-days']]);
    expect(ids('2026-03-30')).to.deep.equal([]);
  });

  it('places every meeting of a parsed dataset on the days zonedParts gives in its zone (what the written offsets promise)', async () => {
    const { dataset } = parseDataset(await demoJson());
    expect(dataset.meetings.length).to.be.greaterThan(10);
    const byDay = meetingsByDay(dataset.meetings);
    const expected = new Map<string, string[]>();
    for (const m of dataset.meetings) {
      const last = zoned(Date.parse(m.end) - 1, dataset.timeZone);
      for (let day = zoned(Date.parse(m.start), dataset.timeZone); compareDates(day, last) <= 0; day = addDays(day, 1)) {
        const list = expected.get(dateKey(day)) ?? [];
        list.push(m.id);
        expected.set(dateKey(day), list);
      }
    }
    expect(new Set(byDay.keys())).to.deep.equal(new Set(expected.keys()));
    for (const [key, list] of byDay) expect(list.map((m) => m.id).sort(), key).to.deep.equal(expected.get(key)!.sort());
  });

  it('puts a meeting that starts and ends on one date on that date alone, even one that ends at its start or before it', () => {
    const byDay = meetingsByDay([
      meeting('at-midnight', '2026-03-17T00:00:00+01:00', '2026-03-17T00:00:00+01:00'),
      meeting('backwards', '2026-03-18T18:00:00+01:00', '2026-03-18T17:00:00+01:00'),
      meeting('fractions', '2026-03-19T09:00:00.250+01:00', '2026-03-19T09:30:00.5+01:00'),
    ]);
    expect([...byDay].map(([key, list]) => [key, list.map((m) => m.id)])).to.deep.equal([
      ['2026-03-17', ['at-midnight']],
      ['2026-03-18', ['backwards']],
      ['2026-03-19', ['fractions']],
    ]);
    // The same with a range: only its days.
    const ranged = meetingsByDay([...byDay.values()].flat(), { first: { year: 2026, month: 3, day: 18 }, last: { year: 2026, month: 3, day: 18 } });
    expect([...ranged.keys()]).to.deep.equal(['2026-03-18']);
  });

  it('places a meeting of made-up length on a year of days at most', () => {
    const byDay = meetingsByDay([meeting('centuries', '2026-01-01T10:00:00+01:00', '2226-01-01T10:00:00+01:00')]);
    expect(byDay.size).to.equal(366);
  });

  it('with a range, gives exactly the whole index\'s days of that range (a month grid indexes only its own meetings)', async () => {
    const { dataset } = parseDataset(await demoJson());
    const meetings = [
      ...dataset.meetings,
      meeting('to-midnight', '2026-03-31T22:00:00+02:00', '2026-04-01T00:00:00+02:00'),
      meeting('ends-before-it-starts', '2026-04-06T10:00:00+02:00', '2026-04-05T10:00:00+02:00'),
      meeting('across-months', '2026-02-20T10:00:00+01:00', '2026-04-02T16:00:00+02:00'),
      meeting('centuries', '2025-06-01T10:00:00+02:00', '2226-01-01T10:00:00+01:00'),
    ];
    const whole = meetingsByDay(meetings);
    const ranges: [string, string][] = [['2026-03-30', '2026-05-10'], ['2026-04-06', '2026-04-06'], ['2025-12-29', '2026-02-08'], ['2026-05-30', '2026-07-10'], ['2030-01-01', '2030-02-11']];
    for (const [from, to] of ranges) {
      const first = parseDateKey(from)!;
      const last = parseDateKey(to)!;
      const part = meetingsByDay(meetings, { first, last });
      const expected = [...whole].filter(([key]) => key >= from && key <= to);
      expect([...part].map(([key, list]) => [key, list.map((m) => m.id)]), `${from}…${to}`).to.deep.equal(expected.map(([key, list]) => [key, list.map((m) => m.id)]));
      // What touchesRange picks from unchecked data is what the range shows.
      const picked = meetings.filter((m) => touchesRange(m.start, m.end, { firstKey: from, lastKey: to })).map((m) => m.id);
      expect(new Set(picked), `${from}…${to}`).to.deep.equal(new Set([...part.values()].flat().map((m) => m.id)));
    }
    expect(touchesRange(undefined, '2026-04-01T00:00:00+02:00', { firstKey: '2026-03-01', lastKey: '2026-04-30' })).to.equal(false);
    expect(touchesRange('nonsense', 42, { firstKey: '2026-03-01', lastKey: '2026-04-30' })).to.equal(false);
  });

  it('groups sorted meetings by the month they start in', () => {
    const groups = groupByMonth([
      meeting('a', '2026-03-31T23:30:00+02:00', '2026-04-01T00:30:00+02:00'),
      meeting('b', '2026-04-01T10:00:00+02:00', '2026-04-01T11:00:00+02:00'),
      meeting('c', '2026-05-01T10:00:00+02:00', '2026-05-01T11:00:00+02:00'),
    ]);
    expect(groups.map((g) => [g.key, g.meetings.map((m) => m.id)])).to.deep.equal([
      ['2026-03', ['a']],
      ['2026-04', ['b']],
      ['2026-05', ['c']],
    ]);
  });
});
