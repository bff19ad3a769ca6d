// The names of spoken languages (a contact's, a meeting's), shared by the
// elements so a language is called the same everywhere and found by the name
// shown. Intl.DisplayNames lacks some (Chromium has none for Syriac, `syc`,
// spoken by many in Södertälje), so our own names in the common catalogue
// come first.
import { cachedDisplayNames, type LanguageNamer } from '@samverkan/sdk';
import { labelOf, messagesFor, type UiLanguage } from '../translations/catalogue.js';
import { commonMessages } from '../translations/common.js';

const LANGUAGE_NAMES: Intl.DisplayNamesOptions = { type: 'language', fallback: 'none' };

/** Intl's name of `tag` in `ui`, or `undefined` when it has none: no name, only the code echoed back, or a malformed tag. */
function intlName(tag: string, ui: UiLanguage): string | undefined {
  try {
    const name = cachedDisplayNames(ui, LANGUAGE_NAMES).of(tag);
    return name && name.toLowerCase() !== tag.toLowerCase() ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Our name of `tag` in `ui`, else Intl's, else `undefined`. */
function nameOf(tag: string, ui: UiLanguage): string | undefined {
  // Tags are case-insensitive (`SYC` is `syc`); our table is keyed in lower case.
  const key = tag.toLowerCase();
  const ours = labelOf(messagesFor(commonMessages, ui).languageNames, key);
  return ours !== key ? ours : intlName(tag, ui);
}

/**
 * A language's name in the UI language ("arabiska", "syriska"): ours when
 * the common catalogue has one, else Intl's, else the tag itself. The
 * catalogue's strings in `ui` are loaded before an element renders in it.
 */
export function languageName(tag: string, ui: UiLanguage): string {
  return nameOf(tag, ui) ?? tag;
}

const namers = new Map<UiLanguage, LanguageNamer>();

/**
 * The names of `languageName` as the SDK's contact search takes them, so a
 * reader finds a language by the name shown (a bare code is no name and is
 * not searched). One function per UI language: the SDK keeps one search
 * index per function.
 */
export function languageNamer(ui: UiLanguage): LanguageNamer {
  let namer = namers.get(ui);
  if (!namer) {
    namer = (tag) => nameOf(tag, ui);
    namers.set(ui, namer);
  }
  return namer;
}
