// The organisations CSV the admin page downloads is the format the import reads: a round trip keeps them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { csvCell, importOrganisationsCsv, organisationsToCsv, parseDataset } from '@samverkan/sdk';

const demo = parseDataset(JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'))).dataset;

test('exported organisations import again as the same organisations (default-language texts)', () => {
  const csv = organisationsToCsv(demo.organisations, { defaultLanguage: demo.defaultLanguage });
  const back = importOrganisationsCsv(csv, { defaultLanguage: demo.defaultLanguage });
  assert.deepEqual(back.issues, []);
  assert.deepEqual(back.ignoredColumns, []);
  assert.equal(back.organisations.length, demo.organisations.length);
  const defaultText = (value: unknown) => (typeof value === 'string' || value === undefined ? value : (value as Record<string, string>)[demo.defaultLanguage]);
  for (const [i, original] of demo.organisations.entries()) {
    const again = back.organisations[i]!;
    assert.deepEqual({ ...again, description: again.description }, { ...original, description: defaultText(original.description), ...(original.confirmedOn && { confirmedOn: undefined }) }, original.id);
  }
});

test('cells with commas, quotes and line breaks are quoted; formulas are defused', () => {
  assert.equal(csvCell('Hovsjö IF'), 'Hovsjö IF');
  assert.equal(csvCell('Fotboll, handboll'), '"Fotboll, handboll"');
  assert.equal(csvCell('Säger "hej"'), '"Säger ""hej"""');
  assert.equal(csvCell('rad 1\nrad 2'), '"rad 1\nrad 2"');
  assert.equal(csvCell('=HYPERLINK("http://example.org")'), `"'=HYPERLINK(""http://example.org"")"`);
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('+46 8 123 456 78'), '+46 8 123 456 78');
  assert.equal(csvCell('-cmd'), "'-cmd");
});

test('the import says which fields the file has columns for, so an update can keep the rest', () => {
  const result = importOrganisationsCsv('Namn;E-post;Undertecknad;Kontaktperson\nHovsjö IF;info@hovsjo.example.org;2026-01-10;Kim\n');
  assert.deepEqual(result.fields, ['name', 'email', 'signature', 'collaborationContact']);
});
