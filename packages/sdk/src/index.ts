/**
 * `@samverkan/sdk`: the data model of a cooperation agreement between a
 * municipality and its civil society (zod schemas and the types inferred from
 * them), `parseDataset`, and helpers.
 *
 * @packageDocumentation
 */
export * from './schemas/index.js';
export * from './errors.js';
export { pathToString, validateWith, type PathSegment } from './issues.js';
export type { ParseDatasetOptions, ParseDatasetResult } from './parse-dataset.js';
export { parseDataset } from './parse-dataset-sync.js';
export { readDataset, parseDatasetWithoutZod, checkDataset } from './read-dataset.js';
export { allDatasetValidators } from './parse-dataset.js';
// The generated validators, one export per entity, for a page that checks only the lists it reads.
export {
  datasetValidators,
  listValidators,
  principlesListValidator,
  developmentAreasListValidator,
  organisationsListValidator,
  contactsListValidator,
  meetingsListValidator,
  followUpsListValidator,
  opportunitiesListValidator,
  loadListValidators,
  headerValidator,
  agreementValidator,
  principleValidator,
  developmentAreaValidator,
  organisationValidator,
  contactValidator,
  meetingValidator,
  followUpValidator,
  opportunityValidator,
  type GeneratedValidator,
  type EntityName,
  type BoundValidators,
} from './validators/index.js';
export {
  startDatasetCheck,
  DatasetCheck,
  ListCheck,
  UNDECIDED,
  DATASET_LISTS,
  ENTITY_OF_LIST,
  type DatasetCheckOptions,
  type DatasetValidators,
  type ListValidator,
  type ListValidators,
  type ListRules,
  type DatasetListName,
  type DatasetEntityName,
  type DatasetHeader,
  type EntityValidator,
  type LanguageValidator,
  type FinishOptions,
  type Entry as DatasetEntry,
} from './progressive-dataset.js';
export type { Explainer, Explained } from './explain-with-zod.js';
export type { EntitySchemas } from './schemas/entities.js';
export * from './organisation-number.js';
export * from './localized.js';
export * from './json-schema.js';
export * from './validate-signup.js';
export * from './text-safety.js';
export * from './reference.js';
export * from './wire/index.js';
export * from './signs.js';
export * from './json-text.js';
export * from './issue-language.js';
export * from './entry-label.js';
export * from './web-address.js';
export * from './rules/meeting-offset.js';
export * from './validate-opportunity-offer.js';
export * from './client/client.js';
export * from './client/fetch-client.js';
export * from './client/admin-client.js';
export * from './client/admin-errors.js';
export * from './client/admin-wire.js';
export { localStorageDatasetStorage, memoryDatasetStorage, type DatasetStorage, type StoredDataset } from './client/storage.js';
export { clearDatasetCache } from './client/shared.js';
export { compareSwedish, sortBySwedishName, foldForSearch } from './helpers/text.js';
export * from './helpers/search-contacts.js';
export * from './helpers/organisations.js';
export * from './helpers/meetings.js';
export * from './helpers/time.js';
export { toICalendar, type ICalendarOptions } from './helpers/icalendar.js';
export * from './helpers/json-ld.js';
export * from './helpers/follow-up.js';
export * from './helpers/opportunities.js';
export * from './import-organisations.js';
export { organisationsToCsv, csvCell, ORGANISATION_CSV_COLUMNS } from './export-organisations-csv.js';
export { parseCsv, type CsvTable, type CsvRow } from './csv.js';
export * from './password-rule.js';
export * from './intl-cache.js';
export { nextBackgroundTask } from './background-task.js';
export * from './wire/accounts.js';
