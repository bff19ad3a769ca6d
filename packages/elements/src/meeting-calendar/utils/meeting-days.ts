// Meetings placed on the days and months of the dataset's zone. The instants
// come from the data (ISO 8601 with an offset); which day a meeting is on is
// read with the SDK's `zonedParts`, never with the browser's local clock, so
// a reader in New York sees a Stockholm meeting on the Stockholm day.
import { meetingsInRange, zonedParts, zonedTimeToInstant, type Dataset, type Meeting } from '@samverkan/sdk';
import { addDays, compareDates, dateKey, monthKey, type CalendarDate } from './calendar-grid.js';

/** The calendar date `instant` falls on in `timeZone`. */
export function zonedDate(instant: Date | string | number, timeZone: string): CalendarDate {
  const p = zonedParts(new Date(instant), timeZone);
  return { year: p.year, month: p.month, day: p.day };
}

/**
 * The meetings of `dataset` on each day from `first` to `last` (inclusive) in
 * `timeZone`, by {@link dateKey}, each day's sorted by start. A meeting that
 * runs past midnight is on every day it touches; one that ends exactly at
 * midnight is not on the next day.
 */
export function meetingsByDay(
  dataset: Pick<Dataset, 'meetings'>,
  first: CalendarDate,
  last: CalendarDate,
  timeZone: string,
): Map<string, Meeting[]> {
  const from = zonedTimeToInstant(first, timeZone);
  const to = zonedTimeToInstant(addDays(last, 1), timeZone);
  const days = new Map<string, Meeting[]>();
  for (const meeting of meetingsInRange(dataset as Dataset, from, to)) {
    const start = zonedDate(meeting.start, timeZone);
    // The last moment of the meeting decides its last day: 18:00–00:00 is one day.
    const end = zonedDate(Date.parse(meeting.end) - 1, timeZone);
    let day = compareDates(start, first) < 0 ? first : start;
    const stop = compareDates(end, last) > 0 ? last : end;
    for (; compareDates(day, stop) <= 0; day = addDays(day, 1)) {
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

/** Sorted meetings grouped by the month (in `timeZone`) they start in, in the same order. */
export function groupByMonth(meetings: readonly Meeting[], timeZone: string): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (const meeting of meetings) {
    const date = zonedDate(meeting.start, timeZone);
    const key = monthKey(date);
    const last = groups[groups.length - 1];
    if (last?.key === key) last.meetings.push(meeting);
    else groups.push({ key, year: date.year, month: date.month, meetings: [meeting] });
  }
  return groups;
}
