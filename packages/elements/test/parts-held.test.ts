// An element's own code that it needs only once it has data (its "parts":
// data/deferred-module.ts, SamverkanElement.datasetParts), imported when it
// is defined (and joined when it connects), beside its dataset's request:
// until it is there the element shows
// its heading and loading state (busy), whether the dataset came as `data` or
// from `src` (given `data`, the loading text after SHOW_CODE_WAIT_AFTER_MS),
// and once it arrives the data, as if it had been there all along. The page's real request for each element's parts module is held
// (failRequestsPlugin's hold-requests), one element at a time, so this file
// imports nothing that imports them and defines each element only once its
// parts are held.
import { expect } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import type { SamverkanElement } from '../src/internal/samverkan-element.js';
import { datasetUrl, demoJson, hitsFor, uniqueKey } from './helpers/datasets.js';
import { expectEvent, unmountAll, waitFor } from './helpers/expect-event.js';
import { DEFINE, PARTS_MODULES, holdRequests } from './helpers/requests.js';
import { $, $$, text } from './helpers/shadow.js';
import { testTime } from './helpers/test-time.js';

afterEach(async () => {
  await holdRequests(null);
  unmountAll();
});

type Tag = keyof typeof PARTS_MODULES;

/** Each element with data given two ways, and what it shows once its parts are here. */
const CASES: { tag: Tag; page: (data: unknown, src: string) => TemplateResult; shows: (el: Element) => void }[] = [
  {
    tag: 'samverkan-signatory-list',
    page: (data, src) => html`<samverkan-signatory-list .data=${data}><h2 slot="heading">Våra undertecknare</h2></samverkan-signatory-list>
      <samverkan-signatory-list src=${src}><h2 slot="heading">Våra undertecknare</h2></samverkan-signatory-list>`,
    shows: (el) => {
      expect(text($(el, '[part~="count"]'))).to.equal('56 organisationer');
      expect($$(el, '[part~="item-name"]')).to.have.length(50);
    },
  },
  {
    tag: 'samverkan-contact-finder',
    page: (data, src) => html`<samverkan-contact-finder .data=${data}><h2 slot="heading">Hitta kontakt</h2></samverkan-contact-finder>
      <samverkan-contact-finder src=${src}><h2 slot="heading">Hitta kontakt</h2></samverkan-contact-finder>`,
    shows: (el) => {
      expect(text($(el, '[part~="count"]'))).to.equal('20 kontaktpersoner');
      expect($$(el, '[part~="card"]')).to.have.length(20);
    },
  },
  {
    tag: 'samverkan-volunteer-board',
    page: (data, src) => html`<samverkan-volunteer-board .data=${data}><h2 slot="heading">Uppdrag</h2></samverkan-volunteer-board>
      <samverkan-volunteer-board src=${src}><h2 slot="heading">Uppdrag</h2></samverkan-volunteer-board>`,
    shows: (el) => {
      expect(text($(el, '[part~="count"]'))).to.match(/^\d+ uppdrag$/);
      expect($$(el, '[part~="item-title"]').length).to.be.greaterThan(0);
    },
  },
  {
    tag: 'samverkan-principles',
    page: (data, src) => html`<samverkan-principles show-follow-up .data=${data}><h2 slot="heading">Principerna</h2></samverkan-principles>
      <samverkan-principles show-follow-up src=${src}><h2 slot="heading">Principerna</h2></samverkan-principles>`,
    shows: (el) => {
      expect($$(el, '[part~="principle"]')).to.have.length(7);
      // Its own styles came with its parts (dataStyles).
      expect(getComputedStyle($(el, '.agreement, .section')!).display).to.equal('flex');
    },
  },
  {
    tag: 'samverkan-meeting-calendar',
    page: (data, src) => html`<samverkan-meeting-calendar show-past .data=${data}><h2 slot="heading">Möten</h2></samverkan-meeting-calendar>
      <samverkan-meeting-calendar show-past src=${src}><h2 slot="heading">Möten</h2></samverkan-meeting-calendar>`,
    shows: (el) => {
      expect($$(el, '[part~="meeting-title"]').length).to.be.greaterThan(0);
      // Its own styles came with its parts (dataStyles) and apply to what the data shows.
      expect(getComputedStyle($(el, '.calendar')!).display).to.equal('flex');
      expect(getComputedStyle($(el, '[part~="controls"]')!).flexWrap).to.equal('wrap');
    },
  },
  {
    tag: 'samverkan-follow-up',
    page: (data, src) => html`<samverkan-follow-up .data=${data}><h2 slot="heading">Uppföljning</h2></samverkan-follow-up>
      <samverkan-follow-up src=${src}><h2 slot="heading">Uppföljning</h2></samverkan-follow-up>`,
    shows: (el) => {
      expect($(el, '[part~="overview"]')).to.exist;
      expect($$(el, '[part~="commitment"]').length).to.be.greaterThan(0);
    },
  },
];

