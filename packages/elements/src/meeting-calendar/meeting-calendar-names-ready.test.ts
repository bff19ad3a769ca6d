// The calendar makes its month's name formatters while it waits for its data
// (issue 18): a page's first Intl.DateTimeFormat costs 15–35 ms, and data set
// a frame after the element came must not pay for it. The month view's frame
// (its grid before the data: meeting-calendar.ts, showsFrame) makes them when
// it renders; a calendar whose frame has not rendered yet (its parts on their
// way) makes them after its first paint, at normal priority. A file of its
// own: the SDK's formatter cache lives for the page, and another test's
// calendar would have made them already.
import { expect } from '@open-wc/testing';
import '../define/samverkan-meeting-calendar.js';
import type { SamverkanMeetingCalendar } from './meeting-calendar.js';
import { demoJson } from '../../test/helpers/datasets.js';
import { pause, waitFor } from '../../test/helpers/expect-event.js';
import { $, text } from '../../test/helpers/shadow.js';

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

  it('makes the month and weekday formatters before the data is given (its frame shows the month), and the month with data does not make them again', async () => {
    const watch = formattersMade();
    try {
      // Swedish, whose UI strings need no loading (so its first render is not held up); this file's first calendar.
      const el = monthCalendar('sv');
      const monthNames = () => watch.made.filter((f) => String(f.locale).startsWith('sv') && f.options?.month === 'long' && f.options.year === 'numeric' && !f.options.weekday);
      expect(monthNames(), 'made before the element rendered').to.have.length(0);
      await el.updateComplete;
      // Its frame (the month without its meetings) is rendered: the names are made, once.
      expect(text($(el, '#month-heading'))).to.equal('mars 2026');
      expect(monthNames()).to.have.length(1);
      await pause(300);
      expect(monthNames(), 'made again after the first paint').to.have.length(1);
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

  it('does not make them for a calendar that left the page before it rendered', async () => {
    const watch = formattersMade();
    try {
      // Finnish: no calendar in this page has asked for its names.
      const el = monthCalendar('fi');
      el.remove();
      await el.updateComplete;
      // Past the paint's fallback (100 ms, for a page that paints no frames) and a frame or two.
      await pause(300);
      expect(watch.made.filter((f) => String(f.locale).startsWith('fi'))).to.have.length(0);
    } finally {
      watch.stop();
    }
  });
});
