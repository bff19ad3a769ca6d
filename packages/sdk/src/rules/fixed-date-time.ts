// A date-time as the data model writes it, read at fixed places: the
// meeting offset rule runs for every meeting's start and end, and reading
// them with a regular expression and Date.parse was most of its cost.
import { daysInMonth, twoDigits } from '../validators/patterns.js';

/** The offset written at the end of a {@link fixedInstant} text, in minutes (`Z`: 0); NaN when it has no such ending. */
export function fixedOffset(iso: string): number {
  const length = iso.length;
  if (length === 20) return iso.charCodeAt(19) === 90 ? 0 : NaN;
  const sign = iso.charCodeAt(19);
  if (length !== 25 || (sign !== 43 && sign !== 45)) return NaN;
  const minutes = twoDigits(iso, 20) * 60 + twoDigits(iso, 23);
  return sign === 45 ? -minutes : minutes;
}

/**
 * The instant of `YYYY-MM-DDTHH:MM:SS±HH:MM` or `YYYY-MM-DDTHH:MM:SSZ`
 * (exactly these 25 or 20 characters, a valid date-time from the year 100
 * on), as `Date.parse` gives it; NaN for any other text, which the caller
 * then reads the general way. Tested against Date.parse, and against zod's
 * date-time pattern (it accepts what this reads).
 *
 * Each field is read once, and checked as isIsoDateTimeWithOffset checks it
 * (ranges, separators, the days of the month), in this one function: the
 * calendar's first month checks a few hundred meetings before the JIT has
 * seen this code, and in the interpreter every call counts. Asking
 * isIsoDateTimeWithOffset and then reading the fields again made 16 reads of
 * two digits and some 14 calls per date-time (issue 18, measured in the report
 * of the commit that brought this).
 */
export function fixedInstant(iso: string): number {
  const length = iso.length;
  let offset: number;
  if (length === 20) {
    if (iso.charCodeAt(19) !== 90) return NaN;
    offset = 0;
  } else {
    const sign = iso.charCodeAt(19);
    if (length !== 25 || (sign !== 43 && sign !== 45) || iso.charCodeAt(22) !== 58) return NaN;
    const hours = twoDigits(iso, 20);
    const minutes = twoDigits(iso, 23);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return NaN;
    offset = sign === 45 ? -(hours * 60 + minutes) : hours * 60 + minutes;
  }
  if (iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45 || iso.charCodeAt(10) !== 84 || iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58) return NaN;
  // (twoDigits gives -1 for anything but two digits. A century of 0, the years 0–99, is left to Date.parse:
  // Date.UTC would take them for 1900–1999.)
  const century = twoDigits(iso, 0);
  const year = twoDigits(iso, 2);
  const month = twoDigits(iso, 5);
  const day = twoDigits(iso, 8);
  const hour = twoDigits(iso, 11);
  const minute = twoDigits(iso, 14);
  const second = twoDigits(iso, 17);
  if (century < 1 || year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  const fullYear = century * 100 + year;
  if (day > daysInMonth(fullYear, month)) return NaN;
  return Date.UTC(fullYear, month - 1, day, hour, minute - offset, second);
}
