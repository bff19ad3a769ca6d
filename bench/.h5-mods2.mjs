import { rollup } from 'rollup';
import configs from '../rollup.config.mjs';
const config = configs.at(-1);
const bundle = await rollup({ ...config, onwarn() {}, logLevel: 'silent' });
const { output } = await bundle.generate(config.output);
for (const chunk of output.filter((c) => c.type === 'chunk' && /zod|safe-url/.test(c.fileName))) {
  console.log('==', chunk.fileName, chunk.code.length);
  for (const [id, m] of Object.entries(chunk.modules)) if (!id.includes('node_modules') && m.renderedLength > 0) console.log(String(m.renderedLength).padStart(7), id.replace(/.*packages\//, ''));
  const z = Object.entries(chunk.modules).filter(([id]) => id.includes('node_modules/zod')).reduce((a, [, m]) => a + m.renderedLength, 0);
  console.log('   zod', z);
}
const info = bundle.cache.modules.find((m) => m.id.endsWith('sdk/src/schemas/common.ts'));
await bundle.close();
