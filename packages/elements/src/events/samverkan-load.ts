import type { Dataset, Issue } from '@samverkan/sdk';

/** What a {@link SamverkanLoadEvent} carries. */
export interface SamverkanLoadDetail {
  /** The dataset the element shows (its valid part). */
  dataset: Dataset;
  /** Problems found in the dataset; entries with problems were left out. */
  issues: Issue[];
  /** `true` when the element shows a saved copy because the latest could not be fetched. */
  stale: boolean;
}

/**
 * `samverkan-load`: the element has its dataset and shows it. Fires once per
 * dataset the element is given (a new `src` or `data` fires it again), never
 * for a load abandoned because the element left the page. Bubbles and crosses
 * shadow roots.
 */
export class SamverkanLoadEvent extends CustomEvent<SamverkanLoadDetail> {
  /** The event's name. */
  static readonly eventName = 'samverkan-load';

  constructor(detail: SamverkanLoadDetail) {
    super(SamverkanLoadEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'samverkan-load': SamverkanLoadEvent;
  }
}
