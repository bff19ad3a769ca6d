import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { demo, start } from './helpers.js';

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)) };
}

describe('GET /api/v1/meetings.ics', () => {
  test('is the published meetings as text/calendar, readable by an independent parser, with an ETag and 304', async () => {
    const app = await start();
    try {
      const res = await fetch(`${app.base}/api/v1/meetings.ics`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const ics = await res.text();
      const { calendar, events: list } = events(ics);
      assert.equal(list.length, demo.meetings.length);
      assert.equal(list[0]!.uid, `${demo.meetings[0].id}@www.sodertalje.se`);
      assert.equal(list[0]!.summary, demo.meetings[0].title.sv);
      assert.equal(list[0]!.startDate.toJSDate().getTime(), Date.parse(demo.meetings[0].start));
      assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), demo.agreement.title.sv);

      const etag = res.headers.get('etag')!;
      const again = await fetch(`${app.base}/api/v1/meetings.ics`, { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304);
      // The same data gives the same bytes (DTSTAMP comes from the dataset, not the clock).
      const later = await fetch(`${app.base}/api/v1/meetings.ics`);
      assert.equal(later.headers.get('etag'), etag);
      await later.arrayBuffer();
    } finally {
      await app.close();
    }
  });

  test('?lang= picks one of the dataset languages; another falls back to the default', async () => {
    const app = await start();
    try {
      const en = await fetch(`${app.base}/api/v1/meetings.ics?lang=en`);
      const { events: list } = events(await en.text());
      assert.equal(list[0]!.summary, demo.meetings[0].title.en);
      assert.match(en.headers.get('content-disposition')!, /meetings-en\.ics/);
      const unknown = await fetch(`${app.base}/api/v1/meetings.ics?lang=xx`);
      assert.equal(events(await unknown.text()).events[0]!.summary, demo.meetings[0].title.sv);
      const head = await fetch(`${app.base}/api/v1/meetings.ics`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(await head.text(), '');
    } finally {
      await app.close();
    }
  });
});
