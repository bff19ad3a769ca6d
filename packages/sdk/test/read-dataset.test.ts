// readDataset and parseDatasetWithoutZod (the browser's way in) give what
// parseDataset gives: without zod for a valid dataset, with zod (loaded on
// demand) for one with a problem, which zod then names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDataset, parseDatasetWithoutZod, readDataset, ValidationError } from '@samverkan/sdk';

const text = readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8');

test('a valid dataset is read without zod, the same as parseDataset reads it', async () => {
  const quick = parseDatasetWithoutZod(text);
  assert.ok(quick, 'the demo needed zod');
  assert.deepEqual(quick, parseDataset(text));
  assert.deepEqual(await readDataset(text), parseDataset(text));
});

test('duplicate ids and dangling references need no zod, and are reported the same', () => {
  const data = JSON.parse(text);
  data.organisations.push({ ...data.organisations[0] });
  data.contacts[0].principles = [...data.contacts[0].principles, 'no-such-principle'];
  const quick = parseDatasetWithoutZod(data);
  assert.ok(quick);
  assert.deepEqual(quick, parseDataset(data));
  assert.deepEqual(quick.issues.map((i) => i.code).sort(), ['duplicate-id', 'unknown-reference']);
});

test('an invalid entry needs zod: parseDatasetWithoutZod says so, readDataset names the problem as parseDataset does', async () => {
  const data = JSON.parse(text);
  data.organisations[2].website = 'javascript:alert(1)';
  data.meetings[0].end = data.meetings[0].start;
  assert.equal(parseDatasetWithoutZod(data), undefined);
  const read = await readDataset(JSON.stringify(data));
  assert.deepEqual(read, parseDataset(data));
  assert.deepEqual(read.issues.map((i) => i.path), ['organisations[2].website', 'meetings[0].end']);
});

test('a broken top level and text that is not JSON are rejected with the same ValidationError', async () => {
  for (const bad of ['{"schemaVersion": "2"}', 'not json', '[]']) {
    const expected = (() => {
      try {
        parseDataset(bad);
      } catch (error) {
        return error as ValidationError;
      }
      throw new Error('parseDataset accepted it');
    })();
    await assert.rejects(readDataset(bad), (error: unknown) => error instanceof ValidationError && error.message === expected.message && JSON.stringify(error.issues) === JSON.stringify(expected.issues));
  }
});

test('strict: any problem throws, with or without zod', async () => {
  const data = JSON.parse(text);
  data.organisations.push({ ...data.organisations[0] });
  await assert.rejects(readDataset(data, { strict: true }), ValidationError);
  assert.throws(() => parseDatasetWithoutZod(data, { strict: true }), ValidationError);
});

test('text that is not JSON: parseDatasetWithoutZod leaves it to readDataset, which names the line and column', async () => {
  const broken = `${text.slice(0, 200)} oops`;
  assert.equal(parseDatasetWithoutZod(broken), undefined);
  await assert.rejects(readDataset(broken), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.equal(error.issues[0]!.code, 'invalid-json');
    assert.match(error.issues[0]!.message, /^is not valid JSON: line \d+, column \d+: /);
    return true;
  });
});

test('a byte order mark before the JSON is skipped on the quick path too', async () => {
  const quick = parseDatasetWithoutZod(`\uFEFF${text}`);
  assert.ok(quick, 'read without zod');
  assert.deepEqual(quick, parseDataset(text));
  assert.deepEqual(await readDataset(`\uFEFF${text}`), parseDataset(text));
});
