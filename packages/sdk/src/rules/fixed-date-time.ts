// A date-time as the data model writes it, read at fixed places: the
// meeting offset rule runs for every meeting's start and end, and reading
// them with a regular expression and Date.parse was most of its cost.
import { daysInMonth, twoDigits } from '../validators/patterns.js';

/** Days from 1970-01-01 to the proleptic Gregorian date (any year; no Date object, no 0–99 year mapping). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The offset written at the end of a {@link fixedInstant} text, in minutes (`Z`: 0); NaN when it has no such ending. */
export function fixedOffset(iso: string): number {
  const length = iso.length;
  if (length === 20) return iso.charCodeAt(19) === 90 ? 0 : NaN;
  const sign = iso.charCodeAt(19);
  if (length !== 25 || (sign !== 43 && sign !== 45) || iso.charCodeAt(22) !== 58) return NaN;
  const hours = twoDigits(iso, 20);
  const minutes = twoDigits(iso, 23);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return NaN;
  return sign === 45 ? -(hours * 60 + minutes) : hours * 60 + minutes;
}

/**
 * The instant of `YYYY-MM-DDTHH:MM:SS±HH:MM` or `YYYY-MM-DDTHH:MM:SSZ`
 * (exactly these 25 or 20 characters, every field in range), as `Date.parse`
 * gives it; NaN for any other text, which the caller then reads the general
 * way. Tested against Date.parse.
 */
export function fixedInstant(iso: string): number {
  const offset = fixedOffset(iso);
  if (Number.isNaN(offset)) return NaN;
  if (iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45 || iso.charCodeAt(10) !== 84 || iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58) return NaN;
  const century = twoDigits(iso, 0);
  const yy = twoDigits(iso, 2);
  const month = twoDigits(iso, 5);
  const day = twoDigits(iso, 8);
  const hour = twoDigits(iso, 11);
  const minute = twoDigits(iso, 14);
  const second = twoDigits(iso, 17);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  const year = century * 100 + yy;
  if (day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute - offset) * 60 + second) * 1000;
}
