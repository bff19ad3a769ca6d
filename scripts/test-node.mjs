// Runs every Node test (`*.test.ts` under packages/sdk, packages/server and test/,
// except browser tests) with Node's own test runner. Node 20's `--test` takes
// no globs, so the files are listed here. `samverkan-source` makes
// `@samverkan/*` imports resolve to the TypeScript sources (compiled by tsx).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

// test/ holds the tests that span packages (packaging, the README's snippet).
const roots = ['packages/sdk', 'packages/server', 'test'];
const files = [];
function walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.ts') && !name.endsWith('.browser.test.ts')) files.push(path);
  }
}
for (const root of roots) walk(root);
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
if (selected.length === 0) {
  console.error('No Node test files found.');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--conditions=samverkan-source', '--import', 'tsx', '--test', '--test-concurrency=2', ...selected],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
