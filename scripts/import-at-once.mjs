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
//
// The loader (samverkan.min.js) goes one step further (widenLoader, below):
// when it finds a tag, it requests the element's file, every file that one
// imports and what the element imports when it is defined, all at once. Also
// by `import()`: the same lists as `<link rel="modulepreload">` elements cost
// the loader more bytes (a link made, its URL resolved against import.meta.url)
// and, measured in Chromium (each file 150 ms late over HTTP/2, 9 rounds
// alternating, on a machine at load 20), first rows came no sooner: the
// difference was well inside the noise.

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
 * `fileName`, every file it imports statically, and every file an element imports when it is defined from any of
 * those: the dynamic imports of a chunk that holds a module `wanted` accepts (its parts, the dataset's checks), with
 * their own closures. For the loader (below) this is an element's whole first download, computed from rollup's chunk
 * graph (`imports`, `dynamicImports`: rollup's own, not the imports this plugin adds), so nothing is kept by hand.
 */
export function definedClosure(chunks, fileName, wanted, seen = new Set()) {
  if (seen.has(fileName) || !chunks[fileName]) return seen;
  seen.add(fileName);
  const chunk = chunks[fileName];
  for (const imported of chunk.imports) definedClosure(chunks, imported, wanted, seen);
  for (const imported of chunk.dynamicImports) if (chunks[imported]?.moduleIds.some(wanted)) definedClosure(chunks, imported, wanted, seen);
  return seen;
}

// The loader's files are named samverkan-<name>.min.js (bundle-chunks.mjs's bundleChunkFileNames); its table keeps
// only <name>, and one character (base 36) stands for each file in an element's list.
const PREFIX = 'samverkan-';
const SUFFIX = '.min.js';

/**
 * The loader's rewrite (issue 18): each `import("./samverkan-<element>-….min.js")` of the autoloader entry becomes
 * `W(import("./samverkan-<element>-….min.js"), "0a3…")`, where W imports, beside the element's file, the files the
 * string names from one table of the loader's (and answers with the element's import alone): the element's {@link definedClosure}. The browser requests them all
 * at once, when the loader finds the tag, instead of one hop after another (the element's file, then what it imports,
 * then what it imports when defined: three round trips before a dataset's first row, now one). A file shared by
 * several elements is one module of the page's module map: requested once, however many lists name it.
 * One table and a character per file, not the file names in every list: 0.3 KB less gzip in the loader, which every
 * page downloads first (npm run bench -- size). Returns null if `code` has no such import.
 */
export function widenLoader(code, fileName, chunks, wanted) {
  const table = [];
  const edits = [];
  for (const match of code.matchAll(/\bimport\(\s*(["'])\.\/([^"'\\]+)\1\s*\)/g)) {
    const target = match[2];
    if (!chunks[target]) continue;
    // What the element needs to render first (its static closure), then what it needs for its first row: where a
    // browser cannot request them all at once (HTTP/1.1's six connections to a host), the first come first.
    const closure = new Set([...staticClosure(chunks, target), ...definedClosure(chunks, target, wanted)]);
    const deps = [...closure].filter((name) => name !== target && name !== fileName);
    if (!deps.length) continue;
    const keys = deps.map((dep) => {
      if (!dep.startsWith(PREFIX) || !dep.endsWith(SUFFIX)) throw new Error(`import-at-once: the loader cannot name ${dep} (not ${PREFIX}….min.js)`);
      let index = table.indexOf(dep);
      if (index < 0) index = table.push(dep) - 1;
      if (index >= 36) throw new Error('import-at-once: the loader names more than 36 files, one base-36 character each no longer suffices');
      return index.toString(36);
    });
    edits.push({ start: match.index, end: match.index + match[0].length, keys: keys.join('') });
  }
  if (!edits.length) return null;
  const names = table.map((dep) => JSON.stringify(dep.slice(PREFIX.length, -SUFFIX.length)));
  // The element's own import is the loader's answer, as before: it fails only if the element's file or one it imports
  // statically cannot be fetched. The others only start early; the element imports its parts and the checks itself,
  // and says so if they cannot be fetched (with a button that tries again), so their failure here is no failure to load.
  const helper =
    `const samverkanFiles=[${names.join(',')}],samverkanWithFiles=(element,keys)=>{` +
    `for(const key of keys)import(${JSON.stringify(`./${PREFIX}`)}+samverkanFiles[parseInt(key,36)]+${JSON.stringify(SUFFIX)}).catch(()=>{});return element};\n`;
  return { helper, edits };
}

/**
 * The rollup plugin, for the dynamic imports of a chunk that holds a module
 * `wanted(id)` accepts (bundle-chunks.mjs: what an element imports when it is
 * defined; the rest, imported on demand, may take a round trip more, and
 * their lists would cost every page bytes before it renders), and for every
 * dynamic import of the chunk whose entry is `loaderEntry` (the autoloader: {@link widenLoader}).
 * Runs in renderChunk, before terser, so that terser's
 * source map (the last in the chain, whose positions the published map
 * keeps) is traced through this one: magic-string's `hires` map has a segment
 * for every character it kept, and the rewritten import one segment, at the
 * import's start, so `Promise.all`, the added imports and `.then` all trace to
 * the original `import(` (as rollup's own rewrite of the import's path does).
 */
export function importAtOnce(wanted, { loaderEntry } = {}) {
  return {
    name: 'samverkan-import-at-once',
    renderChunk(code, chunk, _options, { chunks }) {
      const out = new MagicString(code);
      if (loaderEntry && chunk.facadeModuleId === loaderEntry) {
        const loader = widenLoader(code, chunk.fileName, chunks, wanted);
        if (!loader) return null;
        out.prepend(loader.helper);
        for (const { start, end, keys } of loader.edits) out.update(start, end, `samverkanWithFiles(${code.slice(start, end)},"${keys}")`);
      } else {
        const widened = importsToWiden(code, chunk.fileName, chunks, wanted);
        if (!widened.length) return null;
        for (const { start, end, deps } of widened) {
          out.update(start, end, `Promise.all([${code.slice(start, end)}${deps.map((dep) => `,import('./${dep}')`).join('')}]).then((m) => m[0])`);
        }
      }
      return { code: out.toString(), map: out.generateMap({ hires: true, file: chunk.fileName, source: chunk.fileName, includeContent: true }) };
    },
  };
}
