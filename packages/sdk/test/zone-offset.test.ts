import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { zoneOffsetMinutes, zoneOffsetMinutesByParts } from '@samverkan/sdk';

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
