// Checks of what a reader sees when data holds bidirectional controls
// (issue 17.3): U+202E RIGHT-TO-LEFT OVERRIDE in a name reverses every
// character after it up to the end of its paragraph, unless the name sits in
// an element that isolates it (`<bdi>`, `dir="auto"`, any `dir`).

/** U+202E RIGHT-TO-LEFT OVERRIDE, never closed: what a hostile applicant would type. */
export const RLO = '\u202E';

/**
 * The text nodes under `root` that are drawn in another order than they are
 * written, read off the layout: in a left-to-right UI, each letter or digit
 * must start to the right of the one before it on the same line. Text nodes
 * that hold U+202E themselves (the hostile data) may be reversed: that is
 * what the override asks for, inside its own isolate. Hidden text (no boxes)
 * is skipped.
 */
export function reversedTexts(root: Node): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.data;
    if (text.includes(RLO) || node.parentElement?.closest('style, script')) continue;
    let previous: DOMRect | undefined;
    for (let i = 0; i < text.length; i++) {
      if (!/[\p{L}\p{N}]/u.test(text[i]!)) {
        previous = undefined;
        continue;
      }
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) {
        previous = undefined;
        continue;
      }
      if (previous && Math.abs(previous.top - box.top) < 2 && box.left < previous.left - 0.5) {
        found.push(text.trim());
        break;
      }
      previous = box;
    }
  }
  return found;
}
