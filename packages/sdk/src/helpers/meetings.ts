import type { Dataset, Meeting } from '../schemas/dataset.js';
import { startOfZonedDay } from './time.js';

/** Options of {@link upcomingMeetings}. */
export interface UpcomingMeetingsOptions {
  /** Every meeting, past ones included (still sorted by start). */
  includePast?: boolean;
  /** Also keep meetings that ended earlier today, "today" in the dataset's `timeZone`. */
  fromStartOfDay?: boolean;
}

function byStart(a: Meeting, b: Meeting): number {
  return Date.parse(a.start) - Date.parse(b.start) || Date.parse(a.end) - Date.parse(b.end);
}

/**
 * The meetings that have not ended at `now`, those under way included, sorted
 * by start. Cancelled and postponed meetings are kept (show them as such).
 */
export function upcomingMeetings(dataset: Dataset, now: Date = new Date(), options: UpcomingMeetingsOptions = {}): Meeting[] {
  if (options.includePast) return [...dataset.meetings].sort(byStart);
  const from = options.fromStartOfDay ? startOfZonedDay(now, dataset.timeZone).getTime() : now.getTime();
  return dataset.meetings.filter((m) => Date.parse(m.end) > from).sort(byStart);
}

/**
 * The meetings that overlap `[from, to)`, sorted by start: a meeting from
 * 23:00 to 01:00 belongs to both days. For a day or month in the dataset's
 * zone, build `from`/`to` with `zonedTimeToInstant`.
 */
export function meetingsInRange(dataset: Dataset, from: Date, to: Date): Meeting[] {
  const a = from.getTime();
  const b = to.getTime();
  return dataset.meetings.filter((m) => Date.parse(m.start) < b && Date.parse(m.end) > a).sort(byStart);
}
