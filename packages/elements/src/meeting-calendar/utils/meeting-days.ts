// Meetings placed on the days and months of the dataset's zone, never on the
// browser's local clock, so a reader in New York sees a Stockholm meeting on
// the Stockholm day.
//
// A meeting's `start` and `end` are written with the offset the dataset's
// zone has at that instant: the data model requires it, and `parseDataset`
// leaves out a meeting that breaks it (the contract's "Meeting times" rule,
// sdk/src/rules/meeting-offset.ts). So the date written in them *is* the date
// in the dataset's zone, and placing 2,000 meetings on their days needs no
// Intl call at all (formatToParts costs microseconds a call); an instant
// that is not ours to read that way (the reader's "now") goes through the
// SDK's `zonedDateAt`.
import { sortMeetingsByStart, zonedDateAt, type Meeting } from '@samverkan/sdk';
import { addDays, compareDates, dateKey, monthKey, type CalendarDate } from './calendar-grid.js';

/** The calendar date `instant` falls on in `timeZone` (from the zone's offset: no formatter of all its parts is made for it). */
export function zonedDate(instant: Date | string | number, timeZone: string): CalendarDate {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a valid date and time: ${String(instant)}`);
  return zonedDateAt(ms, timeZone);
}

/** The reader's calendar date at `instant` (their own clock's): today in the calendar's month frame until the dataset names its zone. */
export function readerDate(instant: Date): CalendarDate {
  return { year: instant.getFullYear(), month: instant.getMonth() + 1, day: instant.getDate() };
}

const WRITTEN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?/;

/** The date written in a meeting time (the day in the dataset's zone, see above). */
function writtenDate(iso: string): CalendarDate | undefined {
  const match = WRITTEN.exec(iso);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
}

/** The last day a meeting is on: the day of its last moment, so one that ends exactly at midnight is not on the next day. */
function lastDate(end: string): CalendarDate | undefined {
  const match = WRITTEN.exec(end);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const midnight = match[4] === '00' && match[5] === '00' && !/[1-9]/.test(match[6] ?? '') && !/[1-9]/.test(match[7] ?? '');
  return midnight ? addDays(date, -1) : date;
}

/** A meeting that runs longer than this is placed on its first days only (a year's worth): a made-up span of centuries costs nothing. */
const MAX_DAYS = 366;

/** The first and last day (inclusive) of a stretch of the calendar, such as the days a month grid shows. */
export interface DayRange {
  first: CalendarDate;
  last: CalendarDate;
}

/**
 * The first and last day a meeting written from `start` to `end` is on: it
 * is on its first day even when its end is not after it, and on a year's
 * worth of days at most. `undefined` for what is not a date-time.
 */
function daysOf(start: unknown, end: unknown): DayRange | undefined {
  if (typeof start !== 'string' || typeof end !== 'string') return undefined;
  const first = writtenDate(start);
  const written = lastDate(end);
  if (!first || !written) return undefined;
  const cap = addDays(first, MAX_DAYS - 1);
  const last = compareDates(written, first) < 0 ? first : compareDates(written, cap) > 0 ? cap : written;
  return { first, last };
}

/**
 * `true` when a meeting written from `start` to `end` is on a day of the
 * range (as {@link meetingsByDay} places it). Takes unchecked data too
 * (anything that is not a date-time is on no day), so that a view can choose
 * which meetings of a dataset to check first.
 */
export function touchesRange(start: unknown, end: unknown, range: { firstKey: string; lastKey: string }): boolean {
  if (typeof start !== 'string' || typeof end !== 'string') return false;
  // ISO dates compare as strings, so most meetings of a year are left out by
  // comparing the first ten characters, before any pattern is matched: one
  // that starts after the range, or ends before it (its last day is never
  // after the date written in its end, nor its first day after its start).
  const firstKey = start.slice(0, 10);
  if (firstKey > range.lastKey || (firstKey < range.firstKey && end.slice(0, 10) < range.firstKey)) return false;
  if (!WRITTEN.test(start) || !WRITTEN.test(end)) return false;
  if (firstKey >= range.firstKey) return true;
  const days = daysOf(start, end);
  return days !== undefined && dateKey(days.last) >= range.firstKey;
}

/**
 * Every meeting on each day it touches, by {@link dateKey}, each day's sorted
 * by start (then end). With `range`, only the days of that range (a month
 * grid's 42 days: only its meetings are sorted and placed, not a year's).
 */
export function meetingsByDay(meetings: readonly Meeting[], range?: DayRange): Map<string, Meeting[]> {
  const byDay = new Map<string, Meeting[]>();
  const keys = range && { firstKey: dateKey(range.first), lastKey: dateKey(range.last) };
  const chosen = keys ? meetings.filter((meeting) => touchesRange(meeting.start, meeting.end, keys)) : meetings;
  for (const meeting of sortMeetingsByStart(chosen)) {
    // Most meetings start and end on the date they start: that date's key is the first ten characters
    // of their start (as dateKey writes it), and no day needs working out (in a range, touchesRange
    // kept only those whose date is in it). A meeting that ends at midnight of its own start date is
    // on that date alone there too (daysOf: never before its first day).
    const startKey = meeting.start.slice(0, 10);
    if (meeting.end.slice(0, 10) === startKey && WRITTEN.test(meeting.start) && WRITTEN.test(meeting.end)) {
      const list = byDay.get(startKey);
      if (list) list.push(meeting);
      else byDay.set(startKey, [meeting]);
      continue;
    }
    const days = daysOf(meeting.start, meeting.end);
    if (!days) continue;
    let day = range && compareDates(days.first, range.first) < 0 ? range.first : days.first;
    const last = range && compareDates(days.last, range.last) > 0 ? range.last : days.last;
    for (; compareDates(day, last) <= 0; day = addDays(day, 1)) {
      const key = dateKey(day);
      let list = byDay.get(key);
      if (!list) byDay.set(key, (list = []));
      list.push(meeting);
    }
  }
  return byDay;
}

/** A month's meetings, for the list view's headings. */
export interface MonthGroup {
  /** `YYYY-MM` in the dataset's zone. */
  key: string;
  year: number;
  month: number;
  meetings: Meeting[];
}

/** Sorted meetings grouped by the month (in the dataset's zone) they start in, in the same order. */
export function groupByMonth(meetings: readonly Meeting[]): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (const meeting of meetings) {
    const date = writtenDate(meeting.start);
    if (!date) continue;
    const key = monthKey(date);
    const last = groups[groups.length - 1];
    if (last?.key === key) last.meetings.push(meeting);
    else groups.push({ key, year: date.year, month: date.month, meetings: [meeting] });
  }
  return groups;
}
