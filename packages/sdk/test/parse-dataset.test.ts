import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDataset, isValidationError, parseDataset, parseDatasetWithoutZod, readDataset, ValidationError, type Issue } from '@samverkan/sdk';
import { zodExplainer } from '../src/explain-with-zod.js';
import { minimalDataset } from './fixtures/minimal.js';

const paths = (issues: Issue[]) => issues.map((i) => i.path);

function fatal(input: unknown): ValidationError {
  try {
    parseDataset(input);
  } catch (error) {
    assert.ok(isValidationError(error), `expected a ValidationError, got ${String(error)}`);
    return error as ValidationError;
  }
  assert.fail('parseDataset did not throw');
}

describe('parseDataset: a valid dataset', () => {
  test('is read with no issues and keeps every entry', () => {
    const { dataset, issues } = parseDataset(minimalDataset());
    assert.deepEqual(issues, []);
    assert.equal(dataset.organisations.length, 3);
    assert.equal(dataset.principles[0]!.commitments.length, 2);
    assert.equal(dataset.meetings[0]!.status, 'scheduled');
  });

  test('reads a JSON string too', () => {
    const { dataset } = parseDataset(JSON.stringify(minimalDataset()));
    assert.equal(dataset.contacts[0]!.name, 'Karin Exempel');
  });

  test('fills empty lists and the default status', () => {
    const input = minimalDataset();
    delete input.meetings[0].status;
    const { dataset } = parseDataset(input);
    assert.deepEqual(dataset.organisations[2]!.districts, []);
    assert.equal(dataset.meetings[0]!.status, 'scheduled');
  });

  test('keeps unknown keys out of the result, including __proto__', () => {
    const input = minimalDataset();
    input.organisations[0].secret = 'x';
    input.extra = true;
    const withProto = JSON.parse(JSON.stringify(input).replace('"id":"beta"', '"__proto__":{"polluted":1},"id":"beta"'));
    const { dataset } = parseDataset(withProto);
    assert.equal('secret' in dataset.organisations[0]!, false);
    assert.equal('extra' in dataset, false);
    assert.equal(Object.getPrototypeOf(dataset.organisations[1]), Object.prototype);
    assert.equal(({} as any).polluted, undefined);
  });

  test('normalises URLs and organisation numbers', () => {
    const input = minimalDataset();
    input.organisations[0].website = 'HTTPS://Alfa.Example.ORG/om oss';
    input.organisations[0].organisationNumber = '168024801238';
    const { dataset } = parseDataset(input);
    assert.equal(dataset.organisations[0]!.website, 'https://alfa.example.org/om%20oss');
    assert.equal(dataset.organisations[0]!.organisationNumber, '802480-1238');
  });
});

