/**
 * Whether an organisation signs the agreement: it has a `signature`. The
 * one spelling of "is a signatory" for the browser and the server alike:
 * only signatories are listed as such, offer volunteer opportunities, and
 * have theirs shown on the volunteer board. (A parsed dataset's signature
 * is an object or absent, so presence is the whole test; an entity sent to
 * the content API is asked before it is parsed, hence `unknown`.)
 */
export function signs(organisation: { signature?: unknown }): boolean {
  return organisation.signature !== undefined;
}
