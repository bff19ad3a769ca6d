import { html, nothing } from 'lit';
import { safeHttpUrl } from '@samverkan/elements/utils/safe-url.js';
import type { Application } from '../api.js';
import { APPLICATIONS } from './application-list.js';
import { AdminDecisionView, type Fact } from './decision-view.js';

/**
 * One application: everything the applicant wrote, what approving it will
 * publish and what stays private, and the decisions (approve; reject with an
 * optional reason; erase the personal data, for admins, after a confirmation
 * that says what stays). The page itself is shared with the offered
 * opportunities (decision-view.ts).
 */
export class AdminApplicationView extends AdminDecisionView<Application> {
  protected readonly kind = APPLICATIONS;

  // The signatory an approval published, or (the server's `withdrawn`) that it is no longer one and the ways back,
  // or (the server's `republished`) that a rejected one's signatory is one again.
  protected override extraFacts(item: Application) {
    if (!item.organisationId || item.status === 'pending') return nothing;
    const a = this.m.applications;
    return this.publishedWhere(
      item,
      `#/content/organisations/${encodeURIComponent(item.organisationId)}`,
      item.organisationId,
      html` ${a.wayBackOr} <a href="#/content/organisations">${this.m.nav.organisations}</a>`,
    );
  }

  /** The organisation facts a signatory made from this application shows (the server's signatory rule). */
  protected publishedFacts(item: Application): Fact[] {
    const f = this.m.fields;
    const o = item.application!.organisation;
    const website = o.website ? safeHttpUrl(o.website) : undefined;
    return [
      [f.name, o.name],
      [f.organisationNumber, o.organisationNumber],
      [f.form, this.m.forms[o.form] ?? o.form],
      [f.website, website ? html`<a href=${website} rel="noopener noreferrer" target="_blank"><bdi>${o.website}</bdi></a>` : o.website],
      [f.email, o.email],
      [f.phone, o.phone],
      [f.description, o.description],
      [f.districts, o.districts?.join(', ')],
      [f.activities, o.activities?.join(', ')],
      [f.language, item.language],
    ];
  }

  protected privateFacts(item: Application): Fact[] {
    const a = this.m.applications;
    const app = item.application!;
    return [
      [`${a.contact}: ${this.m.fields.name}`, app.contact.name],
      [`${a.contact}: ${this.m.fields.email}`, app.contact.email],
      [`${a.contact}: ${this.m.fields.phone}`, app.contact.phone],
      [a.message, app.message],
    ];
  }
}
