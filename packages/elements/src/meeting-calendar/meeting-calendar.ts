import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MEETING_KINDS, type Dataset, type DatasetCheck, type DatasetHeader, type Meeting } from '@samverkan/sdk';
import { afterNextPaint } from '../controllers/dataset-controller.js';
import { PagingController } from '../controllers/paging-controller.js';
import { deferredModule } from '../data/deferred-module.js';
import type { LoadedDataset } from '../data/dataset-source.js';
import { optionalString } from '../internal/converters.js';
import { SamverkanElement } from '../internal/samverkan-element.js';
import { messagesFor, plural } from '../translations/catalogue.js';
import type { CalendarViewHost, RenderContext } from './calendar-view.js';
import { meetingCalendarMessages } from './messages.js';
import type { DatasetView, MonthMeetings, MonthView } from './month-model.js';
import type { CalendarDate } from './utils/calendar-grid.js';
import type { IcsUrls } from './utils/ics-links.js';
import type { DayRange } from './utils/meeting-days.js';
import { prepareNames } from './utils/name-formats.js';

/** What the calendar shows a dataset with (dates, names, meetings by day, the month's model and its whole render with data): imported when it is defined, not before its first render. */
const parts = deferredModule(() => import('./meeting-calendar-parts.js'));

/** Whether the console has been told that the page's CSP keeps the JSON-LD out (once a page, not once a render). */
let jsonLdWarned = false;

