/**
 * Registers `<samverkan-admin>` and its views (each tag once: a second copy
 * of the module leaves the first definitions alone).
 */
import { SamverkanAdmin } from './admin-app.js';
import { AdminApplicationView } from './views/application-view.js';
import { AdminApplicationsView } from './views/applications-view.js';
import { AdminNotFoundView } from './views/not-found-view.js';
import { AdminContentListView } from './views/content-list-view.js';
import { AdminEntityFormView } from './views/entity-form-view.js';
import { AdminFreshnessView } from './views/freshness-view.js';
import { AdminHistoryView } from './views/history-view.js';
import { AdminImportView } from './views/import-view.js';
import { AdminUsersView } from './views/users-view.js';
import { AdminFollowUpFormView } from './views/follow-up-form-view.js';
import { AdminOpportunityOfferView } from './views/opportunity-offer-view.js';
import { AdminOpportunityOffersView } from './views/opportunity-offers-view.js';
import { AdminSetPasswordView } from './views/set-password-view.js';
import { AdminSignInView } from './views/sign-in-view.js';

const TAGS: [string, CustomElementConstructor][] = [
  ['samverkan-admin', SamverkanAdmin],
  ['samverkan-admin-sign-in', AdminSignInView],
  ['samverkan-admin-set-password', AdminSetPasswordView],
  ['samverkan-admin-applications', AdminApplicationsView],
  ['samverkan-admin-application', AdminApplicationView],
  ['samverkan-admin-content-list', AdminContentListView],
  ['samverkan-admin-entity-form', AdminEntityFormView],
  ['samverkan-admin-freshness', AdminFreshnessView],
  ['samverkan-admin-history', AdminHistoryView],
  ['samverkan-admin-users', AdminUsersView],
  ['samverkan-admin-import', AdminImportView],
  ['samverkan-admin-not-found', AdminNotFoundView],
  ['samverkan-admin-opportunity-offers', AdminOpportunityOffersView],
  ['samverkan-admin-opportunity-offer', AdminOpportunityOfferView],
  ['samverkan-admin-follow-up-form', AdminFollowUpFormView],
];

for (const [tag, constructor] of TAGS) if (!customElements.get(tag)) customElements.define(tag, constructor);

declare global {
  interface HTMLElementTagNameMap {
    'samverkan-admin': SamverkanAdmin;
    'samverkan-admin-applications': AdminApplicationsView;
    'samverkan-admin-application': AdminApplicationView;
  }
}
