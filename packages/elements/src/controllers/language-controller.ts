import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isLanguageLoaded, loadLanguage, uiLanguage, type UiLanguage } from '../translations/catalogue.js';

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
 *
 * UI strings other than Swedish are loaded on demand. Until the first
 * language is ready, {@link LanguageController.ready} is false and the host
 * shows nothing but a busy, empty base (no flash of Swedish for an Arabic
 * reader); on a later change the old language stays until the new one is
 * there. If a language's strings cannot be loaded (a bundle copied without
 * its language files, a network error), the element is shown in Swedish,
 * data texts included, and the console says why.
 */
export class LanguageController implements ReactiveController {
  /** The language tag in use, e.g. `sv`, `en-GB` or `ar`; data texts are picked for it. */
  lang = DEFAULT_LANGUAGE;
  /** The language of the element's own UI strings: one of sv, en, fi, ar. */
  ui: UiLanguage = 'sv';
  /** The writing direction of the UI language. */
  dir: 'ltr' | 'rtl' = 'ltr';
  /** Whether the UI strings of a language are loaded; false only before the first one is. */
  ready = false;

  private readonly host: ReactiveControllerHost & Element;
  private observer?: MutationObserver;
  // The tag asked for (on the element or an ancestor), which `lang` follows once its strings are loaded.
  private requested?: string;
  private pending?: Promise<void>;

  constructor(host: ReactiveControllerHost & Element) {
    this.host = host;
    host.addController(this);
  }

  /** Resolves once the strings of the language asked for are loaded, or have failed to load. */
  get settled(): Promise<void> {
    return this.pending ?? Promise.resolve();
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
    if (lang === this.requested) return;
    this.requested = lang;
    const ui = uiLanguage(lang);
    if (isLanguageLoaded(ui)) {
      this.pending = undefined;
      this.use(lang, ui);
      return;
    }
    const pending = loadLanguage(ui).then(
      () => {
        if (this.requested === lang) this.use(lang, ui);
      },
      (error: unknown) => {
        console.warn(`Samverkan: the UI strings in "${ui}" could not be loaded, so this element is shown in Swedish.`, error);
        if (this.requested === lang) this.use(DEFAULT_LANGUAGE, 'sv');
      },
    );
    this.pending = pending;
  }

  private use(lang: string, ui: UiLanguage): void {
    if (this.ready && lang === this.lang && ui === this.ui) return;
    this.lang = lang;
    this.ui = ui;
    this.dir = directionOf(ui);
    this.ready = true;
    this.host.requestUpdate();
  }
}
