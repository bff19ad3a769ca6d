import { html, noChange, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { cachedListFormat, pickText, type LocalizedText, type PickedText } from '@samverkan/sdk';
import { uiLanguage } from '../translations/catalogue.js';

/**
 * Whether a picked text needs its own `lang`: when it fell back to another
 * language, or when it is in a language other than the UI's (the element's
 * base says `lang=<ui language>`: a reader with `lang="de"` gets English UI
 * strings, so a German text from the dataset must say it is German).
 */
function needsOwnLang(picked: PickedText, requested: string): boolean {
  return picked.fallback || picked.lang.toLowerCase().split('-')[0] !== uiLanguage(requested);
}

/**
 * A data value on an element of its own that isolates it for direction
 * (`<bdi>`): a name in another script keeps its own order, and a
 * bidirectional control in the data (U+202E, never closed) ends with the
 * element instead of reversing the text after it. Every value from a dataset
 * or from a reader's typing that stands in a line with other text is shown
 * through this (or in an element with `dir`, which isolates too).
 */
export function isolated(content: unknown): TemplateResult {
  return html`<bdi>${content}</bdi>`;
}

/**
 * A dataset text in the reader's language, isolated for direction (see
 * {@link isolated}). When the dataset lacks that language and the text falls
 * back to another, it is a span with its own `lang` (and `dir="auto"`, which
 * isolates too), so a screen reader switches voice and the script runs its
 * own way. Text is always bound as text, never as HTML.
 */
export function localized(value: LocalizedText | undefined, lang: string, defaultLanguage: string): TemplateResult | string {
  if (value === undefined) return '';
  const picked = pickText(value, lang, defaultLanguage);
  return needsOwnLang(picked, lang) ? html`<span lang=${picked.lang} dir="auto">${picked.text}</span>` : isolated(picked.text);
}

/**
 * What {@link localized} shows, for a template that puts it in its own
 * `<bdi lang=${lang}>` (a `<bdi>` isolates as `dir="auto"` does): the text,
 * and its language when it needs one (else `undefined`). For many small
 * texts in one template (a month grid's meetings) without a nested template each.
 */
export function localizedText(value: LocalizedText, lang: string, defaultLanguage: string): { text: string; lang: string | undefined } {
  const picked = pickText(value, lang, defaultLanguage);
  return { text: picked.text, lang: needsOwnLang(picked, lang) ? picked.lang : undefined };
}

/** The plain string of a dataset text in the reader's language (for attributes and sorting). */
export function localizedString(value: LocalizedText | undefined, lang: string, defaultLanguage: string): string {
  return value === undefined ? '' : pickText(value, lang, defaultLanguage).text;
}

/**
 * Renders `content` (a text picked for `requested`, perhaps highlighted) in a
 * span with the text's own `lang` when it needs one (see {@link localized});
 * else in a `<bdi>`: isolated for direction either way.
 */
export function inItsLanguage(picked: PickedText, requested: string, content: unknown): unknown {
  return needsOwnLang(picked, requested) ? html`<span lang=${picked.lang} dir="auto">${content}</span>` : isolated(content);
}

const CONJUNCTION: Intl.ListFormatOptions = { style: 'long', type: 'conjunction' };

/**
 * `items` joined the way the language joins a list ("Centrum, Hovsjö och
 * Järna"; "السويدية والعربية" with Arabic's own comma and "و"), each item
 * rendered by `render` (by default isolated for direction, see
 * {@link isolated}), for a Lit template.
 */
export function joinedList(items: readonly string[], lang: string, render: (item: string) => unknown = isolated): unknown[] {
  let next = 0;
  // formatToParts gives the items in order, with the language's separators between them.
  return cachedListFormat(lang, CONJUNCTION)
    .formatToParts(items)
    .map((part) => (part.type === 'element' ? render(items[next++]!) : part.value));
}

type ListPart = ReturnType<Intl.ListFormat['formatToParts']>[number];

// The parts of each list of items (a dataset's arrays are kept as they are), per language: formatToParts costs more than the rest of an update.
const partsOf = new WeakMap<readonly string[], { lang: string; parts: ListPart[] }>();

function listParts(items: readonly string[], lang: string): ListPart[] {
  const known = partsOf.get(items);
  if (known?.lang === lang) return known.parts;
  const parts = cachedListFormat(lang, CONJUNCTION).formatToParts(items);
  partsOf.set(items, { lang, parts });
  return parts;
}

/**
 * {@link joinedList} with each item isolated, as the whole content of one
 * element: `<dd ${joinedIsolated(items, lang)}></dd>`. The same words and a
 * `<bdi>` per item, but written into the element in place: the `<bdi>`s and
 * separators it has are reused and only their texts change. A list whose
 * cards are reused for other entries on every keystroke (the signatory
 * list's districts) then changes a few texts per card, where a Lit part per
 * item removed and made some 100–200 nodes per keystroke, each with its
 * markers. Items are set as text, never as HTML.
 */
class JoinedIsolated extends Directive {
  private items?: readonly string[];
  private lang?: string;
  /**
   * What was written, part by part: the element's child (a `<bdi>` for an
   * item, a text for a separator), the text node and its text. An update
   * compares and sets texts here, without reading the DOM back (each read
   * crosses into the browser, and 50 cards have some 200 of them).
   */
  private written: { node: ChildNode; text: Text; value: string; item: boolean }[] = [];

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('joinedIsolated belongs on an element: <dd ${joinedIsolated(items, lang)}></dd>');
  }

  render(_items: readonly string[], _lang: string): unknown {
    return noChange;
  }

  override update(part: ElementPart, [items, lang]: [readonly string[], string]): unknown {
    if (items === this.items && lang === this.lang) return noChange;
    this.items = items;
    this.lang = lang;
    const parts = listParts(items, lang);
    const written = this.written;
    // The parts as long as they are of the same kind as those written: only their texts change.
    let k = 0;
    for (; k < parts.length && k < written.length; k++) {
      const { type, value } = parts[k]!;
      const was = written[k]!;
      if ((type === 'element') !== was.item) break;
      if (was.value !== value) was.text.data = was.value = value;
    }
    // The rest: made anew, and what was written beyond them removed.
    for (let r = k; r < written.length; r++) written[r]!.node.remove();
    written.length = k;
    const element = part.element;
    for (; k < parts.length; k++) {
      const { type, value } = parts[k]!;
      const text = document.createTextNode(value);
      const item = type === 'element';
      let node: ChildNode = text;
      if (item) {
        node = document.createElement('bdi');
        node.appendChild(text);
      }
      element.appendChild(node);
      written.push({ node, text, value, item });
    }
    return noChange;
  }
}

/** See {@link JoinedIsolated}. */
export const joinedIsolated = directive(JoinedIsolated);

/** `items` joined the way the language joins a list, as plain text (for items that are UI words, such as language names). */
export function joinedText(items: readonly string[], lang: string): string {
  return cachedListFormat(lang, CONJUNCTION).format(items);
}
