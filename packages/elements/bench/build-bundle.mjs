// Builds the browser bundle in memory from the current sources, the way the
// build does, so the benchmarks always measure the current sources.
import { rollup } from 'rollup';

/**
 * What a page that loads `samverkan.min.js` gets today: the autoloader and
 * every file it may import (each element's chunk, the shared chunks, the
 * languages), built in memory from the current sources with the build's own
 * configuration (the browser bundle's entry in rollup.config.mjs, less the
 * plugin that deletes old files from dist/). A map from URL path
 * (`/samverkan.min.js`, `/samverkan-…-<hash>.min.js`) to code. Serve them all
 * and load elements as a page does: the tag on the page, or
 * `window.samverkan.load(tag)`.
 */
export async function buildPageFiles() {
  const { default: configs } = await import('../../../rollup.config.mjs');
  const config = configs.find((c) => c.input && typeof c.input === 'object' && 'samverkan' in c.input);
  if (!config) throw new Error('rollup.config.mjs has no browser bundle with a `samverkan` entry');
  const plugins = config.plugins.filter((plugin) => plugin && plugin.name !== 'samverkan-remove-old-chunks');
  const bundle = await rollup({ ...config, plugins, onwarn() {}, logLevel: 'silent' });
  try {
    const { output } = await bundle.generate({ ...config.output, sourcemap: false });
    return new Map(output.filter((file) => file.type === 'chunk').map(({ fileName, code }) => [`/${fileName}`, code]));
  } finally {
    await bundle.close();
  }
}
