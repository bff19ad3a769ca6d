import type { LocalizedText } from './schemas/localized-text.js';

/** A text picked from a {@link LocalizedText}, with the language it is in. */
export interface PickedText {
  /** The text. */
  text: string;
  /** The language tag of `text`. */
  lang: string;
  /** `true` when the text is not in the requested language. */
  fallback: boolean;
}

function primary(tag: string): string {
  return tag.toLowerCase().split('-')[0]!;
}

/**
 * Picks the best text for `lang`: the requested language (exact tag, then the
 * same primary language, so `sv-FI` finds `sv`), then the dataset's default
 * language, then any text there is.
 */
export function pickText(value: LocalizedText, lang: string, defaultLanguage: string): PickedText {
  if (typeof value === 'string') {
    return { text: value, lang: defaultLanguage, fallback: primary(lang) !== primary(defaultLanguage) };
  }
  const exact = value[lang];
  if (exact !== undefined) return { text: exact, lang, fallback: false };
  const want = primary(lang);
  for (const tag in value) {
    if (primary(tag) === want) return { text: value[tag]!, lang: tag, fallback: false };
  }
  const dflt = value[defaultLanguage];
  if (dflt !== undefined) return { text: dflt, lang: defaultLanguage, fallback: true };
  for (const tag in value) return { text: value[tag]!, lang: tag, fallback: true };
  return { text: '', lang: defaultLanguage, fallback: true };
}

/** Every text of a {@link LocalizedText}, in every language it has. */
export function allTexts(value: LocalizedText): string[] {
  return typeof value === 'string' ? [value] : Object.values(value);
}
