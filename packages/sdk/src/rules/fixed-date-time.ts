// A date-time as the data model writes it, read at fixed places: the
// meeting offset rule runs for every meeting's start and end, and reading
// them with a regular expression and Date.parse was most of its cost.
import { isIsoDateTimeWithOffset, twoDigits } from '../validators/patterns.js';

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
 * then reads the general way. Tested against Date.parse.
 */
export function fixedInstant(iso: string): number {
  const offset = fixedOffset(iso);
  // (Date.UTC would take the years 0–99 for 1900–1999.)
  if (Number.isNaN(offset) || !isIsoDateTimeWithOffset(iso) || iso.startsWith('00')) return NaN;
  return Date.UTC(twoDigits(iso, 0) * 100 + twoDigits(iso, 2), twoDigits(iso, 5) - 1, twoDigits(iso, 8), twoDigits(iso, 11), twoDigits(iso, 14) - offset, twoDigits(iso, 17));
}
