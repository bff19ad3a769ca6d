// Builds every package into its own dist/: unbundled ES modules with .d.ts
// files and source maps (dependencies stay external, so consumers dedupe lit,
// zod and ky), plus the one self-registering, minified browser bundle of the
// elements. The array is built in order: sdk first, because the others import
// its declarations from packages/sdk/dist.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyLiterals } from './scripts/minify-literals.mjs';
import { bundleChunkBanner, bundleChunks, bundleChunkFileNames, importedAtDefine, removeOldChunks } from './scripts/bundle-chunks.mjs';
import { elementEntries, AUTOLOADER_ENTRY, ALL_ENTRY } from './scripts/element-entries.mjs';
import { importAtOnce } from './scripts/import-at-once.mjs';
import adminBuild from './packages/admin/rollup.config.mjs';

const isExternal = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

function library(pkg, input) {
  return {
    input,
    external: isExternal,
    output: {
      dir: `packages/${pkg}/dist`,
      format: 'es',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: `packages/${pkg}/src`,
    },
    plugins: [
      typescript({
        tsconfig: `packages/${pkg}/tsconfig.build.json`,
        outDir: `packages/${pkg}/dist`,
        declarationDir: `packages/${pkg}/dist`,
        outputToFilesystem: true,
      }),
    ],
  };
}

// Every non-test module under src/ is an entry, so each stays its own file
// (tree-shaking for consumers, one `define/<tag>.js` per element).
function sources(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Rollup's warnings, without the two that third-party code always gives and
 * that change nothing in our output (a clean install printed them as "(!)"
 * lines a person can do nothing about): zod's comments that look like
 * `@__PURE__` annotations in a place Rollup cannot use them, and the import
 * cycle inside zod's core. Every other warning is printed, one line each
 * (the build runs with --silent, which hides only Rollup's own listing).
 */
function onwarn(warning) {
  const inDependency = (id) => typeof id === 'string' && id.includes('/node_modules/');
  if (warning.code === 'INVALID_ANNOTATION' && inDependency(warning.id)) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && (warning.ids ?? []).every(inDependency)) return;
  console.warn(`(!) ${warning.message}${warning.id ? ` (${warning.id})` : ''}`);
}

export default [
  library('sdk', sources('packages/sdk/src')),
  library('elements', sources('packages/elements/src')),
  library('server', sources('packages/server/src')),
  {
    // The bundle for a plain <script type="module"> tag. samverkan.min.js is a
    // small autoloader: it registers each element the first time its tag is on
    // the page, importing only that element's file and the chunks it shares
    // with the others (Lit, the base class, the SDK …), all from beside itself.
    // samverkan-all.min.js registers every element at once. Both entries are
    // made from the define/ modules (scripts/element-entries.mjs), so a new
    // element needs no edit here. What only some readers need is split off
    // too: the UI strings of each language but Swedish (one file per
    // language, every element's strings in it).
    input: { samverkan: AUTOLOADER_ENTRY, 'samverkan-all': ALL_ENTRY },
    output: {
      dir: 'packages/elements/dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].min.js',
      chunkFileNames: bundleChunkFileNames,
      manualChunks: bundleChunks,
      // V8's compile hint for the files a dataset element's first render runs (bundle-chunks.mjs); terser keeps it.
      banner: bundleChunkBanner,
      // Only the modules bundleChunks names go into its files, not everything they import: the elements' side of
      // the dataset check (data/dataset-source.ts) goes with the validators, and it imports '@samverkan/sdk',
      // through which rollup would otherwise pull the whole SDK into that file.
      onlyExplicitManualChunks: true,
      // A page with every element fetched 32 files; small ones gzip badly on
      // their own. Merging chunks under 4 KB into others saves 0.5 KB on a page
      // with one element and 2 KB on a page with all (npm run bench -- size).
      experimentalMinChunkSize: 4000,
    },
    // The SDK declares "sideEffects": false; its own modules reach rollup
    // through the TypeScript plugin, which does not pass that on. Without it,
    // the schemas' top-level zod calls would count as side effects, and every
    // element would import the zod chunk that only a dataset with a problem
    // (or the signup form) needs.
    treeshake: { moduleSideEffects: (id) => !/\/packages\/sdk\/src\//.test(id) },
    plugins: [
      elementEntries(),
      nodeResolve({ browser: true, exportConditions: ['samverkan-source', 'production', 'browser'] }),
      typescript({
        tsconfig: 'packages/elements/tsconfig.bundle.json',
        noEmitOnError: true,
      }),
      minifyLiterals(),
      removeOldChunks('packages/elements/dist'),
      // What an element imports when it is defined requests the files it needs at once, not one round trip later, and the
      // loader requests each element's whole first download (its file, what that imports, its parts, the checks) at once (issue 18).
      importAtOnce(importedAtDefine, { loaderEntry: `\0${AUTOLOADER_ENTRY}` }),
      terser({ format: { comments: /^# allFunctionsCalledOnLoad$/ }, compress: { passes: 2 } }),
    ],
  },
  // The admin page (packages/admin/rollup.config.mjs).
  ...adminBuild,
].map((config) => ({ ...config, onwarn }));
