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
// The language comes from the environment unless --lang says otherwise: tests
// start from a neutral one (no LC_ALL, LC_MESSAGES or LANG) and set what they test.
const neutral = () => {
  const env = { ...process.env };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.LANG;
  return env;
};
const runIn = (env: Record<string, string | undefined>, ...args: string[]) =>
  spawnSync(process.execPath, ['--conditions=samverkan-source', '--import', 'tsx', cli, ...args], { encoding: 'utf8', env: { ...neutral(), ...env } });
const run = (...args: string[]) => runIn({}, ...args);
const tempFile = (name: string, text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'samverkan-cli-')), name);
  writeFileSync(file, text);
  return file;
};

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
  assert.match(result.stderr, /organisations\[3\] \(Ängsgårdens Pensionärsförening\)\.website: must be a web address starting with http:\/\/ or https:\/\//);
  assert.match(result.stderr, /meetings\[0\] \(Samverkansgruppens möte\)\.end: must be after the start/);
});

test('validate names the entry by its name, its title in the default language, or its id', () => {
  const data = JSON.parse(readFileSync(demo, 'utf8'));
  data.organisations[40].name = '';
  data.organisations[41].email = 'not-an-address';
  data.principles[1].commitments[0].party = 'nobody';
  data.contacts[0] = { id: 'only-an-id' };
  const result = run('validate', tempFile('entries.json', JSON.stringify(data, null, 2)));
  assert.equal(result.status, 1);
  const lines = result.stderr.split('\n');
  const principleTitle = typeof data.principles[1].title === 'string' ? data.principles[1].title : data.principles[1].title.sv;
  assert.ok(lines.includes(`  organisations[40] (${data.organisations[40].id}).name: must not be empty`), result.stderr);
  assert.ok(lines.includes(`  organisations[41] (${data.organisations[41].name}).email: must be an e-mail address such as name@example.org`), result.stderr);
  assert.ok(lines.some((l) => l.startsWith(`  principles[1] (${principleTitle}).commitments[0].party: must be one of`)), result.stderr);
  assert.ok(lines.includes('  contacts[0] (only-an-id).name: is required'), result.stderr);
});

test('validate reports a meeting whose offset is not the zone\'s, with the fix', () => {
  const data = JSON.parse(readFileSync(demo, 'utf8'));
  const june = data.meetings.find((m: { start: string }) => m.start.startsWith('2026-05') || m.start.startsWith('2026-09'));
  const index = data.meetings.indexOf(june);
  june.start = june.start.replace('+02:00', '+01:00');
  const file = tempFile('offset.json', JSON.stringify(data));
  const en = run('validate', file);
  assert.equal(en.status, 1);
  const [date, time] = [june.start.slice(0, 10), june.start.slice(11, 16)];
  const sv = run('validate', '--lang', 'sv', file);
  assert.match(en.stderr, new RegExp(`meetings\\[${index}\\] \\([^)]+\\)\\.start: has the offset \\+01:00, but ${time} on \\d+ \\w+ is \\+02:00 in Europe/Stockholm; write ${date}T${time}:00\\+02:00`));
  assert.match(sv.stderr, new RegExp(`\\.start: har tidsförskjutningen \\+01:00, men ${time} den \\d+ \\p{L}+ är \\+02:00 i Europe/Stockholm; skriv ${date}T${time}:00\\+02:00`, 'u'));
});

test('broken JSON is reported by line and column with the line shown, not by position', () => {
  const text = readFileSync(demo, 'utf8');
  // Remove the comma after the 40th organisation's id: a typical hand edit.
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => i > 1000 && /^\s+"id": ".*",$/.test(l));
  lines[at] = lines[at]!.replace(/,$/, '');
  const file = tempFile('comma.json', lines.join('\n'));
  const result = run('validate', file);
  assert.equal(result.status, 1);
  const column = lines[at + 1]!.search(/\S/) + 1;
  assert.match(result.stderr, new RegExp(`not valid JSON: line ${at + 2}, column ${column}: expected "," or "}" after a property's value`));
  assert.doesNotMatch(result.stderr, /position/);
  assert.ok(result.stderr.includes(lines[at + 1]!.trim()), 'the broken line is shown');
  assert.match(result.stderr, /\n\s+\^\n?$/);

  const sv = run('validate', '--lang=sv', file);
  assert.match(sv.stderr, new RegExp(`inte giltig JSON: rad ${at + 2}, kolumn ${column}: väntade "," eller "}" efter ett fälts värde`));

  const json = JSON.parse(run('validate', '--json', file).stdout);
  assert.deepEqual([json.valid, json.fatal, json.issues[0].code, json.issues[0].line, json.issues[0].column], [false, true, 'invalid-json', at + 2, column]);
});

