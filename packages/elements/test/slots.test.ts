// Slots where a page puts its own words: a heading on every element that
// shows the dataset (shown first, in every state), and the empty-state text
// of the list, the board, the calendar and the contact finder. What a reader
// sees: the page's text in place of the element's, where the element's was.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define/samverkan-signatory-list.js';
import '../src/define/samverkan-volunteer-board.js';
import '../src/define/samverkan-meeting-calendar.js';
import '../src/define/samverkan-contact-finder.js';
import '../src/define/samverkan-principles.js';
import '../src/define/samverkan-follow-up.js';
import type { SamverkanElement } from '../src/internal/samverkan-element.js';
import { datasetUrl, demoJson, uniqueKey } from './helpers/datasets.js';
import { mount, unmountAll } from './helpers/expect-event.js';
import { $ } from './helpers/shadow.js';
import { testTime } from './helpers/test-time.js';

afterEach(unmountAll);

/** The element's own text a reader sees in `part` (innerText: a slot's fallback only when it is rendered; slotted text is the page's, not in it). */
const seen = (el: Element, part: string) => ($(el, `[part~="${part}"]`) as HTMLElement | null)?.innerText.trim() ?? '';

/** The page's element in slot `name` is shown inside `part` (laid out within its box), and is the text given. */
function showsPagesText(el: Element, name: string, part: string, text: string): void {
  const slot = $<HTMLSlotElement>(el, `[part~="${part}"] slot[name="${name}"]`);
  expect(slot, `slot ${name} in ${part}`).to.not.equal(null);
  const [given] = slot!.assignedElements();
  expect(given?.textContent).to.equal(text);
  const box = given!.getBoundingClientRect();
  const outer = $(el, `[part~="${part}"]`)!.getBoundingClientRect();
  expect(box.height).to.be.greaterThan(0);
  expect(box.top >= outer.top - 1 && box.bottom <= outer.bottom + 1, 'inside the part').to.equal(true);
}
const slotted = (el: Element, name: string) => $<HTMLSlotElement>(el, `slot[name="${name}"]`)?.assignedElements().map((e) => e.textContent!.trim()) ?? [];

// (No animation frame: a test page in the background gets none. Reading a box lays the page out.)
async function settle(el: SamverkanElement): Promise<void> {
  await el.updateComplete;
}

describe('slots: a heading of the page\'s own', () => {
  for (const tag of ['samverkan-signatory-list', 'samverkan-volunteer-board', 'samverkan-meeting-calendar', 'samverkan-contact-finder', 'samverkan-principles', 'samverkan-follow-up']) {
    it(`${tag}: shows it first, above what the element shows, while loading and once loaded`, async function () {
      this.timeout(testTime(20000));
      const el = document.createElement(tag) as SamverkanElement;
      el.setAttribute('lang', 'sv');
      el.src = datasetUrl(uniqueKey('slot-heading'), { delay: 600 });
      el.innerHTML = '<h2 slot="heading">Sidans egen rubrik</h2>';
      // The load event, not polling: a test page in the background has its timers slowed down.
      const loaded = new Promise((resolve) => el.addEventListener('samverkan-load', resolve, { once: true }));
      // mount, not fixture: fixture waits for an animation frame, which a test page in the background never gets.
      (await mount(html``)).append(el);
      await settle(el);
      const heading = el.querySelector('h2')!;
      // While loading: the page's heading shows, before the loading box.
      expect(slotted(el, 'heading')).to.deep.equal(['Sidans egen rubrik']);
      expect(heading.getBoundingClientRect().height).to.be.greaterThan(0);
      const loading = $(el, '[part~="loading"]')!;
      expect(heading.getBoundingClientRect().bottom).to.be.at.most(loading.getBoundingClientRect().top + 1);
      // Loaded: still first, and the heading keeps the page's language (it is the page's text).
      await loaded;
      await settle(el);
      expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
      expect(slotted(el, 'heading')).to.deep.equal(['Sidans egen rubrik']);
      const rest = [...$(el, '[part~="base"]')!.children].filter((child) => child.localName !== 'slot');
      for (const child of rest) expect(heading.getBoundingClientRect().bottom, child.localName).to.be.at.most(child.getBoundingClientRect().top + 1);
      await expect(el).to.be.accessible();
    });
  }

  it('without one, nothing is added', async () => {
    const el = await fixture<SamverkanElement>(html`<samverkan-signatory-list lang="sv" .data=${await demoJson()}></samverkan-signatory-list>`);
    await settle(el);
    expect(slotted(el, 'heading')).to.deep.equal([]);
    expect($<HTMLSlotElement>(el, 'slot[name="heading"]')!.getBoundingClientRect().height).to.equal(0);
  });
});

