// The development areas' own module (issue 18): a page bundles the lists it shows, the check loads the rest.
import { developmentAreaValidator } from '../generated/development-area.js';
import type { ListValidator } from '../../progressive-dataset.js';

/** What a dataset check needs to check the developmentAreas without zod: the entity's generated validator. */
export const developmentAreasListValidator: ListValidator<'developmentAreas'> = { validate: developmentAreaValidator };
