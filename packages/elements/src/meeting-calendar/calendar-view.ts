// What the meeting calendar renders once it has data: the controls, the list
// view, the month grid and the chosen day. Only a calendar with data renders
// it, so it comes with the calendar's parts (meeting-calendar-parts.ts), not
// in its first download (issue 18: the calendar's page had 31 B left under its
// 25 KB budget). The element keeps its state and handlers and hands them in
// (CalendarViewHost); these functions only read them.
import { html, nothing, type TemplateResult } from 'lit';
import type { DatasetHeader, Meeting } from '@samverkan/sdk';
import type { PagingController } from '../controllers/paging-controller.js';
import { labelOf, messagesFor, plural, type UiLanguage } from '../translations/catalogue.js';
import { commonMessages } from '../translations/common.js';
import { meetingCard, subscribeLinks } from './meeting-card.js';
import type { MeetingCalendarMessages } from './messages.js';
import type { GridDay, MonthView } from './month-model.js';
import type { IcsUrls } from './utils/ics-links.js';
import { dateKey, sameDate, sameMonth, type CalendarDate } from './utils/calendar-grid.js';
import { fullDate, monthTitle } from './utils/calendar-names.js';
import { groupByMonth } from './utils/meeting-days.js';

/** What one render needs to know, worked out once (in the element's willUpdate). */
export interface RenderContext {
  /** The dataset's top level; `undefined` in the month's frame, before the dataset comes (see the element's showsFrame). */
  header: DatasetHeader | undefined;
  m: MeetingCalendarMessages;
  lang: string;
  /** Today in the dataset's zone. */
  today: CalendarDate;
}

/** A render with the dataset (not the month's frame). */
type DataContext = RenderContext & { header: DatasetHeader };

/** The reader's actions, as the element handles them (the same functions every render). */
export interface CalendarHandlers {
  list: () => void;
  month: () => void;
  kind: (event: Event) => void;
  previousMonth: () => void;
  nextMonth: () => void;
  today: () => void;
  more: () => void;
  gridKeydown: (event: KeyboardEvent) => void;
  gridClick: (event: MouseEvent) => void;
  detailsKeydown: (event: KeyboardEvent) => void;
}

/** What the calendar's render reads of the element. */
export interface CalendarViewHost {
  readonly view: 'list' | 'month';
  readonly kind: string;
  readonly showPast: boolean;
  readonly api: string;
  readonly pageSize: number;
  readonly ui: UiLanguage;
  readonly rtl: boolean;
  /** The kinds the dataset has. */
  readonly kinds: readonly string[];
  /** The month's model (the month view). */
  readonly monthView: MonthView | undefined;
  /** The meetings the list view shows. */
  readonly shownMeetings: readonly Meeting[];
  readonly paging: PagingController;
  /** The day with the grid's focus in the month `shown`. */
  focus(shown: CalendarDate): CalendarDate;
  /** The day whose meetings are shown under the grid. */
  readonly openDay: CalendarDate | undefined;
  /** An id for a meeting's title, unique in the shadow root. */
  meetingId(meeting: Meeting): string;
  /** The calendar's .ics links. */
  ics(): IcsUrls;
  readonly on: CalendarHandlers;
}

/** The calendar with its data: controls, then the list or the month, then the feed's links. */
export function renderCalendar(host: CalendarViewHost, ctx: RenderContext): TemplateResult {
  const { m } = ctx;
  const view = host.view === 'month' ? 'month' : 'list';
  return html`<section class="calendar" aria-label=${m.label}>
    <div part="controls" class="controls">
      <div class="view-switch" role="group" aria-label=${m.viewLabel}>
        <button part="view-button" type="button" class=${view === 'list' ? '' : 'secondary'} aria-pressed=${view === 'list' ? 'true' : 'false'} @click=${host.on.list}>
          ${m.viewList}
        </button>
        <button part="view-button" type="button" class=${view === 'month' ? '' : 'secondary'} aria-pressed=${view === 'month' ? 'true' : 'false'} @click=${host.on.month}>
          ${m.viewMonth}
        </button>
      </div>
      ${kindFilter(host, ctx)}
    </div>
    ${view === 'month' ? month(host, ctx) : ctx.header ? list(host, { ...ctx, header: ctx.header }) : nothing} ${host.api && ctx.header ? subscribeLinks(host.api, { ...ctx, header: ctx.header }) : nothing}
  </section>`;
}

function kindFilter(host: CalendarViewHost, { m }: RenderContext): TemplateResult {
  const kinds = [...host.kinds];
  // A kind from a link that the data does not have still shows as chosen.
  if (host.kind && !kinds.includes(host.kind)) kinds.push(host.kind);
  return html`<div class="field">
    <label for="kind">${m.kindLabel}</label>
    <select id="kind" part="filter" @change=${host.on.kind}>
      <option value="" ?selected=${!host.kind}>${messagesFor(commonMessages, host.ui).all}</option>
      ${kinds.map((k) => html`<option .value=${k} ?selected=${k === host.kind}>${labelOf(m.kinds, k)}</option>`)}
    </select>
  </div>`;
}

