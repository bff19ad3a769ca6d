/** What a {@link SamverkanOpportunitySubmittedEvent} carries: the offer's id and nothing else. */
export interface SamverkanOpportunitySubmittedDetail {
  /** The offered opportunity's id at the server. */
  id: string;
}

/**
 * `samverkan-opportunity-submitted`: the server accepted the opportunity form's
 * offer (pending the municipality's review). Fires once per offer, after the
 * confirmation shows. Bubbles and crosses shadow roots. Carries the id only:
 * nothing typed reaches the page's scripts.
 */
export class SamverkanOpportunitySubmittedEvent extends CustomEvent<SamverkanOpportunitySubmittedDetail> {
  /** The event's name. */
  static readonly eventName = 'samverkan-opportunity-submitted';

  constructor(id: string) {
    super(SamverkanOpportunitySubmittedEvent.eventName, { bubbles: true, composed: true, detail: { id } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'samverkan-opportunity-submitted': SamverkanOpportunitySubmittedEvent;
  }
}
