import { expect } from '@open-wc/testing';
import {
  addDays,
  addMonths,
  daysInMonth,
  endOfWeek,
  isoWeek,
  isoWeekday,
  monthGrid,
  moveByKey,
  parseDateKey,
  startOfWeek,
  dateKey,
  type CalendarDate,
} from './calendar-grid.js';

const d = (key: string): CalendarDate => parseDateKey(key)!;
const keys = (dates: CalendarDate[]) => dates.map(dateKey);

describe('calendar grid: days, weeks and months', () => {
  it('knows the length of months, leap years included', () => {
    expect([1, 2, 3, 4, 12].map((m) => daysInMonth(2026, m))).to.deep.equal([31, 28, 31, 30, 31]);
    expect(daysInMonth(2028, 2)).to.equal(29);
    expect(daysInMonth(2100, 2)).to.equal(28);
    expect(daysInMonth(2000, 2)).to.equal(29);
  });

  it('counts weekdays from Monday = 1 to Sunday = 7', () => {
    expect(isoWeekday(d('2026-03-16'))).to.equal(1);
    expect(isoWeekday(d('2026-03-29'))).to.equal(7);
    expect(isoWeekday(d('2026-10-25'))).to.equal(7);
  });

  it('numbers weeks as ISO 8601 (and Swedish calendars) do, across New Year', () => {
    expect(isoWeek(d('2026-01-01'))).to.deep.equal({ week: 1, weekYear: 2026 });
    expect(isoWeek(d('2027-01-01'))).to.deep.equal({ week: 53, weekYear: 2026 });
    expect(isoWeek(d('2027-01-03'))).to.deep.equal({ week: 53, weekYear: 2026 });
    expect(isoWeek(d('2027-01-04'))).to.deep.equal({ week: 1, weekYear: 2027 });
    expect(isoWeek(d('2024-12-30'))).to.deep.equal({ week: 1, weekYear: 2025 });
    expect(isoWeek(d('2021-01-03'))).to.deep.equal({ week: 53, weekYear: 2020 });
    expect(isoWeek(d('2026-03-17'))).to.deep.equal({ week: 12, weekYear: 2026 });
  });

  it('moves by days across months and years, and by months with the day clamped', () => {
    expect(dateKey(addDays(d('2026-12-31'), 1))).to.equal('2027-01-01');
    expect(dateKey(addDays(d('2026-03-01'), -1))).to.equal('2026-02-28');
    // The days of the clock change are ordinary days here: no zone, no 23- or 25-hour day.
    expect(dateKey(addDays(d('2026-03-28'), 1))).to.equal('2026-03-29');
    expect(dateKey(addDays(d('2026-03-29'), 1))).to.equal('2026-03-30');
    expect(dateKey(addDays(d('2026-10-25'), 1))).to.equal('2026-10-26');
    expect(dateKey(addMonths(d('2026-01-31'), 1))).to.equal('2026-02-28');
    expect(dateKey(addMonths(d('2028-01-31'), 1))).to.equal('2028-02-29');
    expect(dateKey(addMonths(d('2026-03-31'), -1))).to.equal('2026-02-28');
    expect(dateKey(addMonths(d('2026-12-15'), 1))).to.equal('2027-01-15');
    expect(dateKey(addMonths(d('2026-01-15'), -1))).to.equal('2025-12-15');
    expect(dateKey(addMonths(d('2026-05-31'), 12))).to.equal('2027-05-31');
    expect(dateKey(addMonths(d('2028-02-29'), -12))).to.equal('2027-02-28');
  });

  it('finds the Monday and Sunday of a week', () => {
    expect(dateKey(startOfWeek(d('2026-03-01')))).to.equal('2026-02-23');
    expect(dateKey(endOfWeek(d('2026-03-01')))).to.equal('2026-03-01');
    expect(dateKey(startOfWeek(d('2026-03-16')))).to.equal('2026-03-16');
    expect(dateKey(endOfWeek(d('2026-12-31')))).to.equal('2027-01-03');
  });

  it('reads YYYY-MM-DD and YYYY-MM, and refuses days that do not exist', () => {
    expect(parseDateKey('2026-03')).to.deep.equal({ year: 2026, month: 3, day: 1 });
    expect(parseDateKey('2026-02-30')).to.equal(undefined);
    expect(parseDateKey('2026-13')).to.equal(undefined);
    expect(parseDateKey('march')).to.equal(undefined);
    expect(parseDateKey('')).to.equal(undefined);
    expect(parseDateKey(null)).to.equal(undefined);
  });
});

describe('calendar grid: month grid', () => {
  it('starts on the Monday on or before the 1st and ends on the Sunday on or after the last day', () => {
    const march = monthGrid(2026, 3);
    expect(march).to.have.length(6);
    expect(dateKey(march[0]!.days[0]!)).to.equal('2026-02-23');
    expect(dateKey(march[5]!.days[6]!)).to.equal('2026-04-05');
    expect(march.map((w) => w.week)).to.deep.equal([9, 10, 11, 12, 13, 14]);
    for (const week of march) expect(week.days.map(isoWeekday)).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
  });

  it('has four rows for a February that starts on a Monday, and week 53 at the turn of 2026/2027', () => {
    const feb = monthGrid(2027, 2);
    expect(feb).to.have.length(4);
    expect(keys([feb[0]!.days[0]!, feb[3]!.days[6]!])).to.deep.equal(['2027-02-01', '2027-02-28']);
    const december = monthGrid(2026, 12);
    expect(december.map((w) => w.week)).to.deep.equal([49, 50, 51, 52, 53]);
    expect(december[4]!.weekYear).to.equal(2026);
    const january = monthGrid(2027, 1);
    expect(january[0]!.week).to.equal(53);
    expect(january[0]!.weekYear).to.equal(2026);
  });
});

describe('calendar grid: keys', () => {
  const from = d('2026-03-31');
  const move = (key: string, options = {}) => {
    const to = moveByKey(from, key, options);
    return to && dateKey(to);
  };

  it('moves by a day, a week, a month (a year with Shift) and to the week\'s ends', () => {
    expect(move('ArrowRight')).to.equal('2026-04-01');
    expect(move('ArrowLeft')).to.equal('2026-03-30');
    expect(move('ArrowDown')).to.equal('2026-04-07');
    expect(move('ArrowUp')).to.equal('2026-03-24');
    expect(move('PageDown')).to.equal('2026-04-30');
    expect(move('PageUp')).to.equal('2026-02-28');
    expect(move('PageDown', { shift: true })).to.equal('2027-03-31');
    expect(move('PageUp', { shift: true })).to.equal('2025-03-31');
    expect(move('Home')).to.equal('2026-03-30');
    expect(move('End')).to.equal('2026-04-05');
  });

  it('mirrors left and right in right-to-left languages, but not up and down', () => {
    expect(move('ArrowRight', { rtl: true })).to.equal('2026-03-30');
    expect(move('ArrowLeft', { rtl: true })).to.equal('2026-04-01');
    expect(move('ArrowDown', { rtl: true })).to.equal('2026-04-07');
  });

  it('ignores keys the grid does not use', () => {
    expect(move('Tab')).to.equal(undefined);
    expect(move('a')).to.equal(undefined);
  });
});
