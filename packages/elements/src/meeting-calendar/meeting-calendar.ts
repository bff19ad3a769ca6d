import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MEETING_KINDS, type Dataset, type DatasetCheck, type DatasetHeader, type Meeting } from '@samverkan/sdk';
import { afterNextPaint } from '../controllers/dataset-controller.js';
import { PagingController } from '../controllers/paging-controller.js';
import { deferredModule } from '../data/deferred-module.js';
import type { LoadedDataset } from '../data/dataset-source.js';
import { optionalString } from '../internal/converters.js';
import { localizedText } from '../internal/localized.js';
import { SamverkanElement } from '../internal/samverkan-element.js';
import { labelOf, messagesFor, plural } from '../translations/catalogue.js';
import { commonMessages } from '../translations/common.js';
import { meetingCalendarMessages, type MeetingCalendarMessages } from './messages.js';
import type { CalendarDate } from './utils/calendar-grid.js';
import type { IcsUrls } from './utils/ics-links.js';
import type { DayRange } from './utils/meeting-days.js';

/** What the calendar shows a dataset with (dates, names, meetings by day, the cards and their .ics links): imported when it is defined, not before its first render. */
const parts = deferredModule(() => import('./meeting-calendar-parts.js'));

/** Whether the console has been told that the page's CSP keeps the JSON-LD out (once a page, not once a render). */
let jsonLdWarned = false;

/** How the calendar shows its meetings. */
export type MeetingCalendarView = 'list' | 'month';

/** Meeting titles a month cell shows before "n more". */
const CELL_LIMIT = 3;

/**
 * What the dataset gives the calendar, worked out once per dataset and kind
 * (not per render, nor per month): from the checked dataset, or, while a
 * dataset given as `data` is still being checked, from the SDK's progressive
 * check (a month asks it for its own meetings only; the rest is checked in
 * later tasks, and then the whole dataset takes over).
 */
interface DatasetView {
  source: Dataset | DatasetCheck;
  /** The dataset's top level (zone, languages, agreement): all the calendar needs besides the meetings. */
  header: DatasetHeader;
  kind: string;
  /** The meetings of the chosen kind (all of them without one); `undefined` while the dataset is being checked. */
  meetings: readonly Meeting[] | undefined;
  /** The kinds the dataset has, in the data model's order. */
  kinds: string[];
  /** The meetings of each month grid shown so far, by month (a grid indexes only its own 42 days: no index of every meeting is made). */
  months: Map<string, MonthMeetings>;
}

/** The meetings on a month grid's days. */
interface MonthMeetings {
  byDay: Map<string, Meeting[]>;
  /**
   * False when the grid was shown from the check while some of its meetings
   * waited for zod (see ListCheck.keptAt): the whole dataset then places
   * them again. A complete grid is the whole dataset's too (the same entries).
   */
  complete: boolean;
}