function list(host: CalendarViewHost, ctx: DataContext): TemplateResult {
  const { m, lang } = ctx;
  const meetings = host.shownMeetings;
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
        ? html`<slot name="empty">${host.kind ? m.emptyKind : host.showPast ? m.emptyPast : m.empty}</slot>`
        : plural(lang, meetings.length, m.meetingCount)}
    </p>
    ${empty ? nothing : monthGroups(host, meetings, ctx)}`;
}

function monthGroups(host: CalendarViewHost, meetings: readonly Meeting[], ctx: DataContext): TemplateResult {
  const { lang } = ctx;
  const shown = host.paging.slice(meetings);
  const remaining = meetings.length - shown.length;
  let index = 0;
  return html`${groupByMonth(shown).map(
      (group) => html`<div class="month-group">
        <h3 part="month-heading">${monthTitle(group.year, group.month, lang)}</h3>
        <ul part="list" class="meetings cards">
          ${group.meetings.map((meeting) => html`<li>${card(host, meeting, ctx, index++)}</li>`)}
        </ul>
      </div>`,
    )}
    ${remaining > 0
      ? html`<button part="more-button" type="button" class="secondary more" @click=${host.on.more}>
          ${plural(lang, Math.min(remaining, host.pageSize > 0 ? Math.floor(host.pageSize) : 50), messagesFor(commonMessages, host.ui).showMore)}
        </button>`
      : nothing}`;
}

function card(host: CalendarViewHost, meeting: Meeting, ctx: DataContext, pageIndex?: number): TemplateResult {
  return meetingCard(meeting, { ...ctx, ui: host.ui }, { titleId: host.meetingId(meeting), ics: host.ics(), pageIndex });
}

function month(host: CalendarViewHost, ctx: RenderContext): TemplateResult | typeof nothing {
  const month = host.monthView;
  if (!month) return nothing;
  const { m, today } = ctx;
  const { shown } = month;
  const focus = host.focus(shown);
  const rtl = host.rtl;
  const openDay = host.openDay && sameMonth(host.openDay, shown) ? host.openDay : undefined;
  // The headers' names ("måndag", "Vecka 12") are aria-labels, not visually hidden text, which is
  // shaped, laid out and painted like any other (issue 18); their visible text is what they say.
  return html`<div class="month">
      <div part="month-nav" class="month-nav">
        <button part="nav-button" type="button" class="secondary" @click=${host.on.previousMonth}>
          <span aria-hidden="true">${rtl ? '→' : '←'}</span> ${m.previousMonth}
        </button>
        <h3 part="month-heading" id="month-heading" aria-live="polite">${month.title}</h3>
        <button part="nav-button" type="button" class="secondary" @click=${host.on.today}>${m.today}</button>
        <button part="nav-button" type="button" class="secondary" @click=${host.on.nextMonth}>
          ${m.nextMonth} <span aria-hidden="true">${rtl ? '←' : '→'}</span>
        </button>
      </div>
      <p id="grid-hint" class="hint">${m.gridHint} ${month.zoneNote ? html`<span class="zone">${month.zoneNote}</span>` : nothing}</p>
      <table part="grid" role="grid" aria-labelledby="month-heading" aria-describedby="grid-hint" @keydown=${host.on.gridKeydown} @click=${host.on.gridClick}>
        <thead>
          <tr>
            <th scope="col" class="week-col">${m.week}</th>
            ${month.weekdays.map(
              (d) => html`<th scope="col" aria-label=${d.long}><span class="wd-short">${d.short}</span><span class="wd-narrow">${d.narrow}</span></th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${month.weeks.map(
            (week) => html`<tr>
              <th scope="row" class="week-col" aria-label=${week.label}>${week.week}</th>
              ${week.days.map((day) => dayCell(day, focus, today, openDay))}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${openDay && ctx.header ? dayDetails(host, openDay, month.byDay.get(dateKey(openDay)) ?? [], { ...ctx, header: ctx.header }) : nothing}`;
}

/**
 * One cell: what changes with the focus, today and the open day; the rest was worked out with the
 * month (its lines are elements made then, see day-lines.ts). No white space between the cell's
 * children: 42 cells × 3 text nodes fewer to clone and insert. The cell's name ("tisdag 17 mars
 * 2026, 3 möten") stays visually hidden text, not an aria-label as the headers' are (which saves
 * shaping and laying it out): an aria-label that leaves out the titles the cell shows is a
 * label-in-name failure (WCAG 2.5.3; axe's label-content-name-mismatch) for a grid cell.
 */
function dayCell(day: GridDay, focus: CalendarDate, today: CalendarDate, openDay: CalendarDate | undefined): TemplateResult {
  const isToday = sameDate(day.date, today);
  const selected = openDay !== undefined && sameDate(day.date, openDay);
  const part = `day${day.outside ? ' day-outside' : ''}${isToday ? ' day-today' : ''}${selected ? ' day-selected' : ''}`;
  return html`<td
    part=${part}
    class=${day.count ? `${part} has-meetings` : part}
    data-date=${day.key}
    tabindex=${sameDate(day.date, focus) ? '0' : '-1'}
    aria-selected=${selected ? 'true' : 'false'}
    aria-current=${isToday ? 'date' : nothing}
  ><span class="day-number" aria-hidden="true">${day.date.day}</span><span class="visually-hidden">${day.label}</span>${day.lines}</td>`;
}

function dayDetails(host: CalendarViewHost, day: CalendarDate, meetings: readonly Meeting[], ctx: DataContext): TemplateResult {
  const { m, lang } = ctx;
  return html`<div part="day-details" class="day-details" role="region" aria-labelledby="day-heading" @keydown=${host.on.detailsKeydown}>
    <h3 id="day-heading" tabindex="-1">${m.dayHeading.replace('{date}', fullDate(day, lang))}</h3>
    ${meetings.length
      ? html`<ul part="list" class="meetings cards">
          ${meetings.map((meeting) => html`<li>${card(host, meeting, ctx)}</li>`)}
        </ul>`
      : html`<p part="empty" class="empty">${m.dayEmpty}</p>`}
  </div>`;
}