describe('parseDataset: lenient by default', () => {
  const cases: [string, (d: any) => void, string, RegExp][] = [
    ['a javascript: website', (d) => (d.organisations[1].website = 'javascript:alert(1)'), 'organisations[1].website', /http:\/\/ or https:\/\//],
    ['a data: URL', (d) => (d.meetings[0].registrationUrl = 'data:text/html,<b>x</b>'), 'meetings[0].registrationUrl', /web address/],
    ['a bad e-mail', (d) => (d.organisations[0].email = 'not-an-address'), 'organisations[0].email', /e-mail/],
    ['a bad phone number', (d) => (d.contacts[0].phone = 'call me'), 'contacts[0].phone', /phone number/],
    ['a date-time without an offset', (d) => (d.meetings[0].start = '2026-03-12T18:00:00'), 'meetings[0].start', /offset/],
    ['a meeting that ends before it starts', (d) => (d.meetings[0].end = '2026-03-12T17:00:00+01:00'), 'meetings[0].end', /after the start/],
    ['an unknown form', (d) => (d.organisations[2].form = 'club'), 'organisations[2].form', /must be one of/],
    ['a missing name', (d) => delete d.organisations[1].name, 'organisations[1].name', /is required/],
    ['a bad check digit', (d) => (d.organisations[0].organisationNumber = '802480-1239'), 'organisations[0].organisationNumber', /check digit/],
    ['a text without the default language', (d) => (d.contacts[0].title = { en: 'Only English' }), 'contacts[0].title', /default language "sv"/],
    ['a commitment with an unknown party', (d) => {
      d.principles[0].commitments[1].party = 'everyone';
      d.contacts[0].principles = ['dialogue'];
    }, 'principles[0].commitments[1].party', /must be one of/],
    ['a number where a text belongs', (d) => (d.developmentAreas[0].title = 42), 'developmentAreas[0].title', /text/],
  ];
  for (const [what, mutate, path, message] of cases) {
    test(`drops the entry with ${what} and reports ${path}`, () => {
      const input = minimalDataset();
      mutate(input);
      const listName = path.split('[')[0] as 'organisations';
      const before = input[listName].length;
      const { dataset, issues } = parseDataset(input);
      assert.deepEqual(paths(issues), [path]);
      assert.match(issues[0]!.message, message);
      assert.equal(dataset[listName].length, before - 1);
    });
  }

  test('drops a second entry with an id already used, and says so', () => {
    const input = minimalDataset();
    input.organisations[2].id = 'alpha';
    const { dataset, issues } = parseDataset(input);
    assert.deepEqual(dataset.organisations.map((o) => o.name), ['Alfa Idrottsförening', 'Beta Stiftelse']);
    assert.deepEqual(paths(issues), ['organisations[2].id']);
    assert.equal(issues[0]!.code, 'duplicate-id');
  });

  test('removes a reference to a principle that does not exist, keeps the contact, names the input index', () => {
    const input = minimalDataset();
    input.contacts.unshift({ id: 'broken' });
    input.contacts[1].principles = ['openness', 'nowhere'];
    const { dataset, issues } = parseDataset(input);
    assert.deepEqual(dataset.contacts[0]!.principles, ['openness']);
    assert.deepEqual(paths(issues), ['contacts[0].name', 'contacts[0].title', 'contacts[0].unit', 'contacts[1].principles[1]']);
    assert.equal(issues.at(-1)!.code, 'unknown-reference');
  });
});

describe('parseDataset: a broken top level throws a ValidationError that names the path', () => {
  test('not an object', () => {
    for (const input of [null, 42, 'not json', [], true]) {
      const error = fatal(input);
      assert.ok(error.issues.length >= 1);
      assert.equal(error.issues[0]!.path, '');
    }
  });

  test('JSON whose value is a string (even one holding a whole dataset, or text that is not JSON) is not read a second time', async () => {
    const inner = JSON.stringify(minimalDataset());
    for (const text of [JSON.stringify('not json'), JSON.stringify(inner), JSON.stringify('')]) {
      const error = fatal(text);
      assert.deepEqual(paths(error.issues), ['']);
      assert.match(error.issues[0]!.message, /must be a JSON object/);
      // The same for the zod-free paths: no dataset, and the same error once zod names it.
      assert.equal(parseDatasetWithoutZod(text), undefined);
      await assert.rejects(readDataset(text), (thrown) => isValidationError(thrown) && /must be a JSON object/.test(thrown.issues[0]!.message));
      // A progressive check reads the text once too.
      assert.throws(() => checkDataset(text, { explain: zodExplainer }), (thrown) => isValidationError(thrown) && thrown.issues[0]!.path === '');
    }
  });

  test('a wrong schemaVersion', () => {
    const error = fatal({ ...minimalDataset(), schemaVersion: '2' });
    assert.deepEqual(paths(error.issues), ['schemaVersion']);
    assert.match(error.message, /schemaVersion: must be "1"/);
  });

  test('a missing or broken agreement', () => {
    const input = minimalDataset();
    delete input.agreement;
    assert.deepEqual(paths(fatal(input).issues), ['agreement']);
    const broken = minimalDataset();
    broken.agreement.municipality.website = 'javascript:void 0';
    assert.deepEqual(paths(fatal(broken).issues), ['agreement.municipality.website']);
  });

  test('a list that is not a list', () => {
    assert.deepEqual(paths(fatal({ ...minimalDataset(), meetings: {} }).issues), ['meetings']);
  });
});

describe('parseDataset: strict', () => {
  test('throws one error that lists every problem', () => {
    const input = minimalDataset();
    input.organisations[0].website = 'ftp://x.example.org';
    input.meetings[0].end = input.meetings[0].start;
    assert.throws(
      () => parseDataset(input, { strict: true }),
      (error: unknown) =>
        error instanceof ValidationError &&
        error.issues.length === 2 &&
        /organisations\[0\]\.website/.test(error.message) &&
        /meetings\[0\]\.end/.test(error.message),
    );
  });

  test('returns the dataset when there is no problem', () => {
    assert.equal(parseDataset(minimalDataset(), { strict: true }).issues.length, 0);
  });
});
