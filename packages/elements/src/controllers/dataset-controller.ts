import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DatasetCheck, ParseDatasetResult } from '@samverkan/sdk';
import { datasetChecksIfLoaded, importDatasetChecks, letGoOf, readBeforeChecks, type DatasetChecks, type EarlyRead } from '../data/dataset-checks.js';
import type { DeferredModule } from '../data/deferred-module.js';
import type { LoadedDataset } from '../data/dataset-source.js';
import { loadDataset } from '../data/load-dataset.js';
import { SamverkanErrorEvent } from '../events/samverkan-error.js';
import { SamverkanLoadEvent } from '../events/samverkan-load.js';

/** What an element knows about its data. */
export type DatasetState =
  | { status: 'idle' }
  /**
   * `dataInHand`: the dataset was given as `data` and only code is awaited (the
   * element's parts, the checks, or zod to name a problem): a wait that is
   * usually shorter than a frame or two, so the element holds back its
   * loading text for a moment (SamverkanElement, SHOW_CODE_WAIT_AFTER_MS).
   */
  | { status: 'loading'; dataInHand?: true }
  | ({ status: 'ready' } & LoadedDataset)
  /** Given as `data` to an element that shows a dataset while it is checked ({@link DatasetHost.showsWhileChecking}): the check, until it is finished. */
  | { status: 'checking'; check: DatasetCheck }
  | { status: 'error'; error: Error };

/**
 * Finishes `check` until `signal` aborts (the element left the page, or was
 * given other data: the rest of the check then stops between two slices). The
 * check may be shared by elements given the same data: when it was stopped
 * for another one, this one goes on with it.
 */
async function finishCheck(check: DatasetCheck, signal: AbortSignal): Promise<ParseDatasetResult> {
  for (;;) {
    try {
      return await check.finish({ signal });
    } catch (error) {
      if (signal.aborted || (error as Error)?.name !== 'AbortError') throw error;
    }
  }
}

/**
 * Resolves after the next frame has been painted (a task after the next
 * animation frame), or after `fallbackMs` in a page that paints no frames
 * (one in the background gets no animation frames).
 */
