import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod';
import * as zm from 'zod/mini';
import fc from 'fast-check';
import { describeTextProblem, findTextProblems, findUnsafeText, isSafeText, safeTextCheck, SignupApplicationSchema } from '@samverkan/sdk';

const codes = (text: string) => findTextProblems(text).map((p) => `${p.code} ${p.codePoint} @${p.position}`);

describe('findTextProblems: control characters', () => {
  test('NUL, other C0 controls, DEL and C1 controls are found with their position', () => {
    assert.deepEqual(codes('Hovsjö\u0000IF'), ['control-character U+0000 @7']);
    assert.deepEqual(codes('a\u0007b\u001Bc'), ['control-character U+0007 @2', 'control-character U+001B @4']);
    assert.deepEqual(codes('x\u007F'), ['control-character U+007F @2']);
    assert.deepEqual(codes('\u0085 \u009F'), ['control-character U+0085 @1', 'control-character U+009F @3']);
  });

  test('tab, line feed and carriage return are text, not problems', () => {
    assert.deepEqual(codes('Rad ett\r\nRad två\tslut'), []);
  });

  test('positions count characters, not UTF-16 units (an emoji before counts once)', () => {
    assert.deepEqual(codes('😀\u0000'), ['control-character U+0000 @2']);
  });
});

describe('findTextProblems: surrogates', () => {
  test('a high surrogate without its low half, and a low one on its own, are found', () => {
    assert.deepEqual(codes('a\uD800b'), ['lone-surrogate U+D800 @2']);
    assert.deepEqual(codes('a\uDC00'), ['lone-surrogate U+DC00 @2']);
    assert.deepEqual(codes('\uD83D'), ['lone-surrogate U+D83D @1']);
  });

  test('a proper pair (an emoji, a rare CJK letter) is fine', () => {
    assert.deepEqual(codes('Kör 😀 𠀀'), []);
  });
});

describe('findTextProblems: bidirectional controls', () => {
  test('an override or embedding without U+202C is unpaired', () => {
    assert.deepEqual(codes('Hovsjö IF\u202E evil'), ['unpaired-bidi-control U+202E @10']);
    assert.deepEqual(codes('\u202Aa\u202Bb\u202C'), ['unpaired-bidi-control U+202A @1']);
    assert.deepEqual(codes('\u202Dx'), ['unpaired-bidi-control U+202D @1']);
  });

  test('an isolate without U+2069 is unpaired', () => {
    assert.deepEqual(codes('\u2066a'), ['unpaired-bidi-control U+2066 @1']);
    assert.deepEqual(codes('a\u2067b'), ['unpaired-bidi-control U+2067 @2']);
    assert.deepEqual(codes('\u2068'), ['unpaired-bidi-control U+2068 @1']);
  });

  test('balanced and nested ones pass', () => {
    assert.deepEqual(codes('\u202Bعربي\u202C och svenska'), []);
    assert.deepEqual(codes('\u2067\u202Eab\u202C\u2069'), []);
    assert.deepEqual(codes('\u202A\u2066x\u2069\u202C'), []);
  });

  test('a closer with nothing to close is reported', () => {
    assert.deepEqual(codes('a\u202C'), ['unpaired-bidi-control U+202C @2']);
    assert.deepEqual(codes('a\u2069'), ['unpaired-bidi-control U+2069 @2']);
  });

  test('an isolate ends an embedding opened inside it, which then counts as unpaired', () => {
    assert.deepEqual(codes('\u2066\u202Ex\u2069'), ['unpaired-bidi-control U+202E @2']);
  });

  test('U+202C does not close an isolate, nor U+2069 an embedding', () => {
    assert.deepEqual(codes('\u2066x\u202C'), ['unpaired-bidi-control U+2066 @1', 'unpaired-bidi-control U+202C @3']);
    assert.deepEqual(codes('\u202Ex\u2069'), ['unpaired-bidi-control U+202E @1', 'unpaired-bidi-control U+2069 @3']);
  });

  test('a line break does not close an override (in HTML it is a space)', () => {
    assert.deepEqual(codes('\u202Ea\nb'), ['unpaired-bidi-control U+202E @1']);
  });

  test('other format characters (zero-width space, joiner, marks) are not this rule', () => {
    assert.deepEqual(codes('a\u200Bb\u200Dc\uFEFF\u200E\u200F'), []);
  });
});

describe('describeTextProblem', () => {
  test('says what, where and how to fix, in English and Swedish', () => {
    const [override] = findTextProblems('Hovsjö IF\u202E');
    assert.equal(describeTextProblem(override!), 'contains a right-to-left override (U+202E) at character 10 that is never closed; remove it, or close it with U+202C');
    assert.equal(
      describeTextProblem(override!, 'sv'),
      'innehåller en höger-till-vänster-åsidosättning (U+202E) vid tecken 10 som aldrig avslutas; ta bort den eller avsluta den med U+202C',
    );
    const [nul] = findTextProblems('a\u0000');
    assert.equal(describeTextProblem(nul!), 'contains a null character (U+0000) at character 2; remove it');
    assert.equal(describeTextProblem(nul!, 'sv'), 'innehåller ett nolltecken (U+0000) vid tecken 2; ta bort det');
    const [lone] = findTextProblems('\uD800');
    assert.match(describeTextProblem(lone!), /broken character .*U\+D800/);
    const [isolate] = findTextProblems('\u2067');
    assert.match(describeTextProblem(isolate!), /close it with U\+2069/);
  });
});

