/** What a {@link SamverkanSignupSubmittedEvent} carries: the application's id and nothing personal. */
export interface SamverkanSignupSubmittedDetail {
  /** The application's id at the server. */
  id: string;
}

/**
 * `samverkan-signup-submitted`: the server accepted the signup form's
 * application. Fires once per application, after the confirmation shows.
 * Bubbles and crosses shadow roots. Carries the id only: nothing the person
 * typed reaches the page's scripts (analytics listen to events like this).
 */
export class SamverkanSignupSubmittedEvent extends CustomEvent<SamverkanSignupSubmittedDetail> {
  /** The event's name. */
  static readonly eventName = 'samverkan-signup-submitted';

  constructor(id: string) {
    super(SamverkanSignupSubmittedEvent.eventName, { bubbles: true, composed: true, detail: { id } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'samverkan-signup-submitted': SamverkanSignupSubmittedEvent;
  }
}
