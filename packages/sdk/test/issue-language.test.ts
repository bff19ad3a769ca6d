import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApplicationListQuerySchema,
  AuditListQuerySchema,
  ChangePasswordRequestSchema,
  ContentBatchSchema,
  CreateUserRequestSchema,
  entryLabel,
  findUnsafeText,
  isValidationError,
  localizeIssue,
  localizeIssueMessage,
  NewPasswordSchema,
  pathWithEntry,
  parseDataset,
  RejectBodySchema,
  SetPasswordRequestSchema,
  SignInRequestSchema,
  UpdateAccountRequestSchema,
  UpdateUserRequestSchema,
  validateWith,
  type Issue,
} from '@samverkan/sdk';
import { readFileSync } from 'node:fs';
import { minimalDataset } from './fixtures/minimal.js';

const demo = JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));

// Ways to break the minimal dataset, one problem each, covering the schemas' messages.
const breakers: ((d: any) => void)[] = [
  (d) => (d.organisations[0].name = ''),
  (d) => delete d.organisations[0].name,
  (d) => (d.organisations[0].name = 5),
  (d) => (d.organisations[0].id = 'has space'),
  (d) => (d.organisations[0].id = 'x'.repeat(129)),
  (d) => (d.organisations[0].form = 'club'),
  (d) => (d.organisations[0].website = 'ftp://x.example.org'),
  (d) => (d.organisations[0].email = 'nope'),
  (d) => (d.organisations[0].phone = '12'),
  (d) => (d.organisations[0].organisationNumber = '802480-1239'),
  (d) => (d.organisations[0].languages = ['not a tag']),
  (d) => (d.organisations[0].signature = { signedOn: '2025-13-01', via: 'adoption' }),
  (d) => (d.organisations[0].signature = { signedOn: '2025-01-01', via: 'mail' }),
  (d) => (d.organisations[0].districts = 'Centrum'),
  (d) => (d.organisations[0].description = { en: 'only English' }),
  (d) => (d.organisations[0].description = {}),
  (d) => (d.organisations[0].description = 7),
  (d) => (d.organisations[1].id = 'alpha'),
  (d) => (d.contacts[0].principles = ['openness', 'missing']),
  (d) => (d.meetings[0].end = d.meetings[0].start),
  (d) => (d.meetings[0].start = '2026-03-12 18:00'),
  (d) => (d.meetings[0].start = '2026-06-12T18:00:00+01:00'),
  (d) => (d.meetings[0].sequence = -1),
  (d) => (d.meetings[0].status = 'maybe'),
  (d) => (d.agreement.revisionIntervalYears = 0),
  (d) => (d.agreement.adoptedOn = 'May 2023'),
  (d) => (d.timeZone = 'Mars/Olympus'),
  (d) => (d.schemaVersion = '2'),
  // Follow-ups and opportunities (contract additions), on entries copied from the demo.
  (d) => (d.followUps = [{ ...demo.followUps[0], year: 1999 }]),
  (d) => (d.followUps = [{ ...demo.followUps[0], year: 2300 }]),
  (d) => (d.followUps = [{ ...demo.followUps[0], year: 'last' }]),
  (d) => (d.followUps = [demo.followUps[0], { ...demo.followUps[0], id: 'again' }]),
  (d) => (d.followUps = [{ ...demo.followUps[0], commitments: [{ commitmentId: 'nope', status: 'done' }] }]),
  (d) => (d.followUps = [{ ...demo.followUps[0], commitments: [{ commitmentId: 'openness-m1', status: 'done' }, { commitmentId: 'openness-m1', status: 'done' }] }]),
  (d) => (d.opportunities = [{ ...demo.opportunities[0], organisationId: 'alpha', contact: {} }]),
  (d) => (d.opportunities = [{ ...demo.opportunities[0], organisationId: 'nobody' }]),
  (d) => (d.opportunities = [{ ...demo.opportunities[0], organisationId: 'alpha', validThrough: '2000-01-01' }]),
];

test('every issue the schemas and parseDataset give is said in Swedish too', () => {
  const untranslated: string[] = [];
  for (const breakIt of breakers) {
    const data = minimalDataset();
    breakIt(data);
    let issues: Issue[];
    try {
      issues = parseDataset(data).issues;
    } catch (error) {
      assert.ok(isValidationError(error));
      issues = error.issues;
    }
    assert.ok(issues.length > 0, String(breakIt));
    for (const issue of issues) {
      const sv = localizeIssue(issue, 'sv');
      assert.equal(sv.path, issue.path);
      assert.equal(sv.code, issue.code);
      if (sv.message === issue.message) untranslated.push(issue.message);
    }
  }
  assert.deepEqual(untranslated, []);
});

test('Swedish messages keep the facts: values, numbers, ids', () => {
  const duplicate = minimalDataset();
  duplicate.organisations[1].id = 'alpha';
  const form = minimalDataset();
  form.organisations[0].form = 'club';
  const messages = [...parseDataset(duplicate).issues, ...parseDataset(form).issues].map((i) => localizeIssue(i, 'sv').message);
  assert.ok(messages.includes('"alpha" används redan av en annan post i organisations; posten utelämnades'), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('måste vara en av "non-profit-association", "foundation"')), messages.join('\n'));
  // A message the table does not know stays as it is rather than being lost.
  assert.equal(localizeIssue({ path: '', segments: [], code: 'x', message: 'something new' }, 'sv').message, 'something new');
});

