import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import { parseDataset, type DatasetInput, type ParseDatasetResult } from '@samverkan/sdk';
import '../define/samverkan-meeting-calendar.js';
import type { SamverkanMeetingCalendar } from './meeting-calendar.js';
import { datasetUrl, demoJson, HOSTILE_TEXT, HOSTILE_URLS, release, uniqueKey, UNREACHABLE_URL } from '../../test/helpers/datasets.js';
import { expectEvent, mount, pause, unmountAll, waitFor } from '../../test/helpers/expect-event.js';
import { $, $$, focused, shadow, text } from '../../test/helpers/shadow.js';
import { testTime } from '../../test/helpers/test-time.js';

const titles = (el: Element) => $$(el, '[part~="meeting-title"]').map(text);
const meetingByTitle = (el: Element, title: string) => $$(el, '[part~="meeting"]').find((m) => text(m.querySelector('h4')).includes(title));
/** Whether a day cell shows the dot that says it has meetings (a narrow grid's stand-in for the titles). */
const dotShown = (day: Element) => {
  const dot = getComputedStyle(day.querySelector('.day-number')!, '::after');
  return dot.display !== 'none' && dot.content !== 'none' && dot.content !== 'normal';
};
const tabStops = (el: Element) => $$(el, 'td[tabindex="0"]').map((td) => td.dataset['date']);

/** The demo dataset's instants of the two meetings on the 2026 daylight-saving weekends. */
const WORKSHOP_DST_START = '2026-03-29T13:00:00+02:00'; // Sunday 29 March, the day summer time starts
const FAIR_DST_END = '2026-10-25T11:00:00+01:00'; // Sunday 25 October, the day it ends

interface CalendarOptions {
  lang?: string;
  view?: 'list' | 'month';
  now?: string;
  month?: string;
  kind?: string;
  showPast?: boolean;
  api?: string;
  jsonLd?: boolean;
  data?: unknown;
}

async function calendar(options: CalendarOptions = {}): Promise<SamverkanMeetingCalendar> {
  const data = options.data ?? (await demoJson());
  return fixture<SamverkanMeetingCalendar>(html`<samverkan-meeting-calendar
    lang=${options.lang ?? 'sv'}
    view=${options.view ?? 'list'}
    month=${options.month ?? ''}
    kind=${options.kind ?? ''}
    api=${options.api ?? ''}
    ?show-past=${options.showPast ?? false}
    ?json-ld=${options.jsonLd ?? false}
    .now=${new Date(options.now ?? '2026-01-01T12:00:00+01:00')}
    .data=${data}
  ></samverkan-meeting-calendar>`);
}

async function press(el: SamverkanMeetingCalendar, key: string): Promise<void> {
  const [modifier, name] = key.includes('+') ? key.split('+') : [undefined, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: name! });
  if (modifier) await sendKeys({ up: modifier });
  await el.updateComplete;
}

async function setTimeZone(timeZone: string | null): Promise<void> {
  await executeServerCommand('set-timezone', { timeZone });
}

/** A header's name as a screen reader hears it: its aria-label. */
const label = (element: Element | null | undefined) => element?.getAttribute('aria-label') ?? '';
/** A day cell's name as a screen reader hears it: its visually hidden text (the rest of its content is aria-hidden). */
const cellLabel = (cell: Element | null | undefined) => text(cell?.querySelector('.visually-hidden'));

/** Parses an iCalendar text with ical.js (an independent parser), its VTIMEZONEs registered. */
function parseICalendar(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

/**
 * Waits until `link` has its `blob:` URL (the iCalendar writer is loaded on first use: on a busy machine
 * that import can take longer than the two seconds this waited; now the test's own time bounds it).
 */
async function blobHref(link: HTMLAnchorElement): Promise<string> {
  await waitFor(() => link.href.startsWith('blob:'), 'the link never got its blob: URL');
  expect(link.href).to.match(/^blob:/);
  return link.href;
}

/** The `.ics` file behind a meeting's link, as the reader gets it: the link is made when it takes focus. */
async function icsOf(meeting: Element) {
  const link = meeting.querySelector<HTMLAnchorElement>('[part~="ics-link"]')!;
  link.focus();
  return { link, events: parseICalendar(await (await fetch(await blobHref(link))).text()) };
}

describe('<samverkan-meeting-calendar> list view', () => {
  it('lists upcoming meetings grouped by month, with time, kind, place, languages, description and links', async () => {
    const el = await calendar();
    expect($$(el, '[part~="month-heading"]').map(text).slice(0, 4)).to.deep.equal(['februari 2026', 'mars 2026', 'april 2026', 'maj 2026']);
    expect(titles(el)).to.have.length(19);
    const dialogue = meetingByTitle(el, 'Dialogmöte våren 2026')!;
    const time = dialogue.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2026-03-17T18:00:00+01:00');
    expect(text(time)).to.contain('17 mars 2026').and.to.contain('18:00').and.to.contain('20:30');
    expect(text(dialogue)).to.contain('Dialogmöte'); // kind
    expect(text(dialogue)).to.contain('Föreningarnas hus, Kanalvägen 12, 151 72 Södertälje');
    expect(text(dialogue)).to.contain('svenska');
    expect(dialogue.querySelector('.description')).to.not.equal(null);
    const ics = dialogue.querySelector<HTMLAnchorElement>('[part~="ics-link"]')!;
    expect(text(ics)).to.equal('Lägg till i kalendern');
    expect(ics.getAttribute('download')).to.equal('dialogue-meeting-2026-spring.ics');
  });

  it('names Syriac (syc), which Chromium has no name for, and shows a code nobody names as it is', async () => {
    const spoken = (el: Element) => {
      const workshop = meetingByTitle(el, 'Workshop: utvecklingsplanen 2026')!;
      const term = [...workshop.querySelectorAll('dt')].find((dt) => ['Språk', 'اللغات'].includes(text(dt)))!;
      return text(term.nextElementSibling);
    };
    expect(spoken(await calendar())).to.equal('svenska, engelska, syriska och arabiska');
    const arabic = spoken(await calendar({ lang: 'ar' }));
    const names = new Intl.DisplayNames(['ar'], { type: 'language' });
    expect(arabic).to.equal(new Intl.ListFormat('ar', { style: 'long', type: 'conjunction' }).format([names.of('sv')!, names.of('en')!, 'السريانية', names.of('ar')!]));
    const json = await demoJson();
    // `qaa` is reserved for local use: no Intl and no table of ours names it.
    json.meetings!.find((m) => m.id === 'workshop-development-plan-2026')!.languages = ['sv', 'qaa'];
    expect(spoken(await calendar({ data: json }))).to.equal('svenska och qaa');
  });

  it("makes a meeting's .ics file when its link is clicked, even before the writer is loaded, and keeps it across renders", async () => {
    const el = await calendar();
    const ics = meetingByTitle(el, 'Dialogmöte våren 2026')!.querySelector<HTMLAnchorElement>('[part~="ics-link"]')!;
    // Each click as the browser would follow it: after the link's own handler (and stop the download itself).
    const clicks: Array<{ href: string; followed: boolean }> = [];
    const record = (event: Event) => {
      if (event.target !== el) return;
      clicks.push({ href: ics.href, followed: !event.defaultPrevented });
      event.preventDefault();
    };
    document.addEventListener('click', record);
    try {
      ics.click();
      // The first click may come before the writer is loaded: then it is held, and made again with the file.
      await waitFor(() => clicks.some((c) => c.followed), 'no click was followed');
      const followed = clicks.filter((c) => c.followed);
      expect(followed).to.have.length(1);
      expect(followed[0]!.href).to.match(/^blob:/);
      expect(clicks.filter((c) => !c.followed).every((c) => !c.href.startsWith('blob:'))).to.equal(true);
      const body = await (await fetch(followed[0]!.href)).text();
      expect(body).to.match(/^BEGIN:VCALENDAR\r\n/);
      expect(body).to.contain('UID:dialogue-meeting-2026-spring@');
      // Once loaded, a click is followed at once, with the same file.
      clicks.length = 0;
      ics.click();
      expect(clicks).to.deep.equal([{ href: followed[0]!.href, followed: true }]);
      el.kind = 'dialogue-meeting';
      await el.updateComplete;
      expect(meetingByTitle(el, 'Dialogmöte våren 2026')!.querySelector<HTMLAnchorElement>('[part~="ics-link"]')!.href).to.equal(followed[0]!.href);
    } finally {
      document.removeEventListener('click', record);
    }
  });

  it('hides meetings that have ended unless show-past is set, and keeps one under way', async () => {
    // 15:30 on 10 February: the collaboration group (15:00–16:30) is under way.
    const el = await calendar({ now: '2026-02-10T15:30:00+01:00' });
    expect(titles(el)[0]).to.contain('Samverkansgruppens möte');
    expect(titles(el)).to.have.length(19);
    el.now = new Date('2026-06-01T12:00:00+02:00');
    await el.updateComplete;
    expect(titles(el)).to.have.length(14);
    expect($$(el, '[part~="month-heading"]').map(text)[0]).to.equal('september 2026');
    el.showPast = true;
    await el.updateComplete;
    expect(titles(el)).to.have.length(19);
    expect(el.hasAttribute('show-past')).to.equal(true);
    el.showPast = false;
    el.now = new Date('2028-01-01T00:00:00+01:00');
    await el.updateComplete;
    expect(text($(el, '[part~="empty"]'))).to.equal('Det finns inga kommande möten.');
  });

  it('keeps cancelled and postponed meetings, marked in words, not by colour alone', async () => {
    const el = await calendar({ now: '2026-12-01T00:00:00+01:00' });
    const cancelled = $$(el, '[part~="meeting"]').find((m) => m.querySelector('time')!.getAttribute('datetime') === '2026-12-08T15:00:00+01:00')!;
    expect(text(cancelled.querySelector('[part~="meeting-status"]'))).to.equal('Inställt');
    expect(text(cancelled.querySelector('h4'))).to.match(/^Inställt Samverkansgruppens möte$/);
    const postponed = $$(el, '[part~="meeting"]').find((m) => m.querySelector('time')!.getAttribute('datetime') === '2027-02-09T15:00:00+01:00')!;
    expect(text(postponed.querySelector('[part~="meeting-status"]'))).to.equal('Uppskjutet');
    const scheduled = $$(el, '[part~="meeting"]').find((m) => m.querySelector('time')!.getAttribute('datetime') === '2027-03-16T18:00:00+01:00')!;
    expect(scheduled.querySelector('[part~="meeting-status"]')).to.equal(null);
  });

  it('offers "Lägg till i kalendern" only for a meeting that will take place: not a cancelled one, nor a postponed one (its new time is not set yet)', async () => {
    for (const view of ['list', 'month'] as const) {
      const el = await calendar({ now: '2026-12-01T00:00:00+01:00', view, month: '2026-12' });
      if (view === 'month') {
        // The day of the cancelled meeting, opened as a reader would.
        $<HTMLTableCellElement>(el, 'td[data-date="2026-12-08"]')!.click();
        await el.updateComplete;
      }
      const cancelled = $$(el, '[part~="meeting"]').find((m) => m.querySelector('time')!.getAttribute('datetime') === '2026-12-08T15:00:00+01:00')!;
      expect(Boolean(cancelled), view).to.equal(true);
      // (Booleans: chai's message for a failing element comparison takes minutes to write.)
      expect(cancelled.querySelector('[part~="ics-link"]') === null, view).to.equal(true);
      expect(cancelled.textContent).to.not.contain('Lägg till i kalendern');
    }
    const el = await calendar({ now: '2026-12-01T00:00:00+01:00' });
    const postponed = $$(el, '[part~="meeting"]').find((m) => m.querySelector('time')!.getAttribute('datetime') === '2027-02-09T15:00:00+01:00')!;
    expect(postponed.querySelector('[part~="ics-link"]') === null).to.equal(true);
    const scheduled = $$(el, '[part~="meeting"]').find((m) => m.querySelector('time')!.getAttribute('datetime') === '2027-03-16T18:00:00+01:00')!;
    expect(text(scheduled.querySelector('[part~="ics-link"]'))).to.equal('Lägg till i kalendern');
    await expect(el).to.be.accessible();
  });

  it('shows an online meeting\'s place as online with a link to join', async () => {
    const el = await calendar();
    const online = meetingByTitle(el, 'så ansluter ni er')!;
    const join = online.querySelector<HTMLAnchorElement>('[part~="online-link"]')!;
    expect(text(join)).to.equal('Delta digitalt');
    expect(join.getAttribute('href')).to.equal('https://meet.example.org/samverkan-info-2026-04');
    expect(text(online)).to.contain('Plats Digitalt');
  });

  it('filters by kind from the attribute and from the select, and reflects the reader\'s choice', async () => {
    const el = await calendar({ kind: 'workshop' });
    expect(titles(el)).to.deep.equal(['Workshop: utvecklingsplanen 2026–2027', 'Workshop: revidering av samverkansöverenskommelsen']);
    const select = $<HTMLSelectElement>(el, 'select#kind')!;
    expect(select.value).to.equal('workshop');
    expect($(el, 'label[for="kind"]')!.textContent).to.equal('Typ av möte');
    select.value = 'dialogue-forum';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.getAttribute('kind')).to.equal('dialogue-forum');
    expect(titles(el)).to.deep.equal(['Dialogforum 2026', 'Dialogforum 2027']);
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.hasAttribute('kind')).to.equal(false);
    expect(titles(el)).to.have.length(19);
    el.kind = 'workshop';
    el.now = new Date('2028-01-01T00:00:00+01:00');
    await el.updateComplete;
    expect(text($(el, '[part~="empty"]'))).to.equal('Det finns inga möten av den här typen.');
  });

  it('shows a long list a page at a time; "show more" moves focus to the first new meeting', async () => {
    const el = await calendar();
    el.pageSize = 5;
    await el.updateComplete;
    expect(titles(el)).to.have.length(5);
    const more = $<HTMLButtonElement>(el, '[part~="more-button"]')!;
    expect(text(more)).to.equal('Visa 5 till');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(titles(el)).to.have.length(10);
    expect(focused(el)!.getAttribute('data-page-item')).to.equal('5');
    expect(text(focused(el))).to.equal(titles(el)[5]);
    for (let i = 0; i < 2; i++) {
      $<HTMLButtonElement>(el, '[part~="more-button"]')!.click();
      await el.updateComplete;
    }
    expect(titles(el)).to.have.length(19);
    expect($(el, '[part~="more-button"]')).to.equal(null);
    el.kind = 'collaboration-group';
    await el.updateComplete;
    expect(titles(el)).to.have.length(5);
    expect(text($(el, '[part~="more-button"]'))).to.equal('Visa 3 till');
  });

  it('switches between list and month with buttons that say which is on, and reflects it', async () => {
    const el = await calendar();
    const [list, month] = $$(el, '[part~="view-button"]');
    expect(list!.getAttribute('aria-pressed')).to.equal('true');
    month!.click();
    await el.updateComplete;
    expect(el.getAttribute('view')).to.equal('month');
    expect($(el, '[role="grid"]')).to.not.equal(null);
    expect(month!.getAttribute('aria-pressed')).to.equal('true');
  });
});

