// Month, weekday, date, time and zone names from Intl, and lists of language
// names, in the reader's language, through the SDK's shared cache of
// formatters (a month view formats a few hundred names per render, and
// building an Intl formatter costs far more than using one): the options are
// constants, which the cache is keyed by.
import { checkOffset, zoneOffsetMinutes } from '@samverkan/sdk';
import { languageName } from '../../internal/language-names.js';
import { joinedText } from '../../internal/localized.js';
import type { UiLanguage } from '../../translations/catalogue.js';
import type { CalendarDate } from './calendar-grid.js';
import { FULL, MONTH, nameFormat as format, TIME, TIME_UTC, WEEKDAY_LONG, WEEKDAY_NARROW, WEEKDAY_SHORT } from './name-formats.js';

const ZONE: Intl.DateTimeFormatOptions = { timeZoneName: 'longGeneric' };

// Calendar dates are written and read at noon UTC, so no zone moves the day.
const noonUtc = (date: CalendarDate) => Date.UTC(date.year, date.month - 1, date.day, 12);

/** "mars 2026", "March 2026". */
export function monthTitle(year: number, month: number, lang: string): string {
  return format(lang, MONTH).format(noonUtc({ year, month, day: 1 }));
}

/** "tisdag 17 mars 2026", "Tuesday 17 March 2026" (`en`), "Tuesday, March 17, 2026" (`en-US`). */
export function fullDate(date: CalendarDate, lang: string): string {
  return format(lang, FULL).format(noonUtc(date));
}

/**
 * The weekdays Monday … Sunday: narrow ("M", for a grid on a phone), short
 * ("mån"; in Arabic the whole name) and long ("måndag").
 */
export function weekdayNames(lang: string): { narrow: string; short: string; long: string }[] {
  const narrow = format(lang, WEEKDAY_NARROW);
  const short = format(lang, WEEKDAY_SHORT);
  const long = format(lang, WEEKDAY_LONG);
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const day = noonUtc({ year: 2024, month: 1, day: 1 + i });
    return { narrow: narrow.format(day), short: short.format(day), long: long.format(day) };
  });
}

/** Times of day written so far, per formatter (one per language, in UTC), by the clock time written in the instant. */
const writtenTimes = new WeakMap<Intl.DateTimeFormat, Map<string, string>>();
const WRITTEN_CLOCK = /T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The clock time of `instant` in `timeZone`: "18:00"; "6:00 PM" only in `en-US`.
 * A meeting's time as the dataset keeps it is written with the offset the
 * zone has at that instant (the offset rule, which `checkOffset` asks from
 * the offsets it has read by day): then the clock time written in it is the
 * zone's, and is formatted as that clock time in UTC, with a formatter that
 * depends on the language only. That one is made while the calendar waits
 * for its data (prepareNames), not one for the dataset's zone after it came
 * (0.3–1 ms in a calendar's first month, issue 18); and a month's hundred
 * lines ask Intl once per distinct clock time. Any other instant is
 * formatted in the zone.
 */
export function timeOfDay(instant: string, lang: string, timeZone: string): string {
  const written = WRITTEN_CLOCK.exec(instant);
  // Written without an offset, or with another than the zone's, or not a time at all: formatted in the zone, as Intl reads it.
  if (!written || Number.isNaN(Date.parse(instant)) || checkOffset(instant, timeZone) !== undefined) return format(lang, TIME, timeZone).format(Date.parse(instant));
  const formatter = format(lang, TIME_UTC);
  let times = writtenTimes.get(formatter);
  if (!times) writtenTimes.set(formatter, (times = new Map()));
  const key = written[1]! + written[2]!;
  let time = times.get(key);
  if (time === undefined) times.set(key, (time = formatter.format(Date.UTC(2000, 0, 1, Number(written[1]), Number(written[2])))));
  return time;
}

/** The name of `timeZone` as people say it, without summer/winter: "centraleuropeisk tid". */
export function zoneName(instant: string, lang: string, timeZone: string): string {
  try {
    const parts = format(lang, ZONE, timeZone).formatToParts(Date.parse(instant));
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/**
 * `true` when the reader's clock (the browser's zone, which can change while
 * a page is open) shows another time than a clock in `timeZone` at `instant`.
 * Asks `Date` for the reader's offset: no formatter made per render for it.
 */
export function readerClockDiffers(instant: string, timeZone: string): boolean {
  const ms = Date.parse(instant);
  return -new Date(ms).getTimezoneOffset() !== zoneOffsetMinutes(ms, timeZone);
}

/**
 * Language tags as names in the UI language, joined: "svenska, syriska och
 * arabiska". The names are the contact finder's too (ours before Intl's); a
 * tag with no name anywhere stays as it is.
 */
export function languageList(tags: readonly string[], ui: UiLanguage): string {
  return joinedText(tags.map((tag) => languageName(tag, ui)), ui);
}
