import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AccountEmailSchema,
  CreateUserRequestSchema,
  MIN_PASSWORD_LENGTH,
  NewPasswordSchema,
  UpdateUserRequestSchema,
  passwordProblem,
  passwordProblemMessage,
} from '@samverkan/sdk';

test('the password rule: at least 12 characters (code points), not only spaces', () => {
  assert.equal(MIN_PASSWORD_LENGTH, 12);
  assert.equal(passwordProblem('elva tecken'), 'too-short'); // 11
  assert.equal(passwordProblem('tolv tecken!'), undefined); // 12
  assert.equal(passwordProblem(' '.repeat(40)), 'only-spaces');
  assert.equal(passwordProblem('\t \n '.repeat(10)), 'only-spaces');
  assert.equal(passwordProblem(''), 'too-short');
  // Six emoji are twelve UTF-16 units but six characters.
  assert.equal(passwordProblem('🦊🦊🦊🦊🦊🦊'), 'too-short');
  assert.equal(passwordProblem('åäöåäöåäöåäö'), undefined);
  assert.equal(passwordProblem('x'.repeat(1025)), 'too-long');
});

test('password messages are Swedish by default and English for en tags', () => {
  assert.match(passwordProblemMessage('too-short'), /minst 12 tecken/);
  assert.match(passwordProblemMessage('too-short', 'sv-SE'), /minst 12 tecken/);
  assert.match(passwordProblemMessage('too-short', 'en-GB'), /at least 12 characters/);
  assert.match(passwordProblemMessage('only-spaces', 'en'), /only spaces/);
  assert.match(passwordProblemMessage('only-spaces', 'fi'), /mellanslag/);
});

test('NewPasswordSchema applies the same rule', () => {
  assert.equal(NewPasswordSchema.safeParse('lång nog lösenord').success, true);
  const short = NewPasswordSchema.safeParse('kort');
  assert.equal(short.success, false);
  assert.match(short.error!.issues[0]!.message, /at least 12/);
});

test('account e-mail addresses are trimmed and lower-cased, and must be addresses', () => {
  assert.equal(AccountEmailSchema.parse('  Anna.Exempel@Kommun.Example.ORG '), 'anna.exempel@kommun.example.org');
  assert.equal(AccountEmailSchema.safeParse('anna').success, false);
  assert.equal(AccountEmailSchema.safeParse(42).success, false);
});

test('creating a user needs an e-mail, a name and a known role', () => {
  const ok = CreateUserRequestSchema.safeParse({ email: 'a@example.org', name: ' Anna ', role: 'editor' });
  assert.ok(ok.success);
  assert.equal(ok.data.name, 'Anna');
  const bad = CreateUserRequestSchema.safeParse({ email: 'a@example.org', name: '', role: 'owner' });
  assert.equal(bad.success, false);
  assert.deepEqual(bad.error!.issues.map((i) => i.path.join('.')).sort(), ['name', 'role']);
});

test('an update must change something', () => {
  assert.equal(UpdateUserRequestSchema.safeParse({ role: 'admin' }).success, true);
  assert.equal(UpdateUserRequestSchema.safeParse({}).success, false);
  assert.equal(UpdateUserRequestSchema.safeParse({ lang: 'en' }).success, false);
});

test('a name with control characters or an unpaired direction override is refused', () => {
  const override = CreateUserRequestSchema.safeParse({ email: 'a@example.org', name: 'Anna \u202Enimda', role: 'editor' });
  assert.equal(override.success, false);
  assert.deepEqual(override.error!.issues.map((i) => i.path.join('.')), ['name']);
  assert.equal(CreateUserRequestSchema.safeParse({ email: 'a@example.org', name: 'Anna\u0007', role: 'editor' }).success, false);
  assert.equal(CreateUserRequestSchema.safeParse({ email: 'a@example.org', name: 'عائشة Andersson', role: 'editor' }).success, true);
});
