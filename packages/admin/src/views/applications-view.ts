import type { Application } from '../api.js';
import { APPLICATIONS } from './application-list.js';
import { AdminDecisionInboxView } from './decision-inbox-view.js';

/**
 * The applications inbox: pending first, a search, one page of rows at a
 * time (so 5,000 applications cost what 50 do), and "approve the selected"
 * for several pending ones at once; the inbox is shared with the offered
 * opportunities (decision-inbox-view.ts).
 */
export class AdminApplicationsView extends AdminDecisionInboxView<Application> {
  protected readonly kind = APPLICATIONS;
}
