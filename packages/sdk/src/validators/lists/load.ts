// The list validators a check was not given, loaded by the SDK itself when it
// finishes (issue 18): a page imports those of the lists it shows, and the
// others come in their own files afterwards. One `import()` per list, each
// with its own literal path, so that a bundler splits every list off.
import type { DatasetListName, ListValidator, ListValidators } from '../../progressive-dataset.js';

const LOADERS: { [K in DatasetListName]: () => Promise<ListValidator<K>> } = {
  principles: () => import('./principles.js').then((module) => module.principlesListValidator),
  developmentAreas: () => import('./development-areas.js').then((module) => module.developmentAreasListValidator),
  organisations: () => import('./organisations.js').then((module) => module.organisationsListValidator),
  contacts: () => import('./contacts.js').then((module) => module.contactsListValidator),
  meetings: () => import('./meetings.js').then((module) => module.meetingsListValidator),
  followUps: () => import('./follow-ups.js').then((module) => module.followUpsListValidator),
  opportunities: () => import('./opportunities.js').then((module) => module.opportunitiesListValidator),
};

/** The validators of list `name`, from their own module. */
export function loadListValidator<K extends DatasetListName>(name: K): Promise<ListValidator<K>> {
  return (LOADERS[name] as () => Promise<ListValidator<K>>)();
}

/**
 * The validators of the lists `names`, each from its own module (one request
 * each, in parallel; a bundler's cache makes a second call free): for a page
 * that names the lists it shows without bundling their validators up front.
 * `startDatasetCheck(json, { validators: listValidators(await loadListValidators(['meetings'])) })`.
 */
export async function loadListValidators(names: readonly DatasetListName[]): Promise<ListValidators> {
  const loaded = await Promise.all(names.map((name) => loadListValidator(name)));
  const lists: ListValidators = {};
  names.forEach((name, i) => ((lists as Record<string, unknown>)[name] = loaded[i]));
  return lists;
}
