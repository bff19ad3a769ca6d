// Dates and durations through Intl, with the formatters in the SDK's shared
// cache: a list of 10,000 organisations formats many dates, and building an
// Intl formatter costs far more than using one.
import { cachedDateTimeFormat, cachedRelativeTimeFormat } from '@samverkan/sdk';

/**
 * The locale that dates and times are written in for a language tag. A bare
 * `en` is written the British way (day before month, 24-hour clock: "Tue 8
 * December 2026, 15:00–16:30"), which Swedish, Finnish and most European
 * readers of a municipality's page expect, rather than Intl's default for
 * `en` (US: "December 8, 2026, 3:00 PM"). A page that names a region
 * (`lang="en-US"`, `en-IE`) gets that region's conventions.
 */
export function dateLocale(lang: string): string {
  return lang.toLowerCase() === 'en' ? 'en-GB' : lang;
}

const DATE: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
const RELATIVE: Intl.RelativeTimeFormatOptions = { numeric: 'auto' };

/**
 * A calendar date (`2026-03-12`, as the dataset writes `signedOn`) in the
 * reader's language: "12 mars 2026". Read and written in UTC, so the day never
 * shifts with the browser's time zone. Invalid input is returned as it is.
 */
export function formatDateOnly(isoDate: string, lang: string): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(time)) return isoDate;
  return cachedDateTimeFormat(dateLocale(lang), DATE).format(time);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * How long ago `then` was, in the reader's language ("för 3 timmar sedan",
 * "3 hours ago"), in the largest whole unit; under a minute reads as "now".
 */
export function formatAge(then: Date, lang: string, now: Date = new Date()): string {
  const format = cachedRelativeTimeFormat(lang, RELATIVE);
  const elapsed = Math.max(0, now.getTime() - then.getTime());
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  }
  return format.format(0, 'second');
}

const ALWAYS: Intl.RelativeTimeFormatOptions = { numeric: 'always' };
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/**
 * How long until something, in the reader's language: in seconds under a
 * minute and a half ("om 45 sekunder", "in 45 seconds"), else in whole
 * minutes, rounded up ("om 3 minuter").
 */
export function formatWait(seconds: number, lang: string): string {
  const format = cachedRelativeTimeFormat(lang, ALWAYS);
  return seconds < 90 ? format.format(Math.max(1, seconds), 'second') : format.format(Math.max(1, Math.ceil(seconds / 60)), 'minute');
}

/** The time on the reader's own clock at `instant`: "14:32" (and "2:32 PM" only where the language writes it so, such as `en-US`). */
export function formatClockTime(instant: Date, lang: string): string {
  return cachedDateTimeFormat(dateLocale(lang), CLOCK).format(instant);
}
