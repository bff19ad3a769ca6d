import sv, { type Messages } from './messages.js';
import en from './messages.en.js';

/** The languages the admin page is written in; Swedish first, the default. */
export const ADMIN_LANGUAGES = ['sv', 'en'] as const;
/** One of {@link ADMIN_LANGUAGES}. */
export type AdminLanguage = (typeof ADMIN_LANGUAGES)[number];

// Both are small, and an officer switches between them: no lazy loading.
const catalogue: Record<AdminLanguage, Messages> = { sv, en };

/** The words in `lang` (a BCP 47 tag); Swedish for any language the page is not written in. */
export function messagesFor(lang: string | null | undefined): Messages {
  const primary = (lang ?? '').toLowerCase().split('-')[0];
  return primary === 'en' ? catalogue.en : catalogue.sv;
}

export type { Messages };