describe('findUnsafeText: any JSON value', () => {
  test('names the path of each unsafe string, deep in objects and arrays', () => {
    const issues = findUnsafeText({
      organisation: { name: 'Hovsjö IF\u202E', districts: ['Hovsjö', 'Ronna\u0000'] },
      contact: { name: 'Anna Exempel' },
      count: 3,
      ok: true,
      none: null,
    });
    assert.deepEqual(
      issues.map((i) => [i.path, i.code]),
      [
        ['organisation.name', 'unpaired-bidi-control'],
        ['organisation.districts[1]', 'control-character'],
      ],
    );
    assert.deepEqual(issues[1]!.segments, ['organisation', 'districts', 1]);
  });

  test('a prefix path and the Swedish messages', () => {
    const [issue] = findUnsafeText(['ok', 'x\u0001'], { path: ['organisations', 4, 'activities'], lang: 'sv' });
    assert.equal(issue!.path, 'organisations[4].activities[1]');
    assert.match(issue!.message, /^innehåller ett styrtecken \(U\+0001\)/);
  });

  test('object keys are checked too', () => {
    const [issue] = findUnsafeText({ ['na\u202Eme']: 'x' });
    assert.equal(issue!.code, 'unpaired-bidi-control');
    assert.deepEqual(issue!.segments, ['na\u202Eme']);
  });

  test('a plain string and clean data give nothing', () => {
    assert.deepEqual(findUnsafeText('Bidragsföreningen i Södertälje'), []);
    assert.deepEqual(findUnsafeText({ a: ['b', { c: 'عربي' }] }), []);
    assert.equal(findUnsafeText('\u0000')[0]!.path, '');
  });
});

describe('safeTextCheck: the refinement the server puts on its write schemas', () => {
  const application = {
    organisation: { name: 'Hovsjö IF', form: 'non-profit-association', email: 'info@hovsjo-if.example.org' },
    contact: { name: 'Anna Exempel', email: 'anna@example.org' },
    acceptsPrinciples: true,
    consent: true,
    language: 'sv',
  };

  test('on a zod/mini schema: refuses an override in the organisation name at its path', () => {
    const Schema = SignupApplicationSchema.check(safeTextCheck());
    assert.equal(Schema.safeParse(application).success, true);
    const bad = { ...application, organisation: { ...application.organisation, name: 'Hovsjö IF\u202E' } };
    const result = Schema.safeParse(bad);
    assert.equal(result.success, false);
    assert.deepEqual(result.error!.issues.map((i) => i.path), [['organisation', 'name']]);
    assert.match(result.error!.issues[0]!.message, /right-to-left override/);
  });

  test('on a classic zod schema and nested inside one, paths are prefixed', () => {
    const Inner = z.object({ text: z.string() }).check(safeTextCheck({ lang: 'sv' }));
    const Outer = z.object({ items: z.array(Inner) });
    const result = Outer.safeParse({ items: [{ text: 'ok' }, { text: 'nul\u0000' }] });
    assert.equal(result.success, false);
    assert.deepEqual(result.error!.issues[0]!.path, ['items', 1, 'text']);
    assert.match(result.error!.issues[0]!.message, /styrtecken|nolltecken/);
    assert.deepEqual((result.error!.issues[0] as { params?: unknown }).params, { textSafety: 'control-character' });
  });

  test('on a single string schema', () => {
    const Name = zm.string().check(safeTextCheck());
    assert.equal(Name.safeParse('Anna').success, true);
    assert.equal(Name.safeParse('An\uD800na').success, false);
  });
});

test('property: text built only from safe characters is safe; inserting one control character is always found at its place', () => {
  const safeChar = fc
    .string({ unit: 'grapheme', maxLength: 1, minLength: 1 })
    .filter((c) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(c));
  fc.assert(
    fc.property(fc.array(safeChar, { maxLength: 30 }), fc.nat(), fc.constantFrom(0x00, 0x08, 0x1f, 0x7f, 0x85, 0x9f), (chars, at, control) => {
      assert.equal(isSafeText(chars.join('')), true);
      const index = at % (chars.length + 1);
      const text = [...chars.slice(0, index), String.fromCharCode(control), ...chars.slice(index)].join('');
      const found = findTextProblems(text);
      assert.equal(found.length, 1);
      assert.equal(found[0]!.code, 'control-character');
      // The position counts code points before it, plus one.
      assert.equal(found[0]!.position, [...chars.slice(0, index).join('')].length + 1);
    }),
    { numRuns: 500 },
  );
});
