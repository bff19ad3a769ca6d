import { adoptStyles, html, LitElement, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Dataset, DatasetCheck } from '@samverkan/sdk';
import { DatasetController, type DatasetState } from '../controllers/dataset-controller.js';
import { importDatasetChecks } from '../data/dataset-checks.js';
import { LanguageController } from '../controllers/language-controller.js';
import type { DeferredModule } from '../data/deferred-module.js';
import type { LoadedDataset } from '../data/dataset-source.js';
import { stateStyles } from '../styles/states.js';
import { layoutStyles } from '../styles/layout.js';
import { textStyles } from '../styles/text.js';
import { tokenStyles } from '../styles/tokens.js';
import { dataNotes, errorView, loadingAnnouncement, loadingView, type LoadAnnouncement } from './state-views.js';

/** The notes and what the element shows of its data: one template, whether the data is checked or still being checked. */
const dataView = (notes: unknown, content: unknown): TemplateResult => html`${notes}${content}`;

/**
 * How long a load may take before "loading" is announced to screen readers:
 * a quick one is not worth interrupting the reader for (the data appears).
 */
export const ANNOUNCE_LOADING_AFTER_MS = 500;

/**
 * How long an element given its dataset as `data` waits for its code (its
 * parts, the checks; zod to name a problem) before it shows its loading text.
 * Busy meanwhile (`aria-busy`), but the text is held back: the wait is
 * usually a frame or two, and a text shown for that long is a flash, and a
 * render and a frame (style, layout, paint) more before the data shows (the
 * calendar's cold first month: 7–14 ms of its window, issue 18). A dataset
 * from `src` shows it at once: that wait is the network's.
 */
export const SHOW_CODE_WAIT_AFTER_MS = 200;

/** How long "loaded" stays in the live region after it was said (so a reader browsing later does not meet it). */
export const CLEAR_LOADED_AFTER_MS = 5000;

/**
 * The small base every Samverkan element extends: `src` and `data`, the
 * dataset's states (loading, error with retry, stale, partly invalid), the
 * events, and the language. A subclass implements {@link renderDataset} and
 * adds its own styles after {@link SamverkanElement.styles}.
 *
 * The rendered base is `<div part="base" lang dir aria-busy>`: the language
 * and direction are set inside the shadow root, never on the host, so the
 * page's own attributes stay the page's. Beside it, outside what is busy, a
 * visually hidden `role="status"` region that is there from the first render
 * and says "loading" once a load has taken half a second, then "loaded"
 * when it is done (an error is said by the error view's `role="alert"`): a
 * live region inserted together with its text, or inside an `aria-busy`
 * element, is often not announced.
 *
 * @slot heading - A heading of the page's own (`<h2 slot="heading">Våra undertecknare</h2>`), shown first, in every state (while loading too). It keeps the page's language and styles.
 * @attribute {string} lang - The language (sv, en, fi, ar; others get English UI strings and their own data texts). Without it, the nearest ancestor's `lang`, else `sv`; followed when it changes. `ar` renders right to left.
 */
export abstract class SamverkanElement extends LitElement {
  static override styles = [tokenStyles, stateStyles, textStyles, layoutStyles];

  /**
   * The code a subclass shows its dataset with and does not need before
   * (sorting, searching, the rows' own rendering): a
   * `deferredModule(() => import('./…-parts.js'))` (data/deferred-module.ts).
   * It is imported when the element is defined (`finalize`), beside the
   * dataset's request, so the first render (heading, loading state, slots) does not wait for
   * it; the state stays `loading` until it is here, so `renderDataset` and
   * `renderChecking` may use its `current`. None by default. If the module
   * exports `dataStyles`, they are added to the element's styles before the
   * first render that shows data (the styles of what only data shows need
   * not be in the first download either).
   */
  protected static readonly datasetParts?: DeferredModule<object>;

  /**
   * Lit finalizes the class when it is defined (`customElements.define` reads
   * its observed attributes): the element's parts start coming then, while
   * the page goes on to add and render it, and not only once it connects
   * (then the controller joins this import). A page that sets `data` a frame
   * after the element connected did not have them yet, and its first row
   * waited for them, the files they import in turn and their compiling
   * (npm run bench -- peers: the list's cold first row 1.7× its time before).
   * The dataset's checks start then as well.
   */
  protected static override finalize(): void {
    super.finalize();
    this.datasetParts?.load().catch(() => {});
    // The dataset's checks too, for the same reason: they import the issues' rules in a file of their own
    // (the first downloads are 1.1 KB smaller without them), one more round trip, which a calendar given
    // data a frame after it connected waited for (peers bench: cold first meeting 1.46x with that file
    // split off, started at connect). A failure is reported by the load that needs them, which imports again.
    if (this.datasetParts) importDatasetChecks().catch(() => {});
  }

