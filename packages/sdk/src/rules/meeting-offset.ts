/**
 * Meeting times that cannot be an hour wrong (issue 13): the offset written
 * in a meeting's `start` and `end` must be the dataset time zone's offset at
 * that instant. A June meeting copied from a winter one keeps `+01:00`, is a
 * valid ISO date-time, and is shown an hour late everywhere; this rule is what
 * catches it. One home, used by `parseDataset` (and so `samverkan validate`),
 * the server's writes and the admin page.
 */
import type { Issue } from '../errors.js';
import { pathToString, type PathSegment } from '../issues.js';
import { describeLocalDateTime, formatOffset, writtenOffsetMinutes, zonedTimeCandidates, zoneOffsetMinutes } from '../helpers/time.js';
import { fixedInstant, fixedOffset } from './fixed-date-time.js';

/** The languages the rule's messages are written in. */
export type MeetingOffsetLanguage = 'en' | 'sv';

/** What is wrong with one date-time's offset. */
export interface OffsetMismatch {
  /** The offset as written, e.g. `+01:00`. */
  written: string;
  /**
   * The offset the zone has at the written wall-clock time, e.g. `+02:00`;
   * `undefined` when that wall-clock time does not exist in the zone (the
   * hour skipped when summer time starts).
   */
  expected?: string;
  /** The value with the right offset (`2026-06-10T18:00:00+02:00`), when there is one. */
  suggestion?: string;
  /** The written local date (`2026-06-10`) and time (`18:00`). */
  localDate: string;
  localTime: string;
}

const PARTS = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?/;

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * What is known of one zone's offsets, by UTC day and hour number: the
 * offset at each midnight (and, on a day with a transition, each hour's
 * start) asked so far; for each day (and hour) the offset it has throughout,
 * `null` when it has a transition: a day with one is looked at by the hour,
 * and only the instants of the hour with the transition are asked one by one.
 */
interface ZoneOffsets {
  name: string;
  starts: Map<number, number>;
  days: Map<number, number | null>;
  hours: Map<number, number | null>;
}

// Per zone. A dataset's meetings fall on a few hundred days; each day costs
// one Intl call (its midnight; the next midnight is the next day's), not two
// per meeting, which keeps parseDataset's cost for 2,000 meetings to a few
// milliseconds. Bounded, since a server checks datasets for its whole life.
const zones = new Map<string, ZoneOffsets>();
// The zone asked last: a dataset asks for one zone thousands of times.
let last: ZoneOffsets | undefined;

/** The offset at the start of UTC period `index` (of `length` ms). */
function offsetAtStart(zone: ZoneOffsets, index: number, length: number): number {
  const ms = index * length;
  let offset = zone.starts.get(ms);
  if (offset === undefined) {
    offset = zoneOffsetMinutes(ms, zone.name);
    zone.starts.set(ms, offset);
  }
  return offset;
}

/**
 * The offset the period `index` (of `length` ms: a UTC day or hour) has
 * throughout, or null. Two transitions within one day never happen, so the
 * same offset at both ends means one offset all through: the one after any
 * transition in the period is the offset at its end.
 */
function steadyOffset(zone: ZoneOffsets, periods: Map<number, number | null>, index: number, length: number): number | null {
  let offset = periods.get(index);
  if (offset === undefined) {
    const first = offsetAtStart(zone, index, length);
    offset = first === offsetAtStart(zone, index + 1, length) ? first : null;
    periods.set(index, offset);
  }
  return offset;
}

function offsetAt(ms: number, timeZone: string): number {
  let zone = last?.name === timeZone ? last : zones.get(timeZone);
  if (!zone) {
    if (zones.size >= 16) zones.clear();
    zone = { name: timeZone, starts: new Map(), days: new Map(), hours: new Map() };
    zones.set(timeZone, zone);
  }
  last = zone;
  if (zone.days.size >= 8192 || zone.hours.size >= 8192) {
    zone.days.clear();
    zone.hours.clear();
    zone.starts.clear();
  }
  const day = steadyOffset(zone, zone.days, Math.floor(ms / DAY), DAY);
  if (day !== null) return day;
  return steadyOffset(zone, zone.hours, Math.floor(ms / HOUR), HOUR) ?? zoneOffsetMinutes(ms, timeZone);
}

/**
 * `undefined` when the offset written in `iso` is the offset `timeZone` has
 * at that instant (`2026-06-10T18:00:00+02:00` in Europe/Stockholm), else
 * what it should be. A value that is not a date-time with an offset is left
 * to the schema (`undefined` here).
 */
