import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterOrganisations, foldForSearch, parseDataset, searchContacts } from '@samverkan/sdk';
import { queryTerms } from '../src/helpers/text.js';
import { minimalDataset } from './fixtures/minimal.js';

// Issue 17.5: a name with zero-width characters (U+200B zero-width space,
// U+200D zero-width joiner, U+FEFF byte order mark) looks like any other but
// was not found by the word people type.
const HIDDEN = 'Bi\u200Bdr\u200Dag\uFEFFsföreningen';

test('foldForSearch leaves out format characters (Unicode Cf)', () => {
  assert.equal(foldForSearch(HIDDEN), 'bidragsforeningen');
  assert.equal(foldForSearch('för\u00ADening'), 'forening', 'soft hyphen');
  assert.equal(foldForSearch('\u202Bعربي\u202C\u200F'), 'عربي', 'bidi controls and marks');
  assert.deepEqual(queryTerms(` bidrags\uFEFFföreningen  ${HIDDEN} `), ['bidragsforeningen', 'bidragsforeningen']);
});

function dataset() {
  const input = minimalDataset();
  input.organisations.push({ id: 'hidden', name: `${HIDDEN} i Järna`, form: 'non-profit-association', districts: ['Järna'], activities: [`${HIDDEN}s arbete`] });
  input.contacts.push({ id: 'c-hidden', name: 'Sam Exempel', title: `Samordnare för ${HIDDEN}`, unit: 'Kommunledningskontoret', topics: [], languages: ['sv'], principles: [] });
  const { dataset, issues } = parseDataset(input);
  assert.deepEqual(issues, []);
  return dataset;
}

test('filterOrganisations finds a name with zero-width characters by the plain word, and by a prefix', () => {
  const data = dataset();
  assert.deepEqual(filterOrganisations(data, { query: 'bidragsföreningen' }).map((o) => o.id), ['hidden']);
  assert.deepEqual(filterOrganisations(data, { query: 'Bidragsförening' }).map((o) => o.id), ['hidden']);
  // And the other way round: a query pasted with the hidden characters finds it too.
  assert.deepEqual(filterOrganisations(data, { query: HIDDEN }).map((o) => o.id), ['hidden']);
});

test('searchContacts finds it, and the highlight covers the whole word in the original text', () => {
  const [hit] = searchContacts(dataset(), 'bidragsföreningen');
  assert.equal(hit?.contact.id, 'c-hidden');
  const match = hit!.matches[0]!;
  assert.equal(match.text.slice(match.start, match.end), HIDDEN);
});
