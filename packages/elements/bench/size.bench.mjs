// Bundle sizes, gzip level 9, of the bundle as the build splits it:
// samverkan.min.js (every element, the SDK and its validation, Lit, the
// Swedish UI strings) and the files it imports only when a reader needs them
// (each other language's strings, …). Then what a reader downloads in all
// (samverkan.min.js plus what their page imports), each element alone with
// everything it pulls in, and the shared parts for reference.
// Budget (issue 4): the whole bundle with every element, the SDK and
// validation ≤ 35 KB gzip.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildBundleFiles } from './build-bundle.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (code) => gzipSync(code, { level: 9 }).length;
const BUDGET = 35 * 1024;

const rows = [];
const row = (label, raw, gzip) => rows.push({ label, raw, gzip });
async function measure(label, entry) {
  try {
    const [main] = await buildBundleFiles(entry);
    row(label, main.code.length, gz(main.code));
  } catch (error) {
    console.log(`${label}: could not be built (${error.message.split('\n')[0]})`);
  }
}

// The whole bundle, file by file.
const files = await buildBundleFiles('packages/elements/src/define/index.ts');
const [main, ...onDemand] = files;
row('samverkan.min.js (every element, SDK, validation, sv)', main.code.length, gz(main.code));
for (const file of onDemand) row(`  imported on demand: ${file.fileName.replace(/-[\w-]{8}\.min\.js$/, '')}`, file.code.length, gz(file.code));

// What a reader downloads: samverkan.min.js plus the files their page imports.
const languageFile = (lang) => onDemand.find((file) => file.fileName.startsWith(`samverkan-lang-${lang}-`));
// (Before anyone asks for an .ics file, and without json-ld: those files come only then.)
const totals = [['a Swedish page, all five elements', [main]]];
for (const lang of ['en', 'fi', 'ar']) totals.push([`a page in ${lang}, all five elements`, [main, languageFile(lang)].filter(Boolean)]);
totals.push(['every file of the bundle', files]);
for (const [label, parts] of totals) {
  row(`downloaded by ${label}`, parts.reduce((sum, f) => sum + f.code.length, 0), parts.reduce((sum, f) => sum + gz(f.code), 0));
}

const defines = readdirSync(new URL('../src/define/', import.meta.url)).filter((f) => f.startsWith('samverkan-') && f.endsWith('.ts'));
for (const file of defines.sort()) await measure(`<${file.replace(/\.ts$/, '')}> alone`, `packages/elements/src/define/${file}`);

// What each element adds to samverkan.min.js: the whole bundle minus one
// element (its define module left out), so shared code is not counted.
const defineDir = fileURLToPath(new URL('../src/define/', import.meta.url));
const without = mkdtempSync(fileURLToPath(new URL('./.size-', import.meta.url)));
for (const file of defines.sort()) {
  const others = defines.filter((f) => f !== file).map((f) => `import ${JSON.stringify(join(defineDir, f))};`).join('\n');
  writeFileSync(join(without, 'entry.js'), `${others}\n`);
  try {
    const [rest] = await buildBundleFiles(join(without, 'entry.js'));
    row(`<${file.replace(/\.ts$/, '')}> adds to samverkan.min.js`, main.code.length - rest.code.length, gz(main.code) - gz(rest.code));
  } catch (error) {
    console.log(`without ${file}: could not be built (${error.message.split('\n')[0]})`);
  }
}
rmSync(without, { recursive: true, force: true });

// For reference: what every element shares (Lit + the base class with the
// SDK's client and parseDataset), and its parts alone, each with what it
// pulls in (so they overlap: the client validates what it loads).
// (Inside the package, so bare imports such as 'lit' resolve from node_modules.)
const tmp = mkdtempSync(fileURLToPath(new URL('./.size-', import.meta.url)));
const source = (path) => JSON.stringify(fileURLToPath(new URL(path, import.meta.url)));
const probes = [
  ['common ground: Lit + base class + SDK client/validation', `export { SamverkanElement } from ${source('../src/internal/samverkan-element.ts')};`],
  ['  Lit alone (LitElement, html, css)', `export { LitElement, html, css } from 'lit';`],
  ['  parseDataset alone (zod/mini, schemas, fast path)', `export { parseDataset } from ${source('../../sdk/src/parse-dataset.ts')};`],
  ['  the schemas alone (zod/mini + datasetSchema)', `export { datasetSchema } from ${source('../../sdk/src/schemas/dataset.ts')};`],
  ['  ky alone', `export { default } from 'ky';`],
  ['  SDK client (ky + errors + validation)', `export { createClient } from ${source('../../sdk/src/client/client.ts')};`],
];
for (const [index, [label, code]] of probes.entries()) {
  writeFileSync(join(tmp, `probe-${index}.js`), `${code}\n`);
  await measure(label, join(tmp, `probe-${index}.js`));
}
rmSync(tmp, { recursive: true, force: true });

console.log('bundle'.padEnd(60), 'minified'.padStart(10), 'gzip'.padStart(10));
for (const { label, raw, gzip } of rows) console.log(label.padEnd(60), kb(raw).padStart(10), kb(gzip).padStart(10));
const verdict = (bytes) => (bytes <= BUDGET ? 'within budget' : `OVER by ${kb(bytes - BUDGET)}`);
const everything = files.reduce((sum, f) => sum + gz(f.code), 0);
const worstPage = Math.max(...totals.slice(0, 4).map(([, parts]) => parts.reduce((sum, f) => sum + gz(f.code), 0)));
console.log(`\nbudget ≤ 35 KB gzip for every element, the SDK and validation:`);
console.log(`  samverkan.min.js alone (a Swedish page): ${kb(gz(main.code))} → ${verdict(gz(main.code))}`);
console.log(`  the most any one page downloads (one language): ${kb(worstPage)} → ${verdict(worstPage)}`);
console.log(`  every file together (all four languages): ${kb(everything)} → ${verdict(everything)}`);
