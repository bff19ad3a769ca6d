import type { Issue } from './errors.js';
import { errorMap, toIssues } from './issues.js';
import { OpportunityOfferSchema, type OpportunityOffer } from './schemas/opportunity-offer.js';

/** The outcome of {@link validateOpportunityOffer}: the clean offer, or every problem with its path. */
export type OpportunityOfferValidationResult = { success: true; data: OpportunityOffer } | { success: false; issues: Issue[] };

/**
 * Checks an offered volunteer opportunity (as the opportunity form sends it)
 * against `OpportunityOfferSchema` with the SDK's plain-language messages,
 * so the server and the form report the same problems with the same paths.
 * Whether the organisation number belongs to a signatory is the server's
 * check (it knows the current dataset). Nothing is thrown.
 */
export function validateOpportunityOffer(input: unknown): OpportunityOfferValidationResult {
  const result = OpportunityOfferSchema.safeParse(input, { error: errorMap });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: toIssues(result.error.issues) };
}
