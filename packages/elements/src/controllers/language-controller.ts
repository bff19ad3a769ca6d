import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { uiLanguage, type UiLanguage } from '../translations/catalogue.js';

/** The language tag that applies when neither the element nor any ancestor has a `lang`. */
export const DEFAULT_LANGUAGE = 'sv';

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'syr', 'dv']);

/**
 * The language an element is in: its own `lang` attribute, else the nearest
 * ancestor's, walking up through shadow roots to their hosts (an element
 * inside another component still follows the page), else `sv`.
 */
export function resolveLanguage(element: Element): string {
  let node: Node | null = element;
  while (node) {
    // An empty lang="" says "unknown"; look further out rather than guess.
    const value = node instanceof Element ? node.getAttribute('lang')?.trim() : undefined;
    if (value) return value;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return DEFAULT_LANGUAGE;
}

/** `rtl` for languages written right to left (by primary subtag), `ltr` otherwise. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(tag.toLowerCase().split('-')[0]!) ? 'rtl' : 'ltr';
}

/**
 * Keeps a host's language current. A MutationObserver watches `lang`
 * attributes in every tree between the host and the document (its own root,
 * the hosts' roots above it), so changing `<html lang>` or a section's `lang`
 * re-renders the element; moving the element re-resolves on reconnect.
 */
export class LanguageController implements ReactiveController {
  /** The resolved language tag, e.g. `sv`, `en-GB` or `ar`; data texts are picked for it. */
  lang = DEFAULT_LANGUAGE;
  /** The language of the element's own UI strings: one of sv, en, fi, ar. */
  ui: UiLanguage = 'sv';
  /** The writing direction of the UI language. */
  dir: 'ltr' | 'rtl' = 'ltr';

  private readonly host: ReactiveControllerHost & Element;
  private observer?: MutationObserver;

  constructor(host: ReactiveControllerHost & Element) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.refresh());
    let root: Node = this.host.getRootNode();
    for (;;) {
      this.observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
      if (!(root instanceof ShadowRoot)) break;
      root = root.host.getRootNode();
    }
    this.refresh();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private refresh(): void {
    const lang = resolveLanguage(this.host);
    if (lang === this.lang) return;
    this.lang = lang;
    this.ui = uiLanguage(lang);
    this.dir = directionOf(this.ui);
    this.host.requestUpdate();
  }
}
