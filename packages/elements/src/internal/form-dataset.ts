// A form's optional dataset (the signup form's principles, the opportunity
// form's signatories). Most form pages show the form before any dataset is
// there, and some have none, so the dataset controller and everything it
// loads with it (the dataset source, the SDK's client, the validators) are
// imported only when there is a dataset to load (form-dataset-parts.ts): the
// form's first render does not wait for them.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DatasetController, DatasetHost, DatasetState } from '../controllers/dataset-controller.js';
import { SamverkanErrorEvent } from '../events/samverkan-error.js';

/**
 * The {@link DatasetController} of a form, made when `data` or the form's
 * dataset URL is first given; until then `idle`, and `loading` while its
 * module is fetched. If the module cannot be fetched, the state is `error`
 * and `samverkan-error` is fired, as for a dataset that cannot be loaded
 * (the forms work without it).
 */
export class FormDataset implements ReactiveController {
  private controller?: DatasetController;
  private loading?: Promise<void>;
  private failed?: Error;
  /** What was asked for when the module could not be fetched: tried again only for another `src` or `data`. */
  private failedFor?: { src: string | null | undefined; data: unknown };

  constructor(
    private readonly host: ReactiveControllerHost & DatasetHost & EventTarget,
    /** Where the dataset is (the form's `src`, or its fallback). */
    private readonly srcOf: () => string | null | undefined,
  ) {
    host.addController(this);
  }

  /** The current state. */
  get state(): DatasetState {
    if (this.controller) return this.controller.state;
    if (this.failed) return { status: 'error', error: this.failed };
    return this.loading ? { status: 'loading' } : { status: 'idle' };
  }

  /** Before each render: makes the controller once there is a dataset to load (the controller then loads it in this same update). */
  hostUpdate(): void {
    if (this.controller || this.loading) return;
    const { data } = this.host;
    const src = this.srcOf();
    if ((data === undefined || data === null) && !src) return;
    if (this.failedFor && this.failedFor.src === src && this.failedFor.data === data) return;
    this.failed = undefined;
    this.failedFor = undefined;
    const loading = import('./form-dataset-parts.js').then(
      ({ DatasetController }) => {
        this.controller = new DatasetController(this.host, this.srcOf);
        this.loading = undefined;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.loading = undefined;
        this.failed = error instanceof Error ? error : new Error(String(error));
        this.failedFor = { src, data };
        this.host.requestUpdate();
        const failed = this.failed;
        void this.host.updateComplete.then(() => this.host.dispatchEvent(new SamverkanErrorEvent(failed)));
      },
    );
    this.loading = loading;
  }

  /** `update()`, again until the controller's module is loaded and a dataset given as `data` is checked and shown (see {@link DatasetController.untilChecked}). */
  async untilChecked<T>(update: () => Promise<T>): Promise<T> {
    let result = await update();
    while (this.loading) {
      await this.loading;
      result = await update();
    }
    return this.controller ? this.controller.untilChecked(update) : result;
  }
}