describe('<samverkan-meeting-calendar> month view', () => {
  it('is a grid with weeks from Monday, ISO week numbers and Intl weekday and month names', async () => {
    const el = await calendar({ view: 'month', now: '2026-03-17T09:00:00+01:00' });
    const grid = $(el, 'table[role="grid"]')!;
    expect(text($(el, '#month-heading'))).to.equal('mars 2026');
    expect(grid.getAttribute('aria-labelledby')).to.equal('month-heading');
    const headers = $$(el, 'thead th').map((th) => th.getAttribute('aria-label') ?? text(th));
    const long = new Intl.DateTimeFormat('sv', { weekday: 'long', timeZone: 'UTC' });
    expect(headers).to.deep.equal(['Vecka', ...[1, 2, 3, 4, 5, 6, 7].map((d) => long.format(Date.UTC(2024, 0, d, 12)))]);
    expect(headers[1]).to.equal('måndag');
    expect($$(el, 'tbody th[scope="row"]').map(text)).to.deep.equal(['9', '10', '11', '12', '13', '14']);
    expect($$(el, 'tbody th[scope="row"]').map(label)).to.deep.equal(['Vecka 9', 'Vecka 10', 'Vecka 11', 'Vecka 12', 'Vecka 13', 'Vecka 14']);
    // The headers' names are aria-labels, not visually hidden text (which is shaped, laid out and painted all the same).
    expect($$(el, 'th .visually-hidden')).to.have.length(0);
    expect($$(el, 'thead th').map((th) => th.getAttribute('aria-hidden') ?? th.querySelector('[aria-hidden]'))).to.deep.equal(Array(8).fill(null));
    expect($$(el, 'tbody tr')[0]!.querySelector('td')!.dataset['date']).to.equal('2026-02-23');
    // Exactly one cell in the tab order: today.
    expect(tabStops(el)).to.deep.equal(['2026-03-17']);
    const today = $(el, 'td[data-date="2026-03-17"]')!;
    expect(today.getAttribute('aria-current')).to.equal('date');
    expect(cellLabel(today)).to.equal('tisdag 17 mars 2026, 1 möte');
    expect(text(today.querySelector('.day-meetings'))).to.contain('18:00').and.to.contain('Dialogmöte våren 2026');
  });

  it('shows a day\'s first three meetings in its cell, then how many more, whatever the count, also after moving between months', async () => {
    const json = await demoJson();
    const meeting = (id: string, start: string, title: string, status = 'scheduled') => ({
      id,
      title,
      kind: 'other',
      status,
      start: `${start}:00+02:00`,
      end: `${start.slice(0, 11)}23:00:00+02:00`,
      languages: ['sv'],
    });
    (json.meetings as unknown[]).push(
      meeting('one', '2026-06-02T10:00', 'Ett'),
      meeting('a2', '2026-06-03T11:00', 'A2'),
      meeting('a1', '2026-06-03T09:00', 'A1'),
      meeting('b1', '2026-06-04T09:00', 'B1'),
      meeting('b2', '2026-06-04T10:00', 'B2', 'cancelled'),
      meeting('b3', '2026-06-04T11:00', 'B3'),
      ...[1, 2, 3, 4, 5].map((n) => meeting(`c${n}`, `2026-06-05T${String(7 + n).padStart(2, '0')}:00`, `C${n}`)),
      ...[1, 2, 3, 4].map((n) => meeting(`d${n}`, `2026-07-02T${String(7 + n).padStart(2, '0')}:00`, `D${n}`)),
      meeting('e1', '2026-07-03T12:00', 'E1'),
    );
    const el = await calendar({ view: 'month', month: '2026-06', data: json });
    const lines = (date: string) => $$(el, `td[data-date="${date}"] .day-meetings li`).map(text);
    const june = () => {
      expect(lines('2026-06-01')).to.deep.equal([]);
      expect($(el, 'td[data-date="2026-06-01"] .day-meetings')).to.equal(null);
      expect(lines('2026-06-02')).to.deep.equal(['10:00 Ett']);
      expect(lines('2026-06-03')).to.deep.equal(['09:00 A1', '11:00 A2']);
      expect(lines('2026-06-04')).to.deep.equal(['09:00 B1', 'Inställt 10:00 B2', '11:00 B3']);
      expect($(el, 'td[data-date="2026-06-04"] .day-meetings li:nth-child(2)')!.className).to.equal('cancelled');
      expect(lines('2026-06-05')).to.deep.equal(['08:00 C1', '09:00 C2', '10:00 C3', '2 till']);
      expect(cellLabel($(el, 'td[data-date="2026-06-05"]'))).to.equal('fredag 5 juni 2026, 5 möten');
      // What a screen reader hears is the cell's label: the lines are hidden from it.
      expect($(el, 'td[data-date="2026-06-05"] .day-meetings')!.getAttribute('aria-hidden')).to.equal('true');
      expect(lines('2026-07-02')).to.deep.equal(['08:00 D1', '09:00 D2', '10:00 D3', '1 till']);
    };
    june();
    el.month = '2026-07';
    await el.updateComplete;
    // The same cells now show other days, with other counts.
    expect(lines('2026-07-02')).to.deep.equal(['08:00 D1', '09:00 D2', '10:00 D3', '1 till']);
    expect(lines('2026-07-03')).to.deep.equal(['12:00 E1']);
    expect(lines('2026-07-01')).to.deep.equal([]);
    expect($$(el, '.day-meetings').length).to.equal(2);
    el.month = '2026-06';
    await el.updateComplete;
    june();
  });

  it("gives each of a cell's lines a line of its own, a title too long for the cell cut with an ellipsis at its edge", async () => {
    const json = await demoJson();
    const long = 'Samverkansgruppens möte om idéburet offentligt partnerskap och föreningsbidrag i hela kommunen';
    const meeting = (id: string, hour: number, title: string, status = 'scheduled') => ({
      id,
      title,
      kind: 'other',
      status,
      start: `2026-06-10T${hour}:00:00+02:00`,
      end: `2026-06-10T${hour}:30:00+02:00`,
      languages: ['sv'],
    });
    (json.meetings as unknown[]).push(meeting('l1', 10, 'Kort'), meeting('l2', 11, long), meeting('l3', 12, long.replace(' om ', '\n om  '), 'cancelled'), meeting('l4', 13, 'Fyra'));
    const el = await calendar({ view: 'month', month: '2026-06', data: json });
    const cell = $(el, 'td[data-date="2026-06-10"]')!;
    const list = cell.querySelector<HTMLElement>('.day-meetings')!;
    const lines = [...list.querySelectorAll('li')];
    expect(lines.map(text)).to.deep.equal(['10:00 Kort', `11:00 ${long}`, `Inställt 12:00 ${long}`, '1 till']);
    // One line box each, one under the other (the lines are inline boxes that a line feed starts, not blocks,
    // and a title's own line feed does not start one;
    // a line's boxes are its pieces on that line: the time, the isolated title, what the "…" hides).
    const boxes = lines.map((line) => [...line.getClientRects()].filter((r) => r.width > 0));
    const tops = boxes.map((b) => [...new Set(b.map((r) => Math.round(r.top)))]);
    expect(tops.map((t) => t.length)).to.deep.equal([1, 1, 1, 1]);
    for (let i = 1; i < tops.length; i++) expect(tops[i]![0]!, `line ${i + 1} under line ${i}`).to.be.greaterThan(tops[i - 1]![0]! + 5);
    // The long titles run past the list, which clips them at the cell's edge and ends them with "…".
    const edge = list.getBoundingClientRect();
    const width = (b: DOMRect[]) => Math.max(...b.map((r) => r.right)) - Math.min(...b.map((r) => r.left));
    expect(width(boxes[1]!)).to.be.greaterThan(edge.width);
    expect(edge.right).to.be.at.most(cell.getBoundingClientRect().right);
    const style = getComputedStyle(list);
    expect([style.overflowX, style.textOverflow]).to.deep.equal(['clip', 'ellipsis']);
    // The short lines and "1 till" are whole.
    expect(width(boxes[0]!)).to.be.lessThan(edge.width);
    expect(width(boxes[3]!)).to.be.lessThan(edge.width);
  });

  it('draws its month in few fonts: no italic, one bold weight, four sizes (each is a font the first render finds and sets up)', async () => {
    const json = await demoJson();
    (json.meetings as unknown[]).push({
      id: 'fonts-cancelled',
      title: 'Inställd träff',
      kind: 'other',
      status: 'cancelled',
      start: '2026-03-18T09:00:00+01:00',
      end: '2026-03-18T10:00:00+01:00',
      languages: ['sv'],
    });
    await setTimeZone('America/New_York'); // the zone note shows
    try {
      const el = await calendar({ view: 'month', month: '2026-03', now: '2026-03-17T12:00:00+01:00', data: json });
      expect($(el, '.zone'), 'zone note').to.not.equal(null);
      expect($(el, 'td[data-date="2026-03-18"] .badge'), 'badge in a cell').to.not.equal(null);
      const fonts = new Set<string>();
      for (const node of $$(el, '*')) {
        const own = [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim());
        if (!own || node.getClientRects().length === 0) continue;
        const style = getComputedStyle(node);
        fonts.add(`${style.fontStyle} ${style.fontWeight} ${style.fontSize}`);
      }
      const all = [...fonts].sort();
      expect(all.filter((f) => !f.startsWith('normal ')), all.join(', ')).to.deep.equal([]);
      expect(new Set(all.map((f) => f.split(' ')[1])), all.join(', ')).to.deep.equal(new Set(['400', '600']));
      expect(new Set(all.map((f) => f.split(' ')[2])).size, all.join(', ')).to.be.at.most(4);
      expect(all.length, all.join(', ')).to.be.at.most(6);
    } finally {
      await setTimeZone(null);
    }
  });

  it('shows markup and direction controls in a title as text in its cell, isolated from the time beside it', async () => {
    const json = await demoJson();
    const title = '<img src=x onerror="window.cellPwned=1">\u202EMöte';
    (json.meetings as unknown[]).push({
      id: 'markup',
      title,
      kind: 'other',
      status: 'postponed',
      start: '2026-06-09T18:00:00+02:00',
      end: '2026-06-09T19:00:00+02:00',
      languages: ['sv'],
    });
    const el = await calendar({ view: 'month', month: '2026-06', data: json });
    const line = $(el, 'td[data-date="2026-06-09"] .day-meetings li')!;
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { cellPwned?: number }).cellPwned).to.equal(undefined);
    // The title whole, in its own <bdi> (the override ends with it), after the badge and the time.
    expect(line.querySelector('bdi')!.textContent).to.equal(title);
    expect(line.className).to.equal('postponed');
    expect(text(line.querySelector('.badge'))).to.equal('Uppskjutet');
    expect([...line.childNodes].map((node) => (node.nodeType === Node.TEXT_NODE ? node.textContent : (node as Element).localName))).to.deep.equal(['span', ' 18:00 ', 'bdi']);
  });

  it('moves focus by day, week, month, year and to the week\'s ends with the keyboard, one cell tabbable at a time', async () => {
    const el = await calendar({ view: 'month', now: '2026-03-17T09:00:00+01:00' });
    $(el, 'td[tabindex="0"]')!.focus();
    const steps: [string, string][] = [
      ['ArrowRight', '2026-03-18'],
      ['ArrowDown', '2026-03-25'],
      ['ArrowLeft', '2026-03-24'],
      ['ArrowUp', '2026-03-17'],
      ['End', '2026-03-22'],
      ['Home', '2026-03-16'],
      ['PageDown', '2026-04-16'],
      ['PageUp', '2026-03-16'],
      ['Shift+PageDown', '2027-03-16'],
      ['Shift+PageUp', '2026-03-16'],
    ];
    for (const [key, date] of steps) {
      await press(el, key);
      expect(focused(el)?.dataset['date'], key).to.equal(date);
      expect(tabStops(el), key).to.deep.equal([date]);
    }
    expect(el.getAttribute('month')).to.equal('2026-03');
  });

  it('follows focus into the next month across its last day, and clamps PageDown from the 31st', async () => {
    const el = await calendar({ view: 'month', now: '2026-01-31T09:00:00+01:00' });
    $(el, 'td[tabindex="0"]')!.focus();
    await press(el, 'PageDown');
    expect(focused(el)?.dataset['date']).to.equal('2026-02-28');
    expect(text($(el, '#month-heading'))).to.equal('februari 2026');
    await press(el, 'ArrowRight');
    expect(focused(el)?.dataset['date']).to.equal('2026-03-01');
    expect(text($(el, '#month-heading'))).to.equal('mars 2026');
    expect(el.getAttribute('month')).to.equal('2026-03');
  });

  it('opens the day\'s meetings with Enter or Space, moves focus to them, and Escape goes back to the day', async () => {
    const el = await calendar({ view: 'month', now: '2026-03-17T09:00:00+01:00' });
    $(el, 'td[tabindex="0"]')!.focus();
    await press(el, 'Enter');
    const details = $(el, '[part~="day-details"]')!;
    expect(focused(el)!.id).to.equal('day-heading');
    expect(text(focused(el))).to.equal('Möten tisdag 17 mars 2026');
    expect(titles(el)).to.deep.equal(['Dialogmöte våren 2026']);
    expect($(el, 'td[data-date="2026-03-17"]')!.getAttribute('aria-selected')).to.equal('true');
    details.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(focused(el)?.dataset['date']).to.equal('2026-03-17');
    await press(el, 'ArrowRight');
    await press(el, ' ');
    expect(text(focused(el))).to.equal('Möten onsdag 18 mars 2026');
    expect(text($(el, '[part~="day-details"] [part~="empty"]'))).to.equal('Inga möten den här dagen.');
  });

  it('has previous, next and today buttons that keep focus where it is', async () => {
    const el = await calendar({ view: 'month', now: '2026-03-17T09:00:00+01:00' });
    const [previous, today, next] = $$<HTMLButtonElement>(el, '[part~="nav-button"]');
    next!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text($(el, '#month-heading'))).to.equal('april 2026');
    expect(tabStops(el)).to.deep.equal(['2026-04-17']);
    expect(focused(el)).to.equal(next);
    previous!.click();
    previous!.click();
    await el.updateComplete;
    expect(text($(el, '#month-heading'))).to.equal('februari 2026');
    today!.click();
    await el.updateComplete;
    expect(text($(el, '#month-heading'))).to.equal('mars 2026');
    expect(tabStops(el)).to.deep.equal(['2026-03-17']);
    expect($(el, '#month-heading')!.getAttribute('aria-live')).to.equal('polite');
  });

  it('mirrors left and right arrows in Arabic, right to left', async () => {
    const el = await calendar({ view: 'month', lang: 'ar', now: '2026-03-17T09:00:00+01:00' });
    expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle($(el, 'table')!).direction).to.equal('rtl');
    $(el, 'td[tabindex="0"]')!.focus();
    await press(el, 'ArrowLeft');
    expect(focused(el)?.dataset['date']).to.equal('2026-03-18');
    await press(el, 'ArrowRight');
    await press(el, 'ArrowRight');
    expect(focused(el)?.dataset['date']).to.equal('2026-03-16');
    expect(text($(el, '#month-heading'))).to.equal(new Intl.DateTimeFormat('ar', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 1, 12)));
  });

  it('cuts a Swedish title in an Arabic month at its own end, keeping its start beside the time; a Swedish month keeps one line box per line', async () => {
    const json = await demoJson();
    const long = 'Samverkansgruppens möte om idéburet offentligt partnerskap och föreningsbidrag i hela kommunen';
    const start = (hour: number) => `2026-06-10T${hour}:00:00+02:00`;
    const meeting = (id: string, hour: number, title: string, status = 'scheduled') => ({ id, title, kind: 'other', status, start: start(hour), end: start(hour + 1), languages: ['sv'] });
    (json.meetings as unknown[]).push(meeting('a1', 10, long), meeting('a2', 11, 'Kort'), meeting('a3', 12, long, 'cancelled'));
    const ar = await calendar({ view: 'month', month: '2026-06', lang: 'ar', data: json });
    const list = $(ar, 'td[data-date="2026-06-10"] .day-meetings')!;
    const [first, second, third, more] = [...list.querySelectorAll('li')];
    expect(more).to.equal(undefined);
    const listBox = list.getBoundingClientRect();
    for (const [line, name] of [[first!, 'the long title'], [third!, 'the cancelled long title']] as const) {
      const title = line.querySelector('bdi')!;
      // Its first letter is inside the list, which clips what runs past its edge (before: past the left edge, cut off).
      const range = document.createRange();
      range.setStart(title.firstChild!, 0);
      range.setEnd(title.firstChild!, 1);
      const head = range.getBoundingClientRect();
      expect(head.left, `${name}: its start is inside the cell`).to.be.at.least(listBox.left - 1);
      // Cut at its own end: its text is wider than its box, which ends inside the list, and its first letter is
      // in that box (visible, however narrow the box) while its last are past its end (cut off with "…").
      const box = title.getBoundingClientRect();
      expect(title.scrollWidth, name).to.be.greaterThan(title.clientWidth);
      expect(box.left, name).to.be.at.least(listBox.left - 1);
      expect(head.left, `${name}: its start is shown`).to.be.at.least(box.left - 1);
      expect(head.right, `${name}: its start is shown`).to.be.at.most(box.right + 1);
      range.setStart(title.firstChild!, long.length - 3);
      range.setEnd(title.firstChild!, long.length);
      expect(range.getBoundingClientRect().left, `${name}: its end is cut`).to.be.greaterThan(box.right);
      expect(getComputedStyle(title).textOverflow).to.equal('ellipsis');
      // Right to left: the time first (on the right), then the title.
      const time = [...line.childNodes].find((node) => node.nodeType === Node.TEXT_NODE)!;
      const timeRange = document.createRange();
      timeRange.selectNode(time);
      expect(timeRange.getBoundingClientRect().left, `${name}: the time is right of the title`).to.be.at.least(box.right - 1);
    }
    // A short title whole, each line a row of its own.
    expect(second!.querySelector('bdi')!.scrollWidth).to.be.at.most(second!.querySelector('bdi')!.clientWidth);
    const tops = [first!, second!, third!].map((line) => Math.round(line.getBoundingClientRect().top));
    expect(tops[1]).to.be.greaterThan(tops[0]! + 5);
    expect(tops[2]).to.be.greaterThan(tops[1]! + 5);

    expect(list.classList.contains('boxed')).to.equal(true);
    // Titles written the same way as the lines (Swedish in Swedish): not boxed (one inline formatting context, see day-lines.ts).
    const sv = await calendar({ view: 'month', month: '2026-06', data: json });
    expect($$(sv, '.day-meetings.boxed')).to.have.length(0);
    expect($$(sv, '.day-meetings').length).to.be.greaterThan(0);
  });

  it('opens a day by click, and a month from the month attribute', async () => {
    const el = await calendar({ view: 'month', month: '2026-10' });
    expect(text($(el, '#month-heading'))).to.equal('oktober 2026');
    expect(tabStops(el)).to.deep.equal(['2026-10-01']);
    $(el, 'td[data-date="2026-10-06"]')!.click();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Dialogmöte hösten 2026']);
    expect(tabStops(el)).to.deep.equal(['2026-10-06']);
  });

  it('shows only the chosen kind in the grid', async () => {
    const el = await calendar({ view: 'month', month: '2026-10', kind: 'dialogue-meeting' });
    expect($(el, 'td[data-date="2026-10-06"] .day-meetings')).to.not.equal(null);
    expect($(el, 'td[data-date="2026-10-25"] .day-meetings')).to.equal(null);
  });
});

