import * as z from 'zod/mini';
import { LanguageTag } from './common.js';
import { rules, withArgument } from '../validators/rules.js';

/**
 * A text in the dataset's default language (a plain string), or an object from
 * language tag to text that includes the default language.
 */
export type LocalizedText = string | Record<string, string>;

const cache = new Map<string, z.ZodMiniType<LocalizedText>>();

/**
 * The schema of a {@link LocalizedText}. With `defaultLanguage`, the object
 * form must include a text in that language.
 */
export function localizedText(defaultLanguage?: string): z.ZodMiniType<LocalizedText> {
  const key = defaultLanguage ?? '';
  let schema = cache.get(key);
  if (!schema) {
    const translations = z.record(LanguageTag, z.string().check(z.trim(), z.minLength(1, 'must not be empty'))).check(
      // Whether it has an own key, without making the array of keys for every text.
      z.refine(rules.hasAnyKey, 'must have a text in at least one language'),
    );
    const checked = defaultLanguage
      ? translations.check(
          z.refine(withArgument('hasKey', defaultLanguage), `must have a text in the default language "${defaultLanguage}"`),
        )
      : translations;
    // A failed union keeps each option's issues; formatIssues() reports the
    // option whose type matched, so the reader sees the real reason.
    schema = z.union([z.string().check(z.trim(), z.minLength(1, 'must not be empty')), checked], {
      error: 'must be a text, or an object from language tag to text such as {"sv": "…", "en": "…"}',
    }) as z.ZodMiniType<LocalizedText>;
    cache.set(key, schema);
  }
  return schema;
}

/** The schema of a {@link LocalizedText} with no default language required. */
export const LocalizedTextSchema = localizedText();
