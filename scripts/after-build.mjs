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

// The server's part: brotli and gzip copies beside the elements bundle, which the
// server sends as they are (@fastify/static's preCompressed), so no request compresses.
// The copies are for serving only: dist/.npmignore keeps them out of the npm package.
async function precompressBundle() {
  const { precompressFiles, isBundleFile } = await import('../packages/server/dist/index.js');
  const dist = new URL('../packages/elements/dist/', import.meta.url);
  precompressFiles(dist.pathname, isBundleFile);
  writeFileSync(new URL('.npmignore', dist), '*.br\n*.gz\n');
}
await precompressBundle();

// The moment of this build, which `npm start` compares with the sources (scripts/build-if-stale.mjs).
writeFileSync(new URL('../node_modules/.samverkan-build-stamp', import.meta.url), `${new Date().toISOString()}\n`);
console.log('Built every package into its dist/ (with the elements\' bundle, dataset.schema.json and custom-elements.json).');
