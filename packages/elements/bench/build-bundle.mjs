// Builds the browser bundle the way rollup.config.mjs does (Lit's production
// build, terser), in memory, from any entry: the whole bundle from
// src/define/index.ts, or one element with its dependencies from its define
// module. Used by the benchmarks so they always measure the current sources.
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyLiterals } from '../../../scripts/minify-literals.mjs';
import { bundleChunks } from '../../../scripts/bundle-chunks.mjs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The minified ES module for `entry` (a path relative to the repository root, or absolute). */
export async function buildBundle(entry) {
  return (await buildBundleFiles(entry))[0].code;
}

/**
 * Every file of the bundle for `entry`, split as the build splits it: the
 * entry first, then the files it imports on demand (`{ fileName, code }`).
 */
export async function buildBundleFiles(entry) {
  const bundle = await rollup({
    input: entry.startsWith('/') ? entry : `${ROOT}${entry}`,
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['samverkan-source', 'production', 'browser'] }),
      // Type errors are lint's job; another element's work in progress must not stop a measurement.
      typescript({ tsconfig: `${ROOT}packages/elements/tsconfig.bundle.json`, noEmitOnError: false, outputToFilesystem: false }),
      minifyLiterals(),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
    onwarn() {},
    logLevel: 'silent',
  });
  try {
    const { output } = await bundle.generate({
      format: 'es',
      entryFileNames: 'samverkan.min.js',
      chunkFileNames: 'samverkan-[name]-[hash].min.js',
      manualChunks: bundleChunks,
    });
    return output.filter((file) => file.type === 'chunk').map(({ fileName, code }) => ({ fileName, code }));
  } finally {
    await bundle.close();
  }
}
