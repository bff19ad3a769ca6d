/**
 * The two formatters a time zone's clock is read with (its offset alone, or
 * the nine fields of a wall-clock time), and the dataset's `timeZone` rule
 * that makes the first of them. A module of its own, apart from the time
 * helpers: the rule is part of every check (validators/rules.ts), also a
 * form's, which must not fetch the calendar's time helpers (samverkan-time)
 * for it (test/import-at-once.test.ts); the helpers read their offsets with
 * the very formatter the rule made (issue 18: one formatter per zone).
 */
import { cachedDateTimeFormat } from '../intl-cache.js';

const PARTS: Intl.DateTimeFormatOptions = {
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
};

/** The formatter of a wall-clock time's nine fields in `timeZone` (engines without `longOffset`; zonedParts). */
export function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  return cachedDateTimeFormat('en-US', PARTS, timeZone);
}

// "GMT+02:00", "GMT-03:30", "GMT+00:53:28" (local mean time), or "GMT" for UTC in some engines.
export const LONG_OFFSET = /GMT(?:([+-])(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const OFFSET: Intl.DateTimeFormatOptions = { timeZoneName: 'longOffset' };
/** Whether the engine writes offsets as {@link LONG_OFFSET} (checked once, on the first zone's own formatter). */
let longOffsets: boolean | undefined;

/**
 * A formatter that writes only the zone's offset (`timeZoneName: 'longOffset'`),
 * or `null` where the engine lacks that option. One `format` call of it costs
 * a fifth of the full `formatToParts` (which meeting checks and calendars
 * would otherwise make for every time). Whether the engine has the option is
 * read from the first zone's formatter itself, not from one made for UTC only
 * to test it: that one was a formatter more before a calendar's first month
 * (0.4–1.1 ms in a freshly loaded page, issue 18). Throws, as the constructor
 * does, for a zone the platform does not know.
 *
 * It is the only formatter made for a zone where the engine has the option:
 * the zone is known when it can be made (the parts' formatter, with its nine
 * fields, is made only where the option is missing, to tell the two apart).
 * Each formatter made for the dataset's zone cost 0.3–1.2 ms after the data
 * came, in a calendar's first month (issue 18).
 */
export function offsetFormatter(timeZone: string): Intl.DateTimeFormat | null {
  if (longOffsets === false) {
    partsFormatter(timeZone); // an unknown zone throws here
    return null;
  }
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = cachedDateTimeFormat('en-US', OFFSET, timeZone);
  } catch (error) {
    // An unknown zone throws here too (its own error); a known one means the engine does not know the option.
    partsFormatter(timeZone);
    if (longOffsets === undefined) longOffsets = false;
    else throw error;
    return null;
  }
  longOffsets ??= LONG_OFFSET.test(formatter.format(0));
  if (longOffsets) return formatter;
  partsFormatter(timeZone);
  return null;
}

/**
 * Whether the platform's Intl knows the IANA time zone `timeZone`: the
 * dataset's `timeZone` rule (validators/rules.ts). It makes the formatter the
 * zone's offsets are read with (see offsetFormatter), which the meeting offset
 * rule and a calendar then use, rather than one formatter more of its own.
 * A made-up zone is not kept in the shared cache, so a stream of them grows nothing.
 */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    offsetFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

