/**
 * A refusal from the server (`409`, `RefusedError`) in the reader's
 * language: each known code has its own words in the catalogue, built from
 * the facts the server gives (`params`: names, ids), saying what is wrong
 * and what to do. An unknown code keeps the server's own words, without the
 * client's English "… failed (HTTP 409 Conflict):" before them.
 */
import type { Refusal } from '../api.js';
import type { Messages } from '../i18n/messages.js';

/** One refusal in the reader's words. */
export function refusalText(refusal: Refusal, m: Messages): string {
  const r = m.refusals;
  const { organisation, opportunities, organisationId, change } = refusal.params;
  switch (refusal.code) {
    case 'signatory-has-opportunities':
      if (opportunities) return r.signatoryHasOpportunities(organisation ?? organisationId ?? '', opportunities, change === 'signature');
      break;
    case 'organisation-has-opportunities':
      // `change` says what the write would have taken: the signature (an edit, a restore) or the organisation (a deletion).
      if (opportunities && change === 'signature') return r.signatureWithOpportunities(organisation ?? organisationId ?? '', opportunities);
      if (opportunities) return r.organisationHasOpportunities(organisation ?? organisationId ?? '', opportunities);
      break;
    case 'not-a-signatory':
      // Named (`organisation`) when an opportunity is written for an organisation without a signature; without it, an offer's approval.
      return organisation ? r.notSigning(organisation) : r.notASignatory;
    case 'erased':
      return r.erased;
  }
  return r.other(refusal.message);
}
