// What the signatory list needs only once it has data (issue 18: its page
// ≤ 25 KB before it renders): the SDK's organisation helpers, with the
// Swedish order and the search index they use. Imported when the list
// connects, beside its dataset's request (SamverkanElement.datasetParts).
// The background scheduler too: the rest of the first page is shown with it (it is in the file of
// times in a zone, which the checks import as well: fetched with these, it is here when they are).
export {
  compareSwedish,
  filterOrganisations,
  firstCheckedOrganisations,
  firstOrganisations,
  nextBackgroundTask,
  organisationFacets,
  prepareOrganisationSearch,
  sortBySwedishName,
} from '@samverkan/sdk';
