// What a page downloads before its elements render (gzip level 9), built in
// memory exactly as rollup.config.mjs builds the browser bundle: the loader
// samverkan.min.js, then for each element its own file and every file that
// one imports statically (shared chunks counted once), in Swedish; then a page
// with all five; then what is only fetched on demand (other languages, the
// .ics and JSON-LD writers, zod for a dataset with a problem).
// Budgets (issue 18): loader ≤ 2 KB; any one element's page ≤ 25 KB; all five ≤ 45 KB.
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import configs from '../../../rollup.config.mjs';

const config = configs.at(-1);
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
const rows = [[`${loader} (the loader)`, gz(loader), 2 * 1024]];
// The files the loader imports, one per element.
const elementFiles = [...files.get(loader).dynamicImports];
const everyElement = new Set([loader]);
for (const name of elementFiles.sort()) {
  const page = closure(name, new Set([loader]));
  for (const file of page) everyElement.add(file);
  rows.push([`a page with <${name.replace(/-[\w-]{8}\.min\.js$/, '')}>`, sum(page), 25 * 1024]);
}
rows.push(['a page with all of them (each shared file once)', sum(everyElement), 45 * 1024]);
rows.push(['samverkan-all.min.js and what it imports', sum(closure('samverkan-all.min.js')), undefined]);
for (const name of [...files.keys()].sort()) {
  if (everyElement.has(name) || name === 'samverkan-all.min.js') continue;
  rows.push([`  on demand: ${name.replace(/-[\w-]{8}\.min\.js$/, '')}`, gz(name), undefined]);
}
console.log('what'.padEnd(62), 'gzip'.padStart(9), '  budget');
for (const [label, bytes, budget] of rows) {
  console.log(label.padEnd(62), kb(bytes).padStart(9), budget === undefined ? '' : `  ≤ ${kb(budget)} ${bytes <= budget ? 'met' : `OVER by ${kb(bytes - budget)}`}`);
}