describe('<samverkan-meeting-calendar> time zones', () => {
  afterEach(() => setTimeZone(null));

  for (const zone of ['America/New_York', 'Asia/Tokyo']) {
    it(`shows the dataset zone's local time, labelled, in a browser in ${zone}`, async () => {
      await setTimeZone(zone);
      expect(new Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal(zone);
      // The browser's own clock now reads another hour for the workshop…
      expect(new Date(WORKSHOP_DST_START).getHours()).to.not.equal(13);
      const el = await calendar();
      const workshop = meetingByTitle(el, 'utvecklingsplanen')!;
      const when = text(workshop.querySelector('dd'));
      // …but the calendar shows Stockholm's: 13:00 on the day summer time starts, 11:00 on the day it ends.
      expect(when).to.contain('29 mars 2026').and.to.contain('13:00').and.to.contain('16:30');
      expect(when).to.contain('Tiden anges i centraleuropeisk tid.');
      const fair = text(meetingByTitle(el, 'Föreningsmässa i Järna')!.querySelector('dd'));
      expect(fair).to.contain('25 oktober 2026').and.to.contain('11:00').and.to.contain('15:00');
    });
  }

  it('does not label times when the reader\'s clock agrees with the dataset\'s', async () => {
    await setTimeZone('Europe/Stockholm');
    const el = await calendar();
    expect($(el, '.zone')).to.equal(null);
    el.view = 'month';
    await el.updateComplete;
    expect($(el, '.zone')).to.equal(null);
    await setTimeZone('Europe/Oslo');
    const oslo = await calendar();
    expect($(oslo, '.zone')).to.equal(null);
  });

  it('puts meetings on the dataset zone\'s day in the month grid, in New York, on both DST weekends', async () => {
    await setTimeZone('America/New_York');
    const json = await demoJson();
    // 00:30 in Stockholm on the night summer time starts: still Saturday 28 March in New York.
    (json.meetings as unknown[]).push({
      id: 'night-owls',
      title: 'Nattugglorna',
      kind: 'other',
      start: '2026-03-29T00:30:00+01:00',
      end: '2026-03-29T01:30:00+01:00',
      languages: ['sv'],
    });
    const el = await calendar({ view: 'month', month: '2026-03', data: json });
    expect(text($(el, '#grid-hint .zone'))).to.equal('Tiden anges i centraleuropeisk tid.');
    expect(text($(el, 'td[data-date="2026-03-29"] .day-meetings'))).to.contain('00:30 Nattugglorna').and.to.contain('13:00 Workshop');
    expect($(el, 'td[data-date="2026-03-28"] .day-meetings')).to.equal(null);
    el.month = '2026-10';
    await el.updateComplete;
    expect(text($(el, 'td[data-date="2026-10-25"] .day-meetings'))).to.contain('11:00 Föreningsmässa i Järna');
    expect(cellLabel($(el, 'td[data-date="2026-10-25"]'))).to.equal('söndag 25 oktober 2026, 1 möte');
  });
});

describe('<samverkan-meeting-calendar> English dates', () => {
  const cancelledTime = (el: Element) =>
    text($$(el, '[part~="meeting"] time').find((t) => t.getAttribute('datetime') === '2026-12-08T15:00:00+01:00')!);

  it('writes English dates the British way (day before month, 24-hour clock) for lang="en", as a Swedish municipality\'s page expects', async () => {
    const el = await calendar({ lang: 'en', now: '2026-12-01T00:00:00+01:00' });
    const time = cancelledTime(el);
    expect(time).to.match(/8 December 2026/);
    expect(time).to.match(/15:00\s*–\s*16:30/);
    expect(time).to.not.match(/AM|PM/);
    el.view = 'month';
    el.month = '2026-12';
    await el.updateComplete;
    $<HTMLTableCellElement>(el, 'td[data-date="2026-12-08"]')!.click();
    await el.updateComplete;
    expect(text($(el, '#day-heading'))).to.match(/Tuesday,? 8 December 2026/);
    expect(text($(el, 'td[data-date="2026-12-08"] .day-meetings li'))).to.equal('Cancelled 15:00 Collaboration group meeting');
    expect($(el, 'td[data-date="2026-12-08"] .day-meetings bdi')!.hasAttribute('lang')).to.equal(false);
  });

  it('says in a month cell that a title the dataset has only in Swedish is Swedish (a screen reader\'s voice, the script\'s direction)', async () => {
    const data = await demoJson();
    const meeting = (data.meetings as { id: string; title: unknown }[]).find((m) => m.id === 'collaboration-group-2026-12')!;
    meeting.title = { sv: 'Samverkansgruppens möte' };
    const el = await calendar({ lang: 'en', now: '2026-12-01T00:00:00+01:00', data });
    el.view = 'month';
    el.month = '2026-12';
    await el.updateComplete;
    const title = $(el, 'td[data-date="2026-12-08"] .day-meetings bdi')!;
    expect(title.getAttribute('lang')).to.equal('sv');
    expect(text(title)).to.equal('Samverkansgruppens möte');
  });

  it('keeps US conventions when the page says lang="en-US"', async () => {
    const el = await calendar({ lang: 'en-US', now: '2026-12-01T00:00:00+01:00' });
    const time = cancelledTime(el);
    expect(time).to.match(/December 8, 2026/);
    expect(time).to.match(/PM/);
  });
});

describe('<samverkan-meeting-calendar> add to calendar and subscribe', () => {
  afterEach(() => setTimeZone(null));

  it('gives each meeting an .ics file that an independent parser reads at the right instants, DST weekends included', async () => {
    await setTimeZone('America/New_York');
    const el = await calendar();
    for (const [title, start, end] of [
      ['utvecklingsplanen', WORKSHOP_DST_START, '2026-03-29T16:30:00+02:00'],
      ['Föreningsmässa i Järna', FAIR_DST_END, '2026-10-25T15:00:00+01:00'],
      ['Dialogmöte våren 2026', '2026-03-17T18:00:00+01:00', '2026-03-17T20:30:00+01:00'],
    ] as const) {
      const { link, events } = await icsOf(meetingByTitle(el, title)!);
      expect(link.href).to.match(/^blob:/);
      expect(events, title).to.have.length(1);
      expect(events[0]!.startDate.toJSDate().getTime(), title).to.equal(Date.parse(start));
      expect(events[0]!.endDate.toJSDate().getTime(), title).to.equal(Date.parse(end));
      expect(events[0]!.summary).to.contain(title);
    }
  });

  it('uses the municipality\'s host in the UID, and the meeting\'s status in its file', async () => {
    const el = await calendar({ now: '2026-12-01T00:00:00+01:00' });
    const scheduled = $$(el, '[part~="meeting"]').find((m) => m.querySelector('time')!.getAttribute('datetime') === '2027-03-16T18:00:00+01:00')!;
    const { events } = await icsOf(scheduled);
    const json = await demoJson();
    const id = json.meetings!.find((m) => m.start === '2027-03-16T18:00:00+01:00')!.id;
    expect(events[0]!.uid).to.equal(`${id}@www.sodertalje.se`);
    expect(events[0]!.component.getFirstPropertyValue('status')).to.equal('CONFIRMED');
  });

  it('writes the file in the reader\'s language when the dataset has it', async () => {
    const el = await calendar({ lang: 'en' });
    const { events } = await icsOf(meetingByTitle(el, 'Dialogue meeting, spring 2026')!);
    expect(events[0]!.summary).to.equal('Dialogue meeting, spring 2026');
  });

  it('with api, links the server\'s feed over https and webcal, with a sentence on what subscribing does', async () => {
    const el = await calendar({ api: '/api/v1' });
    const feed = new URL('/api/v1/meetings.ics', document.baseURI).href;
    expect($<HTMLAnchorElement>(el, '[part~="subscribe-https"]')!.getAttribute('href')).to.equal(feed);
    expect($<HTMLAnchorElement>(el, '[part~="subscribe-webcal"]')!.getAttribute('href')).to.equal(feed.replace(/^https?:/, 'webcal:'));
    expect(text($(el, '[part~="subscribe"] p'))).to.contain('automatiskt');
    el.api = 'https://kommun.example/api/v1/';
    el.lang = 'en';
    await pause(10);
    await el.updateComplete;
    expect($<HTMLAnchorElement>(el, '[part~="subscribe-https"]')!.getAttribute('href')).to.equal('https://kommun.example/api/v1/meetings.ics?lang=en');
    expect($<HTMLAnchorElement>(el, '[part~="subscribe-webcal"]')!.getAttribute('href')).to.equal('webcal://kommun.example/api/v1/meetings.ics?lang=en');
    el.api = 'javascript:alert(1)';
    await el.updateComplete;
    expect($(el, '[part~="subscribe"]')).to.equal(null);
  });

  it('shows no subscription without api', async () => {
    const el = await calendar();
    expect($(el, '[part~="subscribe"]')).to.equal(null);
  });
});

describe('<samverkan-meeting-calendar> JSON-LD', () => {
  it('writes schema.org Events into the light DOM only when asked, and follows the filter', async () => {
    const plain = await calendar();
    expect(plain.querySelector('script')).to.equal(null);
    const el = await calendar({ jsonLd: true, now: '2026-12-01T00:00:00+01:00' });
    const script = el.querySelector<HTMLScriptElement>('script[type="application/ld+json"]')!;
    const graph = JSON.parse(script.textContent!) as { '@context': string; '@graph': { '@type': string; name?: string; eventStatus?: string; startDate?: string }[] };
    expect(graph['@context']).to.equal('https://schema.org');
    const events = graph['@graph'].filter((n) => n['@type'] === 'Event');
    expect(events).to.have.length(titles(el).length);
    expect(events.find((e) => e.startDate === '2026-12-08T15:00:00+01:00')!.eventStatus).to.equal('https://schema.org/EventCancelled');
    el.kind = 'dialogue-forum';
    await el.updateComplete;
    const filtered = JSON.parse(el.querySelector('script')!.textContent!) as { '@graph': { '@type': string; name?: string }[] };
    expect(filtered['@graph'].filter((n) => n['@type'] === 'Event').map((e) => e.name)).to.deep.equal(['Dialogforum 2027']);
    expect(el.querySelectorAll('script')).to.have.length(1);
    el.jsonLd = false;
    await el.updateComplete;
    expect(el.querySelector('script')).to.equal(null);
  });

  it('cannot be broken out of by text in the data', async () => {
    (window as { __pwned?: number }).__pwned = 0;
    const json = await demoJson();
    const meeting = (json.meetings as { title: unknown }[])[0]!;
    meeting.title = `</script><script>window.__pwned=1</script>`;
    const el = await calendar({ jsonLd: true, data: json });
    const script = el.querySelector('script')!;
    expect(script.textContent).to.not.contain('</script');
    const graph = JSON.parse(script.textContent!) as { '@graph': { name?: string }[] };
    expect(graph['@graph'].some((n) => n.name === `</script><script>window.__pwned=1</script>`)).to.equal(true);
    expect(el.querySelectorAll('script')).to.have.length(1);
    expect((window as { __pwned?: number }).__pwned).to.equal(0);
  });
});

/**
 * Three meetings of the demo's March dialogue meeting's shape that parseDataset leaves out (an unknown
 * kind on the first day, the other season's offset on the second, the id of that earlier meeting on the
 * third) and one it keeps on the third day; their titles end with `suffix`.
 */
function problemMeetings(
  meetings: Record<string, unknown>[],
  { days: [first, second, third], offset, otherOffset, suffix }: { days: [string, string, string]; offset: string; otherOffset: string; suffix: string },
): Record<string, unknown>[] {
  const template = meetings.find((m) => m.id === 'dialogue-meeting-2026-spring')!;
  const at = (day: string, time: string, zone = offset) => `${day}T${time}:00${zone}`;
  const id = (name: string) => (suffix ? `${name}${suffix.replace(/\s+/g, '-')}` : name);
  return [
    // No such kind: the schema leaves it out.
    { ...template, id: id('invalid-kind'), kind: 'fika', title: `Ogiltig typ${suffix}`, start: at(first, '18:00'), end: at(first, '19:00') },
    // The other season's offset: the offset rule leaves it out.
    { ...template, id: id('wrong-offset'), title: `Fel tidsförskjutning${suffix}`, start: at(second, '18:00', otherOffset), end: at(second, '19:00', otherOffset) },
    // The id of an earlier meeting (the template's): this later one is left out.
    { ...template, title: `Dubblett${suffix}`, start: at(third, '18:00'), end: at(third, '19:00') },
    { ...template, id: id('kept'), title: `Giltigt möte${suffix}`, start: at(third, '10:00'), end: at(third, '11:00') },
  ];
}
const cellTitles = (el: Element) => $$(el, '.day-meetings bdi').map(text);

describe('<samverkan-meeting-calendar> month view while its dataset is checked', () => {
  /** The demo dataset with three March 2026 meetings that parseDataset leaves out, and one it keeps. */
  async function marchWithProblems(): Promise<DatasetInput> {
    const json = await demoJson();
    const meetings = json.meetings as Record<string, unknown>[];
    meetings.push(...problemMeetings(meetings, { days: ['2026-03-18', '2026-03-19', '2026-03-20'], offset: '+01:00', otherOffset: '+02:00', suffix: '' }));
    return json;
  }

  it('shows the month first with only meetings the dataset keeps, then says what was left out once every entry is checked', async () => {
    const json = await marchWithProblems();
    const expected = parseDataset(structuredClone(json));
    const el = document.createElement('samverkan-meeting-calendar') as SamverkanMeetingCalendar;
    el.setAttribute('lang', 'sv');
    el.setAttribute('view', 'month');
    el.setAttribute('month', '2026-03');
    el.now = new Date('2026-03-10T12:00:00+01:00');
    // What a reader sees the moment the first month is in the DOM.
    let first: { busy: string | null; titles: string[]; note: boolean; lines: Element | null } | undefined;
    const observer = new MutationObserver(() => {
      if (first || !$(el, '.day-meetings li')) return;
      first = {
        busy: $(el, '[part~="base"]')!.getAttribute('aria-busy'),
        titles: cellTitles(el),
        note: $(el, '[part~="invalid-note"]') !== null,
        lines: $(el, 'td[data-date="2026-03-20"] .day-meetings'),
      };
    });
    const loaded = new Promise<CustomEvent>((resolve) => el.addEventListener('samverkan-load', (e) => resolve(e as CustomEvent), { once: true }));
    el.data = json;
    (await mount(html``)).append(el);
    observer.observe(shadow(el), { childList: true, subtree: true });
    const event = await loaded;
    await el.updateComplete;
    observer.disconnect();
    // First: still being checked, the month's valid meetings shown, none of the three left out, no note yet.
    expect(first, 'the month was shown while its dataset was checked').to.not.equal(undefined);
    expect(first!.busy).to.equal('true');
    expect(first!.titles).to.include('Giltigt möte');
    for (const left of ['Ogiltig typ', 'Fel tidsförskjutning', 'Dubblett']) expect(first!.titles).to.not.include(left);
    expect(first!.note).to.equal(false);
    // Then: the whole dataset, exactly parseDataset's, and the note with the count.
    expect(event.detail.issues).to.deep.equal(expected.issues);
    expect(event.detail.dataset.meetings.map((m: { id: string }) => m.id)).to.deep.equal(expected.dataset.meetings.map((m) => m.id));
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
    expect(cellTitles(el)).to.deep.equal(first!.titles);
    // The same meetings: the grid keeps its elements (nothing flickers, nothing is made twice).
    expect($(el, 'td[data-date="2026-03-20"] .day-meetings')).to.equal(first!.lines);
    expect(text($(el, '[part~="invalid-note"]'))).to.contain('3');
    await expect(el).to.be.accessible();
  });

  it('switched to the list view while the month is checked: the list shows every upcoming meeting of the whole check, and loads once', async () => {
    const json = await marchWithProblems();
    const now = new Date('2026-03-10T12:00:00+01:00');
    const upcoming = parseDataset(structuredClone(json)).dataset.meetings.filter((m) => Date.parse(m.end) > now.getTime());
    const el = document.createElement('samverkan-meeting-calendar') as SamverkanMeetingCalendar;
    el.setAttribute('lang', 'sv');
    el.setAttribute('view', 'month');
    el.setAttribute('month', '2026-03');
    el.now = now;
    let switched = false;
    const observer = new MutationObserver(() => {
      if (switched || !$(el, '.day-meetings li')) return;
      switched = $(el, '[part~="base"]')!.getAttribute('aria-busy') === 'true';
      el.view = 'list';
    });
    let loads = 0;
    el.addEventListener('samverkan-load', () => loads++);
    el.data = json;
    (await mount(html``)).append(el);
    observer.observe(shadow(el), { childList: true, subtree: true });
    await waitFor(() => loads > 0, 'no samverkan-load');
    await el.updateComplete;
    observer.disconnect();
    expect(switched, 'switched while the dataset was checked').to.equal(true);
    expect(text($(el, '[part~="count"]'))).to.equal(`${upcoming.length} möten`);
    expect(titles(el).some((t) => t.includes('Giltigt möte'))).to.equal(true);
    expect(titles(el).some((t) => t.includes('Dubblett') || t.includes('Ogiltig typ') || t.includes('Fel tidsförskjutning'))).to.equal(false);
    await pause(50);
    expect(loads).to.equal(1);
  });
});

describe('<samverkan-meeting-calendar> next month while its dataset is checked', () => {
  /**
   * The demo dataset with 240 more valid meetings (January to June 2026, so the
   * check has work left after the first month) and, in April, three meetings
   * parseDataset leaves out beside one it keeps.
   */
  async function manyWithProblemsInApril(): Promise<DatasetInput> {
    const json = await demoJson();
    const meetings = json.meetings as Record<string, unknown>[];
    const template = meetings.find((m) => m.id === 'dialogue-meeting-2026-spring')!;
    const two = (n: number) => String(n).padStart(2, '0');
    for (let i = 0; i < 240; i++) {
      const month = 1 + (i % 6);
      const day = 1 + (Math.floor(i / 6) % 28);
      // Stockholm's offset: winter time until 29 March.
      const offset = month < 3 || (month === 3 && day < 29) ? '+01:00' : '+02:00';
      const hour = 8 + (i % 10);
      const at = (h: number) => `2026-${two(month)}-${two(day)}T${two(h)}:00:00${offset}`;
      meetings.push({ ...template, id: `generated-${i}`, title: `Möte ${i}`, start: at(hour), end: at(hour + 1) });
    }
    meetings.push(...problemMeetings(meetings, { days: ['2026-04-15', '2026-04-16', '2026-04-17'], offset: '+02:00', otherOffset: '+01:00', suffix: ' i april' }));
    return json;
  }
  /** Each day cell's meeting count, as its label says it ("fredag 17 april 2026, 12 möten"), by date. */
  const counts = (el: Element) =>
    Object.fromEntries($$(el, 'td[data-date]').map((td) => [td.dataset['date'], Number(/, (\d+) möte/.exec(cellLabel(td))?.[1] ?? 0)]));
  /** How many of `meetings` start on each day of `month` (`YYYY-MM`) that has any (these meetings end the day they start). */
  const monthCounts = (meetings: readonly { start: string }[], month: string) => {
    const byDay: Record<string, number> = {};
    for (const m of meetings) if (m.start.startsWith(month)) byDay[m.start.slice(0, 10)] = (byDay[m.start.slice(0, 10)] ?? 0) + 1;
    return byDay;
  };
  /** The days of `month` in a grid's counts that have meetings. */
  const daysOf = (all: Record<string, number | undefined>, month: string) => Object.fromEntries(Object.entries(all).filter(([day, n]) => day.startsWith(month) && n));

  /** A month-view calendar of March 2026, given `json`, that clicks "next" the moment March is first shown; resolves then. */
  function nextAtFirstMonth(el: SamverkanMeetingCalendar): Promise<void> {
    return new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!$(el, '.day-meetings li')) return;
        observer.disconnect();
        $$(el, '[part~="nav-button"]')[2]!.click();
        resolve();
      });
      observer.observe(shadow(el), { childList: true, subtree: true });
    });
  }

  function marchCalendar(): SamverkanMeetingCalendar {
    const el = document.createElement('samverkan-meeting-calendar') as SamverkanMeetingCalendar;
    el.setAttribute('lang', 'sv');
    el.setAttribute('view', 'month');
    el.setAttribute('month', '2026-03');
    el.now = new Date('2026-03-10T12:00:00+01:00');
    return el;
  }

  it('shows the next month at once with the meetings the dataset keeps there, leaves out its invalid ones, and reports them when the check is done', async () => {
    const json = await manyWithProblemsInApril();
    const expected = parseDataset(structuredClone(json));
    const el = marchCalendar();
    // (No time limit of its own: the axe check below may take seconds on a busy machine.)
    const loaded = new Promise<CustomEvent>((resolve) => el.addEventListener('samverkan-load', (e) => resolve(e as CustomEvent), { once: true }));
    el.data = json;
    (await mount(html``)).append(el);
    await nextAtFirstMonth(el);
    // updateComplete after the click: April is shown, and the rest of the dataset is still being checked.
    await el.updateComplete;
    expect(el.getAttribute('month')).to.equal('2026-04');
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy'), 'the month did not wait for the whole check').to.equal('true');
    expect(daysOf(counts(el), '2026-04')).to.deep.equal(monthCounts(expected.dataset.meetings, '2026-04'));
    expect(cellTitles(el)).to.include('Giltigt möte i april');
    for (const left of ['Ogiltig typ i april', 'Fel tidsförskjutning i april', 'Dubblett i april']) expect(cellTitles(el)).to.not.include(left);
    expect($(el, '[part~="invalid-note"]')).to.equal(null);
    const lines = $(el, 'td[data-date="2026-04-17"] .day-meetings');
    expect(lines).to.not.equal(null);
    await expect(el).to.be.accessible();

    // Then the whole dataset: exactly parseDataset's issues, the note, and April as it was (the same elements).
    const event = await loaded;
    await el.updateComplete;
    expect(event.detail.issues).to.deep.equal(expected.issues);
    const reported = new Set(expected.issues.map((i) => String(i.segments[1])));
    const index = (id: string, title: string) => String((json.meetings as { id: string; title: unknown }[]).findIndex((m) => m.id === id && m.title === title));
    expect(reported).to.include(index('invalid-kind-i-april', 'Ogiltig typ i april'));
    expect(reported).to.include(index('wrong-offset-i-april', 'Fel tidsförskjutning i april'));
    expect(reported).to.include(index('dialogue-meeting-2026-spring', 'Dubblett i april'));
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
    expect(text($(el, '[part~="invalid-note"]'))).to.contain('3');
    expect(daysOf(counts(el), '2026-04')).to.deep.equal(monthCounts(expected.dataset.meetings, '2026-04'));
    expect($(el, 'td[data-date="2026-04-17"] .day-meetings')).to.equal(lines);
    // And the months after it come from the whole dataset.
    $$(el, '[part~="nav-button"]')[2]!.click();
    await el.updateComplete;
    expect(el.getAttribute('month')).to.equal('2026-05');
    expect(daysOf(counts(el), '2026-05')).to.deep.equal(monthCounts(expected.dataset.meetings, '2026-05'));
  });

  it('opens a day of the next month while the dataset is checked, with the kept meetings only, and keeps focus in step', async () => {
    const json = await manyWithProblemsInApril();
    const expected = parseDataset(structuredClone(json)).dataset.meetings.filter((m) => m.start.startsWith('2026-04-17'));
    const el = marchCalendar();
    el.data = json;
    (await mount(html``)).append(el);
    await nextAtFirstMonth(el);
    await el.updateComplete;
    const cell = $(el, 'td[data-date="2026-04-17"]')!;
    cell.click();
    await el.updateComplete;
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(focused(el)?.id).to.equal('day-heading');
    expect(titles(el)).to.have.length(expected.length);
    expect(titles(el).some((t) => t.includes('Giltigt möte i april'))).to.equal(true);
    expect(titles(el).some((t) => t.includes('Dubblett i april'))).to.equal(false);
    await press(el, 'Escape');
    expect(focused(el)?.dataset['date']).to.equal('2026-04-17');
  });

  it('still waits for the whole check after data is set: await updateComplete shows the checked dataset and its note', async () => {
    const json = await manyWithProblemsInApril();
    const el = marchCalendar();
    el.data = json;
    (await mount(html``)).append(el);
    await el.updateComplete;
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
    expect(text($(el, '[part~="invalid-note"]'))).to.contain('3');
    // Other data given to a calendar that shows some: the same.
    el.data = await manyWithProblemsInApril();
    await el.updateComplete;
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
    expect(text($(el, '[part~="invalid-note"]'))).to.contain('3');
  });
});

