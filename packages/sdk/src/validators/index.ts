// The generated validators as the SDK uses them: the header's, each entity's
// on its own (import only those of the lists you read: a bundler leaves the
// others out), and all of one default language together for parseDataset.
// Read as members of the module: a bundler still keeps only those used.
import * as generated from './generated.js';
import type { EntitySchemas } from '../schemas/entities.js';
import type { GeneratedValidator } from './runtime.js';
import { agreementValidator } from './generated/agreement.js';
import type { DatasetValidators, ListValidators } from '../progressive-dataset.js';

export {
  actionValidator,
  agreementValidator,
  collaborationContactValidator,
  commitmentValidator,
  contactValidator,
  developmentAreaValidator,
  evidenceValidator,
  followUpCommitmentValidator,
  followUpValidator,
  localizedTextValidator,
  locationValidator,
  meetingValidator,
  opportunityContactValidator,
  opportunityValidator,
  organisationValidator,
  principleValidator,
  signatureValidator,
} from './generated.js';
export { FAIL, type GeneratedValidator } from './runtime.js';
export { principlesListValidator } from './lists/principles.js';
export { developmentAreasListValidator } from './lists/development-areas.js';
export { organisationsListValidator } from './lists/organisations.js';
export { contactsListValidator } from './lists/contacts.js';
export { meetingsListValidator } from './lists/meetings.js';
export { followUpsListValidator } from './lists/follow-ups.js';
export { opportunitiesListValidator } from './lists/opportunities.js';
export { loadListValidators } from './lists/load.js';

/**
 * The validators of a check that a page starts with the lists it shows
 * first: the header's, the agreement's and those lists' (their modules are
 * all the page bundles of the validators). The check loads every other
 * list's validators itself when it finishes, so that its result is still
 * parseDataset's:
 * `startDatasetCheck(json, { validators: listValidators({ organisations: organisationsListValidator }) })`.
 */
export function listValidators(lists: ListValidators): DatasetValidators {
  return { header: headerValidator, agreement: agreementValidator, lists };
}

/** The generated validator of the dataset's top level (lists left unchecked). */
export const headerValidator: (value: unknown) => unknown = generated.DatasetHeaderSchema;

/** Every generated entity validator, by schema name (as buildEntitySchemas names them). */
export const ALL: { [N in EntityName]: GeneratedValidator } = {
  LocalizedText: generated.localizedTextValidator,
  Agreement: generated.agreementValidator,
  Commitment: generated.commitmentValidator,
  Principle: generated.principleValidator,
  Action: generated.actionValidator,
  DevelopmentArea: generated.developmentAreaValidator,
  Signature: generated.signatureValidator,
  CollaborationContact: generated.collaborationContactValidator,
  Organisation: generated.organisationValidator,
  Contact: generated.contactValidator,
  Location: generated.locationValidator,
  Meeting: generated.meetingValidator,
  Evidence: generated.evidenceValidator,
  FollowUpCommitment: generated.followUpCommitmentValidator,
  FollowUp: generated.followUpValidator,
  OpportunityContact: generated.opportunityContactValidator,
  Opportunity: generated.opportunityValidator,
};

/** The name of an entity schema (as buildEntitySchemas names them). */
export type EntityName = keyof EntitySchemas;

/** Entity validators of one default language, each taking only the value. */
export type BoundValidators<K extends EntityName = EntityName> = { [N in K]: (value: unknown) => unknown };

/**
 * The validators a dataset check takes (`startDatasetCheck(json, { validators })`),
 * made of the generated entity validators given, and only those, so that a
 * page bundles only what it reads:
 * `datasetValidators({ Agreement: agreementValidator, Organisation: organisationValidator })`.
 * The entities' validators are bound to a default language once per language.
 */
export function datasetValidators<K extends EntityName>(chosen: { [N in K]: GeneratedValidator }): {
  header: (value: unknown) => unknown;
  entities(defaultLanguage: string): BoundValidators<K>;
  /** The validators as given, unbound: a check calls these with the default language (no wrapper call per entry). */
  generated: { [N in K]: GeneratedValidator };
} {
  const made = new Map<string, BoundValidators<K>>();
  return {
    header: headerValidator,
    generated: chosen,
    entities(defaultLanguage) {
      let validators = made.get(defaultLanguage);
      if (!validators) {
        // A bound, so that a stream of datasets in made-up languages cannot grow it without end.
        if (made.size >= 16) made.clear();
        validators = {} as BoundValidators<K>;
        for (const name of Object.keys(chosen) as K[]) {
          const validate = chosen[name];
          validators[name] = (value: unknown) => validate(value, defaultLanguage);
        }
        made.set(defaultLanguage, validators);
      }
      return validators;
    },
  };
}

// Made at the first call, not when this module loads: a call at the top level would keep every
// validator in a bundle that imports only one of them.
let all: ReturnType<typeof datasetValidators<EntityName>> | undefined;

/** The generated entity validators (all of them) for a dataset whose default language is `defaultLanguage`. */
export function validatorsFor(defaultLanguage: string): BoundValidators {
  all ??= datasetValidators(ALL);
  return all.entities(defaultLanguage);
}
