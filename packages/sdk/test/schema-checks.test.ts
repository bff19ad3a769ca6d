import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { entitySchemas, LocalizedTextSchema, parseDataset } from '@samverkan/sdk';

// Checks written for speed must answer as the plain versions did.
const demo = JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));
const { Meeting } = entitySchemas('sv');

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dateTime = fc
  .record({
    year: fc.constantFrom(1999, 2026, 2027),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.constantFrom(0, 30, 59),
    second: fc.constantFrom(0, 1, 59),
    fraction: fc.constantFrom('', '.0', '.5', '.123', '.1234', '.999999'),
    offset: fc.constantFrom('Z', '+01:00', '+02:00', '-05:00', '+00:00', '+14:00'),
  })
  .map((t) => `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${t.fraction}${t.offset}`);

test('a meeting must end after it starts, exactly as Date.parse compares the two', () => {
  const meeting = demo.meetings[0];
  const check = (start: string, end: string) => {
    const accepted = Meeting.safeParse({ ...meeting, start, end }).success;
    assert.equal(accepted, Date.parse(end) > Date.parse(start), `${start} → ${end}`);
  };
  check('2026-03-12T18:00:00+01:00', '2026-03-12T18:00:00+01:00');
  check('2026-03-12T18:00:00+01:00', '2026-03-12T18:00:01+01:00');
  check('2026-03-12T18:00:00+01:00', '2026-03-12T17:30:00Z');
  check('2026-03-12T18:00:00.0001Z', '2026-03-12T18:00:00.0002Z');
  check('2026-03-29T01:30:00+01:00', '2026-03-29T03:30:00+02:00');
  fc.assert(fc.property(dateTime, dateTime, check), { numRuns: 3000 });
  // Nearby times, where the order turns on the last digits.
  fc.assert(
    fc.property(dateTime, fc.integer({ min: -90_000, max: 90_000 }), (start, ms) => {
      const end = new Date(Date.parse(start) + ms).toISOString();
      check(start, end);
      check(start.replace(/(\.\d+)?Z$/, 'Z'), end.replace(/\.\d+Z$/, 'Z'));
    }),
    { numRuns: 2000 },
  );
});

test('the time zone is checked the same way however often it is read', () => {
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(parseDataset({ ...demo, timeZone: 'Europe/Stockholm' }).issues, []);
    assert.throws(() => parseDataset({ ...demo, timeZone: 'Mars/Olympus_Mons' }), /timeZone|dataset/);
  }
  // More zones than the remembered answers hold, then the first ones again.
  const zones = Intl.supportedValuesOf('timeZone').slice(0, 100);
  for (const zone of [...zones, ...zones.slice(0, 5)]) assert.equal(parseDataset({ ...demo, timeZone: zone }).dataset.timeZone, zone);
  for (const zone of ['', 'Europe', 'europe/stockholm', 'UTC', 'Etc/GMT+1']) {
    let valid = true;
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
    } catch {
      valid = false;
    }
    if (valid) assert.equal(parseDataset({ ...demo, timeZone: zone }).dataset.timeZone, zone);
    else assert.throws(() => parseDataset({ ...demo, timeZone: zone }));
  }
});

test('a localized text needs a text in at least one language', () => {
  const empty = LocalizedTextSchema.safeParse({});
  assert.equal(empty.success, false);
  assert.ok(JSON.stringify(empty.error?.issues).includes('must have a text in at least one language'));
  assert.deepEqual(LocalizedTextSchema.safeParse({ en: 'Text' }).data, { en: 'Text' });
  assert.deepEqual(LocalizedTextSchema.safeParse('Text').data, 'Text');
});