test('entryLabel and pathWithEntry name an entry by name, title (default language) or id', () => {
  assert.equal(entryLabel({ id: 'a', name: '  Hovsjö   IF ' }), 'Hovsjö IF');
  assert.equal(entryLabel({ id: 'a', title: { en: 'Openness', sv: 'Öppenhet' } }, 'sv'), 'Öppenhet');
  assert.equal(entryLabel({ id: 'a', title: { en: 'Openness' } }, 'sv'), 'Openness');
  assert.equal(entryLabel({ id: 'a', name: '' }), 'a');
  assert.equal(entryLabel({ name: 'x'.repeat(100) })!.length, 60);
  assert.equal(entryLabel('text'), undefined);
  const data = { defaultLanguage: 'sv', organisations: [{ name: 'Alfa' }], meetings: [{ id: 'm-1', title: { sv: 'Dialogmöte' } }] };
  assert.equal(pathWithEntry(['organisations', 0, 'name'], data), 'organisations[0] (Alfa).name');
  assert.equal(pathWithEntry(['meetings', 0, 'location', 'name', 'sv'], data), 'meetings[0] (Dialogmöte).location.name.sv');
  assert.equal(pathWithEntry(['organisations', 0], data), 'organisations[0] (Alfa)');
  assert.equal(pathWithEntry(['organisations', 5, 'name'], data), 'organisations[5].name');
  assert.equal(pathWithEntry(['timeZone'], data), 'timeZone');
});

// What the server's routes take (validated with validateWith, as the server does): one or more problems each.
const wireBreakers: [name: string, schema: Parameters<typeof validateWith>[0], input: unknown][] = [
  ['sign-in, nothing', SignInRequestSchema, {}],
  ['sign-in, wrong types', SignInRequestSchema, { email: 5, password: 5, lang: 7 }],
  ['sign-in, bad values', SignInRequestSchema, { email: 'nope', password: '', lang: 'not a tag' }],
  ['sign-in, a password too long to check', SignInRequestSchema, { email: 'a@example.org', password: 'x'.repeat(5000) }],
  ['new user, bad values', CreateUserRequestSchema, { email: 'a@example.org', name: '', role: 'boss' }],
  ['new user, not an object', CreateUserRequestSchema, 'text'],
  ['new user, a name too long', CreateUserRequestSchema, { email: 'x'.repeat(250) + '@example.org', name: 'x'.repeat(201), role: 'admin' }],
  ['new user, unsafe text in the name', CreateUserRequestSchema, { email: 'a@example.org', name: 'A\u202Eb\u0007', role: 'admin' }],
  ['user change, nothing', UpdateUserRequestSchema, {}],
  ['user change, wrong types', UpdateUserRequestSchema, { name: 5, notifyApplications: 'yes' }],
  ['own account, nothing', UpdateAccountRequestSchema, {}],
  ['set password, nothing', SetPasswordRequestSchema, {}],
  ['set password, bad token', SetPasswordRequestSchema, { token: '', password: 'p' }],
  ['set password, long token', SetPasswordRequestSchema, { token: 'x'.repeat(201), password: 'p' }],
  ['change password, nothing', ChangePasswordRequestSchema, {}],
  ['new password, short', NewPasswordSchema, 'short'],
  ['new password, spaces', NewPasswordSchema, '   '],
  ['new password, long', NewPasswordSchema, 'x'.repeat(1025)],
  ['application list', ApplicationListQuerySchema, { status: 'x', reference: 'zz', limit: '0' }],
  ['audit list', AuditListQuerySchema, { limit: 'abc', cursor: 'x' }],
  ['decision', RejectBodySchema, { reason: 5 }],
  ['decision, a long reason', RejectBodySchema, { reason: 'x'.repeat(2001) }],
  ['batch, no writes', ContentBatchSchema, { writes: [] }],
  ['batch, nothing', ContentBatchSchema, {}],
  ['batch, bad write', ContentBatchSchema, { writes: [{ op: 'x', collection: 'y', id: 5 }], summary: 5 }],
  ['batch, not a list', ContentBatchSchema, { writes: 'no' }],
];

test("every issue of the server's wire schemas (validateWith) is said in Swedish too, and never as zod's bare \"Invalid input\"", () => {
  const untranslated: string[] = [];
  for (const [name, schema, input] of wireBreakers) {
    const result = validateWith(schema, input);
    assert.equal(result.success, false, name);
    if (result.success) continue;
    assert.ok(result.issues.length > 0, name);
    for (const issue of result.issues) {
      assert.doesNotMatch(issue.message, /^Invalid input/, `${name}: ${issue.path}`);
      const sv = localizeIssue(issue, 'sv');
      assert.deepEqual([sv.path, sv.code], [issue.path, issue.code]);
      if (sv.message === issue.message) untranslated.push(`${name}: ${issue.path}: ${issue.message}`);
    }
  }
  assert.deepEqual(untranslated, []);
});

test("unsafe text: a schema's English message is said in Swedish as findUnsafeText says it, keys included", () => {
  const values = ['A\u202Eb', 'x\u2069', 'a\u0000b', 'b\uD800c', 'ok\u2066'];
  for (const value of values) {
    for (const input of [{ name: value }, { [value]: 'ok' }]) {
      const en = findUnsafeText(input);
      const sv = findUnsafeText(input, { lang: 'sv' });
      assert.ok(en.length > 0, JSON.stringify(input));
      assert.deepEqual(
        en.map((issue) => localizeIssueMessage(issue.message, 'sv')),
        sv.map((issue) => issue.message),
      );
    }
  }
  assert.match(findUnsafeText({ ['a\u0000']: 1 }, { lang: 'sv' })[0]!.message, /^\(fältets namn\) innehåller/);
});
