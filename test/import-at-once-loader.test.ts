// The loader's rewrite (scripts/import-at-once.mjs's widenLoader, issue 18), on a chunk graph written here (no build
// needed): each element's import requests, beside the element's file, its static closure and what it imports when
// defined (importedAtDefine: its parts, the dataset's checks, and what they import), the first before the second,
// and nothing it imports on demand (another language's strings). test/autoloader-round-trips.test.ts checks the built
// loader in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a build script in plain JavaScript, without types.
import { importAtOnce } from '../scripts/import-at-once.mjs';
import { importedAtDefine } from '../scripts/bundle-chunks.mjs';

const chunk = (imports: string[], dynamicImports: string[], moduleIds: string[]) => ({ imports, dynamicImports, moduleIds });
const chunks = {
  'samverkan.min.js': chunk([], ['samverkan-list-1.min.js', 'samverkan-form-1.min.js'], ['\0samverkan:autoloader']),
  'samverkan-list-1.min.js': chunk(['samverkan-core-1.min.js', 'samverkan-dataset-1.min.js'], ['samverkan-list-parts-1.min.js', 'samverkan-lang-en-1.min.js'], ['/p/packages/elements/src/define/samverkan-list.ts']),
  'samverkan-form-1.min.js': chunk(['samverkan-core-1.min.js'], ['samverkan-later-1.min.js'], ['/p/packages/elements/src/define/samverkan-form.ts']),
  'samverkan-core-1.min.js': chunk([], ['samverkan-lang-en-1.min.js'], ['/p/node_modules/lit-html/lit-html.js']),
  'samverkan-dataset-1.min.js': chunk(['samverkan-core-1.min.js'], ['samverkan-validate-1.min.js'], ['/p/packages/elements/src/controllers/dataset-controller.ts']),
  'samverkan-validate-1.min.js': chunk(['samverkan-time-1.min.js', 'samverkan-dataset-1.min.js'], ['samverkan-zod-1.min.js'], ['/p/packages/elements/src/data/dataset-source.ts']),
  'samverkan-time-1.min.js': chunk([], [], ['/p/packages/sdk/src/helpers/time.ts']),
  'samverkan-zod-1.min.js': chunk([], [], ['/p/node_modules/zod/index.js']),
  'samverkan-list-parts-1.min.js': chunk(['samverkan-core-1.min.js', 'samverkan-time-1.min.js'], [], ['/p/packages/elements/src/list/list-parts.ts']),
  'samverkan-later-1.min.js': chunk(['samverkan-zod-1.min.js'], [], ['/p/packages/elements/src/internal/form-steps.ts']),
  'samverkan-lang-en-1.min.js': chunk([], [], ['/p/packages/elements/src/list/messages.en.ts']),
};
const code = 'export const loaders={list:()=>import("./samverkan-list-1.min.js"),form:()=>import("./samverkan-form-1.min.js").then((m)=>m.s)};\n';
type Plugin = { renderChunk(code: string, chunk: object, options: unknown, meta: { chunks: typeof chunks }): { code: string } | null };
const plugin = importAtOnce(importedAtDefine, { loaderEntry: '\0samverkan:autoloader' }) as Plugin;

test("the loader requests each element's static closure, then its parts and checks with theirs, and nothing imported on demand", () => {
  const out = plugin.renderChunk(code, { fileName: 'samverkan.min.js', facadeModuleId: '\0samverkan:autoloader' }, {}, { chunks });
  assert.ok(out, 'the loader was not rewritten');
  const table = JSON.parse(/samverkanFiles=(\[[^\]]*\])/.exec(out.code)![1]!) as string[];
  const listed = (element: string) => {
    const keys = new RegExp(`samverkanWithFiles\\(import\\("\\./samverkan-${element}-1\\.min\\.js"\\),"(\\w*)"\\)`).exec(out.code)?.[1];
    assert.ok(keys !== undefined, `the import of ${element} was not widened: ${out.code}`);
    return [...keys].map((key) => table[parseInt(key, 36)]);
  };
  assert.deepEqual(listed('list'), ['core-1', 'dataset-1', 'validate-1', 'time-1', 'list-parts-1']);
  // The form imports its later steps (zod) when the reader starts answering, not when it is defined.
  assert.deepEqual(listed('form'), ['core-1']);
  assert.match(out.code, /samverkanWithFiles\(import\("\.\/samverkan-form-1\.min\.js"\),"0"\)\.then\(\(m\)=>m\.s\)/);
});

test('another chunk keeps the widening of its own imports of parts (their static closure only)', () => {
  const list = 'const parts=()=>import("./samverkan-list-parts-1.min.js");\n';
  const out = plugin.renderChunk(list, { fileName: 'samverkan-list-1.min.js', facadeModuleId: '/p/packages/elements/src/define/samverkan-list.ts' }, {}, { chunks });
  assert.match(out!.code, /Promise\.all\(\[import\("\.\/samverkan-list-parts-1\.min\.js"\),import\('\.\/samverkan-time-1\.min\.js'\)\]\)/);
  assert.doesNotMatch(out!.code, /samverkanWithFiles/);
});
