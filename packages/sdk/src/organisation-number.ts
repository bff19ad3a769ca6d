/**
 * Swedish organisation numbers (organisationsnummer) of legal persons:
 * ten digits `NNNNNN-NNNN`, the third digit 2 or more, the last a Luhn check
 * digit over the first nine. People also write them without the dash, or in
 * the twelve-digit form with the century-like prefix `16`.
 */

/** Why a string is not a valid organisation number, or `undefined` when it is. */
export type OrganisationNumberProblem = 'format' | 'legal-person' | 'check-digit';

function digitsOf(value: string): string | undefined {
  const match = /^\s*(?:16)?(\d{6})[-\u2013 ]?(\d{4})\s*$/.exec(value);
  return match ? match[1]! + match[2]! : undefined;
}

/** The Luhn check digit for the nine digits given. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let n = nineDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * For a value of the form `NNNNNN-NNNN`: whether it is a valid organisation
 * number (third digit 2 or more, the Luhn check digit right), or undefined
 * when one of the ten is not a digit (then the full rule decides).
 */
function canonicalCheck(value: string): boolean | undefined {
  let sum = 0;
  for (let i = 0, at = 0; i < 11; i++) {
    if (i === 6) continue;
    const n = value.charCodeAt(i) - 48;
    if (n < 0 || n > 9) return undefined;
    if (at === 9) return value.charCodeAt(2) - 48 >= 2 && (10 - (sum % 10)) % 10 === n;
    // The same weights as luhnCheckDigit: 2, 1, 2, … from the left.
    sum += at % 2 === 0 ? (n * 2 > 9 ? n * 2 - 9 : n * 2) : n;
    at++;
  }
  return undefined;
}

/**
 * Tells what is wrong with an organisation number: `format` (not ten digits,
 * with or without a dash or the `16` prefix), `legal-person` (the third digit
 * is below 2, so it is a personal identity number) or `check-digit`.
 */
export function organisationNumberProblem(value: string): OrganisationNumberProblem | undefined {
  const digits = typeof value === 'string' ? digitsOf(value) : undefined;
  if (!digits) return 'format';
  if (digits.charCodeAt(2) - 48 < 2) return 'legal-person';
  if (luhnCheckDigit(digits.slice(0, 9)) !== digits.charCodeAt(9) - 48) return 'check-digit';
  return undefined;
}

/** `true` when `value` is a valid Swedish organisation number in any accepted form. */
export function isValidOrganisationNumber(value: string): boolean {
  return organisationNumberProblem(value) === undefined;
}

/**
 * Normalises a valid organisation number to `NNNNNN-NNNN`; `undefined` when
 * it is not valid.
 */
export function normalizeOrganisationNumber(value: string): string | undefined {
  // Already `NNNNNN-NNNN`, as every dataset keeps it: checked in place and returned as it is (no copies, no regular expression).
  if (typeof value === 'string' && value.length === 11 && value.charCodeAt(6) === 45) {
    const valid = canonicalCheck(value);
    if (valid !== undefined) return valid ? value : undefined;
  }
  const digits = typeof value === 'string' ? digitsOf(value) : undefined;
  if (!digits || digits.charCodeAt(2) - 48 < 2 || luhnCheckDigit(digits.slice(0, 9)) !== digits.charCodeAt(9) - 48) return undefined;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}
