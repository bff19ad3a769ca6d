import { html } from 'lit';
import type { Offer } from '../api.js';
import { AdminDecisionInboxView } from './decision-inbox-view.js';
import { offerName, organisationNames } from './opportunity-offer-names.js';

/**
 * The offered volunteer opportunities, beside the applications and with the
 * same habits (decision-inbox-view.ts): pending first, a search by title,
 * organisation or reference, and "approve the selected".
 */
export class AdminOpportunityOffersView extends AdminDecisionInboxView<Offer> {
  protected readonly idPrefix = 'offers';
  private names = new Map<string, string>();
  protected get words() {
    return this.m.offers;
  }
  protected async fetchAll() {
    const [offers, names] = await Promise.all([this.api.offers(), organisationNames(this.api)]);
    this.names = names;
    return offers;
  }
  protected approveOne(id: string) {
    return this.api.approveOffer(id);
  }
  protected nameOf(item: Offer) {
    return offerName(item);
  }
  protected searchWords(item: Offer) {
    return [offerName(item), this.names.get(item.organisationId) ?? '', item.offer?.organisationNumber ?? ''];
  }
  protected hrefOf(item: Offer) {
    return `#/offers/${encodeURIComponent(item.id)}`;
  }
  protected override rowExtra(item: Offer) {
    return html`<span><bdi>${this.names.get(item.organisationId) ?? item.organisationId}</bdi></span>`;
  }
}
