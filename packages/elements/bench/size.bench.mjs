// Bundle sizes, gzip level 9: the whole self-registering bundle
// (dist/samverkan.min.js as the build makes it) and each element with
// everything it pulls in (its define module bundled alone), plus the shared
// parts on their own for reference. Budget (issue 4): whole bundle ≤ 35 KB gzip.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildBundle } from './build-bundle.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (code) => gzipSync(code, { level: 9 }).length;

const rows = [];
async function measure(label, entry) {
  try {
    const code = await buildBundle(entry);
    rows.push({ label, raw: code.length, gzip: gz(code) });
  } catch (error) {
    console.log(`${label}: could not be built (${error.message.split('\n')[0]})`);
  }
}

await measure('samverkan.min.js (every element, SDK, validation)', 'packages/elements/src/define/index.ts');
const defines = readdirSync(new URL('../src/define/', import.meta.url)).filter((f) => f.startsWith('samverkan-') && f.endsWith('.ts'));
for (const file of defines.sort()) await measure(`<${file.replace(/\.ts$/, '')}> alone`, `packages/elements/src/define/${file}`);

// For reference: what every element shares (Lit + the base class with the
// SDK's client and parseDataset), and Lit alone.
// (Inside the package, so bare imports such as 'lit' resolve from node_modules.)
const tmp = mkdtempSync(fileURLToPath(new URL('./.size-', import.meta.url)));
const base = fileURLToPath(new URL('../src/internal/samverkan-element.ts', import.meta.url));
writeFileSync(join(tmp, 'base.js'), `export { SamverkanElement } from ${JSON.stringify(base)};\n`);
writeFileSync(join(tmp, 'lit.js'), `export { LitElement, html, css } from 'lit';\n`);
await measure('common ground: Lit + base class + SDK client/validation', join(tmp, 'base.js'));
await measure('Lit alone (LitElement, html, css)', join(tmp, 'lit.js'));
rmSync(tmp, { recursive: true, force: true });

console.log('bundle'.padEnd(56), 'minified'.padStart(10), 'gzip'.padStart(10));
for (const { label, raw, gzip } of rows) console.log(label.padEnd(56), kb(raw).padStart(10), kb(gzip).padStart(10));
const whole = rows[0].gzip;
console.log(`\nbudget: whole bundle ≤ 35 KB gzip → ${kb(whole)} ${whole <= 35 * 1024 ? 'within budget' : `OVER by ${kb(whole - 35 * 1024)}`}`);
