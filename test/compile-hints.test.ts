// The browser bundle's compile hints (issue 18, scripts/bundle-chunks.mjs):
// every file the meeting calendar runs before its first month is painted
// (the files it imports statically, and its parts and the checks, which it
// imports when it is defined or connects, with theirs), and every file the
// signatory list loads beside its data, starts with V8's `//# allFunctionsCalledOnLoad`, so
// their functions are compiled as they load rather than on their first call in
// the middle of that render; the files that only some pages need later (zod,
// languages, iCalendar) do not. Terser must keep the comment, and the source
// maps must still point into the sources. Needs the build (`npm run build`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceMapConsumer } from 'source-map';
import { COMPILE_HINT } from '../scripts/bundle-chunks.mjs';
import { builtBundle } from './helpers/built-bundle.js';

const dist = fileURLToPath(new URL('../packages/elements/dist/', import.meta.url));
const files = existsSync(dist) ? readdirSync(dist).filter((name) => /^samverkan.*\.min\.js$/.test(name)) : [];
const { code, withStaticImports } = builtBundle(dist);
const hinted = (name: string) => code(name).startsWith(`${COMPILE_HINT}\n`);
const fileOf = (pattern: RegExp) => {
  const name = files.find((file) => pattern.test(file));
  assert.ok(name, `no file in packages/elements/dist matches ${pattern}: run npm run build first`);
  return name;
};
/** The file whose source map lists a source ending with `source`. */
function holding(source: string): string {
  const name = files.find((file) => (JSON.parse(readFileSync(join(dist, `${file}.map`), 'utf8')) as { sources: string[] }).sources.some((s) => s.endsWith(source)));
  assert.ok(name, `no file in packages/elements/dist holds ${source}: run npm run build first`);
  return name;
}

test('every file the calendar loads beside its data (its checks and parts, and what they import that its first download does not, but not a file another page needs before it renders) carries the compile hint, as its first line', () => {
  const calendar = fileOf(/^samverkan-meeting-calendar-(?!parts-)[\w-]+\.min\.js$/);
  const checks = holding('/src/data/dataset-source.ts');
  // What it imports when it is defined, beside its dataset's request (its datasetParts).
  const parts = holding('/src/meeting-calendar/utils/meeting-days.ts');
  const firstDownload = withStaticImports(calendar);
  const beside = new Set([...withStaticImports(checks), ...withStaticImports(parts)].filter((name) => !firstDownload.has(name)));
  assert.ok(beside.has(checks) && beside.has(parts) && beside.size >= 3, `only ${[...beside].join(', ')}`);
  // A file that another element's page needs before it renders cannot carry the hint (its bytes count against that
  // page's budget, and first downloads carry none, below): the calendar's parts share samverkan-safe-url (data texts in
  // their language, http(s)-only links) with the other elements' first downloads. Its functions compile on first call.
  const othersFirst = new Set(
    files.filter((name) => /^samverkan-(?:signatory-list|contact-finder|principles|follow-up|volunteer-board|signup-form)-(?!parts-)[\w-]+\.min\.js$/.test(name)).flatMap((name) => [...withStaticImports(name)]),
  );
  for (const name of beside) if (!othersFirst.has(name)) assert.ok(hinted(name), `${name} does not start with ${COMPILE_HINT}`);
  // The first download's files carry none: the pages' size budget (npm run bench -- size) counts every byte of them.
  for (const name of firstDownload) assert.equal(hinted(name), false, `${name} (in the first download) starts with the compile hint`);
});

test('every file the signatory list loads beside its data (its checks and parts: the Swedish order, the text helpers, the word index) carries the compile hint, its first download none', () => {
  const list = fileOf(/^samverkan-signatory-list-(?!parts-)[\w-]+\.min\.js$/);
  const checks = holding('/src/data/dataset-source.ts');
  // Its parts module only re-exports the SDK's organisation helpers: the file that holds those is its parts' file.
  const parts = holding('/sdk/src/helpers/organisations.ts');
  const firstDownload = withStaticImports(list);
  const beside = new Set([...withStaticImports(checks), ...withStaticImports(parts)].filter((name) => !firstDownload.has(name)));
  assert.ok(beside.has(parts) && beside.has(holding('/sdk/src/helpers/swedish-sort.ts')), `only ${[...beside].join(', ')}`);
  for (const name of beside) assert.ok(hinted(name), `${name} does not start with ${COMPILE_HINT}`);
  for (const name of firstDownload) assert.equal(hinted(name), false, `${name} (in the first download) starts with the compile hint`);
});

test('files loaded only when needed (zod, another language, iCalendar) and the loader carry no hint', () => {
  for (const pattern of [/^samverkan\.min\.js$/, /^samverkan-zod-/, /^samverkan-lang-en-/, /^samverkan-ics-file-/]) {
    const name = fileOf(pattern);
    assert.equal(hinted(name), false, `${name} starts with the compile hint`);
    assert.equal(code(name).includes('allFunctionsCalledOnLoad'), false);
  }
});

test("a hinted file's source map still points into the sources (the hint's line is counted)", async () => {
  const checks = holding('/sdk/src/progressive-dataset.ts');
  const text = code(checks);
  const map = await new SourceMapConsumer(JSON.parse(readFileSync(join(dist, `${checks}.map`), 'utf8')));
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('keptAt('));
  assert.ok(line > 0, 'keptAt is on a line after the hint');
  const position = map.originalPositionFor({ line: line + 1, column: lines[line]!.indexOf('keptAt(') });
  map.destroy();
  assert.match(position.source ?? '', /sdk\/src\/progressive-dataset\.ts$/);
  const original = readFileSync(fileURLToPath(new URL('../packages/sdk/src/progressive-dataset.ts', import.meta.url)), 'utf8').split('\n')[position.line! - 1];
  assert.match(original ?? '', /keptAt\(/, `line ${position.line} of progressive-dataset.ts: ${original}`);
});
