// What the volunteer board needs only once it has data (issue 18: its page
// ≤ 25 KB before it renders): the SDK's opportunity helpers, with the times
// in the dataset's zone, the search and the Swedish order they use.
// Imported when the board connects, beside its dataset's request
// (SamverkanElement.datasetParts).
export { currentOpportunities, filterOpportunities, opportunityFacets } from '@samverkan/sdk';