/** One day of the month grid, as the month shows it whichever day has the focus. */
interface GridDay {
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
 * The month the grid shows: its weeks, days, names and meetings, worked out
 * in `willUpdate` when the month, language, kind or dataset changes (not per
 * render, nor per cell); moving the focus or opening a day only renders.
 */
interface MonthView {
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

/** What one render needs to know, worked out once (in willUpdate). */
interface RenderContext {
  header: DatasetHeader;
  m: MeetingCalendarMessages;
  lang: string;
  /** Today in the dataset's zone. */
  today: CalendarDate;
}

/** Whether a cell's lines made from `before` show the same as from `now`: the same first meetings (the same objects), and as many. */
function sameLines(before: readonly Meeting[] | undefined, now: readonly Meeting[]): boolean {
  if (!before || before.length !== now.length) return false;
  for (let index = 0; index < Math.min(now.length, CELL_LIMIT); index++) if (before[index] !== now[index]) return false;
  return true;
}

/** Whether two datasets' tops write a meeting's time and title alike (its zone and default language). */
function sameWording(a: DatasetHeader, b: DatasetHeader): boolean {
  return a === b || (a.timeZone === b.timeZone && a.defaultLanguage === b.defaultLanguage);
}

/** Month grids whose meetings a dataset view keeps indexed (a reader paging through a few years). */
const MONTHS_KEPT = 36;

/**
 * The agreement's meetings: a list grouped by month (the default, and what
 * assistive technology reads best) or a month grid with ISO week numbers and
 * the full keyboard model of a date grid. Times are in the dataset's time
 * zone, labelled with it when the reader's clock differs. Cancelled and
 * postponed meetings stay, marked in words. Each meeting can be added to a
 * calendar as an `.ics` file; with `api`, the server's feed can be subscribed to.
 *
 * `updateComplete` resolves, after `data` is set, once the data is checked and
 * shown whole; after a later change (the reader moves to another month) once
 * that is shown, even while the rest of the dataset is still being checked.
 *
 * @summary Meeting calendar: list and month views, .ics downloads, subscription.
 * @tagname samverkan-meeting-calendar
 *
 * @slot empty - Text of the page's own for when the list view has no meeting to show (instead of the element's "no upcoming meetings" and its variants).
 *
 * @fires samverkan-load - The dataset is loaded and shown (`detail.dataset`, `detail.issues`, `detail.stale`).
 * @fires samverkan-error - The dataset could not be loaded (`detail.error`); the element shows why, with a retry button.
 *
 * @csspart base - The wrapper; carries `lang`, `dir` and `aria-busy`.
 * @csspart controls - The view switch and the kind filter.
 * @csspart view-button - The list and month buttons (`aria-pressed`).
 * @csspart filter - The kind filter's select.
 * @csspart month-heading - A month's heading (list groups, the month view's title).
 * @csspart list - A month's list of meetings.
 * @csspart meeting - One meeting.
 * @csspart meeting-title - A meeting's title.
 * @csspart meeting-status - The "cancelled" or "postponed" badge.
 * @csspart online-link - A meeting's link to join online.
 * @csspart registration-link - A meeting's registration link.
 * @csspart ics-link - "Add to calendar" (an `.ics` download).
 * @csspart count - The list view's live count of meetings (also `empty` when there are none).
 * @csspart empty - The message when there is nothing to show.
 * @csspart more-button - "Show more" under a long list.
 * @csspart month-nav - Previous, today and next.
 * @csspart nav-button - Each of those buttons.
 * @csspart grid - The month grid (a table with `role="grid"`).
 * @csspart day - A day cell (also `day-outside`, `day-today`, `day-selected`).
 * @csspart day-details - The meetings of the chosen day.
 * @csspart subscribe - The subscription box (with `api`).
 * @csspart subscribe-webcal - The `webcal:` link that opens the reader's calendar app.
 * @csspart subscribe-https - The feed's `https:` address.
 * @csspart status - Loading and error boxes (also `loading`, `error`).
 * @csspart retry-button - The error's retry button.
 * @csspart note - The stale-data and partly-invalid notes (also `stale-note`, `invalid-note`).
 *
 * @cssproperty --samverkan-font-family - Font; inherits the page's by default.
 * @cssproperty --samverkan-color-text - Text colour; inherits the page's by default.
 * @cssproperty --samverkan-color-surface - Background of meetings and of today's cell.
 * @cssproperty --samverkan-color-border - Borders of meetings and grid cells.
 * @cssproperty --samverkan-color-accent - Links, buttons, the focus ring and the chosen day.
 * @cssproperty --samverkan-color-on-accent - Text on accent-coloured buttons.
 * @cssproperty --samverkan-color-error - The edge of cancelled meetings and of the error box.
 * @cssproperty --samverkan-radius - Corner radius.
 * @cssproperty --samverkan-spacing - The base gap; others scale from it.
 */
export class SamverkanMeetingCalendar extends SamverkanElement {
  // Its own styles come with its parts (dataStyles): they style only what data shows.
  static override styles = SamverkanElement.styles;

  protected static override readonly datasetParts = parts;

  /** The list view's pages behind "show more". */
  protected readonly paging = new PagingController(this, () => this.pageSize);

  /** `list` (default) or `month`. Reflects the reader's choice. */
  @property({ reflect: true }) view: MeetingCalendarView = 'list';

  /** Also list meetings that have ended (the month view always shows every meeting of its month). */
  @property({ type: Boolean, reflect: true, attribute: 'show-past' }) showPast = false;

  /** Only meetings of this kind (e.g. `dialogue-meeting`). Reflects the reader's choice. */
  @property({ reflect: true, converter: optionalString }) kind = '';

  /** The month the month view shows, `YYYY-MM`; default the current month. Reflects the reader's moves. */
  @property({ reflect: true, converter: optionalString }) month = '';

  /**
   * The API's base URL including its version path (e.g. `https://kommun.example/api/v1`,
   * or relative to the page): shows links to subscribe to its `meetings.ics`.
   */
  @property({ converter: optionalString }) api = '';

