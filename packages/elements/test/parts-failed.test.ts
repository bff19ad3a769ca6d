// When an element's own code that it needs only once it has data (its
// "parts": data/deferred-module.ts, SamverkanElement.datasetParts) cannot be
// fetched, the element says so in the reader's language with a retry button,
// as for the dataset's checks, and the retry imports it again. The page's
// real requests for each element's parts module fail as on a broken
// connection (failRequestsPlugin), one element at a time, so this file
// imports nothing that imports them and defines each element (which starts
// the import) only once they fail.
import { expect } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import type { SamverkanElement } from '../src/internal/samverkan-element.js';
import { datasetUrl, demoJson, uniqueKey } from './helpers/datasets.js';
import { expectEvent, mount, recordEvents, unmountAll, waitFor } from './helpers/expect-event.js';
import { NOT_LOADED_SAID, expectNotLoadedSaid } from './helpers/not-loaded-said.js';
import { DEFINE, PARTS_MODULES, failRequests } from './helpers/requests.js';
import { $, focused } from './helpers/shadow.js';
import { testTime } from './helpers/test-time.js';

afterEach(async () => {
  await failRequests(null);
  unmountAll();
});

const SAID = NOT_LOADED_SAID;

type Tag = keyof typeof PARTS_MODULES;

/** Each element in a language of its own, given data one way; and what it shows once the retry worked. */
const CASES: { tag: Tag; lang: keyof typeof SAID; page: (data: unknown, src: string) => TemplateResult; shown: (el: Element) => boolean }[] = [
  { tag: 'samverkan-signatory-list', lang: 'sv', page: (_, src) => html`<samverkan-signatory-list lang="sv" src=${src}></samverkan-signatory-list>`, shown: (el) => $(el, '[part~="item-name"]') !== null },
  { tag: 'samverkan-contact-finder', lang: 'en', page: (data) => html`<samverkan-contact-finder lang="en" .data=${data}></samverkan-contact-finder>`, shown: (el) => $(el, '[part~="card"]') !== null },
  { tag: 'samverkan-volunteer-board', lang: 'fi', page: (_, src) => html`<samverkan-volunteer-board lang="fi" src=${src}></samverkan-volunteer-board>`, shown: (el) => $(el, '[part~="item-title"]') !== null },
  { tag: 'samverkan-principles', lang: 'ar', page: (data) => html`<samverkan-principles lang="ar" show-follow-up .data=${data}></samverkan-principles>`, shown: (el) => $(el, '[part~="principle"]') !== null },
  { tag: 'samverkan-meeting-calendar', lang: 'en', page: (data) => html`<samverkan-meeting-calendar lang="en" show-past .data=${data}></samverkan-meeting-calendar>`, shown: (el) => $(el, '[part~="meeting-title"]') !== null },
  { tag: 'samverkan-follow-up', lang: 'sv', page: (_, src) => html`<samverkan-follow-up lang="sv" src=${src}></samverkan-follow-up>`, shown: (el) => $(el, '[part~="overview"]') !== null },
];

describe("an element's parts could not be fetched", function () {
  this.timeout(testTime(30000));

  for (const { tag, lang, page: template, shown } of CASES) {
    it(`<${tag}> (${lang}): says so with a retry button; the retry imports them again and shows the data`, async () => {
      await failRequests(PARTS_MODULES[tag]);
      // Defining it starts the import, which fails; so does the one the element makes when it connects.
      await DEFINE[tag]();
      const data = await demoJson();
      const errors = recordEvents<CustomEvent<{ error: Error }>>(document, 'samverkan-error');
      const page = await mount(template(data, datasetUrl(uniqueKey(tag))));
      const el = page.querySelector<SamverkanElement>(tag)!;
      await waitFor(() => errors.events.length > 0, 'the failure was not reported');
      errors.stop();
      expect(errors.events.map((event) => event.detail.error.name)).to.deep.equal(['PartNotLoadedError']);
      expect((await failRequests(PARTS_MODULES[tag])).length).to.be.greaterThan(0);
      await el.updateComplete;
      expectNotLoadedSaid(el, lang);
      await expect(el).to.be.accessible();

      // The connection is back: the retry (by keyboard) imports the parts and shows the data.
      await failRequests(null);
      const loaded = expectEvent(el, 'samverkan-load');
      const button = $<HTMLButtonElement>(el, '[part~="retry-button"]')!;
      button.focus();
      expect(focused(el)).to.equal(button);
      await sendKeys({ press: 'Enter' });
      await loaded;
      await el.updateComplete;
      expect($(el, '[part~="error"]')).to.equal(null);
      expect(shown(el)).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }
});
