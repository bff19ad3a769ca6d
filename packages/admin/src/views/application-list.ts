/**
 * How the applications inbox names and finds an application, DOM-free: by
 * the organisation's name and number (and the short reference, as every
 * inbox does; see decision-list.ts).
 */
import type { Application } from '../api.js';

/** What a search finds an application by, besides its reference. */
export function applicationSearchWords(application: Application): string[] {
  return [application.application?.organisation.name ?? '', application.application?.organisation.organisationNumber ?? ''];
}

/** The name to show for an application (an erased one has none left). */
export function applicationName(application: Application): string {
  return application.application?.organisation.name ?? application.reference ?? application.id;
}
