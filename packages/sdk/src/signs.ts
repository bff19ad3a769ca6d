import type { Organisation } from './schemas/dataset.js';

/**
 * Whether an organisation signs the agreement: it has a `signature`. The
 * one spelling of "is a signatory" for the browser and the server alike:
 * only signatories are listed as such, offer volunteer opportunities, and
 * have theirs shown on the volunteer board. (A parsed dataset's signature
 * is an object or absent, so presence is the whole test.)
 */
export function signs(organisation: Pick<Organisation, 'signature'>): boolean {
  return organisation.signature !== undefined;
}
