// zod's side of parseDataset: the values the generated validators do not
// accept are parsed here, by the schemas themselves, for zod's verdict and its
// issues. A browser loads this module only when a dataset has such a value
// (read-dataset.ts); Node and parseDataset load it with the SDK.
import { errorMap } from './issues.js';
import { DatasetHeaderSchema } from './schemas/dataset.js';
import { entitySchemas, type EntitySchemas } from './schemas/entities.js';
import type * as z from 'zod/mini';

/** What zod's safeParse gives. */
export type Explained<T = any> = { success: true; data: T } | { success: false; error: { issues: z.core.$ZodIssue[] } };

/** Parses what the generated validators did not accept. */
export interface Explainer {
  /** The dataset's top level, its lists unchecked. */
  header(input: unknown): Explained;
  /** One entity (`Agreement`, `Organisation`, …) of a dataset whose default language is `defaultLanguage`. */
  entity(name: keyof EntitySchemas, defaultLanguage: string, value: unknown): Explained;
}

const parseOptions = { error: errorMap } as const;

/** zod itself, with the SDK's plain-English messages. */
export const zodExplainer: Explainer = {
  header: (input) => DatasetHeaderSchema.safeParse(input, parseOptions),
  entity: (name, defaultLanguage, value) => (entitySchemas(defaultLanguage)[name] as z.ZodMiniType).safeParse(value, parseOptions),
};
