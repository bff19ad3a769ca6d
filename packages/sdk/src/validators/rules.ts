import { isKnownTimeZone } from '../helpers/zone-formatters.js';
import { normalizeOrganisationNumber } from '../organisation-number.js';
import { isDigit } from './patterns.js';

/**
 * The data model's own rules, as plain functions without zod: the zod
 * schemas call them (`z.refine(rules.phone)`), and so do the validators that
 * `scripts/generate-validators.ts` writes from those schemas, which must run
 * without zod. A refinement or transform that is not one of these (or bound
 * to one with {@link withArgument}) still works, but the generated validator
 * cannot check it and hands every such value to zod (slow, never wrong); the
 * generator lists each one, and a test keeps that list empty.
 */
export const rules = {
  /** A phone number as people write it: digits with optional `+`, spaces, dashes and parentheses; 6 to 15 digits. */
  phone(value: string): boolean {
    // /^\+?[0-9][0-9 ()\-\u2013]{4,24}$/ and the digits counted, in one pass (this runs for every phone number).
    const n = value.length;
    let i = value.charCodeAt(0) === 43 ? 1 : 0;
    if (n - i < 5 || n - i > 25 || !isDigit(value.charCodeAt(i))) return false;
    let digits = 0;
    for (; i < n; i++) {
      const code = value.charCodeAt(i);
      if (isDigit(code)) digits++;
      else if (code !== 32 && code !== 40 && code !== 41 && code !== 45 && code !== 0x2013) return false;
    }
    return digits >= 6 && digits <= 15;
  },

  /** An IANA time zone the platform's Intl knows. */
  timeZone(zone: string): boolean {
    // By making the formatter the zone's offsets are then read with (the meeting offset rule, a calendar's
    // today): one formatter for the dataset's zone, not one more of its own (issue 18).
    return isKnownTimeZone(zone);
  },

  /** Whether an object has an own key, as Object.keys(texts).length > 0 tells, without making that array. */
  hasAnyKey(texts: object): boolean {
    for (const key in texts) if (Object.prototype.hasOwnProperty.call(texts, key)) return true;
    return false;
  },

  /** Whether `texts` has its own key `key` (a text in the default language). */
  hasKey(texts: object, key: string): boolean {
    return Object.prototype.hasOwnProperty.call(texts, key);
  },

  /**
   * Whether a meeting's `end` comes after its `start` (both valid ISO 8601
   * with an offset), as `Date.parse(end) > Date.parse(start)` tells. When both
   * have the same fraction and offset after the seconds, every field is at a
   * fixed place, so text order is time order: the common case needs no parsing.
   */
  endsAfterStart(meeting: { start: string; end: string }): boolean {
    const { start, end } = meeting;
    const n = start.length;
    if (n === end.length && n > 19) {
      let sameTail = true;
      for (let i = 19; i < n; i++) if (start.charCodeAt(i) !== end.charCodeAt(i)) sameTail = false;
      if (sameTail) return end > start;
    }
    return Date.parse(end) > Date.parse(start);
  },

  /** An opportunity's ways to get in touch: at least one of e-mail, phone and web address. */
  hasContactWay(contact: { email?: string; phone?: string; url?: string }): boolean {
    return contact.email !== undefined || contact.phone !== undefined || contact.url !== undefined;
  },

  /** An opportunity's `end` is not before its `start` (ISO dates: text order is date order); either may be missing. */
  endNotBeforeStart(value: { start?: string; end?: string }): boolean {
    return value.end === undefined || value.start === undefined || value.end >= value.start;
  },

  /** An opportunity is shown through a day not before the day it was published (ISO dates). */
  validThroughNotBeforePublished(value: { publishedOn: string; validThrough: string }): boolean {
    return value.validThrough >= value.publishedOn;
  },

  /** A Swedish organisation number as `NNNNNN-NNNN`, or undefined when it is not one (a transform: check and normalise in one pass). */
  organisationNumber: normalizeOrganisationNumber,
};

/** The name of a rule. */
export type RuleName = keyof typeof rules;

/** Where the generator finds which rule (and argument) a function given to zod stands for. */
export const RULE = Symbol.for('samverkan.rule');
/** What a function marked by {@link withArgument} carries. */
export interface RuleMark {
  name: RuleName;
  argument: string;
}

/**
 * `rules[name]` with its second argument fixed (e.g. the dataset's default
 * language for `hasKey`), marked so that the generator can write the same
 * call.
 */
export function withArgument<N extends 'hasKey'>(name: N, argument: string): (value: object) => boolean {
  const rule = rules[name];
  const bound = (value: object) => rule(value, argument);
  (bound as unknown as Record<symbol, RuleMark>)[RULE] = { name, argument };
  return bound;
}
