import { expect } from '@open-wc/testing';
import { zoneOffsetMinutes } from '@samverkan/sdk';
import { timeOfDay } from './calendar-names.js';

/** `ms` written as a meeting time is: the clock in `timeZone` with that zone's offset. */
function written(ms: number, timeZone: string, off = 0): string {
  const offset = zoneOffsetMinutes(ms, timeZone) + off;
  const wall = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

describe('calendar names: the time of day of a meeting line', () => {
  // Meeting times as the dataset keeps them: written with the zone's offset (the offset rule).
  it("is Intl's clock time in the dataset's zone for every written time, across both daylight-saving changes and in several languages", () => {
    const zones = ['Europe/Stockholm', 'America/New_York', 'Asia/Kolkata', 'UTC'];
    const langs = ['sv', 'en-US', 'fi', 'ar'];
    // The same 15 UTC times on every fifth day of 2026: each written clock time is met on many days, on both sides of each change.
    for (const timeZone of zones) {
      for (const lang of langs) {
        const intl = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone });
        for (let day = 0; day < 365; day += 5) {
          for (let minute = 0; minute < 1440; minute += 97) {
            const ms = Date.UTC(2026, 0, 1 + day) + minute * 60_000;
            const instant = written(ms, timeZone);
            expect(timeOfDay(instant, lang, timeZone), `${instant} ${lang} ${timeZone}`).to.equal(intl.format(ms));
            // Written with another offset (the same instant): not the written clock time, the zone's.
            const other = written(ms, timeZone, 90);
            expect(timeOfDay(other, lang, timeZone), `${other} ${lang} ${timeZone}`).to.equal(intl.format(ms));
          }
        }
      }
    }
  });
});
