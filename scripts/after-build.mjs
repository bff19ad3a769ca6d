// Steps after rollup: files generated from the built code.
import { writeFileSync } from 'node:fs';

// The JSON Schema of the dataset, from the zod schemas (see sdk/src/json-schema.ts).
const sdk = await import('../packages/sdk/dist/index.js');
writeFileSync(
  new URL('../packages/sdk/dist/dataset.schema.json', import.meta.url),
  JSON.stringify(sdk.datasetJsonSchema(), null, 2) + '\n',
);

// The custom elements manifest of @samverkan/elements, from the JSDoc above
// each element class (see packages/elements/custom-elements-manifest.config.mjs).
{
  const { spawnSync } = await import('node:child_process');
  const { createRequire } = await import('node:module');
  const cli = createRequire(import.meta.url).resolve('@custom-elements-manifest/analyzer/cem.js');
  const result = spawnSync(process.execPath, [cli, 'analyze', '--config', 'custom-elements-manifest.config.mjs'], {
    cwd: new URL('../packages/elements/', import.meta.url),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The moment of this build, which `npm start` compares with the sources (scripts/build-if-stale.mjs).
writeFileSync(new URL('../node_modules/.samverkan-build-stamp', import.meta.url), `${new Date().toISOString()}\n`);
console.log('Built every package into its dist/ (with the elements\' bundle, dataset.schema.json and custom-elements.json).');
