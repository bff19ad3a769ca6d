import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cachedCollator, cachedDateTimeFormat, cachedDisplayNames, cachedListFormat, cachedNumberFormat, cachedPluralRules, cachedRelativeTimeFormat } from '@samverkan/sdk';

// One cache of Intl objects: the same locale and options object give the same
// formatter; another locale, options object or time zone another one, that
// formats as a fresh one would.

test('the same locale and options give the same object, made as the constructor makes it', () => {
  const NUMERIC: Intl.CollatorOptions = { numeric: true };
  assert.equal(cachedCollator('sv', NUMERIC), cachedCollator('sv', NUMERIC));
  assert.notEqual(cachedCollator('sv', NUMERIC), cachedCollator('en', NUMERIC));
  assert.deepEqual(['Kör 10', 'Kör 2', 'Ö', 'Z'].sort(cachedCollator('sv', NUMERIC).compare), ['Kör 2', 'Kör 10', 'Z', 'Ö']);
  assert.equal(cachedNumberFormat('sv').format(10000), new Intl.NumberFormat('sv').format(10000));
  assert.equal(cachedNumberFormat('sv'), cachedNumberFormat('sv'));
  assert.equal(cachedPluralRules('ar').select(2), 'two');
  assert.equal(cachedPluralRules('ar'), cachedPluralRules('ar'));
  const LIST: Intl.ListFormatOptions = { type: 'conjunction' };
  assert.equal(cachedListFormat('sv', LIST).format(['a', 'b', 'c']), 'a, b och c');
  const RELATIVE: Intl.RelativeTimeFormatOptions = { numeric: 'auto' };
  assert.equal(cachedRelativeTimeFormat('en', RELATIVE).format(-1, 'day'), 'yesterday');
  const NAMES: Intl.DisplayNamesOptions = { type: 'language' };
  assert.equal(cachedDisplayNames('sv', NAMES).of('fi'), 'finska');
});

test('kinds never share an entry, even without options', () => {
  assert.ok(cachedNumberFormat('sv') instanceof Intl.NumberFormat);
  assert.ok(cachedPluralRules('sv') instanceof Intl.PluralRules);
  assert.ok(cachedCollator('sv') instanceof Intl.Collator);
  assert.ok(cachedDateTimeFormat('sv') instanceof Intl.DateTimeFormat);
});

test('a time zone is part of the key beside constant options; an unknown one throws and is not kept', () => {
  const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  const stockholm = cachedDateTimeFormat('sv', TIME, 'Europe/Stockholm');
  const helsinki = cachedDateTimeFormat('sv', TIME, 'Europe/Helsinki');
  assert.notEqual(stockholm, helsinki);
  assert.equal(cachedDateTimeFormat('sv', TIME, 'Europe/Stockholm'), stockholm);
  const instant = Date.parse('2026-06-10T16:00:00Z');
  assert.equal(stockholm.format(instant), '18:00');
  assert.equal(helsinki.format(instant), '19:00');
  // The options object itself is left as it was (no time zone written into it).
  assert.deepEqual(TIME, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  for (let i = 0; i < 2; i++) assert.throws(() => cachedDateTimeFormat('sv', TIME, 'Mars/Olympus_Mons'), RangeError);
});

test('equal options in another object are another key (the cache is keyed by the object, so a lookup costs no serialising)', () => {
  const a: Intl.NumberFormatOptions = { useGrouping: false };
  const b: Intl.NumberFormatOptions = { useGrouping: false };
  assert.notEqual(cachedNumberFormat('sv', a), cachedNumberFormat('sv', b));
  assert.equal(cachedNumberFormat('sv', a).format(2025), '2025');
});
