// The month grid's model: its weeks, days, names and each day's lines, worked
// out when the month, language, kind or dataset changes (not per render, nor
// per cell). Only a calendar with data builds one, so it comes with the
// calendar's parts (meeting-calendar-parts.ts), not in its first download
// (issue 18: the calendar's page had 31 B left under its 25 KB budget).
import { nothing } from 'lit';
import { zonedTimeToInstant, type Dataset, type DatasetCheck, type DatasetHeader, type Meeting } from '@samverkan/sdk';
import { localizedText } from '../internal/localized.js';
import { plural, type UiLanguage } from '../translations/catalogue.js';
import { dayLines } from './day-lines.js';
import type { MeetingCalendarMessages } from './messages.js';
import { dateKey, monthGrid, monthKey, sameMonth, type CalendarDate } from './utils/calendar-grid.js';
import { fullDate, monthTitle, readerClockDiffers, weekdayNames, zoneName } from './utils/calendar-names.js';
import type { DayRange } from './utils/meeting-days.js';

/** Meeting titles a month cell shows before "n more". */
export const CELL_LIMIT = 3;

/** Month grids whose meetings a dataset view keeps indexed (a reader paging through a few years). */
const MONTHS_KEPT = 36;

/**
 * What the dataset gives the calendar, worked out once per dataset and kind
 * (not per render, nor per month): from the checked dataset, or, while a
 * dataset given as `data` is still being checked, from the SDK's progressive
 * check (a month asks it for its own meetings only; the rest is checked in
 * later tasks, and then the whole dataset takes over).
 */
export interface DatasetView {
  /** The dataset or its check; `undefined` for the month's frame before the dataset comes (no meetings). */
  source: Dataset | DatasetCheck | undefined;
  /** The dataset's top level (zone, languages, agreement): all the calendar needs besides the meetings. `undefined` with the frame. */
  header: DatasetHeader | undefined;
  kind: string;
  /** The meetings of the chosen kind (all of them without one); `undefined` while the dataset is being checked. */
  meetings: readonly Meeting[] | undefined;
  /** The kinds the dataset has, in the data model's order. */
  kinds: string[];
  /** The meetings of each month grid shown so far, by month (a grid indexes only its own 42 days: no index of every meeting is made). */
  months: Map<string, MonthMeetings>;
}

/** The meetings on a month grid's days. */
export interface MonthMeetings {
  byDay: Map<string, Meeting[]>;
  /**
   * False when the grid was shown from the check while some of its meetings
   * waited for zod (see ListCheck.keptAt): the whole dataset then places
   * them again. A complete grid is the whole dataset's too (the same entries).
   */
  complete: boolean;
}

/** One day of the month grid, as the month shows it whichever day has the focus. */
export interface GridDay {
  date: CalendarDate;
  key: string;
  outside: boolean;
  /** What a screen reader hears: "tisdag 17 mars 2026, 3 möten". */
  label: string;
  count: number;
  /** The cell's first meetings (hidden from screen readers, which hear the label), or `nothing`. */
  lines: HTMLUListElement | typeof nothing;
  /** The day's meetings the lines were made from. */
  meetings: readonly Meeting[] | undefined;
}

/**
 * The month the grid shows: its weeks, days, names and meetings; moving the
 * focus or opening a day only renders it again.
 */
export interface MonthView {
  view: DatasetView;
  month: string;
  lang: string;
  ui: string;
  shown: CalendarDate;
  title: string;
  weekdays: { narrow: string; short: string; long: string }[];
  /** The zone note under the grid ("times in central European time") when the reader's clock differs. */
  zoneNote?: string;
  weeks: { week: number; label: string; days: GridDay[] }[];
  byDay: Map<string, Meeting[]>;
}

/** Whether a cell's lines made from `before` show the same as from `now`: the same first meetings (the same objects), and as many. */
function sameLines(before: readonly Meeting[] | undefined, now: readonly Meeting[]): boolean {
  if (!before || before.length !== now.length) return false;
  for (let index = 0; index < Math.min(now.length, CELL_LIMIT); index++) if (before[index] !== now[index]) return false;
  return true;
}

/** Whether two datasets' tops write a meeting's time and title alike (its zone and default language). */
function sameWording(a: DatasetHeader | undefined, b: DatasetHeader | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.timeZone === b.timeZone && a.defaultLanguage === b.defaultLanguage);
}

/** What a month's model is made in: the language, the strings, the model before (kept where nothing it shows changed). */
export interface MonthModelContext {
  lang: string;
  ui: UiLanguage;
  m: MeetingCalendarMessages;
  last: MonthView | undefined;
  /** The meetings on the days of a month grid (the element's own: from the dataset, or from its check). */
  meetingsOn: (view: DatasetView, range: DayRange) => MonthMeetings;
}

/** The month grid's model of `shown`: the last one while nothing it shows has changed. */
export function monthModel(view: DatasetView, shown: CalendarDate, { lang, ui, m, last, meetingsOn }: MonthModelContext): MonthView {
  const month = monthKey(shown);
  const kept = view.months.get(month);
  if (last && last.month === month && last.lang === lang && last.ui === ui) {
    if (last.view === view) return last;
    // The whole dataset took over from its check with this month's meetings the same: the model stands.
    if (kept && last.byDay === kept.byDay) return { ...last, view };
  }
  const { header } = view;
  const weeks = monthGrid(shown.year, shown.month);
  const first = weeks[0]!.days[0]!;
  const lastDay = weeks[weeks.length - 1]!.days[6]!;
  let meetings = kept;
  if (!meetings) {
    meetings = meetingsOn(view, { first, last: lastDay });
    if (view.months.size >= MONTHS_KEPT) view.months.delete(view.months.keys().next().value!);
    view.months.set(month, meetings);
  }
  const { byDay } = meetings;
  // The cells' lines of the model before, to keep where a day shows the same meetings in the same
  // words (the whole dataset taking over from its check): the grid keeps its elements.
  const before = last && last.lang === lang && last.ui === ui && sameWording(last.view.header, header) ? new Map(last.weeks.flatMap((w) => w.days.map((d) => [d.key, d]))) : undefined;
  // Whether the reader's clock differs, judged in the middle of the month shown (the frame: not yet known).
  const middle = header && zonedTimeToInstant({ year: shown.year, month: shown.month, day: 15, hour: 12 }, header.timeZone).toISOString();
  const day = (date: CalendarDate): GridDay => {
    const key = dateKey(date);
    const on = byDay.get(key);
    const count = on?.length ?? 0;
    const label = fullDate(date, lang);
    const kept = before?.get(key);
    return {
      date,
      key,
      outside: !sameMonth(date, shown),
      label: count ? `${label}, ${plural(lang, count, m.meetingCount)}` : label,
      count,
      // (A day has meetings only with a dataset, so with its header.)
      lines: !count || !header ? nothing : kept && sameLines(kept.meetings, on!) ? kept.lines : dayLines(on!, CELL_LIMIT, { header, m, lang, titleOf: localizedText }),
      meetings: on,
    };
  };
  return {
    view,
    month,
    lang,
    ui,
    shown,
    title: monthTitle(shown.year, shown.month, lang),
    weekdays: weekdayNames(lang),
    ...(header && middle && readerClockDiffers(middle, header.timeZone) ? { zoneNote: m.zoneNote.replace('{zone}', zoneName(middle, lang, header.timeZone)) } : {}),
    weeks: weeks.map((week) => ({ week: week.week, label: m.weekNumber.replace('{n}', String(week.week)), days: week.days.map(day) })),
    byDay,
  };
}
