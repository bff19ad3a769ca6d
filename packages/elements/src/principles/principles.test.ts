import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { parseDataset, type ParseDatasetResult } from '@samverkan/sdk';
import '../define/samverkan-principles.js';
import type { SamverkanPrinciples } from './principles.js';
import { datasetUrl, demoJson, HOSTILE_TEXT, release, uniqueKey, UNREACHABLE_URL } from '../../test/helpers/datasets.js';
import { expectEvent, mount, pause, unmountAll, waitFor } from '../../test/helpers/expect-event.js';
import { $, $$, focused, shadow, text } from '../../test/helpers/shadow.js';

const toggles = (el: Element) => $$<HTMLButtonElement>(el, '[part~="principle-toggle"]');
const panelOf = (el: Element, button: HTMLButtonElement) => shadow(el).getElementById(button.getAttribute('aria-controls')!)!;

async function principles(lang = 'sv'): Promise<SamverkanPrinciples> {
  return fixture<SamverkanPrinciples>(html`<samverkan-principles lang=${lang} .data=${await demoJson()}></samverkan-principles>`);
}

function clearHash(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

afterEach(clearHash);
afterEach(unmountAll);

describe('<samverkan-principles> content', () => {
  it('shows the agreement\'s title, adoption, revision cycle and a link to the document', async () => {
    const el = await principles();
    expect(text($(el, '[part~="title"]'))).to.equal('Samverkansöverenskommelse mellan idéburen sektor och Södertälje kommun');
    const facts = text($(el, '[part~="facts"]'));
    expect(facts).to.contain('Antagen 24 april 2023 av Södertälje kommun.');
    expect(facts).to.contain('Överenskommelsen revideras med 4 års mellanrum.');
    expect(facts).to.contain('En utvecklingsplan tas fram med 2 års mellanrum.');
    expect($<HTMLAnchorElement>(el, '[part~="document-link"]')!.getAttribute('href')).to.equal('https://www.example.org/samverkansoverenskommelse.pdf');
  });

  it('writes the adoption date the British way in English (lang="en"), the US way only for lang="en-US"', async () => {
    const en = await principles('en');
    expect(text($(en, '[part~="facts"]'))).to.contain('Adopted on 24 April 2023 by Södertälje kommun.');
    const us = await principles('en-US');
    expect(text($(us, '[part~="facts"]'))).to.contain('Adopted on April 24, 2023 by Södertälje kommun.');
  });

  it('lists every principle as a closed disclosure, with its commitments grouped by party inside', async () => {
    const json = await demoJson();
    const el = await principles();
    const buttons = toggles(el);
    expect(buttons).to.have.length(json.principles!.length);
    expect(text(buttons[0]!)).to.equal('Långsiktighet');
    expect(buttons[0]!.closest('h4')).to.not.equal(null);
    for (const button of buttons) {
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(panelOf(el, button).hidden).to.equal(true);
    }
    buttons[0]!.click();
    await el.updateComplete;
    const panel = panelOf(el, buttons[0]!);
    expect(buttons[0]!.getAttribute('aria-expanded')).to.equal('true');
    expect(panel.hidden).to.equal(false);
    expect(panel.checkVisibility()).to.equal(true);
    const groups = [...panel.querySelectorAll<HTMLElement>('[part~="commitments"]')];
    expect(groups.map((g) => g.dataset['party'])).to.deep.equal(['municipality', 'civil-society', 'both']);
    expect(groups.map((g) => text(g.querySelector('h5')))).to.deep.equal(['Kommunen åtar sig', 'Den idéburna sektorn åtar sig', 'Tillsammans åtar vi oss']);
    expect(text(groups[0]!)).to.contain('Att se till att samverkansöverenskommelsen följs upp årligen');
    expect(text(groups[1]!)).to.contain('Att bidra med kompetens och erfarenhet');
    expect(panel.querySelector<HTMLAnchorElement>('[part~="principle-link"]')!.getAttribute('href')).to.equal('#principle-long-term');
  });

  it('shows the development areas with their goals and actions', async () => {
    const json = await demoJson();
    const el = await principles('en');
    const areas = $$(el, '[part~="area"]');
    expect(areas).to.have.length(json.developmentAreas!.length);
    expect(text(areas[0]!.querySelector('h4'))).to.equal('Collaboration');
    expect(text(areas[0]!)).to.contain('Goal: We want to create organised, long-term collaboration');
    expect(areas[0]!.querySelectorAll('ul li').length).to.equal(json.developmentAreas![0]!.actions!.length);
  });
});

describe('<samverkan-principles> keyboard and deep links', () => {
  it('opens and closes a principle with Enter and Space on its button', async () => {
    const el = await principles();
    const [first, second] = toggles(el);
    first!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(first!.getAttribute('aria-expanded')).to.equal('true');
    // Tab goes into the open panel (its deep link), then on to the next principle.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.getAttribute('part')).to.equal('principle-link');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(second);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(second!.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(second!.getAttribute('aria-expanded')).to.equal('false');
    expect(panelOf(el, second!).hidden).to.equal(true);
  });

  it('opens the principle named in the address (#principle-<id>) and moves focus to it', async () => {
    const json = await demoJson();
    const target = json.principles![4]!;
    location.hash = `#principle-${target.id}`;
    const el = await principles();
    await el.updateComplete;
    const button = toggles(el)[4]!;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(focused(el)).to.equal(button);
    expect(toggles(el).filter((b) => b.getAttribute('aria-expanded') === 'true')).to.have.length(1);
  });

  it('follows later changes of the address, also from its own deep links', async () => {
    const json = await demoJson();
    const el = await principles();
    location.hash = `#principle-${json.principles![2]!.id}`;
    await waitFor(() => toggles(el)[2]!.getAttribute('aria-expanded') === 'true', 'hashchange did not open it');
    await el.updateComplete;
    expect(focused(el)).to.equal(toggles(el)[2]);
    // Clicking a principle's own link changes the address to it.
    clearHash();
    const link = panelOf(el, toggles(el)[2]!).querySelector<HTMLAnchorElement>('[part~="principle-link"]')!;
    toggles(el)[6]!.focus();
    link.click();
    await waitFor(() => focused(el) === toggles(el)[2], 'the deep link did not bring focus back');
    expect(location.hash).to.equal(`#principle-${json.principles![2]!.id}`);
  });

  it('ignores an address that names no principle', async () => {
    location.hash = '#principle-does-not-exist';
    const el = await principles();
    expect(toggles(el).every((b) => b.getAttribute('aria-expanded') === 'false')).to.equal(true);
  });
});

describe('<samverkan-principles> states and accessibility', () => {
  // One test per state: each has several axe runs, and all of them in one test took more than its 10 s on a busy machine.
  for (const lang of ['sv', 'ar']) {
    it(`is accessible while loading (${lang})`, async () => {
      // Held until the test is done with it: loading for as long as the test looks, however busy the machine.
      const key = uniqueKey('pr-a11y');
      const loading = await fixture<SamverkanPrinciples>(html`<samverkan-principles lang=${lang} src=${datasetUrl(key, { hold: true })}></samverkan-principles>`);
      try {
        expect($(loading, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
        await expect(loading).to.be.accessible();
      } finally {
        await release(key);
      }
    });

    it(`is accessible when the dataset cannot be fetched (${lang})`, async () => {
      const failed = await fixture<SamverkanPrinciples>(html`<samverkan-principles lang=${lang} src=${UNREACHABLE_URL}></samverkan-principles>`);
      // The SDK client tries again twice (about a second) before it gives up.
      await waitFor(() => $(failed, '[role="alert"] button'), 'no error view');
      await expect(failed).to.be.accessible();
    });

    it(`is accessible with every principle closed, and open (${lang})`, async () => {
      const closed = await principles(lang);
      await expect(closed).to.be.accessible();
      for (const button of toggles(closed)) button.click();
      await closed.updateComplete;
      await expect(closed).to.be.accessible();
    });

    it(`is accessible with a stale, partly invalid dataset, and with an empty one (${lang})`, async () => {
      const json = await demoJson();
      (json.principles as unknown[]).push({ id: 'broken', title: { en: 'no Swedish' } });
      const { dataset, issues } = parseDataset(json);
      const stale = await fixture<SamverkanPrinciples>(html`<samverkan-principles lang=${lang} .data=${{ dataset, issues, stale: true, fetchedAt: new Date(Date.now() - 2 * 86_400_000) }}></samverkan-principles>`);
      expect($(stale, '[part~="stale-note"]')).to.not.equal(null);
      expect($(stale, '[part~="invalid-note"]')).to.not.equal(null);
      await expect(stale).to.be.accessible();

      const emptyJson = await demoJson();
      emptyJson.principles = [];
      emptyJson.developmentAreas = [];
      const empty = await fixture<SamverkanPrinciples>(html`<samverkan-principles lang=${lang} .data=${emptyJson}></samverkan-principles>`);
      expect($(empty, '.empty')).to.not.equal(null);
      await expect(empty).to.be.accessible();
    });
  }

  it('renders Arabic right to left, with the Swedish data texts marked as Swedish', async () => {
    const el = await principles('ar');
    expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(text($(el, '#principles-heading'))).to.equal('المبادئ');
    expect(toggles(el)[0]!.querySelector('span[lang="sv"]')).to.not.equal(null);
    expect(getComputedStyle(toggles(el)[0]!).direction).to.equal('rtl');
  });

  /**
   * Where a marker points, from its computed styles: the corner where its two
   * visible borders meet, turned by its transform, as a screen direction.
   */
  function pointing(marker: HTMLElement): '>' | '<' | 'v' | '^' {
    const style = getComputedStyle(marker);
    const x = parseFloat(style.borderRightWidth) > 0 ? 1 : parseFloat(style.borderLeftWidth) > 0 ? -1 : 0;
    const y = parseFloat(style.borderBottomWidth) > 0 ? 1 : parseFloat(style.borderTopWidth) > 0 ? -1 : 0;
    const m = new DOMMatrix(style.transform === 'none' ? undefined : style.transform);
    const dx = m.a * x + m.c * y;
    const dy = m.b * x + m.d * y;
    if (Math.abs(dx) > Math.abs(dy)) return dx > 0 ? '>' : '<';
    return dy > 0 ? 'v' : '^';
  }

  for (const [lang, closed] of [['sv', '>'], ['ar', '<']] as const) {
    it(`points its markers along the line when closed (${closed}) and down when open (${lang})`, async () => {
      const el = await principles(lang);
      // No transition in the way: the computed transform is the end state.
      for (const marker of $$(el, '.marker')) marker.style.transition = 'none';
      const marker = toggles(el)[0]!.querySelector<HTMLElement>('.marker')!;
      expect(pointing(marker)).to.equal(closed);
      toggles(el)[0]!.click();
      await el.updateComplete;
      expect(pointing(marker)).to.equal('v');
    });
  }

  it('loads from src over HTTP and fires samverkan-load', async () => {
    // Listening before the element is on the page: its load can come before fixture() returns, and would then be missed.
    const loaded = expectEvent(document, 'samverkan-load');
    const el = await fixture<SamverkanPrinciples>(html`<samverkan-principles src=${datasetUrl(uniqueKey('pr-src'))}></samverkan-principles>`);
    expect((await loaded).target).to.equal(el);
    await el.updateComplete;
    expect(toggles(el).length).to.be.greaterThan(0);
  });
});

describe('<samverkan-principles> hostile data', () => {
  it('renders markup as inert text, and a hostile id neither breaks the page nor its links', async () => {
    (window as { __pwned?: number }).__pwned = 0;
    const { dataset } = parseDataset(await demoJson());
    dataset.agreement.title = HOSTILE_TEXT;
    dataset.agreement.documentUrl = 'javascript:window.__pwned=1';
    dataset.principles = dataset.principles.slice(0, 2).map((p, i) => ({
      ...p,
      id: i === 0 ? `"><img src=x onerror="window.__pwned=1"> #x` : p.id,
      title: HOSTILE_TEXT,
      description: HOSTILE_TEXT,
      commitments: p.commitments.map((c) => ({ ...c, text: HOSTILE_TEXT })),
    }));
    const parsed: ParseDatasetResult = { dataset, issues: [] };
    const el = await fixture<SamverkanPrinciples>(html`<samverkan-principles .data=${parsed}></samverkan-principles>`);
    for (const button of toggles(el)) button.click();
    await el.updateComplete;
    await pause(50);
    const root = shadow(el);
    expect(root.querySelector('script, img')).to.equal(null);
    expect(text($(el, '[part~="title"]'))).to.equal(HOSTILE_TEXT);
    expect($(el, '[part~="document-link"]')).to.equal(null);
    for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^#principle-[^"<> ]*$/);
    // Its deep link still finds it.
    location.hash = root.querySelector('a')!.getAttribute('href')!;
    await waitFor(() => focused(el) === toggles(el)[0], 'focus did not come back to the first toggle');
    expect((window as { __pwned?: number }).__pwned).to.equal(0);
  });
});

describe('<samverkan-principles> more data', () => {
  it('renders hostile development areas and municipality name as text, with $& and $\' as they are', async () => {
    (window as { __pwned?: number }).__pwned = 0;
    const { dataset } = parseDataset(await demoJson());
    dataset.agreement.municipality = { ...dataset.agreement.municipality, name: `${HOSTILE_TEXT} $& $'` };
    dataset.developmentAreas = dataset.developmentAreas.slice(0, 2).map((area) => ({
      ...area,
      title: HOSTILE_TEXT,
      goal: HOSTILE_TEXT,
      actions: area.actions.map((action) => ({ ...action, text: HOSTILE_TEXT })),
    }));
    const el = await fixture<SamverkanPrinciples>(html`<samverkan-principles .data=${{ dataset, issues: [] }}></samverkan-principles>`);
    await pause(50);
    const root = shadow(el);
    expect(root.querySelector('script, img')).to.equal(null);
    expect(text($(el, '[part~="facts"]'))).to.contain(`av ${HOSTILE_TEXT} $& $'.`);
    const areas = $$(el, '[part~="area"]');
    expect(text(areas[0]!.querySelector('h4'))).to.equal(HOSTILE_TEXT);
    expect(text(areas[0]!)).to.contain(`${HOSTILE_TEXT}`);
    expect(areas[0]!.querySelectorAll('li').length).to.be.greaterThan(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(0);
  });

  for (const lang of ['sv', 'ar']) {
    it(`fits a phone 320 px wide (a 288 px column between the page's margins): a long title breaks instead of sticking out (${lang})`, async () => {
      const wrapper = await mount(html`<div style="inline-size: 288px; font: 16px sans-serif"><samverkan-principles lang=${lang} .data=${await demoJson()}></samverkan-principles></div>`);
      const el = wrapper.querySelector('samverkan-principles') as SamverkanPrinciples;
      await el.updateComplete;
      const base = $(el, '[part~="base"]')!;
      expect(base.clientWidth).to.be.at.most(288);
      expect(base.scrollWidth, 'sideways overflow').to.be.at.most(base.clientWidth);
    });
  }
});