describe('<samverkan-meeting-calendar> month view before its dataset comes', () => {
  const busy = (el: Element) => $(el, '[part~="base"]')!.getAttribute('aria-busy');

  it('shows the month it will show, busy and without meetings, while its dataset is fetched; the data then fills in the same grid', async function () {
    this.timeout(testTime(20000));
    const key = uniqueKey('mc-frame');
    const el = await fixture<SamverkanMeetingCalendar>(
      html`<samverkan-meeting-calendar lang="sv" view="month" month="2026-03" .now=${new Date('2026-03-17T09:00:00+01:00')} src=${datasetUrl(key, { hold: true })}></samverkan-meeting-calendar>`,
    );
    // updateComplete waited for the calendar's parts: the frame is on screen.
    expect(busy(el)).to.equal('true');
    expect(text($(el, '[part~="status"]'))).to.equal('Hämtar uppgifter …');
    expect(text($(el, '#month-heading'))).to.equal('mars 2026');
    const grid = $(el, 'table[role="grid"]')!;
    expect($$(el, 'td[data-date]')).to.have.length(42);
    expect($(el, '.day-meetings')).to.equal(null);
    // A day's name says no count: nothing is known of its meetings yet.
    expect(cellLabel($(el, 'td[data-date="2026-03-17"]'))).to.equal('tisdag 17 mars 2026');
    expect(tabStops(el)).to.deep.equal(['2026-03-17']);
    // Only "all" to filter by: the kinds come with the data.
    expect($$(el, '[part~="filter"] option').map(text)).to.deep.equal(['Alla']);
    await expect(el).to.be.accessible();

    // The reader can move meanwhile: by keyboard, and by month.
    $(el, 'td[tabindex="0"]')!.focus();
    await press(el, 'ArrowRight');
    expect(focused(el)?.dataset['date']).to.equal('2026-03-18');
    // Enter focuses the day but opens nothing: "no meetings this day" would not be true.
    await press(el, 'Enter');
    expect($(el, '[part~="day-details"]')).to.equal(null);
    expect(focused(el)?.dataset['date']).to.equal('2026-03-18');
    const [previous, , next] = $$<HTMLButtonElement>(el, '[part~="nav-button"]');
    next!.click();
    await el.updateComplete;
    expect(text($(el, '#month-heading'))).to.equal('april 2026');
    expect(el.getAttribute('month')).to.equal('2026-04');
    previous!.click();
    await el.updateComplete;
    expect(text($(el, '#month-heading'))).to.equal('mars 2026');

    await release(key);
    await waitFor(() => $(el, '.day-meetings'), 'the meetings fill the month in');
    await el.updateComplete;
    // The same grid, filled in: not a new one (what was laid out stays, and so does the reader's place in it).
    expect($(el, 'table[role="grid"]')).to.equal(grid);
    expect(busy(el)).to.equal('false');
    expect($(el, '[part~="status"]')).to.equal(null);
    const today = $(el, 'td[data-date="2026-03-17"]')!;
    expect(cellLabel(today)).to.equal('tisdag 17 mars 2026, 1 möte');
    expect(text(today.querySelector('.day-meetings'))).to.contain('18:00').and.to.contain('Dialogmöte våren 2026');
    expect($$(el, '[part~="filter"] option').length).to.be.greaterThan(1);
    await expect(el).to.be.accessible();
  });

  it('shows the frame without a loading text until a page script sets data, then fills it in', async () => {
    const el = await fixture<SamverkanMeetingCalendar>(html`<samverkan-meeting-calendar lang="sv" view="month" month="2026-03" .now=${new Date('2026-03-17T09:00:00+01:00')}></samverkan-meeting-calendar>`);
    // Nothing is on its way (no src): busy, with no loading text, until the page gives the data.
    expect(busy(el)).to.equal('true');
    expect($(el, '[part~="status"]')).to.equal(null);
    const cell = $(el, 'td[data-date="2026-03-17"]')!;
    expect($(el, '.day-meetings')).to.equal(null);
    el.data = await demoJson();
    await el.updateComplete;
    expect($(el, 'td[data-date="2026-03-17"]')).to.equal(cell);
    expect(cellLabel(cell)).to.equal('tisdag 17 mars 2026, 1 möte');
    expect(busy(el)).to.equal('false');
  });

  it('shows its frame right to left in Arabic, accessible, with the Arabic month and loading text', async function () {
    this.timeout(testTime(20000));
    const key = uniqueKey('mc-frame-ar');
    const el = await fixture<SamverkanMeetingCalendar>(
      html`<samverkan-meeting-calendar lang="ar" view="month" month="2026-03" .now=${new Date('2026-03-17T09:00:00+01:00')} src=${datasetUrl(key, { hold: true })}></samverkan-meeting-calendar>`,
    );
    expect(busy(el)).to.equal('true');
    expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(text($(el, '[part~="status"]'))).to.equal('جارٍ تحميل المعلومات …');
    expect(text($(el, '#month-heading'))).to.equal(new Intl.DateTimeFormat('ar', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 1, 12)));
    expect($$(el, 'td[data-date]')).to.have.length(42);
    await expect(el).to.be.accessible();
    await release(key);
    await waitFor(() => $(el, '.day-meetings'), 'the meetings fill the month in');
  });

  it('has no frame in the list view, and none once the dataset cannot be fetched', async () => {
    const key = uniqueKey('mc-frame-list');
    const list = await fixture<SamverkanMeetingCalendar>(html`<samverkan-meeting-calendar lang="sv" src=${datasetUrl(key, { hold: true })}></samverkan-meeting-calendar>`);
    expect($(list, '[part~="controls"]')).to.equal(null);
    expect(text($(list, '[part~="status"]'))).to.equal('Hämtar uppgifter …');
    await release(key);

    const failed = await fixture<SamverkanMeetingCalendar>(html`<samverkan-meeting-calendar lang="sv" view="month" month="2026-03" src=${UNREACHABLE_URL}></samverkan-meeting-calendar>`);
    await waitFor(() => $(failed, '[role="alert"] button'), 'no error view');
    expect($(failed, 'table[role="grid"]')).to.equal(null);
    expect($(failed, '[part~="controls"]')).to.equal(null);
  });
});

