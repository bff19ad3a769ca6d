// Steps after rollup: files generated from the built code.
import { writeFileSync } from 'node:fs';

// The JSON Schema of the dataset, from the zod schemas (see sdk/src/json-schema.ts).
const sdk = await import('../packages/sdk/dist/index.js');
writeFileSync(
  new URL('../packages/sdk/dist/dataset.schema.json', import.meta.url),
  JSON.stringify(sdk.datasetJsonSchema(), null, 2) + '\n',
);
console.log('wrote packages/sdk/dist/dataset.schema.json');
