/**
 * Registers `tag` for `constructor`, unless the tag is taken: then the
 * existing definition is left alone with a warning (two copies of the
 * library on one page, or a page that registered its own element first).
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== constructor) {
      console.warn(`<${tag}> is already defined on this page; the existing definition was kept.`);
    }
    return;
  }
  customElements.define(tag, constructor);
}
