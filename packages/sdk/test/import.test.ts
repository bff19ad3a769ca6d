import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importOrganisationsCsv, parseCsv, parseDataset, withHttpsScheme } from '@samverkan/sdk';
import { minimalDataset } from './fixtures/minimal.js';

const csvFile = fileURLToPath(new URL('./fixtures/organisations.csv', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli-run.ts', import.meta.url));

test('parseCsv: semicolons, quotes, doubled quotes, line breaks in quotes, CRLF, BOM, blank lines', () => {
  const table = parseCsv(readFileSync(csvFile, 'utf8'));
  assert.equal(table.delimiter, ';');
  assert.equal(table.header[0], 'Namn');
  assert.equal(table.rows.length, 4);
  assert.deepEqual(table.rows.map((r) => r.line), [2, 3, 6, 7]);
  assert.equal(table.rows[1]!.cells[0], 'Kören "Ljud"; Järna');
  assert.equal(table.rows[1]!.cells[6], 'musik\nkörsång');
  assert.deepEqual(parseCsv('a,b\n1,"2,3"\n').rows[0]!.cells, ['1', '2,3']);
  assert.throws(() => parseCsv('a,b\n1,"open\n'), /line 2: a quoted field is not closed/);
});

test('importOrganisationsCsv maps Swedish headers and values, keeps valid rows and reports each problem by line and column', () => {
  const result = importOrganisationsCsv(readFileSync(csvFile, 'utf8'));
  assert.deepEqual(result.ignoredColumns, ['Anteckning']);
  assert.deepEqual(
    result.organisations.map((o) => [o.id, o.name, o.form]),
    [
      ['hovsjo-schackklubb', 'Hovsjö Schackklubb', 'non-profit-association'],
      ['koren-ljud-jarna', 'Kören "Ljud"; Järna', 'faith-community'],
      ['hovsjo-schackklubb-2', 'Hovsjö Schackklubb', 'other'],
    ],
  );
  const first = result.organisations[0]!;
  assert.deepEqual(first.districts, ['Hovsjö', 'Ronna']);
  assert.deepEqual(first.signature, { signedOn: '2025-11-15', via: 'dialogue-forum' });
  assert.deepEqual(first.collaborationContact, { name: 'Sara Exempel' });
  assert.equal(first.website, 'https://schack.example.org/');
  assert.deepEqual(result.organisations[1]!.activities, ['musik', 'körsång']);
  assert.deepEqual(
    result.issues.map((i) => `${i.line} ${i.column}`),
    ['6 Organisationsnummer', '6 Organisationsform', '6 Webbplats', '6 E-post', '6 Undertecknad'],
  );
  assert.match(result.issues[0]!.message, /check digit/);
  assert.match(result.issues[2]!.message, /http:\/\/ or https:\/\//);
});

test('the imported fragment is valid in a dataset', () => {
  const { organisations } = importOrganisationsCsv(readFileSync(csvFile, 'utf8'));
  const dataset = { ...minimalDataset(), organisations };
  const { issues } = parseDataset(dataset);
  assert.deepEqual(issues, []);
});

test('a file without a name column is refused with a clear message', () => {
  const result = importOrganisationsCsv('Webbplats,E-post\nhttps://a.example.org,a@example.org\n');
  assert.deepEqual(result.organisations, []);
  assert.match(result.issues[0]!.message, /no column for the name/);
});

test('samverkan import writes the fragment, prints problems with line and column, and exits 1 when a row had one', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'samverkan-import-')), 'fragment.json');
  const result = spawnSync(process.execPath, ['--conditions=samverkan-source', '--import', 'tsx', cli, 'import', csvFile, '--out', out], { encoding: 'utf8' });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /line 6, column "E-post": must be an e-mail address/);
  assert.match(result.stderr, /3 organisations read; 5 problems/);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).organisations.length, 3);

  const clean = join(mkdtempSync(join(tmpdir(), 'samverkan-import-')), 'ok.csv');
  writeFileSync(clean, 'name,form,website\nAlfa,foundation,https://alfa.example.org\n');
  const ok = spawnSync(process.execPath, ['--conditions=samverkan-source', '--import', 'tsx', cli, 'import', clean], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).organisations[0].id, 'alfa');
});

test('a web address without https:// is read with it, the row is kept and a note says so (issue 17.14)', () => {
  const csv = 'Namn;Webbplats;E-post\nSödertälje Roddsällskap;www.roddsallskap.example.org;info@roddsallskap.example.org\nAlfa;https://alfa.example.org;\nBeta;roddsallskap.example.org/om-oss;\n';
  const result = importOrganisationsCsv(csv);
  assert.deepEqual(result.issues, []);
  assert.deepEqual(
    result.organisations.map((o) => o.website),
    ['https://www.roddsallskap.example.org/', 'https://alfa.example.org/', 'https://roddsallskap.example.org/om-oss'],
  );
  assert.deepEqual(result.notes, [
    { line: 2, column: 'Webbplats', message: '"www.roddsallskap.example.org" has no http:// or https://; read as https://www.roddsallskap.example.org/' },
    { line: 4, column: 'Webbplats', message: '"roddsallskap.example.org/om-oss" has no http:// or https://; read as https://roddsallskap.example.org/om-oss' },
  ]);
  // What is not an address stays a problem, and a dropped row gets no note.
  const bad = importOrganisationsCsv('name,website\nGamma,not an address\nDelta,javascript:alert(1)\n');
  assert.deepEqual(bad.issues.map((i) => `${i.line} ${i.column}`), ['2 website', '3 website']);
  assert.deepEqual(bad.notes, []);
});

test('withHttpsScheme is the one rule the signup form and the import share', () => {
  assert.equal(withHttpsScheme(' www.förening.example.org '), 'https://www.förening.example.org');
  assert.equal(withHttpsScheme('forening.example.org:8080/a?b#c'), 'https://forening.example.org:8080/a?b#c');
  assert.equal(withHttpsScheme('http://forening.example.org'), 'http://forening.example.org');
  assert.equal(withHttpsScheme('mailto:a@example.org'), 'mailto:a@example.org');
  assert.equal(withHttpsScheme('localhost'), 'localhost');
  assert.equal(withHttpsScheme(''), '');
});

test('samverkan import prints the note (in Swedish with --lang sv) and exits 0 when nothing else is wrong', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'samverkan-import-')), 'rodd.csv');
  writeFileSync(file, 'Namn;Webbplats\nSödertälje Roddsällskap;www.roddsallskap.example.org\n');
  const en = spawnSync(process.execPath, ['--conditions=samverkan-source', '--import', 'tsx', cli, 'import', file, '--lang', 'en'], { encoding: 'utf8' });
  assert.equal(en.status, 0, en.stderr);
  assert.match(en.stderr, /line 2, column "Webbplats": note: "www\.roddsallskap\.example\.org" has no http:\/\/ or https:\/\/; read as https:\/\/www\.roddsallskap\.example\.org\//);
  assert.equal(JSON.parse(en.stdout).organisations[0].website, 'https://www.roddsallskap.example.org/');
  const sv = spawnSync(process.execPath, ['--conditions=samverkan-source', '--import', 'tsx', cli, 'import', file, '--lang', 'sv'], { encoding: 'utf8' });
  assert.match(sv.stderr, /rad 2, kolumn "Webbplats": obs: "www\.roddsallskap\.example\.org" saknar http:\/\/ eller https:\/\/; lästes som https:\/\/www\.roddsallskap\.example\.org\//);
  assert.match(sv.stderr, /1 organisation läst$/m);
});
