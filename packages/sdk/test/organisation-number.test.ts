import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isValidOrganisationNumber,
  luhnCheckDigit,
  normalizeOrganisationNumber,
  organisationNumberProblem,
} from '@samverkan/sdk';

// Numbers are constructed here from nine digits and their Luhn check digit,
// so the tests do not rest on anyone's real organisation number.
const make = (nine: string) => `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;

test('the Luhn check digit follows the 2-1-2-1 weights from the left', () => {
  // 5 5 6 0 3 6 7 9 0: 1+5+3+0+6+6+5+9+0 = 35 → 5
  assert.equal(luhnCheckDigit('556036790'), 5);
  assert.equal(luhnCheckDigit('802000000'), 9);
  assert.equal(luhnCheckDigit('000000000'), 0);
});

test('accepts a valid number with and without the dash, and the 16-prefixed twelve-digit form', () => {
  const valid = make('802480123');
  const digits = valid.replace('-', '');
  for (const form of [valid, digits, `16${digits}`, `16${valid}`, ` ${valid} `]) {
    assert.equal(isValidOrganisationNumber(form), true, form);
    assert.equal(normalizeOrganisationNumber(form), valid, form);
  }
});

test('many constructed numbers with the third digit 2–9 are all valid', () => {
  for (let n = 0; n < 500; n++) {
    const nine = String(202_000_000 + n * 1_537_911).padStart(9, '0').slice(0, 9);
    if (Number(nine[2]) < 2) continue;
    assert.equal(isValidOrganisationNumber(make(nine)), true, make(nine));
  }
});

test('says which rule a number breaks', () => {
  const valid = make('802480123');
  const wrongCheck = valid.slice(0, -1) + String((Number(valid.at(-1)) + 1) % 10);
  assert.equal(organisationNumberProblem(wrongCheck), 'check-digit');
  // A personal identity number has a month (01–12) in the third and fourth digit: third digit < 2.
  assert.equal(organisationNumberProblem(make('811218987')), 'legal-person');
  for (const bad of ['', '12345', '80248012345', '802480-12', 'abcdef-ghij', '802480/1234', `17${valid.replace('-', '')}`, '8024801234x']) {
    assert.equal(organisationNumberProblem(bad), 'format', bad);
    assert.equal(isValidOrganisationNumber(bad), false, bad);
    assert.equal(normalizeOrganisationNumber(bad), undefined, bad);
  }
});
