// The generated validators are written from the workspace's zod, but a user
// may have any zod the SDK's peer range allows: the property tests run again
// with the lowest one (the `zod-lowest` devDependency, an npm alias), with
// every `zod` import redirected to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const peer = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).peerDependencies.zod as string;
const lowest = JSON.parse(readFileSync(new URL('../../../node_modules/zod-lowest/package.json', import.meta.url), 'utf8')).version as string;

test('the zod-lowest devDependency is the lowest version of the SDK\'s peer range', () => {
  const match = /^\^(\d+\.\d+\.\d+)$/.exec(peer);
  assert.ok(match, `the peer range ${peer} is not of the form ^x.y.z: say here how to find its lowest version`);
  assert.equal(lowest, match[1], `package.json devDependencies: "zod-lowest": "npm:zod@${match[1]}"`);
});

test(`the property tests pass with zod ${lowest}`, () => {
  // Without the runner's own variable, so that the child reports in TAP to us rather than to the runner.
  const { NODE_TEST_CONTEXT: _, ...environment } = process.env;
  const result = spawnSync(
    process.execPath,
    ['--conditions=samverkan-source', '--import', 'tsx', '--import', './packages/sdk/test/helpers/zod-lowest.mjs', '--test', '--test-reporter=tap', 'packages/sdk/test/generated-validators.properties.test.ts'],
    { cwd: root, encoding: 'utf8', env: { ...environment, SAMVERKAN_EXPECT_ZOD: lowest } },
  );
  const output = `${result.stdout}\n${result.stderr}`;
  const count = (what: string) => Number(new RegExp(`^# ${what} (\\d+)$`, 'm').exec(output)?.[1] ?? NaN);
  assert.equal(result.status, 0, output.split('\n').filter((line) => /^not ok|error|Counterexample/.test(line)).slice(0, 20).join('\n') || output.slice(-3000));
  assert.ok(count('pass') >= 90, `only ${count('pass')} passed`);
  assert.equal(count('fail'), 0);
  assert.match(output, new RegExp(`ok \\d+ - runs against zod ${lowest.replace(/\./g, '\\.')}`));
});
