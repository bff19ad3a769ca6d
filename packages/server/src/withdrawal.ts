/**
 * Whether what a decision published is published now: one rule for offered
 * opportunities and for applications to join, worked out from the
 * published dataset on every read rather than stored, so a restore from
 * the history, an import or an entry re-created by hand can never leave it
 * wrong.
 *
 * - An approval stays `approved` when what it published is later taken out
 *   of the dataset (an opportunity deleted in the content list, an
 *   organisation deleted or its signature removed), since the decision was
 *   made: the admin routes then say `withdrawn: true`.
 * - A rejection of something once approved stays `rejected` when what the
 *   approval had published comes back (a restore of a version from before
 *   the rejection): the admin routes then say `republished: true` and name
 *   it, so nobody reads "rejected" while it is on the public pages.
 * - An offer that is not approved, from an organisation that does not sign
 *   now (deleted, or its signature removed), says `noLongerSigns: true`:
 *   approving it would be refused (`409 not-a-signatory`).
 */
import { signs, type Dataset } from '@samverkan/sdk';
import type { ApplicationStatus } from './store/types.js';

/** The ids of the opportunities the dataset publishes. */
export function publishedOpportunityIds(dataset: Dataset): ReadonlySet<string> {
  return new Set((dataset.opportunities ?? []).map((o) => o.id));
}

/** The ids of the organisations the dataset publishes as signatories. */
export function publishedSignatoryIds(dataset: Dataset): ReadonlySet<string> {
  return new Set(dataset.organisations.filter(signs).map((o) => o.id));
}

/** What the admin routes add to a decision about what it published. */
export interface PublicationFacts {
  /** Approved, but what it published is not published now. */
  withdrawn?: true;
  /** Rejected, but what its earlier approval published is published again. */
  republished?: true;
}

/**
 * `item` as the admin routes show it. `key` names the field holding the id
 * of what its approval published; the stores keep it after a rejection, and
 * it is shown then only while that is published again (`republished`).
 */
export function withPublication<T extends { status: ApplicationStatus }, K extends keyof T & string>(item: T, key: K, listed: ReadonlySet<string>): T & PublicationFacts {
  const id = item[key] as string | undefined;
  if (id === undefined) return item;
  if (item.status === 'approved') return listed.has(id) ? item : { ...item, withdrawn: true };
  if (listed.has(id)) return { ...item, republished: true };
  const { [key]: _kept, ...rest } = item;
  return rest as T;
}

/** An offer as the admin routes show it: {@link withPublication}, and `noLongerSigns` when it is not approved and its organisation does not sign now. */
export function withSigning<T extends { status: ApplicationStatus; organisationId: string }>(offer: T, signatories: ReadonlySet<string>): T & { noLongerSigns?: true } {
  return offer.status !== 'approved' && !signatories.has(offer.organisationId) ? { ...offer, noLongerSigns: true } : offer;
}
