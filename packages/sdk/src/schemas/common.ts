import * as z from 'zod/mini';
import { rules, RULE, type RuleMark } from '../validators/rules.js';

/** A non-empty string, trimmed. */
export const Text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

/** A short identifier: letters, digits, `-`, `_`, `.`, `:`. Unique within its list. */
export const Id = z.string().check(
  z.minLength(1, 'must not be empty'),
  z.maxLength(128, 'must be at most 128 characters'),
  z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must use only letters, digits, "-", "_", "." and ":", and start with a letter or digit'),
);

/** A BCP 47 language tag such as `sv`, `en`, `fi`, `ar`, `syc` or `zh-Hant`. */
export const LanguageTag = z.string().check(
  z.regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as "sv", "en" or "ar"'),
);

/**
 * A web address. Only `http:` and `https:` are accepted (`javascript:`,
 * `data:` and the like never get through) and the value is normalised the way
 * a browser would (lower-case host, `%`-encoding).
 */
export const HttpUrl = z.httpUrl({
  normalize: true,
  error: 'must be a web address starting with http:// or https://',
});

/** An e-mail address. */
export const Email = z.email({ error: 'must be an e-mail address such as name@example.org' });

/**
 * A phone number as people write it: digits with optional `+`, spaces,
 * dashes and parentheses; 6 to 15 digits.
 */
export const Phone = z.string().check(
  z.trim(),
  z.refine(rules.phone, 'must be a phone number of 6 to 15 digits, such as 08-123 456 78 or +46 8 123 456 78'),
);

/** An ISO 8601 date-time with an offset (`Z` or `+01:00`), e.g. `2026-03-12T18:00:00+01:00`. */
export const DateTime = z.iso.datetime({
  offset: true,
  error: 'must be a date and time with an offset, such as 2026-03-12T18:00:00+01:00',
});

/** An ISO 8601 calendar date, e.g. `2026-03-12`. */
export const DateOnly = z.iso.date({ error: 'must be a date such as 2026-03-12' });

/** An IANA time zone such as `Europe/Stockholm`, checked against the platform's Intl data. */
export const TimeZone = z.string().check(z.refine(rules.timeZone, 'must be a time zone such as "Europe/Stockholm"'));

/**
 * A Swedish organisation number. Accepts `NNNNNN-NNNN`, ten digits without the
 * dash and the twelve-digit form with the `16` prefix; the result is always
 * `NNNNNN-NNNN`. The check digit must be right.
 */
export const OrganisationNumber = z.pipe(
  z.string(),
  // One pass that both checks and normalises (this runs for every organisation).
  z.transform(organisationNumberTransform),
);

function organisationNumberTransform(value: string, ctx: { issues: unknown[] }) {
  const normalized = rules.organisationNumber(value);
  if (normalized === undefined) {
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: 'must be a Swedish organisation number NNNNNN-NNNN with a valid check digit',
    });
    return z.NEVER;
  }
  return normalized;
}
// The generated validators call the rule itself (scripts/generate-validators.ts).
(organisationNumberTransform as unknown as Record<symbol, RuleMark>)[RULE] = { name: 'organisationNumber', argument: '' };
