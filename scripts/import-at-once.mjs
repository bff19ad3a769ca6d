// A dynamic import in the browser bundle requests, at once, every file the
// imported one needs that the importer has not loaded already (issue 18).
//
// Without this, `import("./samverkan-signatory-list-parts-….min.js")` fetches
// that file, and only once it has arrived does the browser read its static
// imports (samverkan-time, samverkan-text, samverkan-token-index …) and fetch
// those: a second round trip. The list's and the calendar's parts and the
// dataset's checks are imported when the element is defined, but the second
// round trip ended after the page had set `data`, inside the first row's wait
// (PEERS_TRACE=1 node packages/elements/bench/peers.bench.mjs prints the
// waterfall). So each such import becomes
//   Promise.all([import("./x.min.js"), import("./dep-1.min.js"), …]).then((m) => m[0])
// where the deps are the files in x's static-import closure that are not in the
// importer's own (those the page has already). Promise.all takes every
// rejection (a file that cannot be fetched fails x's import too, as before).
// The build computes the lists from rollup's chunk graph, so nothing is kept
// by hand; test/import-at-once.test.ts checks the built files in Chromium.
//
// It is `import()` rather than `<link rel="modulepreload">`: no helper in the
// first download (every page's size budget counts its bytes), and the chunks
// are pure modules, so evaluating one before the file that imports it changes
// nothing but when the work is done.

import MagicString from 'magic-string';

/** A file name in rollup's renderChunk hook (hash placeholders and all) and everything it imports statically. */
function staticClosure(chunks, fileName, seen = new Set()) {
  if (seen.has(fileName) || !chunks[fileName]) return seen;
  seen.add(fileName);
  for (const imported of chunks[fileName].imports) staticClosure(chunks, imported, seen);
  return seen;
}

/**
 * For each dynamic import in `code` (the chunk `fileName`) of a chunk that holds a module `wanted` accepts, the files to request beside it:
 * its static closure less the importer's. Returns [{ start, end, target, deps }] in the order of `code`.
 */
export function importsToWiden(code, fileName, chunks, wanted) {
  const own = staticClosure(chunks, fileName);
  const found = [];
  for (const match of code.matchAll(/\bimport\(\s*(["'])\.\/([^"'\\]+)\1\s*\)/g)) {
    const target = match[2];
    if (!chunks[target] || !chunks[target].moduleIds.some(wanted)) continue;
    const deps = [...staticClosure(chunks, target)].filter((name) => name !== target && !own.has(name)).sort();
    if (deps.length) found.push({ start: match.index, end: match.index + match[0].length, target, deps });
  }
  return found;
}

/**
 * The rollup plugin, for the dynamic imports of a chunk that holds a module
 * `wanted(id)` accepts (bundle-chunks.mjs: what an element imports when it is
 * defined; the rest, imported on demand, may take a round trip more, and
 * their lists would cost every page bytes before it renders). Runs in renderChunk, before terser, so that terser's
 * source map (the last in the chain, whose positions the published map
 * keeps) is traced through this one: magic-string's `hires` map has a segment
 * for every character it kept, and the rewritten import one segment, at the
 * import's start, so `Promise.all`, the added imports and `.then` all trace to
 * the original `import(` (as rollup's own rewrite of the import's path does).
 */
export function importAtOnce(wanted) {
  return {
    name: 'samverkan-import-at-once',
    renderChunk(code, chunk, _options, { chunks }) {
      const widened = importsToWiden(code, chunk.fileName, chunks, wanted);
      if (!widened.length) return null;
      const out = new MagicString(code);
      for (const { start, end, deps } of widened) {
        out.update(start, end, `Promise.all([${code.slice(start, end)}${deps.map((dep) => `,import('./${dep}')`).join('')}]).then((m) => m[0])`);
      }
      return { code: out.toString(), map: out.generateMap({ hires: true, file: chunk.fileName, source: chunk.fileName, includeContent: true }) };
    },
  };
}
