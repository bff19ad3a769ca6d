import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatReference, isReference, normaliseReference, referenceFromBytes, REFERENCE_ALPHABET } from '@samverkan/sdk';

test('the alphabet is Crockford base32: 32 characters, no I, L, O or U', () => {
  assert.equal(REFERENCE_ALPHABET.length, 32);
  assert.equal(new Set(REFERENCE_ALPHABET).size, 32);
  for (const left of 'ILOU') assert.ok(!REFERENCE_ALPHABET.includes(left), left);
});

test('formatReference shows XXXX-XXXX from lower case, without the dash, and refuses the rest', () => {
  assert.equal(formatReference('k7qm2x9c'), 'K7QM-2X9C');
  assert.equal(formatReference('K7QM-2X9C'), 'K7QM-2X9C');
  assert.equal(formatReference(' k7qm 2x9c '), 'K7QM-2X9C');
  assert.throws(() => formatReference('K7QM-2X9'), /not a reference/);
  assert.throws(() => formatReference('K7QM-2X9U'), /not a reference/, 'U is not in the alphabet');
  assert.throws(() => formatReference('K7QM-2X9C1'), /not a reference/);
});

test('normaliseReference reads O as 0 and I/L as 1, as Crockford says, and gives undefined for what cannot be one', () => {
  assert.equal(normaliseReference('o0il-1234'), '0011-1234');
  assert.equal(normaliseReference('abc'), undefined);
  assert.equal(normaliseReference('ÅÄÖ1-2345'), undefined);
});

test('isReference accepts only the shown form', () => {
  assert.equal(isReference('K7QM-2X9C'), true);
  assert.equal(isReference('k7qm-2x9c'), false);
  assert.equal(isReference('K7QM2X9C'), false);
  assert.equal(isReference('K7QM-2X9U'), false);
  assert.equal(isReference(42), false);
});

test('referenceFromBytes: every 5 bytes give a valid reference, and different bytes give different references', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 5, maxLength: 5 }), fc.uint8Array({ minLength: 5, maxLength: 5 }), (a, b) => {
      const ra = referenceFromBytes(a);
      assert.ok(isReference(ra), ra);
      assert.equal(normaliseReference(ra.toLowerCase().replace('-', '')), ra, 'round trip through what a person types');
      // 40 bits in, 40 bits out: the mapping is one-to-one.
      assert.equal(ra === referenceFromBytes(b), Buffer.from(a).equals(Buffer.from(b)));
    }),
  );
  assert.equal(referenceFromBytes(new Uint8Array([0, 0, 0, 0, 0])), '0000-0000');
  assert.equal(referenceFromBytes(new Uint8Array([255, 255, 255, 255, 255])), 'ZZZZ-ZZZZ');
});
