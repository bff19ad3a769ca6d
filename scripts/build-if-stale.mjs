// `npm start` builds only when something the build reads changed since the
// last build (`npm ci` already built once through `prepare`; building again
// took a minute and printed it all twice). The last build's time is the stamp
// that scripts/after-build.mjs writes; a missing output or stamp means build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const at = (path) => join(root, path);
const STAMP = at('node_modules/.samverkan-build-stamp');
const OUTPUTS = ['packages/sdk/dist/index.js', 'packages/elements/dist/samverkan.min.js', 'packages/server/dist/cli.js'];

/** The newest modification time under `path` (a file or a folder), tests left out: they are not built. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.ts$/.test(path) ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => (name === 'node_modules' || name === 'dist' ? 0 : newest(join(path, name)))));
}

function inputsChangedAfter(time) {
  const packages = readdirSync(at('packages'));
  const inputs = [
    'rollup.config.mjs',
    'tsconfig.base.json',
    'package-lock.json',
    'scripts',
    ...packages.flatMap((name) => [`packages/${name}/src`, `packages/${name}/scripts`, `packages/${name}/package.json`]),
    ...packages.flatMap((name) => readdirSync(at(`packages/${name}`)).filter((f) => /^tsconfig.*\.json$|\.config\.mjs$/.test(f)).map((f) => `packages/${name}/${f}`)),
  ];
  return inputs.some((input) => newest(at(input)) > time);
}

const built = existsSync(STAMP) && OUTPUTS.every((file) => existsSync(at(file))) ? statSync(STAMP).mtimeMs : 0;
if (built && !inputsChangedAfter(built)) process.exit(0);

console.log(built ? 'The sources changed since the last build: building (about a minute) …' : 'Building (about a minute) …');
const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
