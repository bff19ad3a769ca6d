// When the code that checks a dataset (data/dataset-source.ts, imported when
// an element connects) cannot be fetched, the element says so in the
// reader's language with a retry button, and the retry imports it again.
// The page's real requests for that module fail as on a broken connection
// (failRequestsPlugin), so this file imports nothing that imports it.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '../src/define/samverkan-signup-form.js';
import type { SamverkanSignatoryList } from '../src/signatory-list/signatory-list.js';
import { datasetUrl, demoJson, hitsFor, uniqueKey } from './helpers/datasets.js';
import { expectEvent, mount, recordEvents, unmountAll, waitFor } from './helpers/expect-event.js';
import { NOT_LOADED_SAID, expectNotLoadedSaid } from './helpers/not-loaded-said.js';
import { CHECKS_MODULE, DEFINE, failRequests } from './helpers/requests.js';
import { $, $$, text } from './helpers/shadow.js';
import { testTime } from './helpers/test-time.js';

afterEach(async () => {
  await failRequests(null);
  unmountAll();
});

const SAID = NOT_LOADED_SAID;

describe('the checks could not be fetched', function () {
  this.timeout(testTime(30000));

  it('says so in sv, en, fi and ar with a retry button; the rest of the page works; retry imports them again and shows the data', async () => {
    await failRequests(CHECKS_MODULE);
    // Defined only now: defining a dataset element starts importing the checks (SamverkanElement.finalize).
    await DEFINE['samverkan-signatory-list']();
    const key = uniqueKey('checks-failed');
    const src = datasetUrl(key);
    const data = await demoJson();
    // Listening before the elements are on the page: a failure may be reported before mount() returns.
    const errors = recordEvents<CustomEvent<{ error: Error }>>(document, 'samverkan-error');
    const page = await mount(html`
      <samverkan-signatory-list lang="sv" src=${src}></samverkan-signatory-list>
      <samverkan-signatory-list lang="en" src=${src}></samverkan-signatory-list>
      <samverkan-signatory-list lang="fi" .data=${data}></samverkan-signatory-list>
      <samverkan-signatory-list lang="ar" .data=${data}></samverkan-signatory-list>
      <samverkan-signup-form lang="sv" principles-url="https://kommun.example.org/principer"></samverkan-signup-form>
    `);
    const lists = [...page.querySelectorAll<SamverkanSignatoryList>('samverkan-signatory-list')];
    // Bounded by the test's own time, not open-wc's default second: each failed import goes through the runner's interception.
    await waitFor(() => errors.events.length >= lists.length, 'not every list reported the failure', 15000);
    errors.stop();
    expect(errors.events.map((event) => event.detail.error.name)).to.deep.equal(lists.map(() => 'CheckerNotLoadedError'));
    expect((await failRequests(CHECKS_MODULE)).length).to.be.greaterThan(0);

    for (const el of lists) {
      await el.updateComplete;
      expectNotLoadedSaid(el, el.lang as keyof typeof SAID);
      await expect(el).to.be.accessible();
    }
    // The dataset itself was fetched (once, for both); only the checks failed.
    expect(await hitsFor(key)).to.equal(1);
    // The rest of the page is not affected: the form without a dataset shows its fields.
    const form = page.querySelector('samverkan-signup-form')!;
    expect($(form, '#org-name')).to.exist;

    // Still broken: the retry fails again (it asked again), and says so again.
    const [sv, en, fi] = lists as [SamverkanSignatoryList, SamverkanSignatoryList, SamverkanSignatoryList];
    const again = expectEvent(sv, 'samverkan-error', 15000);
    $(sv, '[part~="retry-button"]')!.click();
    await again;
    expect((await failRequests(CHECKS_MODULE)).length).to.be.greaterThan(0);
    await sv.updateComplete;
    expect(text($(sv, '[part~="error"] p'))).to.equal(SAID.sv[1]);

    // The connection is back: retry imports the checks and shows the dataset (fetched anew).
    await failRequests(null);
    const loaded = expectEvent(sv, 'samverkan-load', 15000);
    $(sv, '[part~="retry-button"]')!.click();
    await loaded;
    expect($(sv, '[part~="error"]')).to.equal(null);
    expect(text($(sv, '[part~="count"]'))).to.equal('56 organisationer');
    expect($$(sv, '[part~="item-name"]')).to.have.length(50);
    await expect(sv).to.be.accessible();
    // The others still say what happened until their own retry, which now works at once.
    expect($(en, '[part~="error"]')).to.exist;
    const fiLoaded = expectEvent(fi, 'samverkan-load', 15000);
    $(fi, '[part~="retry-button"]')!.click();
    await fiLoaded;
    await fi.updateComplete;
    expect($(fi, '[part~="count"]'), 'the Finnish list shows its data after retry').to.not.equal(null);
    expect($$(fi, '[part~="item-name"]')).to.have.length(50);
  });
});
