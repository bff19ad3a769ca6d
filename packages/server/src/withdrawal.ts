/**
 * Whether what an approved decision published is still published: one rule
 * for offered opportunities and for applications to join. An approval
 * stays `approved` when what it published is later taken out of the
 * dataset (an opportunity deleted in the content list, an organisation
 * deleted or its signature removed), since the decision was made and a
 * restore from the history can bring it back; the admin routes then say
 * `withdrawn: true`. It is worked out from the published dataset on every
 * read rather than stored, so a restore, an import or a re-created entry
 * can never leave it wrong.
 */
import type { Dataset } from '@samverkan/sdk';
import type { ApplicationStatus } from './store/types.js';

/** The ids of the opportunities the dataset publishes. */
export function publishedOpportunityIds(dataset: Dataset): ReadonlySet<string> {
  return new Set((dataset.opportunities ?? []).map((o) => o.id));
}

/** The ids of the organisations the dataset publishes as signatories. */
export function publishedSignatoryIds(dataset: Dataset): ReadonlySet<string> {
  // A signatory is an organisation with a signature: one listed without it no longer signs.
  return new Set(dataset.organisations.filter((o) => o.signature).map((o) => o.id));
}

/**
 * `item` as the admin routes show it: with `withdrawn: true` when it is
 * approved, names what it published (`publishedId`), and that is not in
 * `listed` any more.
 */
export function withWithdrawal<T extends { status: ApplicationStatus }>(item: T, publishedId: string | undefined, listed: ReadonlySet<string>): T & { withdrawn?: true } {
  return item.status === 'approved' && publishedId !== undefined && !listed.has(publishedId) ? { ...item, withdrawn: true } : item;
}