describe("an element's parts, held", function () {
  // Real module loads and axe runs: more than the default on a busy machine (each look is a round trip to the runner).
  this.timeout(testTime(30000));

  for (const { tag, page: template, shows } of CASES) {
    it(`<${tag}>: heading and loading state until its parts arrive, then the data (given as data, and from src)`, async () => {
      await holdRequests(PARTS_MODULES[tag]);
      await DEFINE[tag]();
      // Asked for when the element was defined, before any is on the page.
      await waitFor(async () => (await holdRequests(PARTS_MODULES[tag])).length > 0, 'the parts were not asked for when the element was defined');
      const key = uniqueKey(tag);
      const data = await demoJson();
      // Not mount(): it waits for updateComplete, which waits for the data to show.
      const page = document.createElement('div');
      page.lang = 'sv';
      document.body.append(page);
      render(template(data, datasetUrl(key)), page);
      const elements = [...page.querySelectorAll<SamverkanElement>(tag)];
      // A task after their first render (this timer is set before it, so it comes before the element's
      // own SHOW_CODE_WAIT_AFTER_MS timer however slow the machine): the one given `data` waits only for
      // code, busy without a loading text (no flash of one while the code arrives); the one with `src` says it.
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect($(elements[0]!, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect($(elements[0]!, '[part~="loading"]')).to.equal(null);
      expect($(elements[1]!, '[part~="loading"]')).not.to.equal(null);
      // The dataset itself is fetched meanwhile: the parts do not hold up its request.
      await waitFor(async () => (await hitsFor(key)) === 1, 'the dataset was not fetched while the parts were held');
      await waitFor(() => elements.every((el) => $(el, '[part~="loading"]') !== null), 'no loading state');
      for (const el of elements) {
        expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
        expect(text($(el, '[part~="loading"]'))).to.equal('Hämtar uppgifter …');
        // The page's own heading is shown from the first render.
        const slot = $<HTMLSlotElement>(el, 'slot[name="heading"]')!;
        expect(slot.assignedElements().map((h) => h.textContent)).to.have.length(1);
        expect($(el, '[part~="error"]')).to.equal(null);
      }
      await expect(elements[0]!).to.be.accessible();

      const loaded = elements.map((el) => expectEvent(el, 'samverkan-load'));
      const held = await holdRequests(null);
      // One import for the page, whichever elements ask.
      expect(held).to.have.length(1);
      await Promise.all(loaded);
      for (const el of elements) {
        await el.updateComplete;
        expect($(el, '[part~="loading"]')).to.equal(null);
        expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
        shows(el);
      }
      await expect(elements[1]!).to.be.accessible();
      page.remove();
    });
  }

  it('once they are here, a valid `data` is shown in the same update (no loading state)', async () => {
    await DEFINE['samverkan-contact-finder']();
    const data = await demoJson();
    const page = document.createElement('div');
    page.lang = 'sv';
    document.body.append(page);
    render(html`<samverkan-contact-finder .data=${data}></samverkan-contact-finder>`, page);
    const el = page.querySelector<SamverkanElement>('samverkan-contact-finder')!;
    await el.updateComplete;
    expect($$(el, '[part~="card"]')).to.have.length(20);
    const again = document.createElement('samverkan-contact-finder') as SamverkanElement;
    again.data = data;
    page.append(again);
    await again.updateComplete;
    expect($(again, '[part~="loading"]')).to.equal(null);
    expect($$(again, '[part~="card"]')).to.have.length(20);
    page.remove();
  });
});
