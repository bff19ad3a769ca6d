import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import configs from '../../../rollup.config.mjs';
const config = configs.find((c) => c.output?.dir === 'packages/elements/dist' && !c.output.preserveModules);
const bundle = await rollup({ ...config, plugins: config.plugins.filter((p) => p.name !== 'samverkan-remove-old-chunks'), onwarn() {}, logLevel: 'silent' });
const { output } = await bundle.generate(config.output);
for (const f of output.filter(f=>f.type==='chunk')) {
  console.log(`\n## ${f.fileName} ${f.code.length} raw ${gzipSync(f.code,{level:9}).length} gz; imports ${f.imports.join(',')} dyn ${f.dynamicImports.join(',')}`);
  const mods = Object.entries(f.modules).sort((a,b)=>b[1].renderedLength-a[1].renderedLength);
  for (const [id,m] of mods) if (m.renderedLength>0) console.log('  ', String(m.renderedLength).padStart(7), id.replace(/.*\/(node_modules|packages)\//,'$1/'));
}
