// Each package, packed with `npm pack` as it would be published, installs
// into a fresh project and works from ESM there, and its types check under
// `tsc --noEmit`. Needs the build (`npm run build`, which `npm ci` runs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let dir = '';

before(() => {
  for (const file of ['packages/sdk/dist/index.js', 'packages/elements/dist/samverkan.min.js', 'packages/server/dist/index.js']) {
    assert.ok(existsSync(join(root, file)), `${file} is missing: run npm run build first`);
  }
  dir = mkdtempSync(join(tmpdir(), 'samverkan-pack-'));
  execFileSync(npm, ['pack', '--pack-destination', dir, '-w', '@samverkan/sdk', '-w', '@samverkan/elements', '-w', '@samverkan/server'], {
    cwd: root,
    stdio: 'pipe',
  });
  const tarballs = readdirSync(dir).filter((f) => f.endsWith('.tgz'));
  assert.equal(tarballs.length, 3, `npm pack made ${tarballs.join(', ')}`);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // Dependencies come from the npm registry (or npm's cache). Install scripts
  // are skipped: the one that matters, better-sqlite3's native build, is
  // replaced below by the addon this machine already built for the repository.
  execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', ...tarballs.map((t) => `./${t}`)], {
    cwd: dir,
    stdio: 'pipe',
  });
  const addon = join(root, 'node_modules/better-sqlite3/build');
  if (existsSync(addon)) cpSync(addon, join(dir, 'node_modules/better-sqlite3/build'), { recursive: true });
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(file: string, source: string) {
  writeFileSync(join(dir, file), source);
  const result = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

test('@samverkan/sdk: ESM import, the data model, the JSON Schema export and the samverkan bin', () => {
  const out = run(
    'sdk.mjs',
    `import { parseDataset, isValidOrganisationNumber, toICalendar } from '@samverkan/sdk';
     import { createRequire } from 'node:module';
     import { readFileSync } from 'node:fs';
     const schema = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@samverkan/sdk/dataset.schema.json'), 'utf8'));
     const { dataset, issues } = parseDataset(readFileSync(${JSON.stringify(join(root, 'examples/data/sodertalje.json'))}, 'utf8'));
     console.log(dataset.principles.length, issues.length, isValidOrganisationNumber('802480-1238'), typeof schema.properties, toICalendar(dataset.meetings).startsWith('BEGIN:VCALENDAR'));`,
  );
  assert.equal(out.trim(), '7 0 true object true');
  const bin = spawnSync(join(dir, 'node_modules/.bin/samverkan'), ['validate', join(root, 'examples/data/sodertalje.json')], { encoding: 'utf8' });
  assert.equal(bin.status, 0, bin.stderr);
  assert.match(bin.stdout, /valid/);
});

test('examples/sdk-node/report.mjs, copied into a project that installed the packed SDK, runs as its README says', () => {
  // The README's way until the SDK is on the registry: npm pack, install the tarball, copy the script.
  cpSync(join(root, 'examples/sdk-node/report.mjs'), join(dir, 'report.mjs'));
  const result = spawnSync(process.execPath, ['report.mjs', join(root, 'examples/data/sodertalje.json'), '--district=Järna', '--now=2026-09-01'], { cwd: dir, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /Upcoming meetings \(Europe\/Stockholm\) after 2026-09-01: \d+/);
  assert.match(result.stdout, /Signatories in Järna: \d+\n {2}Hundra Händer Volontärnätverk/);
  // It used the installed tarball, not the repository's sources.
  assert.ok(existsSync(join(dir, 'node_modules/@samverkan/sdk/dist/index.js')));
  assert.ok(!existsSync(join(dir, 'node_modules/@samverkan/sdk/src')), 'the packed SDK has no sources');
});

test('@samverkan/elements: the bundle, the define modules and the manifest are in the package', () => {
  const pkg = join(dir, 'node_modules/@samverkan/elements');
  for (const file of ['dist/samverkan.min.js', 'dist/samverkan-all.min.js', 'dist/index.js', 'dist/index.d.ts', 'custom-elements.json', 'LICENSE', 'README.md']) {
    assert.ok(existsSync(join(pkg, file)), `${file} is missing from the packed elements`);
  }
  const defines = readdirSync(join(pkg, 'dist/define')).filter((f) => f.endsWith('.js'));
  assert.ok(defines.includes('samverkan-contact-finder.js'), defines.join(', '));
  // Every file the loader and samverkan-all.min.js import, statically or on demand, is packed beside them.
  const reached = new Set<string>();
  const walk = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    assert.ok(existsSync(join(pkg, 'dist', file)), `${file} is missing from the packed elements`);
    const code = readFileSync(join(pkg, 'dist', file), 'utf8');
    for (const m of code.matchAll(/(?:import\(\s*|from\s*|import\s*)["']\.\/(samverkan[\w.-]*\.min\.js)["']/g)) walk(m[1]!);
  };
  walk('samverkan.min.js');
  walk('samverkan-all.min.js');
  for (const prefix of ['samverkan-lang-en-', 'samverkan-lang-fi-', 'samverkan-lang-ar-', 'samverkan-ics-file-', 'samverkan-json-ld-script-', 'samverkan-signup-form-', 'samverkan-meeting-calendar-']) {
    assert.ok([...reached].some((file) => file.startsWith(prefix)), `the bundle reaches no ${prefix}…: ${[...reached].join(', ')}`);
  }
  // The class modules import lit and the SDK from the consumer's node_modules.
  const out = run(
    'elements.mjs',
    `const resolved = import.meta.resolve('@samverkan/elements/define/samverkan-contact-finder.js');
     const index = import.meta.resolve('@samverkan/elements');
     console.log(resolved.endsWith('dist/define/samverkan-contact-finder.js'), index.endsWith('dist/index.js'));`,
  );
  assert.equal(out.trim(), 'true true');
});

test('@samverkan/server: starts from the packed package and answers /healthz and the dataset', () => {
  const out = run(
    'server.mjs',
    `import { readFileSync, mkdtempSync } from 'node:fs';
     import { tmpdir } from 'node:os';
     import { join } from 'node:path';
     import { createApp, createLogger } from '@samverkan/server';
     const dataset = JSON.parse(readFileSync(${JSON.stringify(join(root, 'examples/data/sodertalje.json'))}, 'utf8'));
     const app = createApp({ dataset, dataDir: mkdtempSync(join(tmpdir(), 'samverkan-pack-data-')), logger: createLogger('/dev/null') });
     await new Promise((resolve) => app.listen(0, '127.0.0.1', resolve));
     const base = 'http://127.0.0.1:' + app.address().port;
     const health = await fetch(base + '/healthz');
     const data = await (await fetch(base + '/api/v1/dataset')).json();
     console.log(health.status, data.principles.length);
     app.close();`,
  );
  assert.equal(out.trim(), '200 7');
});

test('the packed types check under tsc --noEmit in the consumer project', () => {
  writeFileSync(
    join(dir, 'consumer.ts'),
    `import { parseDataset, type Dataset, type Organisation, createClient, searchContacts } from '@samverkan/sdk';
     import type {} from '@samverkan/elements';
     import { createApp } from '@samverkan/server';
     const result: { dataset: Dataset } = parseDataset({});
     const first: Organisation | undefined = result.dataset.organisations[0];
     const client = createClient({ datasetUrl: 'https://kommun.example/api/v1/dataset' });
     void client.getDataset().then(({ dataset }) => searchContacts(dataset, 'bidrag'));
     void first; void createApp;
    `,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: ['node'] },
      files: ['consumer.ts'],
    }),
  );
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});
