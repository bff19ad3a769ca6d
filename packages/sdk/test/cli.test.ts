import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The CLI runs as a user runs it: a child process on the TypeScript source,
// reading a file and setting its exit code.
const cli = fileURLToPath(new URL('../src/cli-run.ts', import.meta.url));
const demo = fileURLToPath(new URL('../../../examples/data/sodertalje.json', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--conditions=samverkan-source', '--import', 'tsx', cli, ...args], { encoding: 'utf8' });

function brokenCopy(): string {
  const data = JSON.parse(readFileSync(demo, 'utf8'));
  data.organisations[3].website = 'javascript:alert(1)';
  data.meetings[0].end = data.meetings[0].start;
  const file = join(mkdtempSync(join(tmpdir(), 'samverkan-cli-')), 'broken.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}

test('validate exits 0 on the demo dataset and says what it holds', () => {
  const result = run('validate', demo);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /valid \(7 principles, 4 developmentAreas, \d+ organisations/);
});

test('validate exits 1 on a broken copy and prints each problem with its path', () => {
  const result = run('validate', brokenCopy());
  assert.equal(result.status, 1);
  assert.match(result.stderr, /2 problems/);
  assert.match(result.stderr, /organisations\[3\]\.website: must be a web address starting with http:\/\/ or https:\/\//);
  assert.match(result.stderr, /meetings\[0\]\.end: must be after the start/);
});

test('validate --json prints machine-readable issues', () => {
  const result = run('validate', '--json', brokenCopy());
  assert.equal(result.status, 1);
  const report = JSON.parse(result.stdout);
  assert.equal(report.valid, false);
  assert.deepEqual(
    report.issues.map((i: { path: string }) => i.path),
    ['organisations[3].website', 'meetings[0].end'],
  );
});

test('a broken top level is reported with its path and exit code 1', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'samverkan-cli-')), 'top.json');
  writeFileSync(file, JSON.stringify({ schemaVersion: '2' }));
  const result = run('validate', file);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /cannot be read/);
  assert.match(result.stderr, /schemaVersion: must be "1"/);
});

test('a file that is not JSON, a missing file and a missing argument get clear messages', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'samverkan-cli-')), 'bad.json');
  writeFileSync(file, '{ nope');
  const notJson = run('validate', file);
  assert.equal(notJson.status, 1);
  assert.match(notJson.stderr, /not valid JSON/);
  const missing = run('validate', '/nonexistent/file.json');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read \/nonexistent\/file\.json/);
  const none = run('validate');
  assert.equal(none.status, 2);
  assert.match(none.stderr, /give exactly one dataset file/);
});
