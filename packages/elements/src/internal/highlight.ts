import { html, type TemplateResult } from 'lit';

/** A span of a text to mark: UTF-16 indexes, `end` exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * `text` with the given ranges wrapped in `<mark>` (overlapping and adjacent
 * ranges merged, out-of-range ones clipped). Every piece is bound as text,
 * so marking never turns data into markup.
 */
export function highlight(text: string, ranges: readonly TextRange[]): TemplateResult | string {
  const clipped = ranges
    .map(({ start, end }) => ({ start: Math.max(0, start), end: Math.min(text.length, end) }))
    .filter(({ start, end }) => end > start)
    .sort((a, b) => a.start - b.start);
  if (clipped.length === 0) return text;
  const merged: TextRange[] = [];
  for (const range of clipped) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  const parts: (string | TemplateResult)[] = [];
  let at = 0;
  for (const { start, end } of merged) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(html`<mark>${text.slice(start, end)}</mark>`);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return html`${parts}`;
}