  /** The language, following `lang` on the element or its nearest ancestor. */
  protected readonly language = new LanguageController(this);
  /** The dataset and its loading state. */
  protected readonly data$ = new DatasetController(this, undefined, () => (this.constructor as typeof SamverkanElement).datasetParts);

  /** The dataset's URL (absolute or relative to the page). Elements with the same `src` share one request. */
  @property({ reflect: false }) src: string | null = null;

  /**
   * A dataset given directly instead of `src`: raw JSON (a string or object,
   * validated with the SDK's `parseDataset`), or the result of `parseDataset`
   * or of the SDK client's `getDataset()`. Not `dataset`: that name is the
   * browser's own `HTMLElement.dataset`.
   */
  @property({ attribute: false }) data: unknown = undefined;

  /**
   * Keep a copy of the dataset in the browser (localStorage), to show (with a
   * note of its age) when the server cannot be reached on a later visit.
   * Off by default: the copy takes room in the page's storage.
   */
  @property({ type: Boolean, attribute: 'offline-copy' }) offlineCopy = false;

  /** The dataset shown, once loaded. */
  get loadedDataset(): Dataset | undefined {
    return this.data$.state.status === 'ready' ? this.data$.state.dataset : undefined;
  }

  /** Loads the dataset again (what the error view's retry button does). */
  reload(): void {
    this.data$.retry();
  }

  /** Subclasses render the loaded dataset here; the base renders every other state. */
  protected abstract renderDataset(loaded: LoadedDataset, state: DatasetState & { status: 'ready' }): unknown;

  /**
   * Renders a dataset given as `data` while it is being checked, for a
   * subclass whose `showsWhileChecking` is true (the state `checking`); the
   * base shows the loading view. Once the check is finished,
   * {@link renderDataset} renders the whole.
   */
  protected renderChecking(_check: DatasetCheck): unknown {
    return loadingView(this.language.lang);
  }

  /**
   * Whether the element shows its frame while it has no dataset yet (no
   * `data` set, or its request or code on the way): what it will show the
   * data in, with none of it, rendered by {@link renderFrame}. The base has no
   * frame; the calendar's month view has one (its controls and the month's
   * empty grid). Read in `update`, after `willUpdate`.
   */
  protected get showsFrame(): boolean {
    return false;
  }

  /**
   * The frame (see {@link showsFrame}). It goes where the data will go, in
   * the same template, so that the data fills it in rather than replacing
   * it: what the frame laid out stays laid out, and a reader's place in it
   * (the focus, the scroll) stays.
   */
  protected renderFrame(): unknown {
    return nothing;
  }

  /**
   * Called once a dataset arrives, before it renders (e.g. to build an index).
   * The base does nothing.
   */
  protected datasetChanged(_loaded: LoadedDataset): void {}

  private lastLoaded?: LoadedDataset['dataset'];
  // What the live region says, and the timers that change it.
  private announcement: LoadAnnouncement;
  private slowLoadTimer?: ReturnType<typeof setTimeout>;
  private clearLoadedTimer?: ReturnType<typeof setTimeout>;
  // The load (its state object) waiting only for code whose loading text is held back, and the timer that shows it.
  private codeWait?: DatasetState;
  private codeWaitShown = false;
  private codeWaitTimer?: ReturnType<typeof setTimeout>;

