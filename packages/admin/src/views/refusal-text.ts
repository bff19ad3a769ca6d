/**
 * A refusal from the server (`409`, `RefusedError`) in the reader's
 * language: each known code has its own words in the catalogue, built from
 * the facts the server gives (`params`: names, ids), saying what is wrong
 * and what to do. An unknown code keeps the server's own words (in the
 * reader's language: the page sends it as Accept-Language), without the
 * client's English "… failed (HTTP 409 Conflict):" before them.
 */
import type { RefusalCode } from '@samverkan/sdk';
import type { Refusal } from '../api.js';
import type { Messages } from '../i18n/messages.js';

/**
 * What the refused write was, when that changes what to do: a restore from
 * History (the version itself holds the state; nothing now can be mended
 * first) or an import (the file can be mended).
 */
export type RefusedWrite = 'edit' | 'restore' | 'import';

/** One refusal in the reader's words. */
export function refusalText(refusal: Refusal, m: Messages, write: RefusedWrite = 'edit'): string {
  const r = m.refusals;
  const { organisation, opportunities, organisationId, change } = refusal.params;
  const name = organisation ?? organisationId ?? '';
  // Typed by the SDK's one list of refusal codes, so a code renamed there is an error here.
  switch (refusal.code as RefusalCode | undefined) {
    case 'signatory-has-opportunities':
      if (opportunities) return r.signatoryHasOpportunities(organisation ?? organisationId ?? '', opportunities, change === 'signature');
      break;
    case 'organisation-has-opportunities':
      // `change` says what the write would have taken: the signature (an edit, a restore) or the organisation (a deletion).
      if (opportunities && change === 'signature') {
        if (write === 'restore') return r.restoreUnsigned(name, opportunities);
        if (write === 'import') return r.importUnsigned(name, opportunities);
        return r.signatureWithOpportunities(name, opportunities);
      }
      if (opportunities && write === 'import') return r.importDeletes(name, opportunities);
      if (opportunities) return r.organisationHasOpportunities(organisation ?? organisationId ?? '', opportunities);
      break;
    case 'not-a-signatory':
      // Named (`organisation`) when an opportunity is written for an organisation without a signature; without it, an offer's approval.
      return organisation ? r.notSigning(organisation) : r.notASignatory;
    case 'erased':
      // At `reason`: a rejection that may only withdraw an erased application's signatory, sent with a reason.
      return refusal.params.reason === 'not-kept' ? r.erasedReason : r.erased;
    case 'stale':
      return r.stale;
    case 'id-taken':
      return r.idTaken(refusal.params.id ?? '');
    case 'not-found':
      return r.notFound(refusal.params.id ?? '');
    case 'version-erased':
      return r.restoreErased(refusal.params.version ?? '');
    case 'file-mode':
      return r.fileMode;
    case 'dataset-moved':
      return r.datasetMoved;
    case 'precondition-required':
      return r.preconditionRequired;
  }
  return r.other(refusal.message);
}
