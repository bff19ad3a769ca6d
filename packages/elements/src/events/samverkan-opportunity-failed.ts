/** What a {@link SamverkanOpportunityFailedEvent} carries. */
export interface SamverkanOpportunityFailedDetail {
  /**
   * Why sending failed: the SDK's `NetworkError`, `TimeoutError`, `HttpError`
   * (with `status`) or `ValidationError` (check `error.name`). Its message
   * and issues name fields and rules, never the answers given.
   */
  error: Error;
}

/**
 * `samverkan-opportunity-failed`: the opportunity form tried to send the
 * offer and could not (the form shows why and keeps every answer). Fires
 * once per failed attempt; not for answers the form asks to correct before
 * sending. Bubbles and crosses shadow roots.
 */
export class SamverkanOpportunityFailedEvent extends CustomEvent<SamverkanOpportunityFailedDetail> {
  /** The event's name. */
  static readonly eventName = 'samverkan-opportunity-failed';

  constructor(error: Error) {
    super(SamverkanOpportunityFailedEvent.eventName, { bubbles: true, composed: true, detail: { error } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'samverkan-opportunity-failed': SamverkanOpportunityFailedEvent;
  }
}
