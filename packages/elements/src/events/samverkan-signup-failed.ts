/** What a {@link SamverkanSignupFailedEvent} carries. */
export interface SamverkanSignupFailedDetail {
  /**
   * Why sending failed: the SDK's `NetworkError`, `TimeoutError`, `HttpError`
   * (with `status`, and `retryAfter` on a 429) or `ValidationError` (check
   * `error.name`). Its message and issues name fields and rules, never the
   * answers given.
   */
  error: Error;
}

/**
 * `samverkan-signup-failed`: the signup form tried to send the application
 * and could not (the form shows why and keeps every answer). Fires once per
 * attempt that failed; not for answers the form itself asks to correct
 * before sending. Bubbles and crosses shadow roots.
 */
export class SamverkanSignupFailedEvent extends CustomEvent<SamverkanSignupFailedDetail> {
  /** The event's name. */
  static readonly eventName = 'samverkan-signup-failed';

  constructor(error: Error) {
    super(SamverkanSignupFailedEvent.eventName, { bubbles: true, composed: true, detail: { error } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'samverkan-signup-failed': SamverkanSignupFailedEvent;
  }
}
