// The opportunities' own module (issue 18): the rule on their organisation travels with them.
import { opportunityValidator } from '../generated/opportunity.js';
import { opportunityReferenceHolds } from '../../follow-up-references.js';
import type { ListValidator } from '../../progressive-dataset.js';

/** What a dataset check needs to check the opportunities without zod: the entity's generated validator and the rule that its organisation is in the dataset. */
export const opportunitiesListValidator: ListValidator<'opportunities'> = { validate: opportunityValidator, referenceHolds: opportunityReferenceHolds };
