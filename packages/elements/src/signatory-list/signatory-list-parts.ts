// What the signatory list needs only once it has data (issue 18: its page
// ≤ 25 KB before it renders): the SDK's organisation helpers, with the
// Swedish order and the search index they use. Imported when the list
// connects, beside its dataset's request (SamverkanElement.datasetParts).
export {
  compareSwedish,
  filterOrganisations,
  firstCheckedOrganisations,
  firstOrganisations,
  organisationFacets,
  prepareOrganisationSearch,
} from '@samverkan/sdk';
