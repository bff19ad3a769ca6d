import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isJsonSyntaxError, isValidationError, lineColumn, locateJsonSyntaxError, parseDataset, parseJsonText, type JsonSyntaxError } from '@samverkan/sdk';
import { minimalDataset } from './fixtures/minimal.js';

function syntaxError(text: string): JsonSyntaxError {
  try {
    parseJsonText(text);
  } catch (error) {
    assert.ok(isJsonSyntaxError(error), String(error));
    return error;
  }
  assert.fail('parsed');
}

describe('parseJsonText', () => {
  test('parses JSON, and skips a byte order mark at the start', () => {
    assert.deepEqual(parseJsonText('{"a":[1,"två",null]}'), { a: [1, 'två', null] });
    assert.deepEqual(parseJsonText('\uFEFF{"a":1}'), { a: 1 });
  });

  test('a missing comma between two properties: the line and column of what follows, and the line shown', () => {
    const error = syntaxError('{\n  "id": "hovsjo-if"\n  "name": "Hovsjö IF"\n}');
    assert.equal(error.problem, 'expected-comma-or-brace');
    assert.deepEqual([error.line, error.column, error.position], [3, 3, 24]);
    assert.equal(error.message, 'line 3, column 3: expected "," or "}" after a property\'s value (a missing comma?)');
    assert.equal(error.messages.sv, 'rad 3, kolumn 3: väntade "," eller "}" efter ett fälts värde (saknas ett kommatecken?)');
    assert.equal(error.excerpt, '  "name": "Hovsjö IF"\n  ^');
  });

  test('each kind of break is named', () => {
    const cases: [string, string, number, number][] = [
      ['', 'empty', 1, 1],
      ['   \n ', 'empty', 2, 2],
      ['{"a": [1, 2}', 'expected-comma-or-bracket', 1, 12],
      ['{"a": 1,}', 'expected-property-name', 1, 9],
      ["{'a': 1}", 'expected-property-name', 1, 2],
      ['{"a" 1}', 'expected-colon', 1, 6],
      ['{"a": tru}', 'unexpected-character', 1, 10],
      ['{"a": undefined}', 'unexpected-character', 1, 7],
      ['{"a": "b', 'unterminated-string', 1, 7],
      ['{"a": "b\nc"}', 'control-character-in-string', 1, 9],
      ['{"a": "\\x"}', 'bad-escape', 1, 8],
      ['{"a": "\\u12"}', 'bad-escape', 1, 8],
      ['{"a": 01}', 'expected-comma-or-brace', 1, 8],
      ['{"a": -}', 'bad-number', 1, 8],
      ['{"a": 1.}', 'bad-number', 1, 9],
      ['{"a": 1} x', 'trailing-content', 1, 10],
      ['{"a": [1, 2', 'unexpected-end', 1, 12],
      ['{"a":\n', 'unexpected-end', 2, 1],
    ];
    for (const [text, problem, line, column] of cases) {
      const error = syntaxError(text);
      assert.deepEqual([error.problem, error.line, error.column], [problem, line, column], JSON.stringify(text));
    }
  });

  test('a very long line is cut around the place', () => {
    const text = `{"a": "${'x'.repeat(5000)}" "b": 1}`;
    const error = syntaxError(text);
    assert.equal(error.column, 5010);
    const [shown, caret] = error.excerpt.split('\n');
    assert.ok(shown!.length <= 72, shown);
    assert.ok(shown!.startsWith('…x'));
    assert.equal(shown![caret!.length - 1], '"');
  });

  test('the cause is the engine\'s own error', () => {
    assert.ok(syntaxError('{').cause instanceof SyntaxError);
  });
});

test('lineColumn counts lines from 1 and columns from 1', () => {
  assert.deepEqual(lineColumn('ab\ncd\n', 0), { position: 0, line: 1, column: 1 });
  assert.deepEqual(lineColumn('ab\ncd\n', 4), { position: 4, line: 2, column: 2 });
  assert.deepEqual(lineColumn('ab\r\ncd', 4), { position: 4, line: 2, column: 1 });
});

test('property: the scan agrees with JSON.parse on what is JSON, and a break is always inside the text', () => {
  const damaged = fc.tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\\', 'x', '\n', '0', '-', '{', '[')).map(([value, at, insert]) => {
    const text = JSON.stringify(value, null, at % 3);
    const cut = text.length === 0 ? 0 : at % (text.length + 1);
    // Insert a character, or remove the one at `cut` when the insert is empty.
    return insert ? text.slice(0, cut) + insert + text.slice(cut) : text.slice(0, cut) + text.slice(cut + 1);
  });
  fc.assert(
    fc.property(fc.oneof(fc.json(), damaged), (text) => {
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      const location = locateJsonSyntaxError(text);
      assert.equal(location === undefined, parses, `${JSON.stringify(text)}: scan ${JSON.stringify(location)}, JSON.parse ${parses}`);
      if (location) {
        assert.ok(location.position >= 0 && location.position <= text.length);
        assert.deepEqual(lineColumn(text, location.position), { position: location.position, line: location.line, column: location.column });
      }
    }),
    { numRuns: 3000 },
  );
});

test('parseDataset reports broken JSON by line and column', () => {
  const text = JSON.stringify(minimalDataset(), null, 2).replace('"beta",', '"beta"');
  try {
    parseDataset(text);
    assert.fail('parsed');
  } catch (error) {
    assert.ok(isValidationError(error));
    assert.equal(error.issues[0]!.code, 'invalid-json');
    assert.match(error.issues[0]!.message, /^is not valid JSON: line \d+, column 7: expected "," or "}" after a property's value/);
  }
  // A byte order mark no longer makes a good file unreadable.
  assert.equal(parseDataset('\uFEFF' + JSON.stringify(minimalDataset())).dataset.organisations.length, 3);
});
