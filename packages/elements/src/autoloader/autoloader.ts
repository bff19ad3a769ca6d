/**
 * The autoloader behind `samverkan.min.js`: it registers each `samverkan-*`
 * element the first time its tag is on the page, by importing only that
 * element's `define/` module (and the chunks it shares with the others).
 *
 * Like Shoelace's and Web Awesome's autoloaders it looks for undefined
 * elements (`:not(:defined)`) in the document once, then watches the document
 * with a MutationObserver for elements added later. Unlike theirs, it does not
 * derive a file path from the tag name: the build gives it the map from tag to
 * module (one dynamic `import()` per `define/samverkan-*.ts` module), so the
 * files can carry content hashes and are resolved by the browser relative to
 * the loader's own URL, also when it is loaded from another origin.
 *
 * Elements inside a shadow root are invisible to the document's observer: a
 * page hands such a root to {@link Autoloader.discover}
 * (`window.samverkan.discover(root)`), which registers what is in it now and
 * watches it from then on.
 */

/** Imports one element's `define/` module. */
export type ElementLoader = () => Promise<unknown>;

/** What `samverkan.min.js` exposes as `window.samverkan`. */
export interface Autoloader {
  /**
   * Registers every known `samverkan-*` element in `root` (and `root` itself)
   * that is not defined yet, and watches `root` for elements added later.
   * Resolves when their modules have loaded (a module that fails to load is
   * reported in the console; the others still register).
   */
  discover(root: Document | Element | ShadowRoot): Promise<void>;
  /** Loads and registers one element by its tag, e.g. `load('samverkan-meeting-calendar')`. */
  load(tag: string): Promise<void>;
  /** Loads and registers every element now (for a page that makes them in ways the observer cannot see). */
  loadAll(): Promise<void>;
  /** The tags this loader can register. */
  readonly tags: readonly string[];
}

/** Makes an autoloader for `loaders` (tag → import of its define module). Nothing happens until `discover` is called. */
export function createAutoloader(loaders: Readonly<Record<string, ElementLoader>>): Autoloader {
  const started = new Map<string, Promise<void>>();
  const watched = new WeakSet<Node>();

  const load = (tag: string): Promise<void> => {
    const name = tag.toLowerCase();
    let pending = started.get(name);
    if (!pending) {
      const loader = loaders[name];
      pending = !loader
        ? Promise.reject(new Error(`<${name}> is not an element of this library.`))
        : customElements.get(name)
          ? Promise.resolve()
          : loader().then(
              () => undefined,
              (error: unknown) => {
                // Forget the failure, so that a later discover() may try again (a network blip).
                started.delete(name);
                console.error(`<${name}> could not be loaded: ${(error as Error)?.message ?? error}`);
                throw error;
              },
            );
      started.set(name, pending);
    }
    return pending;
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) void scan(node as Element);
    }
  });

  /** Registers what `root` holds now; returns when it has loaded. */
  const scan = async (root: Document | Element | ShadowRoot) => {
    const tags = new Set<string>();
    if (root instanceof Element && root.localName in loaders && !customElements.get(root.localName)) tags.add(root.localName);
    // Only undefined elements can be ours to load; the selector skips everything else in native code.
    for (const element of root.querySelectorAll(':not(:defined)')) {
      if (element.localName in loaders) tags.add(element.localName);
    }
    await Promise.allSettled([...tags].map(load));
  };

  return {
    tags: Object.keys(loaders),
    load,
    async loadAll() {
      await Promise.all(Object.keys(loaders).map(load));
    },
    async discover(root) {
      if (!watched.has(root)) {
        watched.add(root);
        observer.observe(root instanceof Document ? root.documentElement : root, { childList: true, subtree: true });
      }
      await scan(root);
    },
  };
}

declare global {
  interface Window {
    /** The autoloader of `samverkan.min.js`. */
    samverkan?: Autoloader;
  }
}

/**
 * Starts the autoloader on this document and publishes it as
 * `window.samverkan` (the first loader on a page wins; a second copy hands
 * its tags to nobody and returns the first).
 */
export function startAutoloader(loaders: Readonly<Record<string, ElementLoader>>): Autoloader {
  const existing = window.samverkan;
  if (existing) return existing;
  const loader = createAutoloader(loaders);
  window.samverkan = loader;
  void loader.discover(document);
  return loader;
}
