// The generated validators as the SDK uses them: the header's, each entity's
// on its own (import only those of the lists you read: a bundler leaves the
// others out), and all of one default language together for parseDataset.
import {
  DatasetHeaderSchema,
  validateAction,
  validateAgreement,
  validateCollaborationContact,
  validateCommitment,
  validateContact,
  validateDevelopmentArea,
  validateEvidence,
  validateFollowUp,
  validateFollowUpCommitment,
  validateLocalizedText,
  validateLocation,
  validateMeeting,
  validateOpportunity,
  validateOpportunityContact,
  validateOrganisation,
  validatePrinciple,
  validateSignature,
} from './generated.js';

export {
  validateAction,
  validateAgreement,
  validateCollaborationContact,
  validateCommitment,
  validateContact,
  validateDevelopmentArea,
  validateEvidence,
  validateFollowUp,
  validateFollowUpCommitment,
  validateLocalizedText,
  validateLocation,
  validateMeeting,
  validateOpportunity,
  validateOpportunityContact,
  validateOrganisation,
  validatePrinciple,
  validateSignature,
};
export { FAIL, type EntityValidator } from './runtime.js';

/** The generated validator of the dataset's top level (lists left unchecked). */
export const headerValidator: (value: unknown) => unknown = DatasetHeaderSchema;

/** Every generated entity validator, by schema name (as buildEntitySchemas names them). */
const ALL = {
  LocalizedText: validateLocalizedText,
  Agreement: validateAgreement,
  Commitment: validateCommitment,
  Principle: validatePrinciple,
  Action: validateAction,
  DevelopmentArea: validateDevelopmentArea,
  Signature: validateSignature,
  CollaborationContact: validateCollaborationContact,
  Organisation: validateOrganisation,
  Contact: validateContact,
  Location: validateLocation,
  Meeting: validateMeeting,
  Evidence: validateEvidence,
  FollowUpCommitment: validateFollowUpCommitment,
  FollowUp: validateFollowUp,
  OpportunityContact: validateOpportunityContact,
  Opportunity: validateOpportunity,
};

/** The generated entity validators of one default language, each taking only the value. */
export type EntityValidators = { [K in keyof typeof ALL]: (value: unknown) => unknown };
const made = new Map<string, EntityValidators>();

/** The generated entity validators for a dataset whose default language is `defaultLanguage`. */
export function validatorsFor(defaultLanguage: string): EntityValidators {
  let validators = made.get(defaultLanguage);
  if (!validators) {
    // A bound, so that a stream of datasets in made-up languages cannot grow it without end.
    if (made.size >= 16) made.clear();
    validators = {} as EntityValidators;
    for (const name of Object.keys(ALL) as (keyof typeof ALL)[]) {
      const validate = ALL[name];
      validators[name] = (value) => validate(value, defaultLanguage);
    }
    made.set(defaultLanguage, validators);
  }
  return validators;
}