export function afterNextPaint(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** The host a {@link DatasetController} serves: an element with `src` and `data`. */
export interface DatasetHost extends ReactiveControllerHost, EventTarget {
  /** The dataset URL. */
  src?: string | null;
  /** A dataset given directly (raw JSON or parsed); wins over `src`. */
  data?: unknown;
  /** Keep a copy in localStorage for when the server cannot be reached. */
  offlineCopy?: boolean;
  /**
   * Whether the host renders a dataset given as `data` while it is being
   * checked (the `checking` state, from the SDK's progressive check) instead
   * of waiting for the whole check.
   */
  readonly showsWhileChecking?: boolean;
}

/**
 * Loads the host's dataset from `data` or `src` whenever either changes, and
 * keeps the state the host renders. A load still running when the host
 * leaves the page is abandoned (and restarted if the host comes back); a
 * retry starts again. Fires `samverkan-load` or `samverkan-error` once per
 * finished load.
 */
export class DatasetController implements ReactiveController {
  /** The current state. */
  state: DatasetState = { status: 'idle' };

  private readonly host: DatasetHost;
  /** The checks running, each with the number of the load it belongs to and whether the host shows its dataset meanwhile. */
  private pending = new Map<Promise<unknown>, { load: number; shown: boolean }>();
  /** How many loads were asked for (`data` or `src` changed, a retry): resuming one after a return to the page keeps its number. */
  private loads = 0;
  private abort?: AbortController;
  private requested?: { src: string | null | undefined; data: unknown };
  private connected = false;

  /** Where the dataset is when not at the host's `src` (the signup form's fallback); default `host.src`. */
  private readonly srcOf: () => string | null | undefined;
  /** The host's code that it needs only once it has data (data/deferred-module.ts), if any. */
  private readonly partsOf: () => DeferredModule<unknown> | undefined;

  /**
   * The controller fetches a dataset at `src` with data/load-dataset.ts (the
   * SDK's fetch client), part of the host's first download; what checks a
   * dataset (data/dataset-source.ts, with the validators) is imported when
   * the host is defined or, at the latest, connects, beside that request
   * (data/dataset-checks.ts), so the
   * host renders its heading and loading state without it. Until it is
   * there, `data` is `loading` too. So are the host's own `parts`: the code
   * it shows a dataset with, which it does not need before (issue 18),
   * imported at the same moment.
   */
  constructor(host: DatasetHost, srcOf?: () => string | null | undefined, parts?: () => DeferredModule<unknown> | undefined) {
    this.host = host;
    this.srcOf = srcOf ?? (() => host.src);
    this.partsOf = parts ?? (() => undefined);
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    // Started now, beside the dataset's request (the first update starts that): not after it. A failure
    // is reported by the load that needs the checks (and importDatasetChecks tries again then).
    importDatasetChecks().catch(() => {});
    this.partsOf()?.load().catch(() => {});
    // Came back while a load (or the check of a dataset shown) was abandoned: start it again (a check goes on where it stopped).
    if ((this.state.status === 'loading' || this.state.status === 'checking') && !this.abort) this.start();
  }

  hostDisconnected(): void {
    this.connected = false;
    if (this.abort) {
      this.abort.abort(new DOMException('The element left the page.', 'AbortError'));
      this.abort = undefined;
    }
  }

  /** Before each render: starts a load when `src` or `data` changed. */
  hostUpdate(): void {
    const { data } = this.host;
    const src = this.srcOf();
    if (this.requested && this.requested.src === src && this.requested.data === data) return;
    this.requested = { src, data };
    this.loads++;
    this.start();
  }

  /**
   * `update()` (the host's own update-complete), again after each dataset
   * given as `data` has been checked and shown: the host's `updateComplete`
   * waits for it, so that after it the element shows what it was given.
   * Loads from `src` are not waited for.
   *
   * With `earlier: false`, a dataset the host shows while it is checked is
   * waited for only when its load starts with the update awaited (or later):
   * `el.data = x; await el.updateComplete` still shows the whole check, but
   * an update the reader causes afterwards (the calendar's next month) does
   * not wait for the rest of an earlier dataset's check (`samverkan-load`
   * says when that is done). A dataset that needs zod is waited for either
   * way: nothing of it is shown until then.
   */
  async untilChecked<T>(update: () => Promise<T>, { earlier = true }: { earlier?: boolean } = {}): Promise<T> {
    const since = this.loads;
    let result = await update();
    for (;;) {
      const waiting: Promise<unknown>[] = [];
      for (const [promise, { load, shown }] of this.pending) if (earlier || !shown || load > since) waiting.push(promise);
      if (waiting.length === 0) return result;
      await Promise.all(waiting);
      result = await update();
    }
  }

  private track(promise: Promise<unknown>, shown: boolean): void {
    this.pending.set(promise, { load: this.loads, shown });
    void promise.finally(() => this.pending.delete(promise));
  }

  /**
   * The dataset being checked is needed whole now (the reader searches or
   * filters): the check is finished in this task, and the state becomes
   * `ready`, unless zod is needed and not loaded yet (then it stays
   * `checking` until the check's own finish). Nothing otherwise.
   */
  finishNow(): void {
    if (this.state.status !== 'checking') return;
    const result = this.state.check.finishNow();
    if (!result) return;
    // The check's own finish would report the same dataset again.
    this.abort?.abort(new DOMException('Finished at once.', 'AbortError'));
    this.abort = undefined;
    this.finish({ ...result, stale: false });
  }

  /** Loads again (the retry button): a failed URL is fetched anew. */
  retry(): void {
    this.loads++;
    this.start(true);
    this.host.requestUpdate();
  }

  private start(retry = false): void {
    this.abort?.abort(new DOMException('A newer load replaced this one.', 'AbortError'));
    this.abort = undefined;
    const { data } = this.host;
    const src = this.srcOf();

    if (data !== undefined && data !== null) {
      const checks = this.neededIfLoaded();
      if (checks) {
        this.useData(checks, data);
        return;
      }
      // The checks (or the host's parts) are still on their way (imported when the host was defined or connected): loading until
      // they are here. A JSON text is read meanwhile, so that their arrival starts the check, not the reading (readBeforeChecks).
      this.state = { status: 'loading', dataInHand: true };
      const read = typeof data === 'string' ? readBeforeChecks(data) : undefined;
      const abort = new AbortController();
      this.abort = abort;
      this.track(
        this.settle(this.needed(), abort, (checks) => this.useData(checks, data, read)),
        false,
      );
      return;
    }
    if (!src) {
      this.state = { status: 'idle' };
      return;
    }
    this.state = { status: 'loading' };
    if (!this.connected) return;
    const abort = new AbortController();
    this.abort = abort;
    // The SDK client imports the validators itself when the answer is in: the same module as this import
    // (one request), which began when the host connected; waiting for both here also says so when that
    // module could not be fetched, rather than showing the client's plain TypeError. The host's parts likewise.
    const checks = this.needed();
    const loading = Promise.all([loadDataset(src, { signal: abort.signal, retry, offlineCopy: Boolean(this.host.offlineCopy) }), checks]).then(
      ([loaded]) => loaded,
      async (error: unknown) => {
        throw (await checks.then(
          () => undefined,
          (failed: unknown) => failed,
        )) ?? error;
      },
    );
    void this.settle(loading, abort);
  }

  /** The checks, once they and the host's parts are here (one import each for the page, started when the host was defined or connected). */
  private needed(): Promise<DatasetChecks> {
    const checks = importDatasetChecks();
    const parts = this.partsOf();
    return parts ? Promise.all([checks, parts.load()]).then(([loaded]) => loaded) : checks;
  }

  /** The checks, if they and the host's parts are here already (then a valid `data` is shown in the same update). */
  private neededIfLoaded(): DatasetChecks | undefined {
    const parts = this.partsOf();
    return parts && parts.loaded === undefined ? undefined : datasetChecksIfLoaded();
  }

  /** Takes a dataset given as `data`, with the checks loaded (and the text `read` already, if it was read while they came). */
  private useData(checks: DatasetChecks, data: unknown, read?: EarlyRead): void {
    // A valid dataset is checked at once, so no loading state flashes.
    let given: ReturnType<DatasetChecks['checkFromData']>;
    try {
      given = this.host.showsWhileChecking ? checks.checkFromData(data, read) : checks.datasetFromData(data, read);
    } catch (error) {
      this.fail(error);
      return;
    } finally {
      if (read) letGoOf(read);
    }
    if (!(given instanceof Promise) && !('dataset' in given)) {
      // Shown while it is checked; the rest is checked in slices, then the host shows the whole.
      this.state = { status: 'checking', check: given };
      const abort = new AbortController();
      this.abort = abort;
      // The rest is checked once what the host shows of it is painted: a slice of it (background
      // priority, but a task that runs until it ends) would otherwise hold up that first frame.
      const finishing = afterNextPaint().then(() => finishCheck(given, abort.signal));
      this.track(this.settle(finishing.then((result) => ({ ...result, stale: false })), abort), true);
      return;
    }
    if (!(given instanceof Promise)) {
      this.finish(given);
      return;
    }
    // A dataset with a problem: zod is being loaded to name it.
    this.state = { status: 'loading', dataInHand: true };
    const abort = new AbortController();
    this.abort = abort;
    this.track(this.settle(given, abort), false);
  }

  /**
   * Shows what `loading` gives (or why it failed), unless `abort` was used
   * since (a newer source took over); `use` takes what it gives (default:
   * the dataset is shown).
   */
  private settle<T>(loading: Promise<T>, abort: AbortController, use: (value: T) => void = (loaded) => this.finish(loaded as LoadedDataset)): Promise<void> {
    return loading.then(
      (value) => {
        if (abort.signal.aborted) return;
        this.abort = undefined;
        use(value);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        this.abort = undefined;
        this.fail(error);
        this.host.requestUpdate();
      },
    );
  }

  private finish(loaded: LoadedDataset): void {
    this.state = { status: 'ready', ...loaded };
    // After this render, so listeners see the element showing the data.
    void this.host.updateComplete.then(() =>
      this.host.dispatchEvent(new SamverkanLoadEvent({ dataset: loaded.dataset, issues: loaded.issues, stale: loaded.stale })),
    );
  }

  private fail(error: unknown): void {
    const err = error instanceof Error ? error : new Error(String(error));
    this.state = { status: 'error', error: err };
    void this.host.updateComplete.then(() => this.host.dispatchEvent(new SamverkanErrorEvent(err)));
  }
}
