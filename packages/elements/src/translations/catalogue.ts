/**
 * The typed shape of UI strings. Every catalogue has one entry per UI
 * language, checked by the compiler: a string missing in `fi` is a type
 * error, not a blank on a page. Shared strings live in `common.ts`; each
 * element keeps its own in `<element>/messages.ts`, so developers adding
 * elements do not edit the same file.
 *
 * Swedish, the default, is written in the catalogue itself; every other
 * language is its own module (`messages.en.ts`, …) that is imported the
 * first time an element is shown in it. A reader of Swedish never downloads
 * the Arabic strings, and the bundle puts each language's strings of every
 * element in one file, so an Arabic page makes one extra request.
 */
import { cachedNumberFormat, cachedPluralRules } from '@samverkan/sdk';

/** The languages the UI is written in. */
export const UI_LANGUAGES = ['sv', 'en', 'fi', 'ar'] as const;

/** One of the UI languages. */
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** A UI language that is loaded on demand (every one but Swedish). */
export type LoadedUiLanguage = Exclude<UiLanguage, 'sv'>;

/** Where a catalogue's strings come from: Swedish as they are, the other languages as module loaders. */
export type CatalogueSource<T> = { readonly sv: T } & {
  readonly [L in LoadedUiLanguage]: () => Promise<{ default: T }>;
};

// Every catalogue made, so one call loads a language for all of them.
const catalogues = new Set<Catalogue<unknown>>();

/** A set of messages of type `T` in every UI language. */
export class Catalogue<T> {
  /** The Swedish strings, always there: the fallback when another language cannot be loaded. */
  readonly sv: T;
  readonly #source: CatalogueSource<T>;
  readonly #loaded = new Map<UiLanguage, T>();
  readonly #loading = new Map<UiLanguage, Promise<T>>();

  constructor(source: CatalogueSource<T>) {
    this.sv = source.sv;
    this.#source = source;
    this.#loaded.set('sv', source.sv);
    catalogues.add(this);
  }

  /** The strings in `ui` if they are loaded. */
  get(ui: UiLanguage): T | undefined {
    return this.#loaded.get(ui);
  }

  /** Loads the strings in `ui` (once; later calls share the first). Rejects when the module cannot be loaded. */
  load(ui: UiLanguage): Promise<T> {
    const loaded = this.#loaded.get(ui);
    if (loaded) return Promise.resolve(loaded);
    let loading = this.#loading.get(ui);
    if (!loading) {
      loading = this.#source[ui as LoadedUiLanguage]().then((module) => {
        this.#loaded.set(ui, module.default);
        return module.default;
      });
      // A failed load may be tried again later (the network may be back).
      loading.catch(() => this.#loading.delete(ui));
      this.#loading.set(ui, loading);
    }
    return loading;
  }
}

/** Whether every catalogue has its strings in `ui`. */
export function isLanguageLoaded(ui: UiLanguage): boolean {
  for (const catalogue of catalogues) if (!catalogue.get(ui)) return false;
  return true;
}

/** Loads the strings in `ui` of every catalogue; rejects when one of them cannot be loaded. */
export async function loadLanguage(ui: UiLanguage): Promise<void> {
  await Promise.all([...catalogues].map((catalogue) => catalogue.load(ui)));
}

/**
 * The UI language for a language tag: its primary subtag when we have it
 * (`sv-FI` → `sv`), else English, which more readers of an unsupported
 * language read than Swedish.
 */
export function uiLanguage(tag: string): UiLanguage {
  const primary = tag.toLowerCase().split('-')[0];
  return (UI_LANGUAGES as readonly string[]).includes(primary!) ? (primary as UiLanguage) : 'en';
}

/**
 * The messages of `catalogue` in `lang` (a UI language or any tag), or the
 * Swedish ones while that language is not loaded: elements wait for their
 * language before they render (see `LanguageController`), so the fallback
 * shows only when a language module could not be loaded at all.
 */
export function messagesFor<T>(catalogue: Catalogue<T>, lang: string): T {
  return catalogue.get(uiLanguage(lang)) ?? catalogue.sv;
}

/** Plural forms as `Intl.PluralRules` names them; `other` is required, the rest fall back to it. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * Picks the plural form of `count` for `lang` and puts the formatted number
 * in place of `{n}`. Arabic has six forms, Finnish and Swedish two; the rules
 * come from `Intl`, the words from the catalogue.
 */
export function plural(lang: string, count: number, forms: PluralForms): string {
  const form = forms[cachedPluralRules(lang).select(count)] ?? forms.other;
  return form.replace('{n}', formatNumber(count, lang));
}

/** A whole number in the reader's language (`10 000` in Swedish, `10,000` in English). */
export function formatNumber(value: number, lang: string): string {
  return cachedNumberFormat(lang).format(value);
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

/**
 * Like {@link fill}, for a message whose values are rendered content (a data
 * value in a `<bdi>`): the message's own words and the values, in order, for
 * a Lit template.
 */
export function fillParts(message: string, values: Readonly<Record<string, unknown>>): unknown[] {
  const parts: unknown[] = [];
  let at = 0;
  for (const match of message.matchAll(/\{(\w+)\}/g)) {
    const name = match[1]!;
    if (!Object.hasOwn(values, name)) continue;
    if (match.index > at) parts.push(message.slice(at, match.index));
    parts.push(values[name]);
    at = match.index + match[0].length;
  }
  if (at < message.length) parts.push(message.slice(at));
  return parts;
}