test('--help prints the usage and exits 0, in every place it may be written', () => {
  for (const args of [['--help'], ['-h'], ['help'], ['validate', '--help'], ['validate', 'file.json', '-h'], ['import', '--help']]) {
    const result = run(...args);
    assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stdout, /^Usage: samverkan <command>/);
    assert.match(result.stdout, /validate <file\.json>/);
  }
  const none = run();
  assert.equal(none.status, 2);
});

test('messages are Swedish with --lang sv or a Swedish locale in LC_ALL, LC_MESSAGES or LANG, English otherwise', () => {
  const file = brokenCopy();
  const expectSv = (result: ReturnType<typeof run>, why: string) => {
    assert.equal(result.status, 1, why);
    assert.match(result.stderr, /2 fel:/, why);
    assert.match(result.stderr, /\.website: måste vara en webbadress som börjar med http:\/\/ eller https:\/\//, why);
    assert.match(result.stderr, /\.end: måste vara efter starttiden/, why);
  };
  const expectEn = (result: ReturnType<typeof run>, why: string) => {
    assert.equal(result.status, 1, why);
    assert.match(result.stderr, /2 problems:/, why);
  };
  expectSv(run('validate', '--lang', 'sv', file), '--lang sv');
  expectSv(runIn({ LANG: 'sv_SE.UTF-8' }, 'validate', file), 'LANG');
  expectSv(runIn({ LC_MESSAGES: 'sv_FI.UTF-8', LANG: 'en_GB.UTF-8' }, 'validate', file), 'LC_MESSAGES before LANG');
  expectSv(runIn({ LC_ALL: 'sv_SE', LANG: 'en_US.UTF-8' }, 'validate', file), 'LC_ALL first');
  expectEn(runIn({ LC_ALL: 'C.UTF-8', LANG: 'sv_SE.UTF-8' }, 'validate', file), 'LC_ALL=C wins');
  expectEn(runIn({ LANG: 'sv_SE.UTF-8' }, 'validate', '--lang', 'en', file), '--lang en beats LANG');
  expectEn(run('validate', file), 'no locale');

  const help = runIn({ LANG: 'sv_SE.UTF-8' }, '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Användning: samverkan <kommando>/);
  const valid = run('validate', '--lang', 'sv', demo);
  assert.match(valid.stdout, /giltig \(7 principer, 4 utvecklingsområden, \d+ organisationer, \d+ kontaktpersoner, \d+ möten, \d+ uppföljningar, \d+ frivilliguppdrag\)/);
});

test('usage errors exit 2 and say what is wrong: an unknown option, a wrong --lang', () => {
  const unknown = run('validate', '--strict', demo);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown option "--strict"/);
  const lang = run('validate', '--lang', 'de', demo);
  assert.equal(lang.status, 2);
  assert.match(lang.stderr, /--lang must be "sv" or "en", not "de"/);
  const sv = run('validate', '--lang', 'sv');
  assert.equal(sv.status, 2);
  assert.match(sv.stderr, /ange exakt en datamängdsfil/);
  const missing = run('validate', '--lang', 'sv', '/nonexistent/file.json');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /kan inte läsa \/nonexistent\/file\.json: filen finns inte/);
});

test('text from the file cannot reach the terminal as control sequences', () => {
  const data = JSON.parse(readFileSync(demo, 'utf8'));
  data.organisations[2].name = 'Evil\u001b[2J\u202Eclub';
  data.organisations[2].email = 'nope';
  const result = run('validate', tempFile('escape.json', JSON.stringify(data)));
  assert.equal(result.status, 1);
  assert.doesNotMatch(result.stderr, /\u001b|\u202E/);
  assert.match(result.stderr, /organisations\[2\] \(Evil \[2J club\)\.email/);
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
  assert.match(notJson.stderr, /not valid JSON: line 1, column 3: expected a field name/);
  const missing = run('validate', '/nonexistent/file.json');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read \/nonexistent\/file\.json/);
  const none = run('validate');
  assert.equal(none.status, 2);
  assert.match(none.stderr, /give exactly one dataset file/);
});
