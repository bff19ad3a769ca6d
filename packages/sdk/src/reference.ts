/**
 * The short reference of an application (issue 17.15): what a person reads
 * out on the phone instead of a 36-character UUID. Eight characters of
 * Crockford's base32 (the digits and the letters without I, L, O and U, so
 * nothing is mistaken for 1, 0 or a rude word), shown as `XXXX-XXXX`. The
 * server makes one per application (`node:crypto`, unique in its store);
 * the UUID stays the application's id.
 */

/** Crockford's base32 alphabet: 0-9 and A-Z without I, L, O, U. */
export const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * A reference in its shown form, from eight alphabet characters (any case,
 * with or without the dash): `"k7qm2x9c"` → `"K7QM-2X9C"`. Throws a
 * `RangeError` for anything else.
 */
export function formatReference(value: string): string {
  const normalised = normaliseReference(value);
  if (normalised === undefined) throw new RangeError(`"${value}" is not a reference: 8 characters from ${REFERENCE_ALPHABET}, such as K7QM-2X9C.`);
  return normalised;
}

/** Whether `value` is a reference in its shown form (`XXXX-XXXX`, upper case). */
export function isReference(value: unknown): value is string {
  return typeof value === 'string' && CANONICAL.test(value);
}

/**
 * What a person typed or said, as the shown form, or `undefined` when it
 * cannot be a reference: lower case and a missing dash are accepted, spaces
 * and dashes anywhere are ignored, and the look-alikes Crockford's base32
 * reads as digits (`O` → 0, `I`/`L` → 1) are read that way.
 */
export function normaliseReference(value: string): string | undefined {
  const compact = value
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== 8) return undefined;
  for (const char of compact) if (!REFERENCE_ALPHABET.includes(char)) return undefined;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/**
 * A new random reference from 40 random bits (8 × 5), in its shown form.
 * `randomBytes` is the caller's source of randomness (the server passes
 * `node:crypto`'s), so this module runs in browsers too.
 */
export function referenceFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 5) throw new RangeError('A reference needs 5 random bytes.');
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(bytes[i]!);
  let out = '';
  for (let i = 7; i >= 0; i--) out += REFERENCE_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}