  /** Write the shown meetings as schema.org `Event` JSON-LD into the light DOM, for search engines. */
  @property({ type: Boolean, reflect: true, attribute: 'json-ld' }) jsonLd = false;

  /** How many meetings the list view shows at first (and each "show more" adds). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** The instant taken as "now" (what is upcoming, which day is today). Default: the clock. */
  @property({ attribute: false }) now: Date | undefined = undefined;

  /** The day that has the grid's focus (roving tabindex). */
  @state() private focusDate?: CalendarDate;

  /** The day whose meetings are shown under the grid. */
  @state() private openDay?: CalendarDate;

  // The .ics links' blob: URLs, made with the parts (once the calendar has data).
  private icsLinks?: IcsUrls;
  private readonly domIds = new WeakMap<Meeting, string>();
  private nextDomId = 0;
  private datasetView?: DatasetView;
  private monthView?: MonthView;
  private ctx?: RenderContext;
  private listed?: { meetings: readonly Meeting[]; showPast: boolean; minute: number; upcoming: Meeting[] };
  private today?: CalendarDate;
  private focusCellAfterRender = false;
  private focusDetailsAfterRender = false;
  private jsonLdScript?: HTMLScriptElement;
  // The JSON-LD being written (its module is loaded on first use); updateComplete waits for it.
  private jsonLdWriting?: Promise<void>;

  override connectedCallback(): void {
    super.connectedCallback();
    // While the data is on its way (a fetch, or a page script that sets it), the names' formatters
    // are made, so that the month that comes with the data does not wait for ICU: a page's first
    // Intl.DateTimeFormat costs 15–35 ms. Right after the element's first paint (its heading and
    // loading state are on screen first), not at background priority: a background task waits for
    // every other task, and data set a frame after the element came (the peers bench, a page script)
    // found it not yet run, so its first month paid for ICU as well (issue 18).
    // Without waiting for the parts (the names' module): on a loaded machine they came after data
    // set a frame after the element, and ICU was paid after the data again. Any formatter loads
    // ICU's data (one in the reader's language also its locale's), after which each of the names'
    // formatters costs well under a millisecond.
    const waiting = () => this.isConnected && this.data$.state.status !== 'ready';
    void afterNextPaint()
      .then(() => {
        if (!waiting()) return;
        const lang = this.language.lang;
        new Intl.DateTimeFormat(lang);
        plural(lang, 2, { other: '{n}' });
        return parts.load().then(() => waiting() && parts.current.prepareNames(lang));
      })
      .catch(() => {});
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // blob: URLs hold their files until revoked; the links are rebuilt on return.
    this.icsLinks?.clear();
  }

  protected override datasetChanged({ dataset }: LoadedDataset): void {
    this.icsLinks?.release(dataset);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another list: start again from its first page.
    if (changed.has('kind') || changed.has('showPast') || changed.has('data') || changed.has('src')) this.paging.reset();
    // Switched to the list view while the month's dataset is checked: it needs every meeting, so the check is finished now.
    if (this.view !== 'month') this.data$.finishNow();
    const source = this.source;
    const header = this.header;
    // Today in the dataset's zone: once per render, not once per cell.
    this.today = header ? parts.current.zonedDate(this.now ?? new Date(), header.timeZone) : undefined;
    if (!source || !header || !this.today || !this.language.ready) {
      this.ctx = undefined;
      return;
    }
    const lang = this.language.lang;
    const m = messagesFor(meetingCalendarMessages, this.language.ui);
    this.ctx = { header, m, lang, today: this.today };
    const view = this.view$(source);
    if (this.view === 'month') this.monthView = this.monthViewFor(view, this.shownMonth(header), lang, m);
  }

  /**
   * `updateComplete` after setting `data` resolves once that data is checked
   * and shown whole (its notes, `samverkan-load`); one read after the reader
   * moved to another month resolves when that month is shown, without waiting
   * for the rest of an earlier dataset's check (`samverkan-load` says when).
   */
  protected override get updateCompleteWaitsForEarlierChecks(): boolean {
    return false;
  }

  /**
   * Whether a dataset given as `data` is shown while it is checked: in the
   * month view, which shows its month from the check (the list view's count
   * and order need every meeting).
   */
  get showsWhileChecking(): boolean {
    return this.view === 'month';
  }

  /** The dataset shown, or the check of one being checked (then only the month view shows, see willUpdate). */
  private get source(): Dataset | DatasetCheck | undefined {
    const state = this.data$.state;
    return state.status === 'checking' ? state.check : this.loadedDataset;
  }

