/**
 * `JSON.parse(text)` after a byte order mark at the start, if any
 * (spreadsheet programs and Windows editors write one). The one home of that
 * rule; it throws the engine's SyntaxError, and `json-text.ts` (loaded only
 * then) says where the text breaks.
 */
export function parseJson(text: string): unknown {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}
