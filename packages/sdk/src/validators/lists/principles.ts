// The principles' own module (issue 18): a page bundles the lists it shows, the check loads the rest.
import { principleValidator } from '../generated/principle.js';
import type { ListValidator } from '../../progressive-dataset.js';

/** What a dataset check needs to check the principles without zod: the entity's generated validator. */
export const principlesListValidator: ListValidator<'principles'> = { validate: principleValidator };