  /** The dataset's top level, once there is one to show. */
  private get header(): DatasetHeader | undefined {
    const source = this.source;
    return source && ('header' in source ? source.header : source);
  }

  /** The meetings of the chosen kind and the kinds present: once per dataset (or check) and kind. */
  private view$(source: Dataset | DatasetCheck): DatasetView {
    const view = this.datasetView;
    if (view && view.source === source && view.kind === this.kind) return view;
    const checking = 'header' in source;
    // While checking, the kinds are read from the raw meetings (in a valid dataset, the same ones).
    const present = (kinds: Iterable<unknown>) => ((set) => MEETING_KINDS.filter((k) => set.has(k)))(new Set<unknown>(kinds));
    const kinds =
      view?.source === source
        ? view.kinds
        : checking
          ? present(source.list('meetings').raw.map((meeting) => (meeting as { kind?: unknown } | null)?.kind))
          : present(source.meetings.map((meeting) => meeting.kind));
    // The whole dataset taking over from its own check (the same entries, the same objects): the
    // months shown from the check stay indexed, so the month on screen is not worked out again.
    const months = new Map<string, MonthMeetings>();
    if (view && 'header' in view.source && view.source.finished?.dataset === source && view.kind === this.kind) {
      for (const [month, meetings] of view.months) if (meetings.complete) months.set(month, meetings);
    }
    this.datasetView = {
      source,
      header: checking ? source.header : source,
      kind: this.kind,
      meetings: checking ? undefined : this.kind ? source.meetings.filter((m) => m.kind === this.kind) : source.meetings,
      kinds,
      months,
    };
    return this.datasetView;
  }

  /**
   * The meetings on the days of `range` (a month grid), by day (a map with
   * those days at least): from the checked dataset, or, while it is being
   * checked, the ones the check keeps
   * among those whose raw times fall in the range (each checked now, with
   * every rule that can leave it out; the rest of the dataset is not).
   */
  private meetingsOn(view: DatasetView, range: DayRange): MonthMeetings {
    // Each month indexes only its own days, whether it is the first or the next: picking a
    // month's meetings out of 2,000 is a string comparison each, cheaper than indexing them all.
    if (view.meetings) return { byDay: parts.current.meetingsByDay(view.meetings, range), complete: true };
    const list = (view.source as DatasetCheck).list('meetings');
    const keys = { firstKey: parts.current.dateKey(range.first), lastKey: parts.current.dateKey(range.last) };
    const wanted: number[] = [];
    const raw = list.raw;
    for (let index = 0; index < raw.length; index++) {
      const meeting = raw[index] as { start?: unknown; end?: unknown } | null;
      if (typeof meeting === 'object' && meeting !== null && parts.current.touchesRange(meeting.start, meeting.end, keys)) wanted.push(index);
    }
    // The earlier entries with the same raw ids (the duplicate-id rule) found for the whole month in
    // one pass over the list, not searched entry by entry (which read some 16,000 ids and then
    // indexed all 2,000 before the first month showed).
    list.announce(wanted);
    // Checked now, each with every rule that can leave it out; the rest of the dataset is not.
    const { entries, complete } = list.keptAt(wanted);
    return { byDay: parts.current.meetingsByDay(view.kind ? entries.filter((m) => m.kind === view.kind) : entries, range), complete };
  }

