/**
 * Applications to join as a kind of decision (decision-kind.ts): the
 * inbox finds one by the organisation's name and number (and the short
 * reference, as every inbox does), and names it by the organisation.
 */
import type { Application } from '../api.js';
import type { DecisionKind } from './decision-kind.js';

/** The name to show for an application (an erased one has none left). */
export function applicationName(application: Application): string {
  return application.application?.organisation.name ?? application.reference ?? application.id;
}

export const APPLICATIONS: DecisionKind<Application> = {
  route: 'applications',
  words: (m) => m.applications,
  list: (api) => api.applications(),
  decide: (api, action, { id }, reason) => (action === 'approve' ? api.approve(id) : action === 'reject' ? api.reject(id, reason) : api.erase(id)),
  name: applicationName,
  searchWords: (a) => [a.application?.organisation.name ?? '', a.application?.organisation.organisationNumber ?? ''],
  hasContent: (a) => Boolean(a.application),
};
