// What a page downloads for its elements (gzip level 9), built in memory
// exactly as rollup.config.mjs builds the browser bundle: the loader
// samverkan.min.js, then for each element two figures —
//   "before it renders": its own file and every file that one imports
//     statically (shared chunks counted once): what the browser must have
//     before the element shows its heading and loading state;
//   "before its first row": that, plus what the element imports when it
//     connects, in parallel with its dataset's request (the dataset's checks,
//     samverkan-validate-…, the element's own parts — the code it shows a
//     dataset with, SamverkanElement.datasetParts — and what they import):
//     what it must have before it can show the data. A form has no rows (its
//     dataset is optional): "—".
// in Swedish; then a page with all five; then what is only fetched on demand
// (other languages, the .ics and JSON-LD writers, zod for a dataset with a
// problem). The budgets are checked against the first figure.
// Then each page with one element beside that element bundled alone into one
// file (what sharing chunks costs it). Last, where the bytes come from: each
// page by package (lit, ky, the SDK's client, its validation, the rest of it,
// the elements' own code, zod), then each file a page with every element
// loads, and in it each module, by its minified size (terser on the module alone)
// and that alone gzipped; the sums overstate a file's gzip a little (one
// module's gzip cannot reuse another's strings), but they rank the modules.
// Budgets (issue 18): loader ≤ 2 KB; any one element's page ≤ 25 KB; a page with the five
// elements the issue names (list, calendar, finder, signup form, principles) ≤ 45 KB.
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { minify } from 'terser';
import configs from '../../../rollup.config.mjs';
import { importedAtDefine } from '../../../scripts/bundle-chunks.mjs';