  /** The month grid's model: the last one while nothing it shows has changed. */
  private monthViewFor(view: DatasetView, shown: CalendarDate, lang: string, m: MeetingCalendarMessages): MonthView {
    const month = parts.current.monthKey(shown);
    const ui = this.language.ui;
    const last = this.monthView;
    const kept = view.months.get(month);
    if (last && last.month === month && last.lang === lang && last.ui === ui) {
      if (last.view === view) return last;
      // The whole dataset took over from its check with this month's meetings the same: the model stands.
      if (kept && last.byDay === kept.byDay) return { ...last, view };
    }
    const { header } = view;
    const weeks = parts.current.monthGrid(shown.year, shown.month);
    const first = weeks[0]!.days[0]!;
    const lastDay = weeks[weeks.length - 1]!.days[6]!;
    let meetings = kept;
    if (!meetings) {
      meetings = this.meetingsOn(view, { first, last: lastDay });
      if (view.months.size >= MONTHS_KEPT) view.months.delete(view.months.keys().next().value!);
      view.months.set(month, meetings);
    }
    const { byDay } = meetings;
    // The cells' lines of the model before, to keep where a day shows the same meetings in the same
    // words (the whole dataset taking over from its check): the grid keeps its elements.
    const before = last && last.lang === lang && last.ui === ui && sameWording(last.view.header, header) ? new Map(last.weeks.flatMap((w) => w.days.map((d) => [d.key, d]))) : undefined;
    // Whether the reader's clock differs, judged in the middle of the month shown.
    const middle = parts.current.zonedTimeToInstant({ year: shown.year, month: shown.month, day: 15, hour: 12 }, header.timeZone).toISOString();
    return {
      view,
      month,
      lang,
      ui,
      shown,
      title: parts.current.monthTitle(shown.year, shown.month, lang),
      weekdays: parts.current.weekdayNames(lang),
      ...(parts.current.readerClockDiffers(middle, header.timeZone) ? { zoneNote: m.zoneNote.replace('{zone}', parts.current.zoneName(middle, lang, header.timeZone)) } : {}),
      weeks: weeks.map((week) => ({
        week: week.week,
        label: m.weekNumber.replace('{n}', String(week.week)),
        days: week.days.map((date) => {
          const key = parts.current.dateKey(date);
          return this.gridDay(date, shown, byDay.get(key), header, m, lang, before?.get(key));
        }),
      })),
      byDay,
    };
  }

  private gridDay(
    date: CalendarDate,
    shown: CalendarDate,
    meetings: Meeting[] | undefined,
    header: DatasetHeader,
    m: MeetingCalendarMessages,
    lang: string,
    before: GridDay | undefined,
  ): GridDay {
    const count = meetings?.length ?? 0;
    const label = parts.current.fullDate(date, lang);
    return {
      date,
      key: parts.current.dateKey(date),
      outside: !parts.current.sameMonth(date, shown),
      label: count ? `${label}, ${plural(lang, count, m.meetingCount)}` : label,
      count,
      lines: !count ? nothing : before && sameLines(before.meetings, meetings!) ? before.lines : parts.current.dayLines(meetings!, CELL_LIMIT, { header, m, lang, titleOf: localizedText }),
      meetings,
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusCellAfterRender) {
      this.focusCellAfterRender = false;
      this.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
    }
    if (this.focusDetailsAfterRender) {
      this.focusDetailsAfterRender = false;
      this.renderRoot.querySelector<HTMLElement>('#day-heading')?.focus();
    }
    this.writeJsonLd();
  }

  /** The meetings the list view shows: upcoming (or all, with `show-past`) of the chosen kind, sorted by start. */
  get shownMeetings(): Meeting[] {
    const dataset = this.loadedDataset;
    if (!dataset) return [];
    const meetings = this.view$(dataset).meetings!;
    const now = this.now ?? new Date();
    // Worked out again when the meetings, show-past or the minute change (what has ended moves on with the clock).
    const minute = Math.floor(now.getTime() / 60_000);
    const last = this.listed;
    if (last && last.meetings === meetings && last.showPast === this.showPast && last.minute === minute) return last.upcoming;
    const upcoming = parts.current.upcomingMeetings({ ...dataset, meetings: meetings as Meeting[] }, now, { includePast: this.showPast });
    this.listed = { meetings, showPast: this.showPast, minute, upcoming };
    return upcoming;
  }

  // updateComplete also waits for the JSON-LD, so that after it the page's data matches what is shown.
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    await this.jsonLdWriting;
    return complete;
  }

  /** Keeps a `<script type="application/ld+json">` child in step with the shown meetings (only with `json-ld`). */
  private writeJsonLd(): void {
    const dataset = this.loadedDataset;
    if (!this.jsonLd || !dataset) {
      if (!this.jsonLd) {
        this.jsonLdScript?.remove();
        this.jsonLdScript = undefined;
      }
      return;
    }
    const meetings = this.shownMeetings;
    const lang = this.language.lang;
    const writing = import('./utils/json-ld-script.js').then(
      ({ meetingsJsonLd }) => {
        // Only the latest write counts, and none after json-ld was switched off or the data changed.
        if (this.jsonLdWriting !== writing || !this.jsonLd || this.loadedDataset !== dataset) return;
        // textContent, never innerHTML; meetingsJsonLd escapes < > & so no text can end the script.
        const content = meetingsJsonLd(dataset, meetings, lang);
        if (!this.jsonLdScript || this.jsonLdScript.parentNode !== this) {
          this.jsonLdScript = document.createElement('script');
          this.jsonLdScript.type = 'application/ld+json';
          this.jsonLdScript.dataset['samverkan'] = 'meeting-calendar';
          this.append(this.jsonLdScript);
        }
        if (this.jsonLdScript.textContent === content) return;
        try {
          parts.current.setScriptText(this.jsonLdScript, content);
        } catch (error) {
          // A page that requires Trusted Types without allowing our policy: the calendar stays, without the JSON-LD.
          this.jsonLdScript.remove();
          this.jsonLdScript = undefined;
          if (!jsonLdWarned) console.warn(`Samverkan: the calendar's schema.org data (json-ld) is left out. ${(error as Error).message}`);
          jsonLdWarned = true;
        }
      },
      (error: unknown) => console.warn('Samverkan: the calendar could not load its JSON-LD writer, so the page has no schema.org data for the meetings.', error),
    );
    this.jsonLdWriting = writing;
  }

