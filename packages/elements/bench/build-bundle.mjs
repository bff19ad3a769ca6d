// Builds the browser bundle the way rollup.config.mjs does (Lit's production
// build, terser), in memory, from any entry: the whole bundle from
// src/define/index.ts, or one element with its dependencies from its define
// module. Used by the benchmarks so they always measure the current sources.
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The minified ES module for `entry` (a path relative to the repository root, or absolute). */
export async function buildBundle(entry) {
  const bundle = await rollup({
    input: entry.startsWith('/') ? entry : `${ROOT}${entry}`,
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['samverkan-source', 'production', 'browser'] }),
      // Type errors are lint's job; another element's work in progress must not stop a measurement.
      typescript({ tsconfig: `${ROOT}packages/elements/tsconfig.bundle.json`, noEmitOnError: false, outputToFilesystem: false }),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
    onwarn() {},
    logLevel: 'silent',
  });
  try {
    const { output } = await bundle.generate({ format: 'es' });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}