// The elements' browser bundle (the config whose output is packages/elements/dist
// with named entries; the admin page's build follows it in the array).
const config = configs.find((c) => c.output?.dir === 'packages/elements/dist' && !c.output.preserveModules);
const bundle = await rollup({ ...config, plugins: config.plugins.filter((p) => p.name !== 'samverkan-remove-old-chunks'), onwarn() {}, logLevel: 'silent' });
const { output } = await bundle.generate(config.output);
await bundle.close();
const files = new Map(output.filter((f) => f.type === 'chunk').map((f) => [f.fileName, f]));
const gz = (name) => gzipSync(files.get(name).code, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** A file and everything it imports statically. */
function closure(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const imported of files.get(name).imports) closure(imported, seen);
  return seen;
}
const sum = (names) => [...names].reduce((total, name) => total + gz(name), 0);
const loader = 'samverkan.min.js';
// The files an element imports when it is defined, beside its dataset's request: its parts and the dataset's
// checks, as the build names them (scripts/bundle-chunks.mjs's importedAtDefine, which import-at-once.mjs widens).
const atDefineFiles = new Set([...files.values()].filter((file) => Object.keys(file.modules).some(importedAtDefine)).map((file) => file.fileName));
if (!atDefineFiles.size) throw new Error('No file holds a module importedAtDefine accepts: the size bench no longer knows what loads beside a dataset.');
/** The files before a page's first row: `page` (what it renders with) and what its files import when an element is defined, with their imports; undefined for a page that imports none (a form). */
function withChecks(page) {
  const firstRow = new Set(page);
  for (const name of page) for (const imported of files.get(name).dynamicImports) if (atDefineFiles.has(imported)) closure(imported, firstRow);
  return firstRow.size > page.size ? firstRow : undefined;
}
const rows = [[`${loader} (the loader)`, gz(loader), undefined, 2 * 1024]];
// The files the loader imports, one per element.
const elementFiles = [...files.get(loader).dynamicImports];
const everyElement = new Set([loader]);
for (const name of elementFiles.sort()) {
  const page = closure(name, new Set([loader]));
  // What an element needs only once it has data must not be in its first download (a merge of small chunks could put it there).
  for (const file of page) {
    const parts = Object.keys(files.get(file).modules).filter(importedAtDefine);
    if (parts.length) throw new Error(`${file}, which ${name} imports before it renders, holds ${parts.join(', ')}: code the element needs only once it has data (scripts/bundle-chunks.mjs).`);
  }
  for (const file of page) everyElement.add(file);
  const firstRow = withChecks(page);
  rows.push([`a page with <${name.replace(/-[\w-]{8}\.min\.js$/, '')}> (${page.size}${firstRow ? ` + ${firstRow.size - page.size}` : ''} files)`, sum(page), firstRow && sum(firstRow), 25 * 1024]);
}
// "All of them" in issue 18 means the five elements it names; every element is printed too.
const FIVE = ['signatory-list', 'meeting-calendar', 'contact-finder', 'signup-form', 'principles'];
const fiveElements = new Set([loader]);
for (const name of elementFiles) {
  if (FIVE.some((element) => name.startsWith(`samverkan-${element}-`))) for (const file of closure(name, new Set([loader]))) fiveElements.add(file);
}
const fiveFirstRow = withChecks(fiveElements);
rows.push([`a page with the five of issue 18 (${fiveElements.size} + ${fiveFirstRow.size - fiveElements.size} files)`, sum(fiveElements), sum(fiveFirstRow), 45 * 1024]);
const everyFirstRow = withChecks(everyElement);
rows.push([`a page with all ${elementFiles.length} elements (${everyElement.size} + ${everyFirstRow.size - everyElement.size} files, each shared file once)`, sum(everyElement), sum(everyFirstRow), undefined]);
rows.push(['samverkan-all.min.js and what it imports', sum(closure('samverkan-all.min.js')), sum(withChecks(closure('samverkan-all.min.js'))), undefined]);
for (const file of everyFirstRow) everyElement.add(file);
for (const name of [...files.keys()].sort()) {
  if (everyElement.has(name) || name === 'samverkan-all.min.js') continue;
  rows.push([`  on demand: ${name.replace(/-[\w-]{8}\.min\.js$/, '')}`, gz(name), undefined, undefined]);
}
console.log('"before it renders": the files an element needs to show its heading and loading state (its static imports);');
console.log('"before its first row": those and what it imports beside its dataset\'s request (the checks), which the');
console.log('first row waits for (with the dataset itself). The budget is checked against "before it renders".');
console.log('what'.padEnd(66), 'before it renders'.padStart(18), 'before its first row'.padStart(21), '  budget (before it renders)');
for (const [label, bytes, firstRow, budget] of rows) {
  console.log(
    label.padEnd(66),
    kb(bytes).padStart(18),
    (firstRow === undefined ? '—' : kb(firstRow)).padStart(21),
    budget === undefined ? '' : `  ≤ ${kb(budget)} ${bytes <= budget ? 'met' : `OVER by ${kb(bytes - budget)}`}`,
  );
}

// ——— what sharing chunks costs a page with one element ———
// The same element bundled alone into one file (its own dynamic imports kept
// apart): the bytes its code needs before it renders, without the cost of
// shared chunks (each file gzipped on its own, exports between them, code
// other elements need merged into a shared file). The difference is what a
// finer split could still win for that page; the rest is code.
console.log('\nEach page with one element before it renders, as the bench counts it (files gzipped apart) beside the');
console.log('same element bundled alone into one file (the loader not included in either):');
console.log('page'.padEnd(30), 'shared chunks'.padStart(14), 'alone'.padStart(9));
{
  const { defineModules } = await import('../../../scripts/element-entries.mjs');
  const plugins = config.plugins.filter((p) => p.name !== 'samverkan-remove-old-chunks');
  for (const [tag, path] of Object.entries(defineModules())) {
    const name = elementFiles.find((file) => file.startsWith(`${tag}-`));
    if (!name) continue;
    const single = await rollup({ ...config, input: path, plugins, onwarn() {}, logLevel: 'silent' });
    const { output: alone } = await single.generate({ ...config.output, manualChunks: undefined, experimentalMinChunkSize: undefined, entryFileNames: 'alone.js' });
    await single.close();
    const entry = alone.find((file) => file.type === 'chunk' && file.isEntry);
    const code = [entry, ...alone.filter((file) => file.type === 'chunk' && entry.imports.includes(file.fileName))].map((file) => file.code).join('\n');
    const page = closure(name, new Set());
    console.log(tag.replace(/^samverkan-/, '').padEnd(30), kb(sum(page)).padStart(14), kb(gzipSync(code, { level: 9 }).length).padStart(9));
  }
}

