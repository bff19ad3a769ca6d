// How the browser bundle is split (rollup's `manualChunks`), shared by the
// build and the size benchmark so both measure the same files: the UI
// strings of each on-demand language go into one file per language,
// `samverkan-lang-<code>-<hash>.min.js`, whichever element they belong to;
// zod with the schemas into `samverkan-zod-<hash>.min.js`; Lit with what every
// element shares into `samverkan-core-<hash>.min.js`. Chunks under 4 KB
// (minified) are merged into others (rollup.config.mjs), as each file costs
// its own gzip dictionary.

/** The chunk name for module `id`, or undefined to let rollup decide. */
export function bundleChunks(id) {
  const language = /\/(?:messages|common)\.([a-z]{2,3})\.ts$/.exec(id)?.[1];
  if (language) return `lang-${language}`;
  // zod and the schemas: loaded by the signup form, and by the other elements
  // only when a dataset has a value the generated validators do not accept.
  if (/\/node_modules\/zod\//.test(id) || /\/packages\/sdk\/src\/(?:schemas\/(?:common|localized-text|entities|dataset|signup|follow-up|opportunity)|explain-with-zod)\.ts$/.test(id)) return 'zod';
  // The SDK's errors, its Intl cache and the small rules every side uses (the forms too, which load the validators only with a dataset).
  // (The client's URL rules too: imported by both the client and the submission rules below, which must not pull them out of every page.)
  if (/\/packages\/sdk\/src\/(?:errors|intl-cache|schemas\/(?:values|version)|client\/urls)\.ts$/.test(id)) return 'sdk-base';
  // The issues' rules and the organisation number's: only the checks (samverkan-validate) and what a form does once
  // it is filled in use them, so in a file of their own they are in no page's first download (issue 18: 1.1 KB
  // gzip less on every page, forms too; npm run bench -- size).
  // With them the rules the schemas share with the generated validators (validators/rules.ts and the character
  // classes it reads, validators/patterns.ts): zod's schemas import them, so in samverkan-validate they made the
  // signup and opportunity forms' check (zod) import the whole dataset validator, with samverkan-time, once a reader
  // started to answer; issue 18 says a signup-only page never downloads the dataset validator.
  if (/\/packages\/sdk\/src\/(?:organisation-number|issues|validators\/(?:rules|patterns)|helpers\/zone-formatters)\.ts$/.test(id)) return 'issues';
  // Small pieces that rollup's merging of chunks under 4 KB (rollup.config.mjs) put into one file that four
  // pages loaded, each needing at most one of them (issue 18, npm run bench -- size: 1.0–1.2 KB less on the
  // contact finder, follow-up, principles and signatory list pages): what a form needs only when it sends,
  // the word index (contact finder, signatory list), the follow-up helper (follow-up, principles).
  if (/\/packages\/sdk\/src\/client\/submissions\.ts$/.test(id)) return 'submit';
  if (/\/packages\/sdk\/src\/helpers\/token-index\.ts$/.test(id)) return 'token-index';
  // The follow-up helper and the status badges: what the principles need only once they have data (their parts:
  // SamverkanElement.datasetParts, imported beside the dataset's request), and the follow-up's parts use them too. As
  // a chunk under 4 KB, rollup merged them into the follow-up's UI strings, which both elements import before they
  // render: 0.8-1 KB more on both pages (issue 18; the size bench checks that no parts module is in a first download).
  // (The principles' parts carry their own styles, dataStyles: 0.7 KB the follow-up's first row fetches unused, but as a
  // file of its own, or with the principles' parts apart, rollup split the shared core in two, 0.5 KB more on every page.
  // Tried again: the files the principles' first row adds are a subset of the follow-up's, so only a file of their own
  // keeps the styles out of the follow-up's; with principles-parts.ts and principles.styles.ts in a manual chunk of
  // their own, and with them left to rollup, samverkan-core became samverkan-core (lit, safe-url) and
  // samverkan-search-field (define-element, tslib, the decorators, the catalogue …), both in every first download:
  // +0.5–0.6 KB gzip on every page, the calendar's 25.5 KB and the five's 45.2 KB over their budgets; the follow-up's
  // first row 0.2 KB less. Size bench's first table, 2026-12-07.)
  if (/\/packages\/sdk\/src\/helpers\/follow-up\.ts$/.test(id) || /\/packages\/elements\/src\/(?:follow-up\/status|principles\/principles-parts|principles\/principles\.styles)\.ts$/.test(id)) return 'follow-up-helper';
  if (/\/packages\/elements\/src\/follow-up\/(?:chart|follow-up-parts)\.ts$/.test(id)) return 'follow-up-parts';
  // What checks a dataset is not in an element's first download (issue 18): the element imports the elements'
  // side of it (data/dataset-source.ts) when it connects, beside its dataset's request, and the SDK client
  // imports read-dataset for a fetched dataset; in one file, those are one request.
  if (/\/packages\/elements\/src\/data\/dataset-source\.ts$/.test(id)) return 'validate';
  // Times in a zone and the background scheduler: the calendar and the volunteer board show with them, and the
  // validators use them; in a file of their own, neither pulls the other into its first download.
  if (/\/packages\/sdk\/src\/(?:helpers\/time|background-task)\.ts$/.test(id)) return 'time';
  // The dataset controller and what starts the dataset's request (in every dataset element's first download, in
  // a form's only with a dataset), with the progressive check's UNDECIDED mark, which the signatory list compares
  // against (in samverkan-time it cost the list's page 1.5 KB: npm run bench -- size, 30.8 -> 29.3 KB).
  // With them, in the same file, the base class of the dataset elements with its state views and the fetch client: every
  // dataset element's page loads all of them before it renders, and in one file instead of three they cost 0.7 KB
  // less gzip on each (issue 18, npm run bench -- size). A form with a dataset loads them when it needs it.
  if (/\/packages\/elements\/src\/(?:controllers\/dataset-controller|data\/(?:dataset-checks|deferred-module|load-dataset)|events\/samverkan-load|internal\/form-dataset-parts)\.ts$/.test(id) || /\/packages\/sdk\/src\/(?:client\/storage|undecided)\.ts$/.test(id)) return 'dataset';
  if (/\/packages\/elements\/src\/(?:internal\/(?:samverkan-element|state-views)|styles\/(?:layout|text))\.ts$/.test(id) || /\/packages\/sdk\/src\/client\/(?:fetch-client|shared|lazy-errors)\.ts$/.test(id)) return 'dataset';
  // Where a dataset's text stops being JSON: fetched only after JSON.parse failed, in one file.
  if (/\/packages\/sdk\/src\/(?:json-text|dataset-json)\.ts$/.test(id)) return 'json-text';
  // The zod-free validators (rollup would pull them into the zod chunk otherwise), the per-list ones in
  // validators/generated/ and validators/lists/ too: every element checks every list today (dataset-source.ts),
  // so apart they would be a second request that starts only once this file has arrived.
  if (/\/packages\/sdk\/src\/(?:validators\/[\w/-]+|parse-dataset|read-dataset|json-parse|progressive-dataset|follow-up-references|rules\/[\w-]+)\.ts$/.test(id)) return 'validate';
  return undefined;
}

/**
 * The modules a dataset element imports when it is defined (SamverkanElement.finalize), beside its first render
 * and before its dataset's request: its parts (`<element>/<element>-parts.ts`, SamverkanElement.datasetParts) and
 * the dataset's checks (data/dataset-source.ts). The import of a file that holds one requests everything that file
 * needs at once (import-at-once.mjs), so the first row waits for one round trip, not two; the size bench counts
 * them as "before its first row".
 */
export function importedAtDefine(id) {
  return /\/packages\/elements\/src\/(?:([\w-]+)\/\1-parts|data\/dataset-source)\.ts$/.test(id);
}

/**
 * V8's explicit compile hint (Chrome 136 on; other engines ignore a comment):
 * every function of the file is compiled when the file is, off the main
 * thread as it streams in, instead of on its first call. Given to the files
 * a dataset element loads beside its data, whose functions run when it first
 * shows it: the checks (validate, issues, time), the calendar's parts
 * (meeting-calendar-parts) and the signatory list's (signatory-list-parts,
 * with the Swedish order and the text helpers in samverkan-text, and the word
 * index its first search builds); test/compile-hints.test.ts checks that
 * these are every such file of the calendar and of the list. Without it, the
 * calendar's first month compiled about 170 functions on the main thread in
 * the middle of its render (issue 18), and the list's first page its pick of
 * the first names. Not given to the files of a page's first download
 * (Lit, the base, the element): there its 30 bytes would count against the
 * pages' size budget, which the five-element page meets by less than that.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const HINTED = /^samverkan-(?:validate|issues|time|meeting-calendar-parts|signatory-list-parts|text|token-index)-/;

/** The banner of a chunk of the browser bundle (rollup's `output.banner`): the compile hint, for the files above. */
export function bundleChunkBanner(chunk) {
  return HINTED.test(chunk.fileName) ? COMPILE_HINT : '';
}

/**
 * The file name of a split-off chunk: `samverkan-<name>-<hash>.min.js`, where
 * an element's own chunk is already named `samverkan-<element>` after its
 * define module.
 */
export function bundleChunkFileNames(chunk) {
  // The chunk every element loads (Lit, the base classes, the client) is named
  // for what it is, not after whichever module rollup names it by.
  if (chunk.moduleIds.some((id) => /\/node_modules\/lit-html\/lit-html\.js$/.test(id))) return 'samverkan-core-[hash].min.js';
  // The dataset controller and source: named for what they are, not after the forms' module that imports them in one.
  if (chunk.moduleIds.some((id) => /\/packages\/elements\/src\/controllers\/dataset-controller\.ts$/.test(id))) return 'samverkan-dataset-[hash].min.js';
  return chunk.name.startsWith('samverkan-') ? '[name]-[hash].min.js' : 'samverkan-[name]-[hash].min.js';
}

/**
 * A rollup plugin that removes the split-off files of an earlier build from
 * `dir` before writing, so an old language file (another hash) is never
 * published beside the new bundle; with their brotli and gzip copies
 * (scripts/after-build.mjs writes copies of the new files only, so the old
 * ones piled up in dist/ from build to build).
 */
export function removeOldChunks(dir) {
  return {
    name: 'samverkan-remove-old-chunks',
    async generateBundle() {
      const { readdirSync, rmSync, existsSync } = await import('node:fs');
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) if (/^samverkan-[\w-]+\.min\.js(?:\.map)?(?:\.br|\.gz)?$/.test(name)) rmSync(`${dir}/${name}`);
    },
  };
}
