// The month grid's date maths, without the DOM and without time zones: a
// calendar date here is a day on the wall calendar of the dataset's zone
// (the element turns instants into dates with the SDK's `zonedParts`). All
// arithmetic goes through `Date.UTC`, which has no daylight-saving gaps, so a
// day is always exactly one step whatever zone the browser is in.

/** A day on the calendar: year, month 1–12, day 1–31. */
export interface CalendarDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
}

/** One week row of a month grid, Monday first. */
export interface GridWeek {
  /** The ISO 8601 week number (1–53). */
  week: number;
  /** The ISO week-numbering year the week belongs to (differs from the month's year around New Year). */
  weekYear: number;
  /** Monday … Sunday. */
  days: CalendarDate[];
}

const DAY_MS = 86_400_000;

function toUtc(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

function fromUtc(ms: number): CalendarDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** How many days `month` (1–12) of `year` has. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 1 = Monday … 7 = Sunday (ISO 8601), as Swedish calendars count. */
export function isoWeekday(date: CalendarDate): number {
  const sundayFirst = new Date(toUtc(date)).getUTCDay();
  return sundayFirst === 0 ? 7 : sundayFirst;
}

/**
 * The ISO 8601 week of `date`: weeks start on Monday and week 1 is the one
 * with the year's first Thursday, so 1 January can be in week 52 or 53 of the
 * year before, and 31 December in week 1 of the next.
 */
export function isoWeek(date: CalendarDate): { week: number; weekYear: number } {
  // The Thursday of this week decides the year the week belongs to.
  const thursday = fromUtc(toUtc(date) + (4 - isoWeekday(date)) * DAY_MS);
  const firstOfYear = Date.UTC(thursday.year, 0, 1);
  const week = Math.floor((toUtc(thursday) - firstOfYear) / DAY_MS / 7) + 1;
  return { week, weekYear: thursday.year };
}

/** `date` moved by `days` (negative: back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/**
 * `date` moved by `months`, the day clamped to the target month's length:
 * 31 January + 1 month is 28 (or 29) February, not 3 March.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** The Monday of the week `date` is in. */
export function startOfWeek(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** The Sunday of the week `date` is in. */
export function endOfWeek(date: CalendarDate): CalendarDate {
  return addDays(date, 7 - isoWeekday(date));
}

/** Negative when `a` is before `b`, 0 on the same day, positive after. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** `true` when `a` and `b` are the same day. */
export function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** `true` when `a` is in the same month as `b`. */
export function sameMonth(a: CalendarDate, b: { year: number; month: number }): boolean {
  return a.year === b.year && a.month === b.month;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The ISO 8601 date `YYYY-MM-DD` (a key for maps, and `<time datetime>`). */
export function dateKey(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** The month `YYYY-MM` of `date`. */
export function monthKey(date: { year: number; month: number }): string {
  return `${pad(date.year, 4)}-${pad(date.month)}`;
}

/**
 * Reads `YYYY-MM-DD` or `YYYY-MM` (then the 1st); `undefined` for anything
 * else, including days that do not exist (2026-02-30).
 */
export function parseDateKey(value: string | null | undefined): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] ? Number(match[3]) : 1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/**
 * The weeks a month view shows: from the Monday on or before the 1st to the
 * Sunday on or after the last day, each with its ISO week number. Four to six
 * rows; the days before and after the month belong to its neighbours.
 */
export function monthGrid(year: number, month: number): GridWeek[] {
  const first = startOfWeek({ year, month, day: 1 });
  const last = endOfWeek({ year, month, day: daysInMonth(year, month) });
  const weeks: GridWeek[] = [];
  for (let monday = first; compareDates(monday, last) <= 0; monday = addDays(monday, 7)) {
    const days: CalendarDate[] = [];
    for (let i = 0; i < 7; i++) days.push(addDays(monday, i));
    const { week, weekYear } = isoWeek(monday);
    weeks.push({ week, weekYear, days });
  }
  return weeks;
}

/** A key the month grid answers to (the names `KeyboardEvent.key` gives). */
export type GridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End';

/** Options of {@link moveByKey}. */
export interface MoveOptions {
  /** Right to left: the arrow keys follow what the reader sees, so ArrowRight goes back a day. */
  rtl?: boolean;
  /** Shift held: PageUp/PageDown move a year instead of a month. */
  shift?: boolean;
}

/**
 * Where focus goes from `date` when the reader presses `key` in the month
 * grid (the WAI-ARIA date grid model): arrows by a day or a week, PageUp and
 * PageDown by a month (a year with Shift, the day clamped), Home and End to
 * the week's Monday and Sunday. `undefined` for a key the grid does not use.
 */
export function moveByKey(date: CalendarDate, key: string, options: MoveOptions = {}): CalendarDate | undefined {
  const forward = options.rtl ? -1 : 1;
  switch (key) {
    case 'ArrowRight':
      return addDays(date, forward);
    case 'ArrowLeft':
      return addDays(date, -forward);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'PageDown':
      return addMonths(date, options.shift ? 12 : 1);
    case 'PageUp':
      return addMonths(date, options.shift ? -12 : -1);
    case 'Home':
      return startOfWeek(date);
    case 'End':
      return endOfWeek(date);
    default:
      return undefined;
  }
}
