/** What a {@link SamverkanErrorEvent} carries. */
export interface SamverkanErrorDetail {
  /**
   * Why the dataset could not be shown: the SDK's `NetworkError`, `HttpError`
   * or `ValidationError` (check `error.name`), `CheckerNotLoadedError` when
   * the part of the script that checks a dataset could not be fetched,
   * `PartNotLoadedError` when the part of the element's script that shows
   * the dataset could not (for both, `cause` is the browser's error), or
   * another `Error`.
   */
  error: Error;
}

/**
 * `samverkan-error`: the element could not load its dataset and shows an error
 * with a retry button. Fires once per failed load (a retry that fails again
 * fires it again). Bubbles and crosses shadow roots.
 */
export class SamverkanErrorEvent extends CustomEvent<SamverkanErrorDetail> {
  /** The event's name. */
  static readonly eventName = 'samverkan-error';

  constructor(error: Error) {
    super(SamverkanErrorEvent.eventName, { bubbles: true, composed: true, detail: { error } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'samverkan-error': SamverkanErrorEvent;
  }
}
