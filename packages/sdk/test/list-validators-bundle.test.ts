// Per-list validators (issue 18): a page that checks a dataset with only the
// organisations' validators bundles those, not the meetings' (nor their
// offset rule), which the check loads by itself, in a file of their own, when
// it finishes. Bundled here with rollup, as the build does (code split at each
// dynamic import); the browser bundle's own chunks are measured by the size bench.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { rollup, type OutputChunk, type Plugin } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';

/** The SDK's TypeScript sources as the build reads them: `./x.js` is `./x.ts`, compiled (types dropped) by esbuild. */
const typescriptSources: Plugin = {
  name: 'samverkan-test-ts',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
    const ts = join(importer, '..', source.replace(/\.js$/, '.ts'));
    return existsSync(ts) ? ts : null;
  },
  async transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    return { code: (await transform(code, { loader: 'ts', format: 'esm' })).code, map: null };
  },
};

/**
 * A page whose script is `code`, bundled by rollup as rollup.config.mjs does
 * (the SDK's modules free of side effects, split at each dynamic import): the
 * code of the files loaded before anything runs (the entry and what it
 * imports statically), and of those loaded later.
 */
async function bundle(code: string): Promise<{ first: string; later: string }> {
  // Inside the repository, so that `@samverkan/sdk` resolves as for a page (its samverkan-source entry).
  const dir = mkdtempSync(fileURLToPath(new URL('./.bundle-', import.meta.url)));
  try {
    const entry = join(dir, 'page.ts');
    writeFileSync(entry, code);
    const built = await rollup({
      input: entry,
      onwarn() {},
      treeshake: { moduleSideEffects: (id) => !/\/packages\/sdk\/src\//.test(id) },
      plugins: [typescriptSources, nodeResolve({ browser: true, exportConditions: ['samverkan-source', 'production', 'browser'], extensions: ['.ts', '.js', '.mjs'] })],
    });
    const { output } = await built.generate({ format: 'es' });
    await built.close();
    const chunks = new Map(output.filter((file): file is OutputChunk => file.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
    const first = new Set<string>();
    const visit = (name: string) => {
      if (first.has(name)) return;
      first.add(name);
      for (const imported of chunks.get(name)!.imports) visit(imported);
    };
    visit([...chunks.values()].find((chunk) => chunk.isEntry)!.fileName);
    const text = (names: string[]) => names.map((name) => chunks.get(name)!.code).join('\n');
    return { first: text([...first]), later: text([...chunks.keys()].filter((name) => !first.has(name))) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Strings only the meetings' validator ("information-meeting", a meeting kind) and their offset rule's issue code have.
const MEETING_VALIDATOR = /information-meeting/;
const OFFSET_RULE = /meeting-offset/;
const ORGANISATION_VALIDATOR = /study-association/;

test('a page that starts the check with only the organisations\' validators does not download the meetings\' validator or offset rule first; the check\'s own import brings them later', async () => {
  const { first, later } = await bundle(`
    import { startDatasetCheck, listValidators, organisationsListValidator } from '@samverkan/sdk';
    export const check = (json: unknown) => startDatasetCheck(json, { validators: listValidators({ organisations: organisationsListValidator }) });
  `);
  assert.match(first, ORGANISATION_VALIDATOR, 'the organisations\' validator is in the first download');
  assert.doesNotMatch(first, MEETING_VALIDATOR, 'the meetings\' validator is not');
  assert.doesNotMatch(first, OFFSET_RULE, 'nor their offset rule');
  assert.match(later, MEETING_VALIDATOR, 'the meetings\' validator is in a file loaded later');
  assert.match(later, OFFSET_RULE);
});

test('a page that starts with the meetings\' validators has them and their offset rule first, and not the organisations\'', async () => {
  const { first, later } = await bundle(`
    import { startDatasetCheck, listValidators, meetingsListValidator } from '@samverkan/sdk';
    export const check = (json: unknown) => startDatasetCheck(json, { validators: listValidators({ meetings: meetingsListValidator }) });
  `);
  assert.match(first, MEETING_VALIDATOR);
  assert.match(first, OFFSET_RULE);
  assert.doesNotMatch(first, ORGANISATION_VALIDATOR);
  assert.match(later, ORGANISATION_VALIDATOR);
});
