// The two entries of the browser bundle, made at build time from the
// elements' define/ modules, so that a new element needs no loader edit: every
// packages/elements/src/define/samverkan-<name>.ts registers <samverkan-<name>>.
//
// - `samverkan:autoloader` (samverkan.min.js): the small loader, with one
//   dynamic import() per element; rollup gives each its own hashed file and
//   resolves it relative to the loader's URL.
// - `samverkan:all` (samverkan-all.min.js): imports every define module at
//   once, for a site that wants every element registered as soon as the script
//   has run.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DEFINE_DIR = resolve('packages/elements/src/define');
const LOADER = resolve('packages/elements/src/autoloader/autoloader.ts');
export const AUTOLOADER_ENTRY = 'samverkan:autoloader';
export const ALL_ENTRY = 'samverkan:all';

/** Tag → absolute path of its define module, for every define/samverkan-*.ts. */
export function defineModules(dir = DEFINE_DIR) {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => /^samverkan-[a-z0-9-]+\.ts$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'))
      .sort()
      .map((name) => [name.replace(/\.ts$/, ''), join(dir, name)]),
  );
}

/** The source of each virtual entry. */
export function entrySource(id, modules = defineModules()) {
  if (id === AUTOLOADER_ENTRY) {
    const lines = Object.entries(modules).map(([tag, path]) => `  ${JSON.stringify(tag)}: () => import(${JSON.stringify(path)}),`);
    return `import { startAutoloader } from ${JSON.stringify(LOADER)};\nexport const samverkan = startAutoloader({\n${lines.join('\n')}\n});\n`;
  }
  if (id === ALL_ENTRY) return `${Object.values(modules).map((path) => `import ${JSON.stringify(path)};`).join('\n')}\nexport {};\n`;
  return undefined;
}

/** A rollup plugin that answers the two virtual entries. */
export function elementEntries() {
  return {
    name: 'samverkan-element-entries',
    resolveId(id) {
      return id === AUTOLOADER_ENTRY || id === ALL_ENTRY ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith('\0')) return null;
      const source = entrySource(id.slice(1));
      if (source === undefined) return null;
      // A new define module must rebuild the entries in watch mode too.
      this.addWatchFile(DEFINE_DIR);
      return source;
    },
  };
}
