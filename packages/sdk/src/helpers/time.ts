/**
 * Wall-clock times in a time zone through `Intl.DateTimeFormat`, without a
 * date library: the parts of an instant in a zone, the instant of a
 * wall-clock time, and meeting times formatted for people.
 */
import { cachedDateTimeFormat } from '../intl-cache.js';
import type { Meeting } from '../schemas/dataset.js';
import { isKnownTimeZone, LONG_OFFSET, offsetFormatter, partsFormatter } from './zone-formatters.js';

export { isKnownTimeZone };

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

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
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

/**
 * The calendar date (`year`, `month` 1–12, `day`) the clock in `timeZone`
 * shows at `ms`: the UTC date of the instant moved by the zone's offset,
 * which needs only the offset's formatter (a calendar's "today"), not the
 * parts' formatter of {@link zonedParts}.
 */
export function zonedDateAt(ms: number, timeZone: string): { year: number; month: number; day: number } {
  const whole = Math.floor(ms / 1000) * 1000;
  const seconds = offsetSeconds(whole, timeZone);
  if (seconds === undefined) {
    const p = zonedParts(new Date(whole), timeZone);
    return { year: p.year, month: p.month, day: p.day };
  }
  const wall = new Date(whole + seconds * 1000);
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** The zone's offset at `whole` (a whole second) in seconds east of UTC, from its offset formatter; `undefined` where there is none. */
function offsetSeconds(whole: number, timeZone: string): number | undefined {
  const formatter = offsetFormatter(timeZone);
  const match = formatter && LONG_OFFSET.exec(formatter.format(whole));
  if (!match) return undefined;
  if (!match[1]) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0);
  return match[1] === '-' ? -seconds : seconds;
}

/** Minutes the zone is ahead of UTC at `ms` (e.g. 60 for Stockholm in winter). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const seconds = offsetSeconds(whole, timeZone);
  if (seconds !== undefined) return Math.round(seconds / 60) || 0;
  return zoneOffsetMinutesByParts(whole, timeZone);
}

/** {@link zoneOffsetMinutes} from the wall-clock parts (engines without `longOffset`; and the tests' reference). */
export function zoneOffsetMinutesByParts(ms: number, timeZone: string): number {
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

/** `+02:00`, `-03:30` or `+00:00` for an offset in minutes east of UTC. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The offset written at the end of an ISO 8601 date-time, in minutes east of
 * UTC (`Z` is 0), or `undefined` when it has none.
 */
export function writtenOffsetMinutes(iso: string): number | undefined {
  const match = /(?:([+-])(\d{2}):?(\d{2})|[Zz])$/.exec(iso);
  if (!match) return undefined;
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** Why {@link zonedDateTimeToIso} could not make a date-time. */
export type LocalTimeProblem = 'invalid-date' | 'invalid-time' | 'invalid-time-zone' | 'nonexistent-time';

/**
 * A local date and time that cannot be turned into an instant: not a date or
 * time at all, an unknown zone, or a time the clocks skip (02:30 on the night
 * summer time starts). `messages` says so in English and Swedish.
 */
export class LocalTimeError extends RangeError {
  override name = 'LocalTimeError' as const;
  readonly problem: LocalTimeProblem;
  readonly localDate: string;
  readonly localTime: string;
  readonly timeZone: string;
  /** The same message in English (`en`, also `message`) and Swedish (`sv`). */
  readonly messages: { en: string; sv: string };

  constructor(problem: LocalTimeProblem, localDate: string, localTime: string, timeZone: string, messages: { en: string; sv: string }) {
    super(messages.en);
    this.problem = problem;
    this.localDate = localDate;
    this.localTime = localTime;
    this.timeZone = timeZone;
    this.messages = messages;
  }
}

/** `true` for a {@link LocalTimeError} (by name, so it works across realms). */
export function isLocalTimeError(value: unknown): value is LocalTimeError {
  return value instanceof Error && value.name === 'LocalTimeError';
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

const DAY_MONTH: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', timeZone: 'UTC' };

/**
 * "18:00 on 10 June" (`en`) or "18:00 den 10 juni" (`sv`): a local date and
 * time as people say it, month names from `Intl`.
 */
export function describeLocalDateTime(localDate: string, localTime: string, lang: 'en' | 'sv'): string {
  const [, y, m, d] = LOCAL_DATE.exec(localDate) ?? [];
  const dayMonth = cachedDateTimeFormat(lang === 'sv' ? 'sv' : 'en-GB', DAY_MONTH).format(
    new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))),
  );
  return lang === 'sv' ? `${localTime} den ${dayMonth}` : `${localTime} on ${dayMonth}`;
}

