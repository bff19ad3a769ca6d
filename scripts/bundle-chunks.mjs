// How the browser bundle is split (rollup's `manualChunks`), shared by the
// build and the size benchmark so both measure the same files: the UI
// strings of each on-demand language go into one file per language,
// `samverkan-lang-<code>-<hash>.min.js`, whichever element they belong to.

/** The chunk name for module `id`, or undefined to let rollup decide. */
export function bundleChunks(id) {
  const language = /\/(?:messages|common)\.([a-z]{2,3})\.ts$/.exec(id)?.[1];
  return language ? `lang-${language}` : undefined;
}

/**
 * The file name of a split-off chunk: `samverkan-<name>-<hash>.min.js`, where
 * an element's own chunk is already named `samverkan-<element>` after its
 * define module.
 */
export function bundleChunkFileNames(chunk) {
  return chunk.name.startsWith('samverkan-') ? '[name]-[hash].min.js' : 'samverkan-[name]-[hash].min.js';
}

/**
 * A rollup plugin that removes the split-off files of an earlier build from
 * `dir` before writing, so an old language file (another hash) is never
 * published beside the new bundle.
 */
export function removeOldChunks(dir) {
  return {
    name: 'samverkan-remove-old-chunks',
    async generateBundle() {
      const { readdirSync, rmSync, existsSync } = await import('node:fs');
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) if (/^samverkan-[\w-]+\.min\.js(?:\.map)?$/.test(name)) rmSync(`${dir}/${name}`);
    },
  };
}