  // --- handlers -------------------------------------------------------------

  private setView(view: MeetingCalendarView): void {
    this.view = view;
  }

  private onKind(event: Event): void {
    this.kind = (event.target as HTMLSelectElement).value;
  }

  private todayIn(header: DatasetHeader): CalendarDate {
    return this.today ?? parts.current.zonedDate(this.now ?? new Date(), header.timeZone);
  }

  /** The month shown: the `month` attribute when valid, else today's. */
  private shownMonth(header: DatasetHeader): CalendarDate {
    return parts.current.parseDateKey(this.month) ?? { ...this.todayIn(header), day: 1 };
  }

  /** The focused day: kept while it is in the shown month, else today (if shown) or the 1st. */
  private currentFocus(header: DatasetHeader, shown: CalendarDate): CalendarDate {
    if (this.focusDate && parts.current.sameMonth(this.focusDate, shown)) return this.focusDate;
    const today = this.todayIn(header);
    return parts.current.sameMonth(today, shown) ? today : { year: shown.year, month: shown.month, day: 1 };
  }

  private goToMonth(months: number): void {
    const header = this.header;
    if (!header) return;
    const shown = this.shownMonth(header);
    const focus = parts.current.addMonths(this.currentFocus(header, shown), months);
    this.focusDate = focus;
    this.month = parts.current.monthKey(focus);
  }

  private goToToday(): void {
    const header = this.header;
    if (!header) return;
    // The clock now, not the last render's: a page may have been open since yesterday.
    const today = parts.current.zonedDate(this.now ?? new Date(), header.timeZone);
    this.focusDate = today;
    this.month = parts.current.monthKey(today);
  }

  private moveFocus(date: CalendarDate): void {
    this.focusDate = date;
    if (this.month !== parts.current.monthKey(date)) this.month = parts.current.monthKey(date);
    this.focusCellAfterRender = true;
  }

  private openDate(date: CalendarDate): void {
    this.moveFocus(date);
    this.focusCellAfterRender = false;
    this.openDay = date;
    this.focusDetailsAfterRender = true;
  }

  private onGridKeydown(event: KeyboardEvent): void {
    const cell = (event.target as Element).closest<HTMLElement>('td[data-date]');
    const date = parts.current.parseDateKey(cell?.dataset['date']);
    if (!date || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.openDate(date);
      return;
    }
    const next = parts.current.moveByKey(date, event.key, { rtl: this.language.dir === 'rtl', shift: event.shiftKey });
    if (!next) return;
    event.preventDefault();
    this.moveFocus(next);
  }

  private onGridClick(event: MouseEvent): void {
    const cell = (event.target as Element).closest<HTMLElement>('td[data-date]');
    const date = parts.current.parseDateKey(cell?.dataset['date']);
    if (date) this.openDate(date);
  }

  private onDetailsKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
  }

  // --- render ---------------------------------------------------------------

  /**
   * While a dataset given as `data` is checked: the month view shows its
   * month (each of its meetings checked); the list view waits for the whole
   * check (willUpdate finishes it at once unless zod must be loaded first).
   */
  protected override renderChecking(check: DatasetCheck): unknown {
    return this.view === 'month' && this.ctx ? this.renderDataset() : super.renderChecking(check);
  }

