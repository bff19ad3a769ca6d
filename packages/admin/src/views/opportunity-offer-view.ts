import { html, nothing } from 'lit';
import { safeHttpUrl } from '@samverkan/elements/utils/safe-url.js';
import { AdminDecisionView, type Fact } from './decision-view.js';
import { languageName } from './language-name.js';
import { OFFERS, offeredBy, type NamedOffer } from './opportunity-offer-names.js';

/**
 * One offered volunteer opportunity, with the habits of one application
 * (decision-view.ts): everything the organisation wrote, what approving
 * publishes on the volunteer board and what stays private, then approve,
 * reject with a reason (a published one is withdrawn), or erase (admins).
 */
export class AdminOpportunityOfferView extends AdminDecisionView<NamedOffer> {
  protected readonly kind = OFFERS;

  // A withdrawn opportunity (the server's `withdrawn`) says so, not a link to nothing; so does an organisation that stopped
  // signing (the server's `noLongerSigns`), and a rejected offer whose opportunity a restore brought back (`republished`).
  protected override extraFacts(item: NamedOffer) {
    const o = this.m.offers;
    return html`<dt>${o.organisation}</dt><dd><bdi>${offeredBy(item)}</bdi>${item.noLongerSigns
        ? html` <span class="status-tag withdrawn">${o.notSigningTag}</span>
            <p id="not-signing">${o.notSigning} <a href="#/history">${this.m.nav.history}</a> ${o.notSigningOr} <a href="#/content/organisations">${this.m.nav.organisations}</a>.</p>`
        : nothing}</dd>
      ${item.opportunityId && item.status !== 'pending' ? this.publishedWhere(item, `#/content/opportunities/${encodeURIComponent(item.opportunityId)}`, item.opportunityId) : nothing}`;
  }

  /** What the published opportunity shows (the server's rule, opportunityFromOffer): the texts, where, when, how to get in touch. */
  protected publishedFacts(item: NamedOffer): Fact[] {
    const f = this.m.fields;
    const offer = item.offer!;
    const url = offer.contact.url ? safeHttpUrl(offer.contact.url) : undefined;
    return [
      [f.title, offer.title],
      [f.offeredBy, offeredBy(item)],
      [f.description, offer.description],
      [f.timeCommitment, offer.timeCommitment],
      [f.districts, offer.districts?.join(', ')],
      [f.activities, offer.activities?.join(', ')],
      [f.languages, (offer.languages ?? [item.language]).map((l) => languageName(l, this.m.lang)).join(', ')],
      [f.start, offer.start],
      [f.end, offer.end],
      [f.validThrough, offer.validThrough],
      [f.opportunityEmail, offer.contact.email],
      [f.opportunityPhone, offer.contact.phone],
      [f.opportunityUrl, url ? html`<a href=${url} rel="noopener noreferrer" target="_blank"><bdi>${offer.contact.url}</bdi></a>` : offer.contact.url],
    ];
  }

  /** What the server keeps to check and decide, and never publishes. */
  protected privateFacts(item: NamedOffer): Fact[] {
    const f = this.m.fields;
    return [
      [f.organisationNumber, item.offer!.organisationNumber],
      [this.m.offers.formLanguage, languageName(item.language, this.m.lang)],
    ];
  }
}
