/**
 * One cache of `Intl` objects for the SDK, the elements and the server.
 * Making a collator or formatter costs a fraction of a millisecond (the first
 * one on a page far more: ICU loads its data); using one costs microseconds.
 * So each is made once per locale and options, and kept.
 *
 * The cache is keyed by the options *object* (then by locale and time zone),
 * not by its contents, so that a lookup costs a map read, not a
 * serialisation: pass options that are constants (a module-level object).
 * A fresh object each call still works, but is never found again (it and
 * its formatters are let go with it). A time zone that varies is passed on
 * its own, beside constant options.
 */

const caches = new WeakMap<object, Map<string, unknown>>();
// One "no options" object per kind, so kinds never share an entry.
const NONE = {
  collator: {},
  dateTimeFormat: {},
  numberFormat: {},
  listFormat: {},
  pluralRules: {},
  relativeTimeFormat: {},
};

function cached<T>(options: object, key: string, make: () => T): T {
  let byKey = caches.get(options);
  if (!byKey) caches.set(options, (byKey = new Map()));
  let value = byKey.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    byKey.set(key, value);
  }
  return value;
}

/** `new Intl.Collator(locale, options)`, made once. */
export function cachedCollator(locale: string, options: Readonly<Intl.CollatorOptions> = NONE.collator): Intl.Collator {
  return cached(options, locale, () => new Intl.Collator(locale, options));
}

/**
 * `new Intl.DateTimeFormat(locale, { ...options, timeZone })`, made once
 * (`timeZone` only when given). Throws, as the constructor does, for a
 * locale or time zone the platform does not know; nothing is kept then.
 */
export function cachedDateTimeFormat(locale: string | undefined, options: Readonly<Intl.DateTimeFormatOptions> = NONE.dateTimeFormat, timeZone?: string): Intl.DateTimeFormat {
  return cached(options, `${locale ?? ''}\u0000${timeZone ?? ''}`, () => new Intl.DateTimeFormat(locale, timeZone === undefined ? options : { ...options, timeZone }));
}

/** `new Intl.NumberFormat(locale, options)`, made once. */
export function cachedNumberFormat(locale: string, options: Readonly<Intl.NumberFormatOptions> = NONE.numberFormat): Intl.NumberFormat {
  return cached(options, locale, () => new Intl.NumberFormat(locale, options));
}

/** `new Intl.ListFormat(locale, options)`, made once. */
export function cachedListFormat(locale: string, options: Readonly<Intl.ListFormatOptions> = NONE.listFormat): Intl.ListFormat {
  return cached(options, locale, () => new Intl.ListFormat(locale, options));
}

/** `new Intl.PluralRules(locale, options)`, made once. */
export function cachedPluralRules(locale: string, options: Readonly<Intl.PluralRulesOptions> = NONE.pluralRules): Intl.PluralRules {
  return cached(options, locale, () => new Intl.PluralRules(locale, options));
}

/** `new Intl.RelativeTimeFormat(locale, options)`, made once. */
export function cachedRelativeTimeFormat(locale: string, options: Readonly<Intl.RelativeTimeFormatOptions> = NONE.relativeTimeFormat): Intl.RelativeTimeFormat {
  return cached(options, locale, () => new Intl.RelativeTimeFormat(locale, options));
}

/** `new Intl.DisplayNames([locale], options)`, made once. Throws, as the constructor does, for a locale the platform does not know. */
export function cachedDisplayNames(locale: string, options: Readonly<Intl.DisplayNamesOptions>): Intl.DisplayNames {
  return cached(options, locale, () => new Intl.DisplayNames([locale], options));
}