describe('<samverkan-meeting-calendar> states and accessibility', () => {
  for (const lang of ['sv', 'ar']) {
    // One test per state: all eight axe runs in one test took more than its 40 s on a busy machine (CPU slowdown 8).
    it(`is accessible while loading and when the dataset cannot be fetched (${lang})`, async function () {
      // Axe runs over full lists: more than the default 10 s on a busy machine.
      this.timeout(testTime(20000));
      // Loading until the test releases it, however busy the machine (a delay could end before the test has looked).
      const loadingKey = uniqueKey('mc-a11y');
      const loading = await fixture<SamverkanMeetingCalendar>(html`<samverkan-meeting-calendar lang=${lang} src=${datasetUrl(loadingKey, { hold: true })}></samverkan-meeting-calendar>`);
      expect($(loading, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(loading).to.be.accessible();
      await release(loadingKey);

      const failed = await fixture<SamverkanMeetingCalendar>(html`<samverkan-meeting-calendar lang=${lang} src=${UNREACHABLE_URL}></samverkan-meeting-calendar>`);
      await waitFor(() => $(failed, '[role="alert"] button'), 'no error view');
      await expect(failed).to.be.accessible();
    });

    it(`is accessible as a list of meetings, and with none left (${lang})`, async function () {
      this.timeout(testTime(20000));
      const list = await calendar({ lang, api: '/api/v1', now: '2026-12-01T00:00:00+01:00' });
      expect($(list, '[part~="meeting-status"]')).to.not.equal(null);
      await expect(list).to.be.accessible();

      list.now = new Date('2028-01-01T00:00:00+01:00');
      await list.updateComplete;
      expect($(list, '[part~="empty"]')).to.not.equal(null);
      await expect(list).to.be.accessible();
    });

    it(`is accessible as a month, with a day chosen (${lang})`, async function () {
      this.timeout(testTime(20000));
      const month = await calendar({ lang, view: 'month', now: '2026-03-17T09:00:00+01:00' });
      await expect(month).to.be.accessible();
      $(month, 'td[data-date="2026-03-17"]')!.click();
      await month.updateComplete;
      expect($(month, '[part~="day-details"]')).to.not.equal(null);
      await expect(month).to.be.accessible();
    });

    it(`is accessible with a stale, partly invalid dataset (${lang})`, async function () {
      this.timeout(testTime(20000));
      const json = await demoJson();
      (json.meetings as unknown[]).push({ id: 'broken', title: 'Trasig', kind: 'nope', start: 'x', end: 'y' });
      const { dataset, issues } = parseDataset(json);
      const stale = await fixture<SamverkanMeetingCalendar>(html`<samverkan-meeting-calendar lang=${lang} .now=${new Date('2026-01-01T00:00:00Z')} .data=${{ dataset, issues, stale: true, fetchedAt: new Date(Date.now() - 2 * 86_400_000) }}></samverkan-meeting-calendar>`);
      expect($(stale, '[part~="stale-note"]')).to.not.equal(null);
      expect($(stale, '[part~="invalid-note"]')).to.not.equal(null);
      await expect(stale).to.be.accessible();
    });
  }

  it('renders Arabic right to left with Arabic labels', async () => {
    const el = await calendar({ lang: 'ar' });
    expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle($(el, '[part~="controls"]')!).direction).to.equal('rtl');
    expect($(el, 'label[for="kind"]')!.textContent).to.equal('نوع الاجتماع');
    expect(text($(el, '[part~="ics-link"]'))).to.equal('إضافة إلى التقويم');
  });

  it('loads from src over HTTP and fires samverkan-load', async () => {
    // Listening before the element is on the page: its load can come before fixture() returns, and would then be missed.
    const loaded = expectEvent(document, 'samverkan-load');
    const el = await fixture<SamverkanMeetingCalendar>(html`<samverkan-meeting-calendar .now=${new Date('2026-01-01T00:00:00Z')} src=${datasetUrl(uniqueKey('mc-src'))}></samverkan-meeting-calendar>`);
    expect((await loaded).target).to.equal(el);
    await el.updateComplete;
    expect(titles(el)).to.have.length(19);
  });
});

describe('<samverkan-meeting-calendar> hostile data', () => {
  it('renders markup as inert text and links no javascript: or data: URL', async () => {
    (window as { __pwned?: number }).__pwned = 0;
    const { dataset } = parseDataset(await demoJson());
    dataset.meetings = dataset.meetings.slice(0, 6).map((m, i) => ({
      ...m,
      id: `${HOSTILE_TEXT} ${i}`,
      title: { sv: HOSTILE_TEXT },
      description: HOSTILE_TEXT,
      location: { name: HOSTILE_TEXT, address: HOSTILE_TEXT, onlineUrl: HOSTILE_URLS[i % HOSTILE_URLS.length]! },
      registrationUrl: HOSTILE_URLS[(i + 1) % HOSTILE_URLS.length]!,
      languages: [HOSTILE_TEXT],
    }));
    const parsed: ParseDatasetResult = { dataset, issues: [] };
    for (const view of ['list', 'month'] as const) {
      const el = await calendar({ view, month: '2026-03', data: parsed as unknown as DatasetInput, jsonLd: true });
      if (view === 'month') {
        $(el, 'td[data-date="2026-03-17"]')!.click();
        await el.updateComplete;
      }
      await pause(50);
      const root = shadow(el);
      expect(root.querySelector('script, img')).to.equal(null);
      expect(root.textContent).to.contain(HOSTILE_TEXT);
      for (const a of root.querySelectorAll<HTMLAnchorElement>('[part~="ics-link"]')) a.focus();
      for (const a of root.querySelectorAll<HTMLAnchorElement>('[part~="ics-link"]')) await blobHref(a);
      for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^(https?:|blob:)/);
      for (const a of root.querySelectorAll('a[download]')) expect(a.getAttribute('download')).to.match(/^[A-Za-z0-9._-]+\.ics$/);
    }
    expect((window as { __pwned?: number }).__pwned).to.equal(0);
  });
});