  /**
   * Settles the dataset's state first (a controller's own `hostUpdate` would
   * run only after `willUpdate`), so that a subclass derives what it shows
   * from the current dataset in its `willUpdate`, after calling this one.
   */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.data$.hostUpdate();
    const state = this.data$.state;
    if (state.status === 'ready' && state.dataset !== this.lastLoaded) {
      this.lastLoaded = state.dataset;
      this.datasetChanged(state);
    }
  }

  private dataStylesAdopted = false;
  // Whether this update shows the frame (update sets it, render reads it).
  private framed = false;

  protected override update(changed: PropertyValues<this>): void {
    const state = this.data$.state;
    this.framed = (state.status === 'idle' || state.status === 'loading') && this.language.ready && this.showsFrame;
    if (!this.dataStylesAdopted && (state.status === 'ready' || state.status === 'checking' || this.framed)) this.adoptDataStyles();
    if (state !== this.codeWait) {
      clearTimeout(this.codeWaitTimer);
      this.codeWaitTimer = undefined;
      this.codeWait = undefined;
      this.codeWaitShown = false;
      if (state.status === 'loading' && state.dataInHand) {
        this.codeWait = state;
        this.codeWaitTimer = setTimeout(() => {
          this.codeWaitTimer = undefined;
          this.codeWaitShown = true;
          this.requestUpdate();
        }, SHOW_CODE_WAIT_AFTER_MS);
      }
    }
    if (state.status !== 'loading') {
      clearTimeout(this.slowLoadTimer);
      this.slowLoadTimer = undefined;
      // A load that was announced gets its end announced too (an error: by its alert).
      if (this.announcement === 'loading') this.announce(state.status === 'ready' ? 'loaded' : undefined);
    }
    super.update(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.data$.state.status === 'loading' && this.announcement !== 'loading' && this.slowLoadTimer === undefined) {
      this.slowLoadTimer = setTimeout(() => {
        this.slowLoadTimer = undefined;
        if (this.data$.state.status !== 'loading') return;
        this.announce('loading');
        this.requestUpdate();
      }, ANNOUNCE_LOADING_AFTER_MS);
    }
  }

  /** Adds the parts' `dataStyles` (if any) after the element's own, in the update that first shows data. */
  private adoptDataStyles(): void {
    this.dataStylesAdopted = true;
    const ctor = this.constructor as typeof SamverkanElement;
    const dataStyles = (ctor.datasetParts?.loaded as { readonly dataStyles?: CSSResult } | undefined)?.dataStyles;
    if (dataStyles && this.renderRoot instanceof ShadowRoot) adoptStyles(this.renderRoot, [...ctor.elementStyles, dataStyles]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.slowLoadTimer);
    this.slowLoadTimer = undefined;
    // Taken off the page while its code is awaited: back on it, the loading text is not held back again.
    if (this.codeWaitTimer !== undefined) this.codeWaitShown = true;
    clearTimeout(this.codeWaitTimer);
    this.codeWaitTimer = undefined;
    this.announce(undefined);
  }

  private announce(say: LoadAnnouncement): void {
    clearTimeout(this.clearLoadedTimer);
    this.clearLoadedTimer = undefined;
    this.announcement = say;
    if (say === 'loaded') {
      this.clearLoadedTimer = setTimeout(() => {
        this.clearLoadedTimer = undefined;
        this.announcement = undefined;
        this.requestUpdate();
      }, CLEAR_LOADED_AFTER_MS);
    }
  }

  /**
   * Whether `updateComplete` also waits for the rest of the check of a
   * dataset that an earlier update took and shows meanwhile (see
   * {@link DatasetController.untilChecked}); default true.
   */
  protected get updateCompleteWaitsForEarlierChecks(): boolean {
    return true;
  }

  // Waits for the language's UI strings too, so that `await el.updateComplete`
  // means the element shows in its language.
  // (untilChecked notes which loads have started when this is called, before any await.)
  protected override getUpdateComplete(): Promise<boolean> {
    return this.data$.untilChecked(
      async () => {
        await this.language.settled;
        return super.getUpdateComplete();
      },
      { earlier: this.updateCompleteWaitsForEarlierChecks },
    );
  }

  protected override render(): TemplateResult {
    // Until the UI strings of the element's language are loaded: busy, and nothing to read yet.
    if (!this.language.ready) return html`<div part="base" aria-busy="true"><slot name="heading"></slot></div>`;
    const state = this.data$.state;
    const { lang, dir } = this.language;
    // Loading: the loading text, unless only code is awaited with the data in hand (SHOW_CODE_WAIT_AFTER_MS).
    const loading = state.status === 'loading' && !(state.dataInHand && !this.codeWaitShown) ? loadingView(lang) : nothing;
    // A frame waits for its data, busy, whether or not anything is on its way yet.
    const busy = state.status === 'loading' || state.status === 'checking' || this.framed;
    return html`<div part="base" lang=${this.language.ui} dir=${dir} aria-busy=${busy ? 'true' : 'false'}>
        <slot name="heading"></slot>
        ${this.framed
          ? // The same template as ready's: the data fills the frame in (the loading text goes where the notes will).
            dataView(loading, this.renderFrame())
          : state.status === 'loading'
          ? loading
          : state.status === 'error'
            ? errorView(state.error, lang, () => this.reload())
            : state.status === 'ready'
              ? dataView(dataNotes(state, lang), this.renderDataset(state, state))
              : state.status === 'checking'
                ? // The same template as ready's: what is shown stays (a search box keeps its focus) when the check is done.
                  dataView(nothing, this.renderChecking(state.check))
                : nothing}
      </div>
      ${loadingAnnouncement(this.language.ui, this.announcement)}`;
  }
}
