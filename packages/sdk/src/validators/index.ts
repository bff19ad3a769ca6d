// The generated validators as the SDK uses them: the header's, each entity's
// on its own (import only those of the lists you read: a bundler leaves the
// others out), and all of one default language together for parseDataset.
import {
  DatasetHeaderSchema,
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
import type { EntitySchemas } from '../schemas/entities.js';
import type { GeneratedValidator } from './runtime.js';

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
};
export { FAIL, type GeneratedValidator } from './runtime.js';

/** The generated validator of the dataset's top level (lists left unchecked). */
export const headerValidator: (value: unknown) => unknown = DatasetHeaderSchema;

/** Every generated entity validator, by schema name (as buildEntitySchemas names them). */
const ALL: { [N in EntityName]: GeneratedValidator } = {
  LocalizedText: localizedTextValidator,
  Agreement: agreementValidator,
  Commitment: commitmentValidator,
  Principle: principleValidator,
  Action: actionValidator,
  DevelopmentArea: developmentAreaValidator,
  Signature: signatureValidator,
  CollaborationContact: collaborationContactValidator,
  Organisation: organisationValidator,
  Contact: contactValidator,
  Location: locationValidator,
  Meeting: meetingValidator,
  Evidence: evidenceValidator,
  FollowUpCommitment: followUpCommitmentValidator,
  FollowUp: followUpValidator,
  OpportunityContact: opportunityContactValidator,
  Opportunity: opportunityValidator,
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
} {
  const made = new Map<string, BoundValidators<K>>();
  return {
    header: headerValidator,
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

const all = datasetValidators(ALL);

/** The generated entity validators (all of them) for a dataset whose default language is `defaultLanguage`. */
export function validatorsFor(defaultLanguage: string): BoundValidators {
  return all.entities(defaultLanguage);
}
