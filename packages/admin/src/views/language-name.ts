const names = new Map<string, Intl.DisplayNames>();

/** "svenska", "English", "العربية"… : a language tag's name in the reader's language, by Intl (the tag itself when Intl has none). */
export function languageName(tag: string, inLanguage: string): string {
  let display = names.get(inLanguage);
  if (!display) {
    display = new Intl.DisplayNames([inLanguage], { type: 'language' });
    names.set(inLanguage, display);
  }
  try {
    return display.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
