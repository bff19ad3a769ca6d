// `npm run bench`: runs every benchmark script, one after another (they time
// things, so they must not share the two cores with each other). A benchmark
// is any `packages/<name>/bench/*.bench.ts` or `*.bench.mjs`; it prints its
// own figures. `npm run bench -- server` runs only those whose path matches;
// arguments starting with `--` are handed to each benchmark run
// (`npm run bench -- packages/server/bench/http --runs=3`).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const options = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
const files = readdirSync('packages')
  .map((name) => join('packages', name, 'bench'))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).filter((f) => /\.bench\.(ts|mjs)$/.test(f)).map((f) => join(dir, f)))
  .filter((file) => only.length === 0 || only.some((o) => file.includes(o)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ['--conditions=samverkan-source', '--import', 'tsx', '--expose-gc', file, ...options], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
if (files.length === 0) console.log('No benchmarks found.');
process.exit(failed ? 1 : 0);
