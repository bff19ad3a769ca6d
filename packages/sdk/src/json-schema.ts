import * as z from 'zod/mini';
import { DatasetSchema } from './schemas/dataset.js';

/**
 * The JSON Schema (draft 2020-12) of a dataset document, generated from the
 * zod schemas, so the two cannot drift. The build writes it to
 * `@samverkan/sdk/dataset.schema.json`. It describes the input: what a file
 * must look like. Rules JSON Schema cannot say (texts in the default language,
 * unique ids, references, check digits, end after start) are checked by
 * `parseDataset` and `samverkan validate`.
 */
export function datasetJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DatasetSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://samverkan.example.org/schema/dataset-1.json',
    title: 'Samverkan dataset (schemaVersion "1")',
  };
}
