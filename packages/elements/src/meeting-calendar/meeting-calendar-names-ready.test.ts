// The calendar makes its month's name formatters while it waits for its data
// (issue 18): a page's first Intl.DateTimeFormat costs 15–35 ms, and data set
// a frame after the element came must not pay for it. They are made after the
// element's first render is painted (its heading and loading state first), at
// normal priority. A file of its own: the SDK's formatter cache lives for the
// page, and another test's calendar would have made them already.
import { expect } from '@open-wc/testing';
import '../define/samverkan-meeting-calendar.js';
import type { SamverkanMeetingCalendar } from './meeting-calendar.js';
import { demoJson } from '../../test/helpers/datasets.js';
import { pause, waitFor } from '../../test/helpers/expect-event.js';
import { $ } from '../../test/helpers/shadow.js';

const calendars: HTMLElement[] = [];
/** A month calendar in `lang`, on the page now (not awaited: what happens before its first render is looked at too). */
function monthCalendar(lang: string): SamverkanMeetingCalendar {
  const el = document.createElement('samverkan-meeting-calendar') as SamverkanMeetingCalendar;
  el.setAttribute('lang', lang);
  el.setAttribute('view', 'month');
  el.setAttribute('month', '2026-03');
  document.body.append(el);
  calendars.push(el);
  return el;
}

/** The locale and options of every Intl.DateTimeFormat made until `stop()` (the constructor is wrapped meanwhile). */
function formattersMade(): { made: { locale: unknown; options: Intl.DateTimeFormatOptions | undefined }[]; stop: () => void } {
  const Original = Intl.DateTimeFormat;
  const made: { locale: unknown; options: Intl.DateTimeFormatOptions | undefined }[] = [];
  const Wrapped = function (this: unknown, locale?: string | string[], options?: Intl.DateTimeFormatOptions) {
    made.push({ locale, options });
    return new Original(locale, options);
  } as unknown as typeof Intl.DateTimeFormat;
  Object.assign(Wrapped, Original);
  Intl.DateTimeFormat = Wrapped;
  return { made, stop: () => (Intl.DateTimeFormat = Original) };
}

describe('meeting calendar: the month names are ready before the data comes', () => {
  afterEach(() => calendars.splice(0).forEach((el) => el.remove()));

  it('makes the month and weekday formatters after its first paint, before the data is given, and the month then shows without making them', async () => {
    const watch = formattersMade();
    try {
      // Swedish, whose UI strings need no loading (so its first render is not held up); this file's first calendar.
      const el = monthCalendar('sv');
      const monthNames = () => watch.made.filter((f) => String(f.locale).startsWith('sv') && f.options?.month === 'long' && f.options.year === 'numeric' && !f.options.weekday);
      expect(monthNames(), 'made before the element rendered').to.have.length(0);
      await el.updateComplete;
      // Its loading state is rendered (not yet painted): the formatters wait for the paint.
      expect(monthNames(), 'made before the first paint').to.have.length(0);
      await waitFor(() => monthNames().length === 1, 'the month formatter is made after the first paint');
      expect(watch.made.some((f) => String(f.locale).startsWith('sv') && f.options?.weekday === 'long' && f.options.day === 'numeric')).to.equal(true);
      const before = watch.made.length;
      el.data = await demoJson();
      await el.updateComplete;
      await waitFor(() => $(el, '[part~="grid"]'), 'the month grid shows');
      expect($(el, '[part~="month-heading"]')!.textContent).to.match(/mars 2026/i);
      // None of the names' formatters again (the month's times and zone names depend on the dataset's zone).
      const after = watch.made.slice(before).filter((f) => String(f.locale).startsWith('sv') && f.options?.timeZone === 'UTC');
      expect(after, JSON.stringify(after)).to.have.length(0);
      // For the dataset's zone, one formatter (its offsets: the zone rule, the offset rule, today, the
      // cells' times of day), and its name's only when the reader's clock differs: each cost 0.3–1.2 ms
      // after the data came (there were five).
      const zone = el.loadedDataset!.timeZone;
      const forZone = watch.made.slice(before).filter((f) => f.options?.timeZone === zone);
      const expected = [{ timeZoneName: 'longOffset' }, ...($(el, '.zone') ? [{ timeZoneName: 'longGeneric' }] : [])];
      expect(forZone.map((f) => ({ timeZoneName: f.options?.timeZoneName })), JSON.stringify(forZone)).to.deep.equal(expected);
    } finally {
      watch.stop();
    }
  });

  it('does not make them for a calendar that left the page before its first paint', async () => {
    const watch = formattersMade();
    try {
      // Finnish: no calendar in this page has asked for its names.
      const el = monthCalendar('fi');
      await el.updateComplete;
      el.remove();
      // Past the paint's fallback (100 ms, for a page that paints no frames) and a frame or two.
      await pause(300);
      expect(watch.made.filter((f) => String(f.locale).startsWith('fi'))).to.have.length(0);
    } finally {
      watch.stop();
    }
  });
});