  protected renderDataset(_loaded?: LoadedDataset): TemplateResult | typeof nothing {
    // Worked out in willUpdate, which the base calls with the dataset's state settled.
    const ctx = this.ctx;
    if (!ctx) return nothing;
    const { m } = ctx;
    const view = this.view === 'month' ? 'month' : 'list';
    return html`<section class="calendar" aria-label=${m.label}>
      <div part="controls" class="controls">
        <div class="view-switch" role="group" aria-label=${m.viewLabel}>
          <button part="view-button" type="button" class=${view === 'list' ? '' : 'secondary'} aria-pressed=${view === 'list' ? 'true' : 'false'} @click=${() => this.setView('list')}>
            ${m.viewList}
          </button>
          <button part="view-button" type="button" class=${view === 'month' ? '' : 'secondary'} aria-pressed=${view === 'month' ? 'true' : 'false'} @click=${() => this.setView('month')}>
            ${m.viewMonth}
          </button>
        </div>
        ${this.renderKindFilter(ctx)}
      </div>
      ${view === 'month' ? this.renderMonth(ctx) : this.renderList(ctx)} ${this.renderSubscribe(ctx)}
    </section>`;
  }

  private renderKindFilter({ m }: RenderContext): TemplateResult {
    const kinds = [...(this.datasetView?.kinds ?? [])];
    // A kind from a link that the data does not have still shows as chosen.
    if (this.kind && !kinds.includes(this.kind)) kinds.push(this.kind);
    return html`<div class="field">
      <label for="kind">${m.kindLabel}</label>
      <select id="kind" part="filter" @change=${this.onKind}>
        <option value="" ?selected=${!this.kind}>${messagesFor(commonMessages, this.language.ui).all}</option>
        ${kinds.map((k) => html`<option .value=${k} ?selected=${k === this.kind}>${labelOf(m.kinds, k)}</option>`)}
      </select>
    </div>`;
  }

  private renderList(ctx: RenderContext): TemplateResult {
    const { m, lang } = ctx;
    const meetings = this.shownMeetings;
    const empty = meetings.length === 0;
    // One live region, in the same place whether or not meetings follow, so it
    // stays while the reader filters and a screen reader hears how many
    // meetings a choice leaves, or that it leaves none.
    return html`<p
        part=${empty ? 'count empty' : 'count'}
        class=${empty ? 'empty' : 'count'}
        role="status"
        aria-live="polite"
        aria-atomic="true"
      >
        ${empty
          ? html`<slot name="empty">${this.kind ? m.emptyKind : this.showPast ? m.emptyPast : m.empty}</slot>`
          : plural(lang, meetings.length, m.meetingCount)}
      </p>
      ${empty ? nothing : this.renderMonthGroups(meetings, ctx)}`;
  }

  private renderMonthGroups(meetings: readonly Meeting[], ctx: RenderContext): TemplateResult {
    const { lang } = ctx;
    const shown = this.paging.slice(meetings);
    const remaining = meetings.length - shown.length;
    let index = 0;
    return html`${parts.current.groupByMonth(shown).map(
        (group) => html`<div class="month-group">
          <h3 part="month-heading">${parts.current.monthTitle(group.year, group.month, lang)}</h3>
          <ul part="list" class="meetings cards">
            ${group.meetings.map((meeting) => html`<li>${this.renderMeeting(meeting, ctx, index++)}</li>`)}
          </ul>
        </div>`,
      )}
      ${remaining > 0
        ? html`<button part="more-button" type="button" class="secondary more" @click=${() => this.paging.more()}>
            ${plural(lang, Math.min(remaining, this.pageSize > 0 ? Math.floor(this.pageSize) : 50), messagesFor(commonMessages, this.language.ui).showMore)}
          </button>`
        : nothing}`;
  }

  private renderMeeting(meeting: Meeting, ctx: RenderContext, pageIndex?: number): TemplateResult {
    return parts.current.meetingCard(meeting, { ...ctx, ui: this.language.ui }, { titleId: this.meetingDomId(meeting), ics: this.icsUrls(), pageIndex });
  }

  /** The .ics links of this calendar (made with its parts, which are here once it shows meetings). */
  private icsUrls(): IcsUrls {
    this.icsLinks ??= new parts.current.IcsUrls();
    return this.icsLinks;
  }

  /** An id for a meeting's title, unique in this shadow root (ids from data may not be). */
  private meetingDomId(meeting: Meeting): string {
    let id = this.domIds.get(meeting);
    if (!id) this.domIds.set(meeting, (id = `meeting-${this.nextDomId++}`));
    return id;
  }