// ——— where the bytes come from ———
const short = (id) => id.replace(/^.*\/node_modules\//, '').replace(/^.*\/packages\//, '').replace(/^\0/, '');
console.log('\nWhere the bytes come from: every file a page with all the elements loads (largest first), and its');
console.log('modules by minified bytes (terser on the module alone) and that alone gzipped (the sums overstate');
console.log('the file a little: gzip reuses strings across modules in one file).');
// Each module minified alone, once (the sums below and the per-file lists use it).
const minified = new Map();
async function minifiedModule(id, module) {
  if (!minified.has(id)) minified.set(id, (await minify(module.code, { module: true, compress: { passes: 2, unused: false }, mangle: true, format: { comments: false } })).code);
  return minified.get(id);
}
/** The package a module comes from: lit, ky, zod, tslib, sdk (its validators apart), elements. */
function packageOf(id) {
  if (/\/node_modules\/(?:lit|lit-html|lit-element|@lit\/[\w-]+)\//.test(id)) return 'lit';
  const dependency = /\/node_modules\/((?:@[\w-]+\/)?[\w.-]+)\//.exec(id)?.[1];
  if (dependency) return dependency;
  if (/\/packages\/sdk\/src\/(?:validators\/|parse-dataset|read-dataset|json-text|follow-up-references|rules\/)/.test(id)) return 'sdk: validation';
  if (/\/packages\/sdk\/src\/client\//.test(id)) return 'sdk: client';
  if (/\/packages\/sdk\//.test(id)) return 'sdk: other';
  return 'elements';
}
const PACKAGES = ['lit', 'ky', 'sdk: client', 'sdk: validation', 'sdk: other', 'elements', 'tslib', 'zod'];
console.log('\nEach page before it renders (and all of them before their first rows) by where its code comes from (KB gzip');
console.log('of that code minified, gzipped together per column; the columns overstate the page a little, as the files');
console.log('are gzipped apart):');
console.log('page'.padEnd(30), ...PACKAGES.map((p) => p.padStart(16)));
for (const name of [...elementFiles.sort(), 'all']) {
  const page = name === 'all' ? everyElement : closure(name, new Set([loader]));
  const code = new Map(PACKAGES.map((p) => [p, '']));
  for (const file of page) {
    for (const [id, module] of Object.entries(files.get(file).modules)) {
      if (!module.code) continue;
      const pkg = packageOf(id);
      code.set(pkg, (code.get(pkg) ?? '') + (await minifiedModule(id, module)));
    }
  }
  const label = name === 'all' ? 'all of them' : name.replace(/^samverkan-|-[\w-]{8}\.min\.js$/g, '');
  console.log(label.padEnd(30), ...PACKAGES.map((p) => (code.get(p) ? kb(gzipSync(code.get(p), { level: 9 }).length) : '-').padStart(16)));
}

const pageFiles = [...everyElement].sort((a, b) => gz(b) - gz(a));
for (const name of pageFiles) {
  const file = files.get(name);
  const users = elementFiles.filter((element) => { const page = closure(element, new Set()); return (withChecks(page) ?? page).has(name); }).map((e) => e.replace(/^samverkan-|-[\w-]{8}\.min\.js$/g, ''));
  console.log(`\n${name.replace(/-[\w-]{8}\.min\.js$/, '')}  ${kb(gz(name))} gzip, ${kb(file.code.length)} minified; loaded by ${name === loader ? 'every page' : users.join(', ')}`);
  const modules = [];
  for (const [id, module] of Object.entries(file.modules)) {
    if (!module.code) continue;
    const code = await minifiedModule(id, module);
    modules.push([short(id), code.length, gzipSync(code, { level: 9 }).length]);
  }
  modules.sort((a, b) => b[2] - a[2]);
  for (const [id, min, zipped] of modules) console.log(`  ${kb(zipped).padStart(8)}  ${kb(min).padStart(8)}  ${id}`);
}
