// Every list's validators at once: what parseDataset uses (it checks the whole
// dataset in one go, and a server or CLI has no download to save).
import type { ListValidators } from '../../progressive-dataset.js';
import { contactsListValidator } from './contacts.js';
import { developmentAreasListValidator } from './development-areas.js';
import { followUpsListValidator } from './follow-ups.js';
import { meetingsListValidator } from './meetings.js';
import { opportunitiesListValidator } from './opportunities.js';
import { organisationsListValidator } from './organisations.js';
import { principlesListValidator } from './principles.js';

/** The validators of every list of a dataset. */
export const ALL_LIST_VALIDATORS: Required<ListValidators> = {
  principles: principlesListValidator,
  developmentAreas: developmentAreasListValidator,
  organisations: organisationsListValidator,
  contacts: contactsListValidator,
  meetings: meetingsListValidator,
  followUps: followUpsListValidator,
  opportunities: opportunitiesListValidator,
};
