// The formatters of a month's names (month, weekdays, dates, times of day),
// which depend on the reader's language only: their options, and making them
// all. In the calendar's first download (not with its parts, where the names
// are written: calendar-names.ts), so that a calendar makes them while its
// data is on its way even when its parts arrive after the data (issue 18: on
// a loaded machine the parts came after data set a frame after the element,
// and the month's formatters, 6–11 ms, were made between the data and its
// month). The SDK's cache is keyed by the options object: these constants are
// the ones calendar-names.ts formats with.
import { cachedDateTimeFormat } from '@samverkan/sdk';
import { dateLocale } from '../../utils/format.js';

export const MONTH: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };
export const FULL: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
export const WEEKDAY_NARROW: Intl.DateTimeFormatOptions = { weekday: 'narrow', timeZone: 'UTC' };
export const WEEKDAY_SHORT: Intl.DateTimeFormatOptions = { weekday: 'short', timeZone: 'UTC' };
export const WEEKDAY_LONG: Intl.DateTimeFormatOptions = { weekday: 'long', timeZone: 'UTC' };
export const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
/** A clock time written in a meeting's time, formatted as that time in UTC (calendar-names.ts, timeOfDay). */
export const TIME_UTC: Intl.DateTimeFormatOptions = { ...TIME, timeZone: 'UTC' };

/** The formatter of `options` in `lang` (and `timeZone`, when given), from the SDK's shared cache. */
export function nameFormat(lang: string, options: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  return cachedDateTimeFormat(dateLocale(lang), options, timeZone);
}

/**
 * Makes the formatters of a month's names and times of day in `lang` (those
 * that do not depend on the dataset's zone), and uses each once. A page's
 * first Intl.DateTimeFormat costs 15–35 ms (ICU loads its data) and each
 * formatter after it about a millisecond: made while the calendar waits for
 * its data, that is not paid after it comes.
 */
export function prepareNames(lang: string): void {
  for (const options of [MONTH, FULL, WEEKDAY_NARROW, WEEKDAY_SHORT, WEEKDAY_LONG, TIME_UTC]) nameFormat(lang, options).format(0);
}
