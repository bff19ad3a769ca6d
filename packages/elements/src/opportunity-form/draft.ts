// The unsent offer, kept in this tab's sessionStorage like the signup form's
// draft (see internal/form-draft.ts).
import { FormDraft } from '../internal/form-draft.js';
import { emptyValues } from './fields.js';
import type { OpportunityValues } from './validation.js';

/** The sessionStorage key of the draft. */
export const OPPORTUNITY_DRAFT_KEY = 'samverkan-opportunity-draft';

/** The opportunity form's draft: the text answers and the languages ticked (not the consent). */
export const opportunityDraft = new FormDraft<OpportunityValues>(OPPORTUNITY_DRAFT_KEY, emptyValues);
