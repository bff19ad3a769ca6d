// The organisations' own module (issue 18): a page bundles the lists it shows, the check loads the rest.
import { organisationValidator } from '../generated/organisation.js';
import type { ListValidator } from '../../progressive-dataset.js';

/** What a dataset check needs to check the organisations without zod: the entity's generated validator. */
export const organisationsListValidator: ListValidator<'organisations'> = { validate: organisationValidator };
