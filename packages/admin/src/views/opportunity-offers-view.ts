import { html } from 'lit';
import { AdminDecisionInboxView } from './decision-inbox-view.js';
import { OFFERS, offeredBy, type NamedOffer } from './opportunity-offer-names.js';

/**
 * The offered volunteer opportunities, beside the applications and with the
 * same habits (decision-inbox-view.ts): pending first, a search by title,
 * organisation or reference, "approve the selected"; each row also names
 * the organisation offering.
 */
export class AdminOpportunityOffersView extends AdminDecisionInboxView<NamedOffer> {
  protected readonly kind = OFFERS;
  protected override rowExtra(item: NamedOffer) {
    return html`<span><bdi>${offeredBy(item)}</bdi></span>`;
  }
}
