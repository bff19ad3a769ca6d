// The generated validators as parseDataset uses them: the header's, and the
// entity validators of a default language, made once per language.
import { DatasetHeaderSchema, entityValidators } from './generated.js';

/** The generated validator of the dataset's top level (lists left unchecked). */
export const headerValidator: (value: unknown) => unknown = DatasetHeaderSchema;

/** The generated entity validators of one default language. */
export type EntityValidators = ReturnType<typeof entityValidators>;
const made = new Map<string, EntityValidators>();

/** The generated entity validators for a dataset whose default language is `defaultLanguage`. */
export function validatorsFor(defaultLanguage: string): EntityValidators {
  let validators = made.get(defaultLanguage);
  if (!validators) {
    // A bound, so that a stream of datasets in made-up languages cannot grow it without end.
    if (made.size >= 16) made.clear();
    validators = entityValidators(defaultLanguage);
    made.set(defaultLanguage, validators);
  }
  return validators;
}
