// What the elements' tests read inside an element's shadow root: one home for
// the one-liners every test file used to declare for itself. (The admin page's
// tests have theirs in packages/admin/test/helpers/admin-page.ts.) Like
// querySelector, a tag name as the selector gives that element's type.

/** `el`'s open shadow root; a test that looks into an element that has none says which element. */
export function shadow(el: Element): ShadowRoot {
  const root = el.shadowRoot;
  if (!root) throw new Error(`<${el.localName}> has no open shadow root (not defined, or not rendered yet?)`);
  return root;
}

/** The first element in `el`'s shadow root that matches `selector`, or null. */
export function $<K extends keyof HTMLElementTagNameMap>(el: Element, selector: K): HTMLElementTagNameMap[K] | null;
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T | null;
export function $(el: Element, selector: string): Element | null {
  return shadow(el).querySelector(selector);
}

/** Every element in `el`'s shadow root that matches `selector`, in document order. */
export function $$<K extends keyof HTMLElementTagNameMap>(el: Element, selector: K): HTMLElementTagNameMap[K][];
export function $$<T extends Element = HTMLElement>(el: Element, selector: string): T[];
export function $$(el: Element, selector: string): Element[] {
  return [...shadow(el).querySelectorAll(selector)];
}

/** The first element in `el`'s shadow root that matches `selector`; throws, naming both, when there is none. */
export function one<K extends keyof HTMLElementTagNameMap>(el: Element, selector: K): HTMLElementTagNameMap[K];
export function one<T extends Element = HTMLElement>(el: Element, selector: string): T;
export function one(el: Element, selector: string): Element {
  const found = shadow(el).querySelector(selector);
  if (!found) throw new Error(`<${el.localName}> renders nothing that matches ${selector}`);
  return found;
}

/** The element with focus inside `el`'s shadow root, if any. */
export function focused(el: Element): HTMLElement | null {
  return shadow(el).activeElement as HTMLElement | null;
}

/** The text a reader sees in `node`, whitespace collapsed and trimmed ('' for no node). */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
