// Month, weekday, date, time and zone names from Intl, and lists of language
// names, in the reader's language, with the formatters cached: a month view formats a few hundred
// names per render, and building an Intl formatter costs far more than using one.
import { zoneOffsetMinutes } from '@samverkan/sdk';
import { languageName } from '../../internal/language-names.js';
import type { UiLanguage } from '../../translations/catalogue.js';
import { dateLocale } from '../../utils/format.js';
import type { CalendarDate } from './calendar-grid.js';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: string, name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}\u0000${name}\u0000${options.timeZone ?? ''}`;
  let formatter = formats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(dateLocale(lang), options);
    formats.set(key, formatter);
  }
  return formatter;
}

// Calendar dates are written and read at noon UTC, so no zone moves the day.
const noonUtc = (date: CalendarDate) => Date.UTC(date.year, date.month - 1, date.day, 12);

/** "mars 2026", "March 2026". */
export function monthTitle(year: number, month: number, lang: string): string {
  return format(lang, 'month', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(noonUtc({ year, month, day: 1 }));
}

/** "tisdag 17 mars 2026", "Tuesday 17 March 2026" (`en`), "Tuesday, March 17, 2026" (`en-US`). */
export function fullDate(date: CalendarDate, lang: string): string {
  return format(lang, 'full', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(noonUtc(date));
}

/**
 * The weekdays Monday … Sunday: narrow ("M", for a grid on a phone), short
 * ("mån"; in Arabic the whole name) and long ("måndag").
 */
export function weekdayNames(lang: string): { narrow: string; short: string; long: string }[] {
  const narrow = format(lang, 'wd-narrow', { weekday: 'narrow', timeZone: 'UTC' });
  const short = format(lang, 'wd-short', { weekday: 'short', timeZone: 'UTC' });
  const long = format(lang, 'wd-long', { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const day = noonUtc({ year: 2024, month: 1, day: 1 + i });
    return { narrow: narrow.format(day), short: short.format(day), long: long.format(day) };
  });
}

/** The clock time of `instant` in `timeZone`: "18:00"; "6:00 PM" only in `en-US`. */
export function timeOfDay(instant: string, lang: string, timeZone: string): string {
  return format(lang, 'time', { hour: '2-digit', minute: '2-digit', timeZone }).format(Date.parse(instant));
}

/** The name of `timeZone` as people say it, without summer/winter: "centraleuropeisk tid". */
export function zoneName(instant: string, lang: string, timeZone: string): string {
  try {
    const parts = format(lang, 'zone', { timeZoneName: 'longGeneric', timeZone }).formatToParts(Date.parse(instant));
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** The browser's time zone now (it can change while a page is open). */
export function readerTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** `true` when a clock in `readerZone` shows another time than one in `timeZone` at `instant`. */
export function clocksDiffer(instant: string, timeZone: string, readerZone: string): boolean {
  if (readerZone === timeZone) return false;
  const ms = Date.parse(instant);
  return zoneOffsetMinutes(ms, readerZone) !== zoneOffsetMinutes(ms, timeZone);
}

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * Language tags as names in the UI language, joined: "svenska, syriska och
 * arabiska". The names are the contact finder's too (ours before Intl's); a
 * tag with no name anywhere stays as it is.
 */
export function languageList(tags: readonly string[], ui: UiLanguage): string {
  let list = listFormats.get(ui);
  if (!list) {
    list = new Intl.ListFormat(ui, { style: 'long', type: 'conjunction' });
    listFormats.set(ui, list);
  }
  return list.format(tags.map((tag) => languageName(tag, ui)));
}
