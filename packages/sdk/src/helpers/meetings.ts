import type { Dataset, Meeting } from '../schemas/dataset.js';
import { startOfZonedDay } from './time.js';

/** Options of {@link upcomingMeetings}. */
export interface UpcomingMeetingsOptions {
  /** Every meeting, past ones included (still sorted by start). */
  includePast?: boolean;
  /** Also keep meetings that ended earlier today, "today" in the dataset's `timeZone`. */
  fromStartOfDay?: boolean;
}

/**
 * `meetings` sorted by start, then end (as instants; equal ones keep their
 * order). Each time is parsed once, not once per comparison.
 */
export function sortMeetingsByStart(meetings: readonly Meeting[]): Meeting[] {
  return meetings
    .map((meeting) => ({ meeting, start: Date.parse(meeting.start), end: Date.parse(meeting.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map(({ meeting }) => meeting);
}

/**
 * The meetings that have not ended at `now`, those under way included, sorted
 * by start. Cancelled and postponed meetings are kept (show them as such).
 */
export function upcomingMeetings(dataset: Dataset, now: Date = new Date(), options: UpcomingMeetingsOptions = {}): Meeting[] {
  if (options.includePast) return sortMeetingsByStart(dataset.meetings);
  const from = options.fromStartOfDay ? startOfZonedDay(now, dataset.timeZone).getTime() : now.getTime();
  return sortMeetingsByStart(dataset.meetings.filter((m) => Date.parse(m.end) > from));
}

/**
 * The meetings that overlap `[from, to)`, sorted by start: a meeting from
 * 23:00 to 01:00 belongs to both days. For a day or month in the dataset's
 * zone, build `from`/`to` with `zonedTimeToInstant`.
 */
export function meetingsInRange(dataset: Dataset, from: Date, to: Date): Meeting[] {
  const a = from.getTime();
  const b = to.getTime();
  return sortMeetingsByStart(dataset.meetings.filter((m) => Date.parse(m.start) < b && Date.parse(m.end) > a));
}
