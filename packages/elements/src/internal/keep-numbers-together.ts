// Numbers written as examples in the form's texts ("802000-1239",
// "08-123 456 78", "2 000") must stay whole and read left to right: a line
// break at the dash splits an organisation number, and in Arabic text the
// bidirectional algorithm shows "802000-1239" as "1239-802000".
import { html, type TemplateResult } from 'lit';

/** Digits joined by dashes or spaces: phone numbers, organisation numbers, "2 000". */
const GROUPED_NUMBER = /\d+(?:[-\u2010\u2011\u2013 \u00a0]\d+)+/g;

/**
 * The text with each grouped number in a left-to-right isolate that does not
 * wrap; the text content stays the same, only the layout changes.
 */
export function keepNumbersTogether(text: string): (string | TemplateResult)[] {
  const parts: (string | TemplateResult)[] = [];
  let last = 0;
  for (const match of text.matchAll(GROUPED_NUMBER)) {
    const at = match.index!;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(html`<span class="number" dir="ltr">${match[0]}</span>`);
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
