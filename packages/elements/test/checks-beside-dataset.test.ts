// An element that shows a dataset renders its heading and loading state
// without the code that checks the dataset (data/dataset-source.ts, with the
// validators): that is imported when the element is defined (or connects), beside the
// dataset's request. These tests hold the page's real request for that module
// (failRequestsPlugin's hold-requests) and look at what a reader sees
// meanwhile, then let it through.
//
// The module must not be loaded in this page before the first test, so this
// file imports nothing that imports it, and its tests run in this order.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { SamverkanSignatoryList } from '../src/signatory-list/signatory-list.js';
import { datasetUrl, demoJson, hitsFor, uniqueKey } from './helpers/datasets.js';
import { expectEvent, mount, unmountAll, waitFor } from './helpers/expect-event.js';
import { CHECKS_MODULE, DEFINE, holdRequests } from './helpers/requests.js';
import { $, $$, text } from './helpers/shadow.js';
import { testTime } from './helpers/test-time.js';

afterEach(async () => {
  await holdRequests(null);
  unmountAll();
});

describe('the checks load beside the dataset, not before the first render', function () {
  // Real module loads and axe runs: more than the default on a busy machine.
  this.timeout(testTime(20000));

  it('shows the heading and the loading state while the checks are on their way; the dataset is asked for meanwhile, once for two elements, and one import serves both', async () => {
    await holdRequests(CHECKS_MODULE);
    // Defined only now: defining a dataset element starts importing the checks (SamverkanElement.finalize).
    await DEFINE['samverkan-signatory-list']();
    await DEFINE['samverkan-contact-finder']();
    const key = uniqueKey('checks-held');
    const src = datasetUrl(key);
    const page = await mount(
      html`<samverkan-signatory-list src=${src}><h2 slot="heading">Våra undertecknare</h2></samverkan-signatory-list>
        <samverkan-contact-finder src=${src}></samverkan-contact-finder>`,
      'sv',
    );
    const list = page.querySelector<SamverkanSignatoryList>('samverkan-signatory-list')!;
    const finder = page.querySelector<HTMLElement>('samverkan-contact-finder')!;

    // The dataset's request went out (one, for both) while the checks were still held.
    // Bounded by the test's own time, not open-wc's default second: each look is a round trip to the runner.
    await waitFor(async () => (await hitsFor(key)) === 1, 'the dataset was not asked for while the checks were held');
    await waitFor(async () => (await holdRequests(CHECKS_MODULE)).length > 0, 'the checks were not asked for');
    for (const el of [list, finder]) {
      expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(text($(el, '[part~="loading"]'))).to.equal('Hämtar uppgifter …');
      expect($$(el, '[part~="item"], [part~="card"]')).to.have.length(0);
    }
    const slot = $<HTMLSlotElement>(list, 'slot[name="heading"]')!;
    expect(slot.assignedElements().map((h) => h.textContent)).to.deep.equal(['Våra undertecknare']);
    await expect(list).to.be.accessible();
    // Still held a while later: nothing but the loading state, and still one request for the checks.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect($(list, '[part~="loading"]')).to.exist;
    const held = await holdRequests(CHECKS_MODULE);
    expect(held.filter((path) => path.includes(CHECKS_MODULE))).to.have.length(1);

    const loaded = Promise.all([expectEvent(list, 'samverkan-load'), expectEvent(finder, 'samverkan-load')]);
    await holdRequests(null);
    await loaded;
    expect($(list, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
    expect($(list, '[part~="loading"]')).to.equal(null);
    expect($$(list, '[part~="item-name"]')).to.have.length(50);
    expect($$(finder, '[part~="card"]').length).to.be.greaterThan(0);
    expect(text($(list, '[part~="count"]'))).to.equal('56 organisationer');
    expect(await hitsFor(key)).to.equal(1);
    await expect(list).to.be.accessible();
  });

  it('an invalid dataset still shows its valid part, with the note', async () => {
    const json = await demoJson();
    (json.organisations as unknown[]).push({ id: 'trasig', name: 'Trasig förening', form: 'nope', signature: { signedOn: '2024-01-01', via: 'adoption' } });
    const page = await mount(html`<samverkan-signatory-list .data=${json}></samverkan-signatory-list>`, 'sv');
    const list = page.querySelector<SamverkanSignatoryList>('samverkan-signatory-list')!;
    await list.updateComplete;
    expect(text($(list, '[part~="count"]'))).to.equal('56 organisationer');
    expect(text($(list, '[part~="invalid-note"]'))).to.equal('1 post i uppgifterna var felaktig och visas inte.');
    expect($$(list, '[part~="item-name"]').map((h) => h.textContent)).to.not.include('Trasig förening');
    await expect(list).to.be.accessible();
  });
});
