// The code an element needs only once it has data (issue 18: every dataset
// page ≤ 25 KB before it renders). Its first render (heading, loading state,
// slots) needs the element's class, Lit and the fetch client; what sorts,
// searches, indexes and draws the rows is imported when the element is
// defined (SamverkanElement.finalize), with the dataset's checks
// (dataset-checks.ts) and before its dataset's request, so the first render
// does not wait for them; the dataset controller keeps the state `loading`
// until all of them are there. An element declares its module once
// (`SamverkanElement.datasetParts`); the controller does the rest.

/**
 * A part of an element's code (the element's own code, not the dataset's
 * checks) could not be fetched: the connection broke while the page loaded
 * it. The element says so, as for the checks, and offers to try again;
 * `cause` is the browser's own error.
 */
export class PartNotLoadedError extends Error {
  override readonly name = 'PartNotLoadedError';
  constructor(cause: unknown) {
    super('A part of the element that shows the dataset could not be fetched; try again when the connection is back.', { cause });
  }
}

/** A module imported once per page, the first time an element that shows it is defined or connects. */
export interface DeferredModule<M> {
  /** The module, once it has arrived. */
  readonly loaded: M | undefined;
  /**
   * The module; throws if it has not arrived. An element calls this only
   * where it shows data: the controller's states `ready` and `checking`
   * come after the module.
   */
  readonly current: M;
  /** Starts the import, or joins the one under way; after a failure ({@link PartNotLoadedError}) the next call imports again. */
  load(): Promise<M>;
}

/**
 * A module an element needs only once it has data: `importer` is
 * `() => import('./the-module.js')`, written out so that bundlers split it
 * off. One import per page, whichever elements ask.
 */
export function deferredModule<M>(importer: () => Promise<M>, failure: (cause: unknown) => Error = (cause) => new PartNotLoadedError(cause)): DeferredModule<M> {
  let loaded: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    get loaded() {
      return loaded;
    },
    get current() {
      if (loaded === undefined) throw new Error('A deferred module was used before it arrived: use it only in the states ready and checking.');
      return loaded;
    },
    load() {
      loading ??= importer().then(
        (module) => (loaded = module),
        (error: unknown) => {
          loading = undefined;
          throw failure(error);
        },
      );
      return loading;
    },
  };
}
