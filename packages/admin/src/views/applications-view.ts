import type { Application } from '../api.js';
import { applicationName, applicationSearchWords } from './application-list.js';
import { AdminDecisionInboxView } from './decision-inbox-view.js';

/**
 * The applications inbox: pending first, a search, one page of rows at a
 * time (so 5,000 applications cost what 50 do), and "approve the selected"
 * for several pending ones at once (the inbox itself is shared with the
 * offered opportunities, decision-inbox-view.ts).
 */
export class AdminApplicationsView extends AdminDecisionInboxView<Application> {
  protected readonly idPrefix = 'applications';
  protected get words() {
    return this.m.applications;
  }
  protected fetchAll() {
    return this.api.applications();
  }
  protected approveOne(id: string) {
    return this.api.approve(id);
  }
  protected nameOf(item: Application) {
    return applicationName(item);
  }
  protected searchWords(item: Application) {
    return applicationSearchWords(item);
  }
  protected hrefOf(item: Application) {
    return `#/applications/${encodeURIComponent(item.id)}`;
  }
}
