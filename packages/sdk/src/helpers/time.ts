/**
 * Wall-clock times in a time zone through `Intl.DateTimeFormat`, without a
 * date library: the parts of an instant in a zone, the instant of a
 * wall-clock time, and meeting times formatted for people.
 */
import type { Meeting } from '../schemas/dataset.js';

/** An instant as the clock on the wall shows it in some time zone. */
export interface ZonedParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0–23. */
  hour: number;
  minute: number;
  second: number;
  /** 1 = Monday … 7 = Sunday (ISO 8601). */
  weekday: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // h23, not hour12: false, which gives "24" at midnight in some engines.
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function toDate(instant: Date | string | number): Date {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid date and time: ${String(instant)}`);
  return date;
}

/** The wall-clock parts of `instant` in `timeZone` (an IANA zone such as `Europe/Stockholm`). */
export function zonedParts(instant: Date | string, timeZone: string): ZonedParts {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0 };
  let bc = false;
  for (const part of partsFormatter(timeZone).formatToParts(toDate(instant))) {
    switch (part.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        out[part.type] = Number(part.value);
        break;
      case 'weekday':
        out.weekday = WEEKDAYS[part.value] ?? 0;
        break;
      case 'era':
        bc = part.value === 'BC' || part.value === 'B';
        break;
    }
  }
  if (bc) out.year = 1 - out.year;
  return out;
}

/** Minutes the zone is ahead of UTC at `ms` (e.g. 60 for Stockholm in winter). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const p = zonedParts(new Date(whole), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  // Date.UTC maps years 0–99 to 1900–1999; those dates never occur here.
  return Math.round((asUtc - whole) / 60_000);
}

/** A wall-clock time; seconds default to 0. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

/**
 * Every instant at which the clock in `timeZone` shows `time`: one normally,
 * two in the hour repeated when summer time ends, none in the hour skipped
 * when it starts.
 */
export function zonedTimeCandidates(time: WallClock, timeZone: string): Date[] {
  const asUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour ?? 0, time.minute ?? 0, time.second ?? 0);
  const offsets = new Set([zoneOffsetMinutes(asUtc - 86_400_000, timeZone), zoneOffsetMinutes(asUtc + 86_400_000, timeZone), zoneOffsetMinutes(asUtc, timeZone)]);
  const found: number[] = [];
  for (const offset of offsets) {
    const ms = asUtc - offset * 60_000;
    if (zoneOffsetMinutes(ms, timeZone) === offset && !found.includes(ms)) found.push(ms);
  }
  return found.sort((a, b) => a - b).map((ms) => new Date(ms));
}

/**
 * The instant at which the clock in `timeZone` shows `time`. In the repeated
 * hour the earlier instant; in a skipped hour the time is moved forward by the
 * gap (02:30 on the night summer time starts → 03:30), as `Temporal` does.
 */
export function zonedTimeToInstant(time: WallClock, timeZone: string): Date {
  const candidates = zonedTimeCandidates(time, timeZone);
  if (candidates.length > 0) return candidates[0]!;
  const asUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour ?? 0, time.minute ?? 0, time.second ?? 0);
  return new Date(asUtc - zoneOffsetMinutes(asUtc - 86_400_000, timeZone) * 60_000);
}

/** Midnight at the start of the day that contains `instant`, in `timeZone`. */
export function startOfZonedDay(instant: Date | string, timeZone: string): Date {
  const p = zonedParts(instant, timeZone);
  return zonedTimeToInstant({ year: p.year, month: p.month, day: p.day }, timeZone);
}

/** Options of {@link formatMeetingTime}. */
export interface FormatMeetingTimeOptions {
  /** The reader's language, e.g. `sv`, `en`, `ar`. */
  lang: string;
  /** The zone the meeting is shown in: the dataset's `timeZone`. */
  timeZone: string;
}

const rangeFormatters = new Map<string, Intl.DateTimeFormat>();

function rangeFormatter(lang: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang}\u0000${timeZone}`;
  let formatter = rangeFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang, { timeZone, weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    rangeFormatters.set(key, formatter);
  }
  return formatter;
}

/**
 * When a meeting is, in the reader's language and the dataset's zone:
 * "tors 12 mars 2026 18:00–20:00" (`sv`), "Thu, March 12, 2026, 6:00 – 8:00 PM" (`en`).
 */
export function formatMeetingTime(meeting: Pick<Meeting, 'start' | 'end'>, options: FormatMeetingTimeOptions): string {
  const start = toDate(meeting.start);
  const end = toDate(meeting.end);
  const formatter = rangeFormatter(options.lang, options.timeZone);
  if (typeof formatter.formatRange === 'function') return formatter.formatRange(start, end);
  return `${formatter.format(start)} – ${formatter.format(end)}`;
}
