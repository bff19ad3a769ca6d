// What the contact finder needs only once it has data (issue 18: its page
// ≤ 25 KB before it renders): the SDK's contact search (with its index and
// the Swedish order) and the marking of matched words. Imported when the
// finder connects, beside its dataset's request (SamverkanElement.datasetParts).
export { searchContacts, sortBySwedishName } from '@samverkan/sdk';
export { highlight } from '../internal/highlight.js';