describe('slots: empty-state text of the page\'s own', () => {
  it('the signatory list: the page\'s text when nothing matches, the clear button kept; the element\'s own without it', async () => {
    const data = await demoJson();
    const own = await fixture<SamverkanElement>(html`<samverkan-signatory-list lang="sv" query="finns-inte-alls" .data=${data}
      ><p slot="empty">Hittar du inte din förening? Ring oss.</p></samverkan-signatory-list
    >`);
    await settle(own);
    showsPagesText(own, 'empty', 'empty', 'Hittar du inte din förening? Ring oss.');
    expect(seen(own, 'empty')).to.not.contain('Ingen organisation matchar sökningen.');
    expect($(own, '[part~="empty"] button')!.textContent!.trim()).to.not.equal('');
    await expect(own).to.be.accessible();
    const plain = await fixture<SamverkanElement>(html`<samverkan-signatory-list lang="sv" query="finns-inte-alls" .data=${data}></samverkan-signatory-list>`);
    await settle(plain);
    expect(seen(plain, 'empty')).to.contain('Ingen organisation matchar sökningen.');
  });

  it('the volunteer board: "empty" when nothing matches, "none" when nothing is offered', async () => {
    const json = await demoJson();
    for (const o of json.opportunities!) o.validThrough = '2099-12-31';
    const matching = await fixture<SamverkanElement>(html`<samverkan-volunteer-board lang="sv" query="finns-inte-alls" .data=${json}
      ><span slot="empty">Inget sådant uppdrag i dag.</span><span slot="none">Inga uppdrag alls.</span></samverkan-volunteer-board
    >`);
    await settle(matching);
    showsPagesText(matching, 'empty', 'empty', 'Inget sådant uppdrag i dag.');
    expect(seen(matching, 'empty')).to.not.contain('Inget uppdrag matchar sökningen.');
    const none = structuredClone(json);
    none.opportunities = [];
    const empty = await fixture<SamverkanElement>(html`<samverkan-volunteer-board lang="sv" .data=${none}
      ><span slot="empty">Inget sådant uppdrag i dag.</span><span slot="none">Inga uppdrag alls.</span></samverkan-volunteer-board
    >`);
    await settle(empty);
    showsPagesText(empty, 'none', 'empty', 'Inga uppdrag alls.');
    expect(seen(empty, 'empty')).to.equal('');
    await expect(empty).to.be.accessible();
  });

  it('the meeting calendar: the page\'s text when the list has no meetings, in the live count\'s place', async () => {
    const json = await demoJson();
    const el = await fixture<SamverkanElement>(html`<samverkan-meeting-calendar lang="sv" .now=${new Date('2100-01-01T00:00:00Z')} .data=${json}
      ><span slot="empty">Nästa möte annonseras i vår.</span></samverkan-meeting-calendar
    >`);
    await settle(el);
    showsPagesText(el, 'empty', 'empty', 'Nästa möte annonseras i vår.');
    expect(seen(el, 'empty')).to.equal('');
    expect($(el, '[part~="empty"]')!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
  });

  it('the principles: the page\'s text when the agreement has no principles yet; the element\'s own without it', async () => {
    const json = await demoJson();
    json.principles = [];
    json.contacts = [];
    json.followUps = [];
    const el = await fixture<SamverkanElement>(html`<samverkan-principles lang="sv" .data=${json}
      ><span slot="empty">Principerna antas i höst.</span></samverkan-principles
    >`);
    await settle(el);
    showsPagesText(el, 'empty', 'empty', 'Principerna antas i höst.');
    expect(seen(el, 'empty')).to.equal('');
    await expect(el).to.be.accessible();
    const plain = await fixture<SamverkanElement>(html`<samverkan-principles lang="sv" .data=${json}></samverkan-principles>`);
    await settle(plain);
    expect(seen(plain, 'empty')).to.not.equal('');
  });

  it('the follow-up: the page\'s text when there is no report at all; the element\'s own without it', async () => {
    const json = await demoJson();
    json.followUps = [];
    const el = await fixture<SamverkanElement>(html`<samverkan-follow-up lang="sv" .data=${json}
      ><span slot="empty">Den första uppföljningen kommer i juni.</span></samverkan-follow-up
    >`);
    await settle(el);
    showsPagesText(el, 'empty', 'empty', 'Den första uppföljningen kommer i juni.');
    expect(seen(el, 'empty')).to.equal('');
    await expect(el).to.be.accessible();
    const plain = await fixture<SamverkanElement>(html`<samverkan-follow-up lang="sv" .data=${json}></samverkan-follow-up>`);
    await settle(plain);
    expect(seen(plain, 'empty')).to.not.equal('');
  });

  it('the contact finder: the page\'s text when nobody matches, the general contact still under it', async () => {
    const el = await fixture<SamverkanElement>(html`<samverkan-contact-finder lang="sv" query="zzzqqq" .data=${await demoJson()}
      ><span slot="empty">Skriv till kommunens växel.</span></samverkan-contact-finder
    >`);
    await settle(el);
    showsPagesText(el, 'empty', 'empty', 'Skriv till kommunens växel.');
    expect(seen(el, 'empty')).to.not.contain('zzzqqq');
    expect($(el, '[part~="empty"] a')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});
