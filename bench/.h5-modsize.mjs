import { rollup } from 'rollup';
import configs from '../rollup.config.mjs';
const config = configs.at(-1);
const bundle = await rollup({ ...config, onwarn() {}, logLevel: 'silent' });
const { output } = await bundle.generate(config.output);
for (const chunk of output.filter((c) => c.type === 'chunk' && /safe-url|signatory-list|element-|search-field/.test(c.fileName))) {
  console.log('==', chunk.fileName, chunk.code.length);
  const mods = Object.entries(chunk.modules).map(([id, m]) => [id.replace(/.*node_modules\//, 'nm/').replace(/.*packages\//, ''), m.renderedLength]).sort((a, b) => b[1] - a[1]);
  const groups = {};
  for (const [id, n] of mods) { const g = id.startsWith('nm/') ? id.split('/').slice(0, id.startsWith('nm/@') ? 3 : 2).join('/') : id.split('/').slice(0, 3).join('/'); groups[g] = (groups[g] ?? 0) + n; }
  for (const [g, n] of Object.entries(groups).sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(String(n).padStart(8), g);
}
await bundle.close();