  private renderMonth(ctx: RenderContext): TemplateResult | typeof nothing {
    const month = this.monthView;
    if (!month) return nothing;
    const { m, today } = ctx;
    const { shown } = month;
    const focus = this.currentFocus(ctx.header, shown);
    const rtl = this.language.dir === 'rtl';
    const openDay = this.openDay && parts.current.sameMonth(this.openDay, shown) ? this.openDay : undefined;
    // The headers' names ("måndag", "Vecka 12") are aria-labels, not visually hidden text, which is
    // shaped, laid out and painted like any other (issue 18); their visible text is what they say.
    return html`<div class="month">
        <div part="month-nav" class="month-nav">
          <button part="nav-button" type="button" class="secondary" @click=${() => this.goToMonth(-1)}>
            <span aria-hidden="true">${rtl ? '→' : '←'}</span> ${m.previousMonth}
          </button>
          <h3 part="month-heading" id="month-heading" aria-live="polite">${month.title}</h3>
          <button part="nav-button" type="button" class="secondary" @click=${this.goToToday}>${m.today}</button>
          <button part="nav-button" type="button" class="secondary" @click=${() => this.goToMonth(1)}>
            ${m.nextMonth} <span aria-hidden="true">${rtl ? '←' : '→'}</span>
          </button>
        </div>
        <p id="grid-hint" class="hint">${m.gridHint} ${month.zoneNote ? html`<span class="zone">${month.zoneNote}</span>` : nothing}</p>
        <table
          part="grid"
          role="grid"
          aria-labelledby="month-heading"
          aria-describedby="grid-hint"
          @keydown=${this.onGridKeydown}
          @click=${this.onGridClick}
        >
          <thead>
            <tr>
              <th scope="col" class="week-col">${m.week}</th>
              ${month.weekdays.map(
                (d) =>
                  html`<th scope="col" aria-label=${d.long}><span class="wd-short">${d.short}</span><span class="wd-narrow">${d.narrow}</span></th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${month.weeks.map(
              (week) => html`<tr>
                <th scope="row" class="week-col" aria-label=${week.label}>${week.week}</th>
                ${week.days.map((day) => this.renderDay(day, focus, today, openDay))}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${openDay ? this.renderDayDetails(openDay, month.byDay.get(parts.current.dateKey(openDay)) ?? [], ctx) : nothing}`;
  }

  /**
   * One cell: what changes with the focus, today and the open day; the rest was worked out with the
   * month (its lines are elements made then, see day-lines.ts). No white space between the cell's
   * children: 42 cells × 3 text nodes fewer to clone and insert. The cell's name ("tisdag 17 mars
   * 2026, 3 möten") stays visually hidden text, not an aria-label as the headers' are (which saves
   * shaping and laying it out): an aria-label that leaves out the titles the cell shows is a
   * label-in-name failure (WCAG 2.5.3; axe's label-content-name-mismatch) for a grid cell.
   */
  private renderDay(day: GridDay, focus: CalendarDate, today: CalendarDate, openDay: CalendarDate | undefined): TemplateResult {
    const isToday = parts.current.sameDate(day.date, today);
    const selected = openDay !== undefined && parts.current.sameDate(day.date, openDay);
    const part = `day${day.outside ? ' day-outside' : ''}${isToday ? ' day-today' : ''}${selected ? ' day-selected' : ''}`;
    return html`<td
      part=${part}
      class=${day.count ? `${part} has-meetings` : part}
      data-date=${day.key}
      tabindex=${parts.current.sameDate(day.date, focus) ? '0' : '-1'}
      aria-selected=${selected ? 'true' : 'false'}
      aria-current=${isToday ? 'date' : nothing}
    ><span class="day-number" aria-hidden="true">${day.date.day}</span><span class="visually-hidden">${day.label}</span>${day.lines}</td>`;
  }

  private renderDayDetails(day: CalendarDate, meetings: Meeting[], ctx: RenderContext): TemplateResult {
    const { m, lang } = ctx;
    return html`<div part="day-details" class="day-details" role="region" aria-labelledby="day-heading" @keydown=${this.onDetailsKeydown}>
      <h3 id="day-heading" tabindex="-1">${m.dayHeading.replace('{date}', parts.current.fullDate(day, lang))}</h3>
      ${meetings.length
        ? html`<ul part="list" class="meetings cards">
            ${meetings.map((meeting) => html`<li>${this.renderMeeting(meeting, ctx)}</li>`)}
          </ul>`
        : html`<p part="empty" class="empty">${m.dayEmpty}</p>`}
    </div>`;
  }

  private renderSubscribe(ctx: RenderContext): TemplateResult | typeof nothing {
    return this.api ? parts.current.subscribeLinks(this.api, ctx) : nothing;
  }
}