/** How the calendar shows its meetings. */
export type MeetingCalendarView = 'list' | 'month';

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

  /**
   * What the render (calendar-view.ts, in the parts) reads of the calendar: its state, read when it
   * renders, and its handlers, the same functions every render (Lit leaves their listeners as they are).
   */
  private readonly viewHost: CalendarViewHost = ((calendar) => ({
    get view() {
      return calendar.view;
    },
    get kind() {
      return calendar.kind;
    },
    get showPast() {
      return calendar.showPast;
    },
    get api() {
      return calendar.api;
    },
    get pageSize() {
      return calendar.pageSize;
    },
    get ui() {
      return calendar.language.ui;
    },
    get rtl() {
      return calendar.language.dir === 'rtl';
    },
    get kinds() {
      return calendar.datasetView?.kinds ?? [];
    },
    get monthView() {
      return calendar.monthView;
    },
    get shownMeetings() {
      return calendar.shownMeetings;
    },
    paging: calendar.paging,
    focus: (shown) => calendar.currentFocus(shown),
    get openDay() {
      return calendar.openDay;
    },
    meetingId: (meeting) => calendar.meetingDomId(meeting),
    // Made with the parts, which are here once the calendar shows meetings.
    ics: () => (calendar.icsLinks ??= new parts.current.IcsUrls()),
    on: {
      list: () => (calendar.view = 'list'),
      month: () => (calendar.view = 'month'),
      kind: (event) => (calendar.kind = (event.target as HTMLSelectElement).value),
      previousMonth: () => calendar.goToMonth(-1),
      nextMonth: () => calendar.goToMonth(1),
      today: () => calendar.goToToday(),
      more: () => calendar.paging.more(),
      gridKeydown: (event) => calendar.onGridKeydown(event),
      gridClick: (event) => calendar.onGridClick(event),
      detailsKeydown: (event) => calendar.onDetailsKeydown(event),
    },
  }))(this);

  override connectedCallback(): void {
    super.connectedCallback();
    // While the data is on its way (a fetch, or a page script that sets it), the names' formatters
    // are made, so that the month that comes with the data does not wait for ICU: a page's first
    // Intl.DateTimeFormat costs 15–35 ms. Right after the element's first paint (its heading and
    // loading state are on screen first), not at background priority: a background task waits for
    // every other task, and data set a frame after the element came (the peers bench, a page script)
    // found it not yet run, so its first month paid for ICU as well (issue 18).
    // Without waiting for the parts: on a loaded machine they came after data set a frame after the
    // element, and the names' formatters (6–11 ms) were made after the data. Their options and the
    // call that makes them are in the first download (name-formats.ts) for that reason; the formatters
    // that depend on the dataset's zone wait for it.
    // The month's frame needs the parts (on their way since the calendar was defined): it shows once they are here
    // (and again on a page it comes back to).
    const showFrame = () => {
      if (this.isConnected && this.view === 'month' && !this.source) this.requestUpdate();
    };
    if (parts.loaded === undefined) parts.load().then(showFrame, () => {});
    else showFrame();
    const waiting = () => this.isConnected && this.data$.state.status !== 'ready';
    void afterNextPaint()
      .then(() => {
        if (!waiting()) return;
        const lang = this.language.lang;
        prepareNames(lang);
        plural(lang, 2, { other: '{n}' });
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
    // Without a dataset, the month's frame (see showsFrame): its days, names and controls, none of its meetings.
    // (Only on the page: a calendar taken off it before it rendered makes no names for a frame nobody sees.)
    const frame = !source && this.view === 'month' && this.isConnected && parts.loaded !== undefined && this.data$.state.status !== 'error';
    // Today in the dataset's zone (in the frame, the reader's until the dataset says): once per render, not once per cell.
    this.today = header ? parts.current.zonedDate(this.now ?? new Date(), header.timeZone) : frame ? parts.current.readerDate(this.now ?? new Date()) : undefined;
    if ((!source && !frame) || !this.today || !this.language.ready) {
      this.ctx = undefined;
      return;
    }
    const lang = this.language.lang;
    const m = messagesFor(meetingCalendarMessages, this.language.ui);
    this.ctx = { header, m, lang, today: this.today };
    const view = source ? this.view$(source) : this.frameView();
    if (this.view === 'month') {
      const meetingsOn = (view: DatasetView, range: DayRange) => this.meetingsOn(view, range);
      this.monthView = parts.current.monthModel(view, this.shownMonth(), { lang, ui: this.language.ui, m, last: this.monthView, meetingsOn });
    }
  }

  /**
   * The month view shows its frame while the calendar has no dataset (the
   * data not set yet, or on its way): the controls, the month's title and
   * its grid of days, busy and without meetings, which the data then fills in
   * (the same elements). What is on screen stays when the data comes (only the loading line above it goes), the
   * reader can move through the month meanwhile, and the browser has laid
   * out the month before the meetings come (issue 18: about a third of the
   * calendar's first render with data was its style and layout). It needs
   * the calendar's parts, which are on their way from when it is defined;
   * `updateComplete` waits for them then (getUpdateComplete).
   */
  protected override get showsFrame(): boolean {
    return this.view === 'month' && this.ctx !== undefined && !this.source;
  }

  protected override renderFrame(): unknown {
    return this.renderDataset();
  }

  /** The frame's view of a dataset: none of its meetings, of the chosen kind; the same object while the kind stays. */
  private frameView(): DatasetView {
    const view = this.datasetView;
    if (view && view.source === undefined && view.kind === this.kind) return view;
    this.datasetView = { source: undefined, header: undefined, kind: this.kind, meetings: [], kinds: [], months: new Map() };
    return this.datasetView;
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
    if (view?.source && 'header' in view.source && view.source.finished?.dataset === source && view.kind === this.kind) {
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
    let complete = await super.getUpdateComplete();
    // The month's frame waits for the parts: once they are here, the render that shows it.
    if (this.view === 'month' && !this.source && parts.loaded === undefined) {
      await parts.load().catch(() => {});
      complete = await super.getUpdateComplete();
    }
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

  /** Today: the clock now in the dataset's zone, or in the reader's while the month's frame waits for the dataset. */
  private todayNow(): CalendarDate {
    const header = this.header;
    const now = this.now ?? new Date();
    return header ? parts.current.zonedDate(now, header.timeZone) : parts.current.readerDate(now);
  }

  /** The month shown: the `month` attribute when valid, else today's. */
  private shownMonth(): CalendarDate {
    return parts.current.parseDateKey(this.month) ?? { ...(this.today ?? this.todayNow()), day: 1 };
  }

  /** The focused day: kept while it is in the shown month, else today (if shown) or the 1st. */
  private currentFocus(shown: CalendarDate): CalendarDate {
    if (this.focusDate && parts.current.sameMonth(this.focusDate, shown)) return this.focusDate;
    const today = this.today ?? this.todayNow();
    return parts.current.sameMonth(today, shown) ? today : { year: shown.year, month: shown.month, day: 1 };
  }

  private goToMonth(months: number): void {
    if (!this.ctx) return;
    const focus = parts.current.addMonths(this.currentFocus(this.shownMonth()), months);
    this.focusDate = focus;
    this.month = parts.current.monthKey(focus);
  }

  private goToToday(): void {
    if (!this.ctx) return;
    // The clock now, not the last render's: a page may have been open since yesterday.
    const today = this.todayNow();
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
    // The month's frame has no meetings yet to list: the day is focused, not opened ("no meetings" would be wrong).
    if (!this.source) return;
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

  /** An id for a meeting's title, unique in this shadow root (ids from data may not be). */
  private meetingDomId(meeting: Meeting): string {
    let id = this.domIds.get(meeting);
    if (!id) this.domIds.set(meeting, (id = `meeting-${this.nextDomId++}`));
    return id;
  }

  protected renderDataset(_loaded?: LoadedDataset): TemplateResult | typeof nothing {
    // Worked out in willUpdate, which the base calls with the dataset's state settled.
    return this.ctx ? parts.current.renderCalendar(this.viewHost, this.ctx) : nothing;
  }
}