describe('<samverkan-meeting-calendar> audit additions', () => {
  afterEach(() => setTimeZone(null));
  afterEach(unmountAll);

  it('links a meeting\'s registration page', async () => {
    const el = await calendar();
    const register = meetingByTitle(el, 'Dialogmöte våren 2026')!.querySelector<HTMLAnchorElement>('[part~="registration-link"]')!;
    expect(text(register)).to.equal('Anmälan');
    expect(register.getAttribute('href')).to.equal('https://www.example.org/anmalan/dialogmote-var-2026');
  });

  it('announces, in one live region that stays, how many meetings the reader\'s choices leave, or that none are left', async () => {
    const el = await calendar();
    const status = $(el, '[part~="count"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(text(status)).to.equal('19 möten');
    const select = $<HTMLSelectElement>(el, 'select#kind')!;
    select.value = 'workshop';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, '[part~="count"]')).to.equal(status);
    expect(text(status)).to.equal('2 möten');
    el.now = new Date('2028-01-01T00:00:00+01:00');
    await el.updateComplete;
    expect($(el, '[part~="count"]')).to.equal(status);
    expect(status.getAttribute('part')).to.equal('count empty');
    expect(text(status)).to.equal('Det finns inga möten av den här typen.');
  });

  it('shows a kind code from a link that no table knows as the code itself, even one named like an Object method', async () => {
    const el = await calendar({ kind: 'constructor' });
    const select = $<HTMLSelectElement>(el, 'select#kind')!;
    expect(select.value).to.equal('constructor');
    expect(text(select.selectedOptions[0]!)).to.equal('constructor');
  });

  it('names the dataset\'s zone once in Arabic ("the times follow Central European time")', async () => {
    await setTimeZone('America/New_York');
    const el = await calendar({ lang: 'ar' });
    const zone = text($(el, '.zone'));
    const name = new Intl.DateTimeFormat('ar', { timeZoneName: 'longGeneric', timeZone: 'Europe/Stockholm' })
      .formatToParts(Date.parse('2026-03-17T18:00:00+01:00'))
      .find((p) => p.type === 'timeZoneName')!.value;
    expect(zone).to.equal(`الأوقات حسب ${name}.`);
    expect(zone).to.not.contain('بتوقيت توقيت');
  });

  for (const lang of ['sv', 'ar']) {
    it(`fits a phone 320 px wide (a 288 px column between the page's margins) in both views (${lang})`, async () => {
      const wrapper = await mount(html`<div style="inline-size: 288px; font: 16px sans-serif">
        <samverkan-meeting-calendar lang=${lang} .now=${new Date('2027-01-01T12:00:00+01:00')} .data=${await demoJson()}></samverkan-meeting-calendar>
      </div>`);
      const el = wrapper.querySelector('samverkan-meeting-calendar') as SamverkanMeetingCalendar;
      await el.updateComplete;
      const base = $(el, '[part~="base"]')!;
      // "Workshop: revidering av samverkansöverenskommelsen" is the longest title in the list.
      expect(titles(el).some((t) => t.includes('samverkansöverenskommelsen'))).to.equal(true);
      expect(base.scrollWidth, 'list: sideways overflow').to.be.at.most(base.clientWidth);
      el.view = 'month';
      el.month = '2026-03';
      await el.updateComplete;
      expect(base.scrollWidth, 'month: sideways overflow').to.be.at.most(base.clientWidth);
      // One letter per weekday (Arabic's short names are whole words that ran into each other).
      for (const th of $$(el, 'thead th:not(.week-col)')) {
        const shown = [...th.querySelectorAll<HTMLElement>('span')].filter((s) => s.getClientRects().length > 0);
        expect(shown.map((s) => s.className)).to.deep.equal(['wd-narrow']);
        expect(th.scrollWidth, text(th)).to.be.at.most(th.clientWidth);
      }
      // A day with meetings shows a dot instead of titles cut to "1…"; its cell still says how many.
      const day = $(el, 'td[data-date="2026-03-17"]')!;
      expect(day.querySelector('.day-meetings')!.getClientRects().length).to.equal(0);
      expect(dotShown(day)).to.equal(true);
      expect(cellLabel(day)).to.contain(lang === 'sv' ? '1 möte' : 'اجتماع واحد');
    });
  }

  it('shows meeting titles in the grid when it has room', async () => {
    const el = await calendar({ view: 'month', month: '2026-03' });
    expect($(el, 'table')!.clientWidth).to.be.greaterThan(576);
    const day = $(el, 'td[data-date="2026-03-17"]')!;
    expect(day.querySelector('.day-meetings')!.getClientRects().length).to.equal(1);
    expect(dotShown(day)).to.equal(false);
    // A day without meetings has no dot in a narrow grid either.
    const narrow = await calendar({ view: 'month', month: '2026-03' });
    // (Reading a computed style lays the grid out at its new size: no frame to wait for.)
    narrow.style.display = 'block';
    narrow.style.inlineSize = '20rem';
    expect(dotShown($(narrow, 'td[data-date="2026-03-17"]')!)).to.equal(true);
    expect(dotShown($(narrow, 'td[data-date="2026-03-18"]')!)).to.equal(false);
    expect($$(el, 'thead .wd-short').every((s) => s.getClientRects().length > 0)).to.equal(true);
  });
});