export function checkOffset(iso: string, timeZone: string): OffsetMismatch | undefined {
  // The form the data model writes is read at fixed places; any other text the general way.
  let ms = fixedInstant(iso);
  let written: number | undefined = fixedOffset(iso);
  if (Number.isNaN(ms)) {
    written = writtenOffsetMinutes(iso);
    if (written === undefined) return undefined;
    ms = Date.parse(iso);
    if (Number.isNaN(ms)) return undefined;
  }
  let actual: number;
  try {
    actual = offsetAt(ms, timeZone);
  } catch {
    return undefined; // an unknown zone is the header's problem, reported there
  }
  // The written parts are read only for a mismatch's message (most times are right).
  const parts = actual === written ? null : PARTS.exec(iso);
  if (!parts) return undefined;

  // What the writer meant is the wall-clock time they wrote: say which offset
  // that time has (in the repeated hour in autumn, the earlier one).
  const [, localDate, localTime, rest = ''] = parts as unknown as [string, string, string, string | undefined];
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  const [hour, minute] = localTime.split(':').map(Number) as [number, number];
  const second = rest ? Math.floor(Number(rest.slice(1))) : 0;
  const [instant] = zonedTimeCandidates({ year, month, day, hour, minute, second }, timeZone);
  const mismatch: OffsetMismatch = { written: formatOffset(written), localDate, localTime };
  if (instant) {
    mismatch.expected = formatOffset(zoneOffsetMinutes(instant.getTime(), timeZone));
    mismatch.suggestion = `${localDate}T${localTime}${rest || ':00'}${mismatch.expected}`;
  }
  return mismatch;
}

/**
 * The message for a mismatch, without the path:
 * "has the offset +01:00, but 18:00 on 10 June is +02:00 in Europe/Stockholm;
 * write 2026-06-10T18:00:00+02:00" (`en`), or in Swedish "har
 * tidsförskjutningen +01:00, men 18:00 den 10 juni är +02:00 i
 * Europe/Stockholm; skriv 2026-06-10T18:00:00+02:00" (`sv`).
 */
export function describeOffsetMismatch(mismatch: OffsetMismatch, timeZone: string, lang: MeetingOffsetLanguage = 'en'): string {
  const when = describeLocalDateTime(mismatch.localDate, mismatch.localTime, lang);
  const year = mismatch.localDate.slice(0, 4);
  if (lang === 'sv') {
    return mismatch.expected
      ? `har tidsförskjutningen ${mismatch.written}, men ${when} är ${mismatch.expected} i ${timeZone}; skriv ${mismatch.suggestion}`
      : `har tidsförskjutningen ${mismatch.written}, men ${when} ${year} finns inte i ${timeZone} (klockan hoppar över den tiden när sommartid börjar); välj en tid före eller efter omställningen`;
  }
  return mismatch.expected
    ? `has the offset ${mismatch.written}, but ${when} is ${mismatch.expected} in ${timeZone}; write ${mismatch.suggestion}`
    : `has the offset ${mismatch.written}, but ${when} ${year} does not exist in ${timeZone} (the clocks skip it when summer time starts); choose a time before or after the change`;
}

/** Options of {@link meetingOffsetIssues}. */
export interface MeetingOffsetOptions {
  /** Prefixed to the issues' paths, e.g. `['meetings', 4]`. */
  path?: readonly PathSegment[];
  /** The language of the messages; English by default. */
  lang?: MeetingOffsetLanguage;
}

/** The issue code of a wrong offset. */
export const MEETING_OFFSET_CODE = 'meeting-offset';

/**
 * Whether both of a meeting's `start` and `end` pass the rule (what an empty
 * {@link meetingOffsetIssues} says), without making anything: a dataset
 * check asks this for every meeting, and the issues only for one that fails.
 */
export function meetingOffsetsHold(meeting: { start?: unknown; end?: unknown }, timeZone: string): boolean {
  const { start, end } = meeting;
  return (typeof start !== 'string' || !checkOffset(start, timeZone)) && (typeof end !== 'string' || !checkOffset(end, timeZone));
}

/**
 * The issues of one meeting's `start` and `end` under the rule, each at its
 * field's path (`meetings[4].start`) with the code `meeting-offset`; empty
 * when both are right (or not date-times at all: that is the schema's to say).
 */
export function meetingOffsetIssues(meeting: { start?: unknown; end?: unknown }, timeZone: string, options: MeetingOffsetOptions = {}): Issue[] {
  const issues: Issue[] = [];
  for (const field of ['start', 'end'] as const) {
    const value = meeting[field];
    if (typeof value !== 'string') continue;
    const mismatch = checkOffset(value, timeZone);
    if (!mismatch) continue;
    const segments = [...(options.path ?? []), field];
    const params: Record<string, string> = { ...(mismatch as unknown as Record<string, string>), timeZone };
    issues.push({ path: pathToString(segments), segments, code: MEETING_OFFSET_CODE, message: describeOffsetMismatch(mismatch, timeZone, options.lang), params });
  }
  return issues;
}
