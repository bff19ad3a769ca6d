// A build of the browser bundle leaves nothing of an earlier one in
// packages/elements/dist (rollup.config.mjs's removeOldChunks, from
// scripts/bundle-chunks.mjs): not the split-off files of another hash, their
// source maps, nor the brotli and gzip copies scripts/after-build.mjs wrote
// beside them. The rest of dist/ (the library build's files) stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOldChunks } from '../scripts/bundle-chunks.mjs';

test("removeOldChunks removes an earlier build's bundle files with their maps and compressed copies, and nothing else", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-old-build-'));
  try {
    const old = ['samverkan-lang-ar-OldHash1.min.js', 'samverkan-core-OldHash2.min.js', 'samverkan-all.min.js'].flatMap((name) =>
      ['', '.map', '.br', '.gz', '.map.br', '.map.gz'].map((suffix) => name + suffix),
    );
    const kept = ['index.js', 'index.d.ts', 'custom-elements.json', '.npmignore', 'samverkan.min.js', 'samverkan.min.js.br', 'define'];
    for (const name of [...old, ...kept.filter((name) => name !== 'define')]) writeFileSync(join(dir, name), 'x');
    mkdirSync(join(dir, 'define'));
    writeFileSync(join(dir, 'define', 'samverkan-signatory-list.js'), 'x');
    await removeOldChunks(dir).generateBundle();
    assert.deepEqual(readdirSync(dir).sort(), [...kept].sort());
    assert.deepEqual(readdirSync(join(dir, 'define')), ['samverkan-signatory-list.js']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
