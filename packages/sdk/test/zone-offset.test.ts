import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isKnownTimeZone, zonedDateAt, zonedParts, zoneOffsetMinutes, zoneOffsetMinutesByParts } from '@samverkan/sdk';

// zoneOffsetMinutes reads the offset from Intl's `longOffset` (fast); it must
// give what the wall-clock parts give, everywhere and at every instant,
// including transitions, half-hour and 45-minute zones and local mean time.
const zones = ['Europe/Stockholm', 'Europe/Helsinki', 'America/New_York', 'America/St_Johns', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Africa/Casablanca', 'UTC', 'Etc/GMT+12', 'Pacific/Kiritimati', 'America/Sao_Paulo'];

test('property: the offset from longOffset equals the offset from the wall-clock parts', () => {
  fc.assert(
    fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1880, 0, 1), max: Date.UTC(2100, 0, 1) }), (zone, ms) => {
      assert.equal(zoneOffsetMinutes(ms, zone), zoneOffsetMinutesByParts(ms, zone), `${zone} ${new Date(ms).toISOString()}`);
    }),
    { numRuns: 3000 },
  );
});

test('around the Stockholm transitions of 2026, to the second', () => {
  const spring = Date.UTC(2026, 2, 29, 1, 0, 0);
  const autumn = Date.UTC(2026, 9, 25, 1, 0, 0);
  for (const [at, before, after] of [[spring, 60, 120], [autumn, 120, 60]] as const) {
    assert.equal(zoneOffsetMinutes(at - 1000, 'Europe/Stockholm'), before);
    assert.equal(zoneOffsetMinutes(at - 1, 'Europe/Stockholm'), before);
    assert.equal(zoneOffsetMinutes(at, 'Europe/Stockholm'), after);
  }
  assert.equal(zoneOffsetMinutes(Date.UTC(1850, 0, 1), 'Europe/Stockholm'), 53, 'local mean time +00:53:28, rounded to the minute');
  assert.throws(() => zoneOffsetMinutes(0, 'Mars/Olympus'), RangeError);
});

test('property: zonedDateAt (from the offset) is the date of the wall-clock parts, around midnights and transitions too', () => {
  // Near a local midnight or a transition, to the second: where a date from a wrong offset would be a day off.
  const near = fc.tuple(fc.integer({ min: Date.UTC(1880, 0, 1) / 3_600_000, max: Date.UTC(2100, 0, 1) / 3_600_000 }), fc.integer({ min: -2, max: 2 })).map(([hour, s]) => hour * 3_600_000 + s * 1000);
  fc.assert(
    fc.property(fc.constantFrom(...zones), fc.oneof(fc.integer({ min: Date.UTC(1880, 0, 1), max: Date.UTC(2100, 0, 1) }), near), (zone, ms) => {
      const p = zonedParts(new Date(Math.floor(ms / 1000) * 1000), zone);
      assert.deepEqual(zonedDateAt(ms, zone), { year: p.year, month: p.month, day: p.day }, `${zone} ${new Date(ms).toISOString()}`);
    }),
    { numRuns: 3000 },
  );
  // Stockholm's 1893 change from local mean time (+00:53:28) to +01:00: the seconds count.
  const change = Date.UTC(1893, 2, 31, 23, 6, 32);
  for (let s = -3; s <= 3; s++) {
    const p = zonedParts(new Date(change + s * 1000), 'Europe/Stockholm');
    assert.deepEqual(zonedDateAt(change + s * 1000, 'Europe/Stockholm'), { year: p.year, month: p.month, day: p.day });
  }
});

test('isKnownTimeZone: the zones Intl knows, and not a made-up one (which throws nowhere)', () => {
  for (const zone of [...zones, 'Europe/Mariehamn', 'utc', 'Etc/UTC']) assert.equal(isKnownTimeZone(zone), true, zone);
  for (const zone of ['Mars/Olympus', 'Europe/Stockholm ', '', 'Stockholm']) assert.equal(isKnownTimeZone(zone), false, zone);
  assert.throws(() => zonedDateAt(0, 'Mars/Olympus'), RangeError);
});
