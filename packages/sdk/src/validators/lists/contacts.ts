// The contacts' own module (issue 18): a page bundles the lists it shows, the check loads the rest. (Their references to principles are checked by the check itself: a set look-up.)
import { contactValidator } from '../generated/contact.js';
import type { ListValidator } from '../../progressive-dataset.js';

/** What a dataset check needs to check the contacts without zod: the entity's generated validator. */
export const contactsListValidator: ListValidator<'contacts'> = { validate: contactValidator };
