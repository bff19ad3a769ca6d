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
// SDK's `zonedParts`.
import { sortMeetingsByStart, zonedParts, type Meeting } from '@samverkan/sdk';
import { addDays, compareDates, dateKey, monthKey, type CalendarDate } from './calendar-grid.js';

/** The calendar date `instant` falls on in `timeZone`. */
export function zonedDate(instant: Date | string | number, timeZone: string): CalendarDate {
  const p = zonedParts(new Date(instant), timeZone);
  return { year: p.year, month: p.month, day: p.day };
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

/**
 * Every meeting on each day it touches, by {@link dateKey}, each day's sorted
 * by start (then end). Made once per list of meetings (a dataset, or one kind
 * of its meetings), so a month, or the next one, only looks its days up.
 */
export function meetingsByDay(meetings: readonly Meeting[]): Map<string, Meeting[]> {
  const days = new Map<string, Meeting[]>();
  for (const meeting of sortMeetingsByStart(meetings)) {
    const first = writtenDate(meeting.start);
    const last = lastDate(meeting.end);
    if (!first || !last) continue;
    let day = first;
    for (let n = 0; n < MAX_DAYS && (n === 0 || compareDates(day, last) <= 0); n++, day = addDays(day, 1)) {
      const key = dateKey(day);
      let list = days.get(key);
      if (!list) days.set(key, (list = []));
      list.push(meeting);
    }
  }
  return days;
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
