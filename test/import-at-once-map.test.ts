// The source map of scripts/import-at-once.mjs's rewrite, read by Node's own reader (node:module's SourceMap):
// the rewritten import — `Promise.all([`, the import itself, the added imports, `.then` — maps back to the
// original import's line and column, and the code after it, on its line and the next, to where it was.
// No build needed: the plugin's hook runs on a chunk graph written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceMap } from 'node:module';
// @ts-expect-error: a build script in plain JavaScript, without types.
import { importAtOnce } from '../scripts/import-at-once.mjs';

const chunks = {
  'element.js': { imports: ['core.js'], moduleIds: ['/src/element.ts'] },
  'core.js': { imports: [], moduleIds: ['/src/core.ts'] },
  'parts.js': { imports: ['core.js', 'time.js'], moduleIds: ['/src/parts.ts'] },
  'time.js': { imports: [], moduleIds: ['/src/time.ts'] },
};
// The import is on the third line (2, zero-based), at column 22; `after` follows it on that line and the next.
const code = ['import "./core.js";', 'const one = 1;', 'export const parts = () => import("./parts.js").then(after);', 'function after(m) { return m; }', ''].join('\n');
const importLine = 2;
const importColumn = code.split('\n')[importLine]!.indexOf('import(');

type Rendered = { code: string; map: { mappings: string; sources: string[]; sourcesContent?: (string | null)[] } } | null;
const plugin = importAtOnce(() => true) as { renderChunk(code: string, chunk: { fileName: string }, options: unknown, meta: { chunks: typeof chunks }): Rendered };

function rendered() {
  const out = plugin.renderChunk(code, { fileName: 'element.js' }, {}, { chunks });
  assert.ok(out, 'the import of parts.js was not rewritten');
  return out;
}

/** The zero-based line and column of the `nth` (0 = first) `text` in `source`. */
function positionOf(source: string, text: string, nth = 0) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = source.indexOf(text, offset + 1);
  assert.notEqual(offset, -1, `${JSON.stringify(text)} is not in ${JSON.stringify(source)}`);
  const before = source.slice(0, offset).split('\n');
  return { line: before.length - 1, column: before.at(-1)!.length };
}

test('the import of a chunk with files of its own beside it is widened to them', () => {
  assert.match(rendered().code, /Promise\.all\(\[import\("\.\/parts\.js"\),import\('\.\/time\.js'\)\]\)\.then\(\(m\) => m\[0\]\)\.then\(after\)/);
});

test('the source map maps the rewritten import back to its original line and column', () => {
  const { code: out, map } = rendered();
  const reader = new SourceMap(map as unknown as ConstructorParameters<typeof SourceMap>[0]);
  const original = (line: number, column: number) => {
    const entry = reader.findEntry(line, column) as { originalLine?: number; originalColumn?: number; originalSource?: string };
    return { line: entry.originalLine, column: entry.originalColumn };
  };
  const at = (text: string, nth = 0) => {
    const { line, column } = positionOf(out, text, nth);
    return original(line, column);
  };
  const theImport = { line: importLine, column: importColumn };
  assert.deepEqual(at('Promise.all(['), theImport);
  assert.deepEqual(at('import("./parts.js")'), theImport);
  assert.deepEqual(at("import('./time.js')"), theImport);
  assert.deepEqual(at('.then((m) => m[0])'), theImport);
  // What follows the import on its line, and the lines before and after, keep their own positions.
  assert.deepEqual(at('.then(after)'), positionOf(code, '.then(after)'));
  assert.deepEqual(at('const one'), positionOf(code, 'const one'));
  assert.deepEqual(at('function after'), positionOf(code, 'function after'));
  assert.deepEqual(at('return m'), positionOf(code, 'return m'));
  assert.equal(map.sources[0], 'element.js');
  assert.equal(map.sourcesContent?.[0], code);
});
