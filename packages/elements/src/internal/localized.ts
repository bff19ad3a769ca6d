import { html, type TemplateResult } from 'lit';
import { pickText, type LocalizedText, type PickedText } from '@samverkan/sdk';

/**
 * A dataset text in the reader's language. When the dataset lacks that
 * language and the text falls back to another, it is wrapped in a span with
 * its own `lang` (and `dir="auto"`), so a screen reader switches voice and
 * the script runs its own way. Text is always bound as text, never as HTML.
 */
export function localized(value: LocalizedText | undefined, lang: string, defaultLanguage: string): TemplateResult | string {
  if (value === undefined) return '';
  const picked = pickText(value, lang, defaultLanguage);
  return picked.fallback ? html`<span lang=${picked.lang} dir="auto">${picked.text}</span>` : picked.text;
}

/** The plain string of a dataset text in the reader's language (for attributes and sorting). */
export function localizedString(value: LocalizedText | undefined, lang: string, defaultLanguage: string): string {
  return value === undefined ? '' : pickText(value, lang, defaultLanguage).text;
}

/**
 * Renders `content` (a picked text, perhaps highlighted) in a span with the
 * text's own `lang` when it is a fallback; as it is otherwise.
 */
export function inItsLanguage(picked: PickedText, content: unknown): unknown {
  return picked.fallback ? html`<span lang=${picked.lang} dir="auto">${content}</span>` : content;
}
