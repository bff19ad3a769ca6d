/**
 * The typed shape of UI strings. Every catalogue has one entry per UI
 * language, checked by the compiler: a string missing in `fi` is a type
 * error, not a blank on a page. Shared strings live in `common.ts`; each
 * element keeps its own in `<element>/messages.ts`, so developers adding
 * elements do not edit the same file.
 */

/** The languages the UI is written in. */
export const UI_LANGUAGES = ['sv', 'en', 'fi', 'ar'] as const;

/** One of the UI languages. */
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** A set of messages of type `T` in every UI language. */
export type Catalogue<T> = { readonly [L in UiLanguage]: T };

/**
 * The UI language for a language tag: its primary subtag when we have it
 * (`sv-FI` → `sv`), else English, which more readers of an unsupported
 * language read than Swedish.
 */
export function uiLanguage(tag: string): UiLanguage {
  const primary = tag.toLowerCase().split('-')[0];
  return (UI_LANGUAGES as readonly string[]).includes(primary!) ? (primary as UiLanguage) : 'en';
}

/** The messages of `catalogue` in `lang` (a UI language or any tag). */
export function messagesFor<T>(catalogue: Catalogue<T>, lang: string): T {
  return catalogue[uiLanguage(lang)];
}

/** Plural forms as `Intl.PluralRules` names them; `other` is required, the rest fall back to it. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Picks the plural form of `count` for `lang` and puts the formatted number
 * in place of `{n}`. Arabic has six forms, Finnish and Swedish two; the rules
 * come from `Intl`, the words from the catalogue.
 */
export function plural(lang: string, count: number, forms: PluralForms): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  const form = forms[rules.select(count)] ?? forms.other;
  return form.replace('{n}', formatNumber(count, lang));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A whole number in the reader's language (`10 000` in Swedish, `10,000` in English). */
export function formatNumber(value: number, lang: string): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang);
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

/**
 * The label of `key` in a catalogue's table of codes (forms, kinds, …), or
 * `key` itself for a code the table lacks. Only the table's own entries
 * count: a code from data or from a page's link such as `constructor` or
 * `toString` must show as that word, not as a function inherited from
 * `Object.prototype`.
 */
export function labelOf(labels: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(labels, key) ? labels[key]! : key;
}

/**
 * A message with its `{name}` placeholders filled from `values`, in one pass:
 * a value is put in as it is (a `$&` or `$'` in a typed query or in the data
 * stays those characters, which `String.replace` with a string would expand)
 * and is never itself searched for placeholders.
 */
export function fill(message: string, values: Readonly<Record<string, string>>): string {
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(values, name) ? values[name]! : placeholder));
}
