import { html, nothing } from 'lit';
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
    // An organisation that stopped signing (the server's `noLongerSigns`): its offer cannot be approved (the offer's page says what to do).
    return html`<span><bdi>${offeredBy(item)}</bdi></span>${item.noLongerSigns ? html`<span class="status-tag withdrawn">${this.m.offers.notSigningTag}</span>` : nothing}`;
  }
}
