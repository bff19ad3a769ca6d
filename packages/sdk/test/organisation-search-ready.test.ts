import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterOrganisations, isOrganisationSearchReady, parseDataset, prepareOrganisationSearch, type Dataset } from '@samverkan/sdk';
// @ts-expect-error: a plain .mjs module without types
import { generateDataset } from '../../../bench/generate-dataset.mjs';

// prepareOrganisationSearch builds the word index a slice at a time, giving
// the event loop back in between, so a page can wait for it without one long
// task; the searches after it answer exactly as with an index built at once.

const fresh = (): Dataset => parseDataset(generateDataset({ organisations: 3000, meetings: 0, contacts: 0, seed: 5 })).dataset;
const ids = (dataset: Dataset, query: string) => filterOrganisations(dataset, { query }).map((o) => o.id);

test('the index is built a slice at a time, with other tasks running in between, and finds what one built at once finds', async () => {
  const dataset = fresh();
  filterOrganisations(dataset); // the first page of a list: no word index yet
  assert.equal(isOrganisationSearchReady(dataset), false);
  let ticks = 0;
  let running = true;
  const tick = () => {
    ticks++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const prepared = prepareOrganisationSearch(dataset);
  assert.equal(isOrganisationSearchReady(dataset), false, 'nothing is built before the first task');
  await prepared;
  running = false;
  assert.equal(isOrganisationSearchReady(dataset), true);
  // 3,000 organisations are 6 slices and the final step: other tasks ran between them.
  assert.ok(ticks >= 5, `other tasks ran ${ticks} times while the index was built`);

  const atOnce = fresh();
  for (const query of ['förening', 'ostertalje', 'scout kör', 'idrott hovsjö', 'x']) assert.deepEqual(ids(dataset, query), ids(atOnce, query), query);
});

test('a prepared index answers at once, and an aborted preparation leaves the rest to the search', async () => {
  const dataset = fresh();
  await prepareOrganisationSearch(dataset);
  await prepareOrganisationSearch(dataset); // built: nothing to do
  assert.equal(isOrganisationSearchReady(dataset), true);

  const other = fresh();
  const controller = new AbortController();
  controller.abort();
  await prepareOrganisationSearch(other, { signal: controller.signal });
  assert.equal(isOrganisationSearchReady(other), false);
  assert.deepEqual(ids(other, 'förening'), ids(dataset, 'förening'));
  assert.equal(isOrganisationSearchReady(other), true);
});