/**
 * The ISO 8601 date-time (`2026-06-10T18:00:00+02:00`) at which the clock in
 * `timeZone` shows `localTime` (`HH:MM` or `HH:MM:SS`) on `localDate`
 * (`YYYY-MM-DD`), with the zone's offset at that instant: what a form with a
 * date field and a time field should store for a meeting.
 *
 * - A time the clocks skip when summer time starts (02:30 on 29 March 2026
 *   in Europe/Stockholm) does not exist: a {@link LocalTimeError} with
 *   `problem: 'nonexistent-time'` names it. We do not move it silently, as a
 *   meeting at a time nobody can read on a clock is a typo to fix.
 * - A time the clocks show twice when summer time ends (02:30 on 25 October
 *   2026) is taken the first time, still in summer time (`+02:00`): the
 *   earlier instant, as `Temporal`'s default `compatible` disambiguation does.
 *
 * Throws a {@link LocalTimeError} for a date or time that is not one, or an
 * unknown zone.
 */
export function zonedDateTimeToIso(localDate: string, localTime: string, timeZone: string): string {
  const date = LOCAL_DATE.exec(localDate);
  const fail = (problem: LocalTimeProblem, en: string, sv: string) => new LocalTimeError(problem, localDate, localTime, timeZone, { en, sv });
  if (!date || !isRealDate(Number(date[1]), Number(date[2]), Number(date[3]))) {
    throw fail('invalid-date', `"${localDate}" is not a date; write it as YYYY-MM-DD, e.g. 2026-06-10`, `"${localDate}" är inte ett datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-06-10`);
  }
  const time = LOCAL_TIME.exec(localTime);
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59 || Number(time[3] ?? 0) > 59) {
    throw fail('invalid-time', `"${localTime}" is not a time; write it as HH:MM, e.g. 18:00`, `"${localTime}" är inte en tid; skriv den som TT:MM, t.ex. 18:00`);
  }
  if (!isKnownTimeZone(timeZone)) {
    throw fail('invalid-time-zone', `"${timeZone}" is not a time zone such as Europe/Stockholm`, `"${timeZone}" är inte en tidszon som Europe/Stockholm`);
  }
  const wall = { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]), hour: Number(time[1]), minute: Number(time[2]), second: Number(time[3] ?? 0) };
  const [first] = zonedTimeCandidates(wall, timeZone);
  if (!first) {
    const label = { en: describeLocalDateTime(localDate, localTime, 'en'), sv: describeLocalDateTime(localDate, localTime, 'sv') };
    throw fail(
      'nonexistent-time',
      `${label.en} ${date[1]} does not exist in ${timeZone}: the clocks skip that time (summer time starts); choose a time before or after the change`,
      `${label.sv} ${date[1]} finns inte i ${timeZone}: klockan hoppar över den tiden (sommartid börjar); välj en tid före eller efter omställningen`,
    );
  }
  const seconds = time[3] ?? '00';
  return `${localDate}T${time[1]}:${time[2]}:${seconds}${formatOffset(zoneOffsetMinutes(first.getTime(), timeZone))}`;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A local date, time and offset: what {@link isoToZonedParts} returns. */
export interface ZonedDateTimeParts {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM`, or `HH:MM:SS` when the seconds are not zero. */
  time: string;
  /** The zone's offset at that instant, e.g. `+02:00`. */
  offset: string;
}

/**
 * The inverse of {@link zonedDateTimeToIso}: the date, time and offset the
 * clock in `timeZone` shows at the instant `iso` (any ISO 8601 date-time, in
 * any offset): `isoToZonedParts('2026-06-10T16:00:00Z', 'Europe/Stockholm')`
 * → `{ date: '2026-06-10', time: '18:00', offset: '+02:00' }`. For filling a
 * form's date and time fields from a stored meeting.
 */
export function isoToZonedParts(iso: string, timeZone: string): ZonedDateTimeParts {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`"${iso}" is not a date and time such as 2026-06-10T18:00:00+02:00`);
  const p = zonedParts(new Date(ms), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}`,
    time: p.second === 0 ? `${two(p.hour)}:${two(p.minute)}` : `${two(p.hour)}:${two(p.minute)}:${two(p.second)}`,
    offset: formatOffset(zoneOffsetMinutes(ms, timeZone)),
  };
}

/** Options of {@link formatMeetingTime}. */
export interface FormatMeetingTimeOptions {
  /** The reader's language, e.g. `sv`, `en`, `ar`. */
  lang: string;
  /** The zone the meeting is shown in: the dataset's `timeZone`. */
  timeZone: string;
}

const RANGE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' };

function rangeFormatter(lang: string, timeZone: string): Intl.DateTimeFormat {
  return cachedDateTimeFormat(lang, RANGE, timeZone);
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
