// The common ground every element builds on, exercised through a minimal
// element that extends SamverkanElement.
import { expect, fixture, html } from '@open-wc/testing';
import { ANNOUNCE_LOADING_AFTER_MS, CLEAR_LOADED_AFTER_MS, SamverkanElement } from '../src/internal/samverkan-element.js';
import { defineElement } from '../src/internal/define-element.js';
import { localized } from '../src/internal/localized.js';
import { resolveLanguage } from '../src/controllers/language-controller.js';
import type { LoadedDataset } from '../src/data/dataset-source.js';
import { clearDatasetCache } from '@samverkan/sdk';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import { datasetUrl, demoJson, hitsFor, release, setStatus, uniqueKey, UNREACHABLE_URL } from './helpers/datasets.js';
import { holdTimeouts } from './helpers/held-timeouts.js';
import { expectEvent, mount, pause, recordEvents, unmountAll, waitFor } from './helpers/expect-event.js';
import { $, $$ } from './helpers/shadow.js';

class ProbeElement extends SamverkanElement {
  protected renderDataset(loaded: LoadedDataset) {
    const { dataset } = loaded;
    return html`<h2 part="title">${localized(dataset.agreement.title, this.language.lang, dataset.defaultLanguage)}</h2>`;
  }
}
defineElement('samverkan-probe', ProbeElement);

const base = (el: Element) => $(el, '[part~="base"]')!;
const settle = async (el: SamverkanElement) => {
  await pause(10);
  await el.updateComplete;
};

afterEach(unmountAll);

describe('common ground: language', () => {
  it('takes its own lang, else the nearest ancestor, else sv', async () => {
    const wrapper = await mount(html`<samverkan-probe></samverkan-probe><samverkan-probe lang="en"></samverkan-probe>`, 'fi');
    const [inherited, own] = [...wrapper.querySelectorAll('samverkan-probe')] as ProbeElement[];
    expect(base(inherited!).getAttribute('lang')).to.equal('fi');
    expect(base(own!).getAttribute('lang')).to.equal('en');
    const bare = document.createElement('samverkan-probe');
    expect(resolveLanguage(bare)).to.equal('sv');
  });

  it('walks up through shadow roots to their hosts', async () => {
    const outer = await mount(html`<div></div>`, 'ar');
    const root = outer.querySelector('div')!.attachShadow({ mode: 'open' });
    const probe = document.createElement('samverkan-probe') as ProbeElement;
    root.append(probe);
    await probe.updateComplete;
    expect(base(probe).getAttribute('lang')).to.equal('ar');
    expect(base(probe).getAttribute('dir')).to.equal('rtl');
  });

  it('follows changes of lang on an ancestor and on itself', async () => {
    const wrapper = await mount(html`<samverkan-probe></samverkan-probe>`, 'sv');
    const probe = wrapper.querySelector('samverkan-probe') as ProbeElement;
    wrapper.setAttribute('lang', 'ar');
    await settle(probe);
    expect(base(probe).getAttribute('dir')).to.equal('rtl');
    probe.setAttribute('lang', 'en-GB');
    await settle(probe);
    expect(base(probe).getAttribute('lang')).to.equal('en');
    expect(base(probe).getAttribute('dir')).to.equal('ltr');
  });

  it('marks a data text that falls back to the default language with its own lang', async () => {
    const data = await demoJson();
    const probe = await fixture<ProbeElement>(html`<samverkan-probe lang="fi" .data=${data}></samverkan-probe>`);
    const title = $(probe, '[part="title"]')!;
    const span = title.querySelector('span[lang]')!;
    expect(span.getAttribute('lang')).to.equal('sv');
    expect(span.textContent).to.contain('Samverkansöverenskommelse');
    probe.setAttribute('lang', 'en');
    await settle(probe);
    expect(title.querySelector('span[lang]')).to.equal(null);
    expect(title.textContent).to.contain('Collaboration agreement');
  });

  it('gives a text its own lang when the dataset has the reader\'s language but the UI does not', async () => {
    const data = await demoJson();
    data.agreement.title = { sv: 'Överenskommelsen', de: 'Die Vereinbarung' };
    const probe = await fixture<ProbeElement>(html`<samverkan-probe lang="de" .data=${data}></samverkan-probe>`);
    // UI strings fall back to English; the German title says it is German.
    expect(base(probe).getAttribute('lang')).to.equal('en');
    const span = $(probe, '[part="title"] span[lang]')!;
    expect(span.getAttribute('lang')).to.equal('de');
    expect(span.textContent).to.equal('Die Vereinbarung');
  });
});

describe('common ground: data and states', () => {
  it('parses the same JSON text once for several elements, and a changed text again', async () => {
    const text = JSON.stringify(await demoJson());
    const wrapper = await mount(html`<samverkan-probe .data=${text}></samverkan-probe><samverkan-probe .data=${text.slice()}></samverkan-probe>`);
    const [first, second] = [...wrapper.querySelectorAll('samverkan-probe')] as ProbeElement[];
    await first!.updateComplete;
    await second!.updateComplete;
    expect(first!.loadedDataset).to.not.equal(undefined);
    expect(second!.loadedDataset).to.equal(first!.loadedDataset);
    const changed = JSON.parse(text) as { agreement: { title: unknown } };
    changed.agreement.title = { sv: 'En annan överenskommelse' };
    second!.data = JSON.stringify(changed);
    await second!.updateComplete;
    expect(second!.loadedDataset).to.not.equal(first!.loadedDataset);
    expect($(second!, '[part="title"]')!.textContent).to.contain('En annan överenskommelse');
  });

  it('shows loading with aria-busy, then the data, and fires samverkan-load once', async () => {
    const key = uniqueKey('probe-load');
    const probe = await fixture<ProbeElement>(html`<samverkan-probe src=${datasetUrl(key, { delay: 300 })}></samverkan-probe>`);
    const loads = recordEvents(probe, 'samverkan-load');
    expect(base(probe).getAttribute('aria-busy')).to.equal('true');
    expect($(probe, '[part~="loading"]')!.textContent).to.contain('Hämtar');
    await expectEvent(probe, 'samverkan-load');
    await pause(50);
    expect(loads.events).to.have.length(1);
    expect(base(probe).getAttribute('aria-busy')).to.equal('false');
    expect($(probe, '[part="title"]')!.textContent).to.contain('Samverkansöverenskommelse');
    expect(await hitsFor(key)).to.equal(1);
  });

  it('announces "loading" through a live region that is there from the start, outside the busy part, once a load takes half a second, then "loaded"', async () => {
    const key = uniqueKey('probe-announce');
    // The half second and the five seconds pass when the test says so, and the load lasts until the test releases it:
    // on a busy machine, a real half second can pass before the test has looked.
    const clock = holdTimeouts(ANNOUNCE_LOADING_AFTER_MS, CLEAR_LOADED_AFTER_MS);
    try {
      const probe = await fixture<ProbeElement>(html`<samverkan-probe src=${datasetUrl(key, { hold: true })}></samverkan-probe>`);
      const region = $(probe, '[role="status"]')!;
      const loaded = expectEvent(probe, 'samverkan-load', 10000);
      // One live region, not inside the aria-busy base, and still empty: a quick load is not announced.
      expect($$(probe, '[role="status"], [aria-live]')).to.have.length(1);
      expect(region.closest('[aria-busy]')).to.equal(null);
      expect(region.textContent!.trim()).to.equal('');
      // The visible loading view is no live region of its own (it would be announced twice).
      expect($(probe, '[part~="loading"]')!.hasAttribute('role')).to.equal(false);
      expect(clock.elapse(ANNOUNCE_LOADING_AFTER_MS), 'timeouts of half a second').to.equal(1);
      await probe.updateComplete;
      // The same node: its text changed, so it is read out.
      expect($(probe, '[role="status"]')).to.equal(region);
      expect(region.textContent).to.contain('Hämtar');
      expect(region.getAttribute('lang')).to.equal('sv');
      await expect(probe).to.be.accessible();
      await release(key);
      await loaded;
      // The end of an announced load is announced too, in the same region, and then taken away.
      expect($(probe, '[role="status"]')).to.equal(region);
      expect(region.textContent!.trim()).to.equal('Uppgifterna är hämtade.');
      expect(clock.elapse(CLEAR_LOADED_AFTER_MS), 'timeouts of five seconds').to.equal(1);
      await probe.updateComplete;
      expect(region.textContent!.trim()).to.equal('');
    } finally {
      clock.restore();
    }
  });

  it('after a slow load that fails, leaves the saying to the alert', async () => {
    const key = uniqueKey('probe-announce-error');
    const clock = holdTimeouts(ANNOUNCE_LOADING_AFTER_MS);
    try {
      const probe = await fixture<ProbeElement>(html`<samverkan-probe lang="en" src=${datasetUrl(key, { hold: true, status: 404 })}></samverkan-probe>`);
      const region = $(probe, '[role="status"]')!;
      expect(clock.elapse(ANNOUNCE_LOADING_AFTER_MS)).to.equal(1);
      await probe.updateComplete;
      expect(region.textContent).to.contain('Loading');
      const failed = expectEvent(probe, 'samverkan-error', 10000);
      await release(key);
      await failed;
      expect(region.textContent!.trim()).to.equal('');
      expect($(probe, '[role="alert"]')).to.not.equal(null);
    } finally {
      clock.restore();
    }
  });

  it('announces nothing for a load that is quick', async () => {
    // Quick: over before the half second has passed, which the test holds until the load is over (on a busy machine,
    // loading the demo dataset and its checks can take longer than a real half second).
    const clock = holdTimeouts(ANNOUNCE_LOADING_AFTER_MS);
    try {
      const probe = await fixture<ProbeElement>(html`<samverkan-probe src=${datasetUrl(uniqueKey('probe-quick'))}></samverkan-probe>`);
      const region = $(probe, '[role="status"]')!;
      const texts: string[] = [];
      new MutationObserver(() => texts.push(region.textContent!.trim())).observe(region, { childList: true, characterData: true, subtree: true });
      await expectEvent(probe, 'samverkan-load', 10000);
      // The half second passes after the load: nothing to say then either.
      clock.elapse(ANNOUNCE_LOADING_AFTER_MS);
      await probe.updateComplete;
      await pause(50);
      expect(texts.filter(Boolean)).to.deep.equal([]);
      expect(region.textContent!.trim()).to.equal('');
    } finally {
      clock.restore();
    }
  });

  it('shows an alert with a retry button on failure, fires samverkan-error once, and retries', async () => {
    const key = uniqueKey('probe-error');
    const probe = await fixture<ProbeElement>(html`<samverkan-probe lang="en" src=${datasetUrl(key, { status: 503 })}></samverkan-probe>`);
    const errors = recordEvents(probe, 'samverkan-error');
    const event = await expectEvent<CustomEvent<{ error: Error }>>(probe, 'samverkan-error');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.error.name).to.equal('HttpError');
    const alert = $(probe, '[role="alert"]')!;
    expect(alert.textContent).to.contain('HTTP 503');
    await pause(50);
    expect(errors.events).to.have.length(1);
    // The SDK client retries a 5xx by itself before giving up.
    const before = await hitsFor(key);
    expect(before).to.be.greaterThan(0);
    alert.querySelector('button')!.click();
    await expectEvent(probe, 'samverkan-error');
    expect(errors.events).to.have.length(2);
    expect(await hitsFor(key)).to.be.greaterThan(before);
  });

  it('says the network failed in words, for an unreachable server', async () => {
    const probe = await fixture<ProbeElement>(html`<samverkan-probe lang="sv" src=${UNREACHABLE_URL}></samverkan-probe>`);
    await waitFor(() => $(probe, '[role="alert"]'), 'no error view');
    expect($(probe, '[role="alert"]')!.textContent).to.contain('internetanslutningen');
  });

  it('abandons a load when the element leaves the page (no events), and loads again when it returns', async () => {
    const key = uniqueKey('probe-abort');
    const probe = await fixture<ProbeElement>(html`<samverkan-probe src=${datasetUrl(key, { delay: 300 })}></samverkan-probe>`);
    const loads = recordEvents(probe, 'samverkan-load');
    const parent = probe.parentElement!;
    probe.remove();
    await pause(500);
    expect(loads.events).to.have.length(0);
    parent.append(probe);
    await expectEvent(probe, 'samverkan-load');
    expect(loads.events).to.have.length(1);
  });

  it('notes entries left out as invalid, and a stale copy with its age', async () => {
    const json = await demoJson();
    // An organisation no volunteer opportunity belongs to: leaving it out leaves out nothing else.
    const offered = new Set(((json.opportunities ?? []) as { organisationId: string }[]).map((o) => o.organisationId));
    const organisations = json.organisations as { id: string }[];
    const index = organisations.findIndex((o) => !offered.has(o.id));
    organisations[index] = { id: 'broken', name: '', form: 'nope' } as never;
    const probe = await fixture<ProbeElement>(html`<samverkan-probe lang="en" .data=${json}></samverkan-probe>`);
    expect($(probe, '[part~="invalid-note"]')!.textContent).to.contain('1 entry');
    const { dataset, issues } = (await import('@samverkan/sdk')).parseDataset(await demoJson());
    probe.data = { dataset, issues, stale: true, fetchedAt: new Date(Date.now() - 3 * 3600_000) };
    await probe.updateComplete;
    expect($(probe, '[part~="stale-note"]')!.textContent).to.contain('3 hours ago');
  });
});

describe('common ground: stale copies through the SDK client', () => {
  it('shows the saved copy with a note of its age when the server fails later (offline-copy)', async () => {
    const key = uniqueKey('probe-stale');
    const src = datasetUrl(key);
    const first = await fixture<ProbeElement>(html`<samverkan-probe lang="en" offline-copy src=${src}></samverkan-probe>`);
    await expectEvent(first, 'samverkan-load');
    await setStatus(key, 503);
    // A new visit: nothing in memory, the server down, the copy in localStorage.
    clearDatasetCache(src);
    const second = await fixture<ProbeElement>(html`<samverkan-probe lang="en" offline-copy src=${src}></samverkan-probe>`);
    const loaded = await expectEvent<CustomEvent<{ stale: boolean }>>(second, 'samverkan-load', 8000);
    expect(loaded.detail.stale).to.equal(true);
    await second.updateComplete;
    expect($(second, '[part~="stale-note"]')!.textContent).to.contain('fetched now');
    expect($(second, '[part="title"]')!.textContent).to.contain('Collaboration agreement');
    await setStatus(key, undefined);
    localStorage.clear();
  });
});

describe('common ground: styles', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('spins the loading indicator only for readers who do not ask for reduced motion', async () => {
    const probe = await fixture<ProbeElement>(html`<samverkan-probe src=${datasetUrl(uniqueKey('probe-motion'), { delay: 3000 })}></samverkan-probe>`);
    const loading = $(probe, '[part~="loading"]')!;
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(getComputedStyle(loading, '::before').animationName).to.equal('samverkan-spin');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(loading, '::before').content).to.equal('none');
  });

  it('inherits the page\'s font and colour, and page styles do not reach inside', async () => {
    const wrapper = await mount(html`<style>.page p { color: rgb(255, 0, 0) !important; }</style>
      <div class="page" style="font-family: Georgia, serif; color: rgb(10, 20, 30)"><samverkan-probe></samverkan-probe></div>`);
    const probe = wrapper.querySelector('samverkan-probe') as ProbeElement;
    probe.data = await demoJson();
    await probe.updateComplete;
    const title = $(probe, '[part="title"]')!;
    expect(getComputedStyle(title).fontFamily).to.contain('Georgia');
    expect(getComputedStyle(title).color).to.equal('rgb(10, 20, 30)');
  });
});

describe('common ground: registration', () => {
  it('leaves an already defined tag alone with a warning', () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement('samverkan-probe', class extends ProbeElement {});
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('samverkan-probe')).to.equal(ProbeElement);
    expect(warnings).to.have.length(1);
  });
});

describe('common ground: the data property', () => {
  it('takes the dataset as a JSON string', async () => {
    const json = JSON.stringify(await demoJson());
    const probe = await fixture<ProbeElement>(html`<samverkan-probe lang="en" .data=${json}></samverkan-probe>`);
    expect($(probe, '[part="title"]')!.textContent).to.contain('Collaboration agreement');
    expect(probe.loadedDataset!.organisations.length).to.be.greaterThan(0);
  });

  it('shows the error view, and fires samverkan-error once, for a string that is not JSON', async () => {
    const probe = document.createElement('samverkan-probe') as ProbeElement;
    probe.lang = 'en';
    const errors = recordEvents<CustomEvent<{ error: Error }>>(probe, 'samverkan-error');
    probe.data = '{"schemaVersion": "1", oops';
    const wrapper = await mount(html`<div></div>`);
    wrapper.append(probe);
    await probe.updateComplete;
    await pause(50);
    const alert = $(probe, '[role="alert"]')!;
    expect(alert.textContent).to.contain('could not be read');
    expect(errors.events).to.have.length(1);
    expect(errors.events[0]!.detail.error.name).to.equal('ValidationError');
  });

  it('takes what the SDK client\'s getDataset() returns (stale, with its fetch time) as it is', async () => {
    const { parseDataset } = await import('@samverkan/sdk');
    const parsed = parseDataset(await demoJson());
    const fromClient = { ...parsed, stale: true, fetchedAt: new Date(Date.now() - 2 * 3600_000) };
    const probe = await fixture<ProbeElement>(html`<samverkan-probe lang="en" .data=${fromClient}></samverkan-probe>`);
    expect(probe.loadedDataset).to.equal(parsed.dataset);
    expect($(probe, '[part~="stale-note"]')!.textContent).to.contain('2 hours ago');
  });
});

describe('common ground: every element', () => {
  const tags = ['samverkan-signatory-list', 'samverkan-contact-finder', 'samverkan-meeting-calendar', 'samverkan-principles'];
  before(() =>
    Promise.all([
      import('../src/define/samverkan-signatory-list.js'),
      import('../src/define/samverkan-contact-finder.js'),
      import('../src/define/samverkan-meeting-calendar.js'),
      import('../src/define/samverkan-principles.js'),
    ]),
  );

  for (const tag of tags) {
    it(`<${tag}> fires samverkan-load once, not again for the reader's searches or a language change, and reflects no personal data`, async () => {
      const json = await demoJson();
      const el = document.createElement(tag) as SamverkanElement;
      const loads = recordEvents(el, 'samverkan-load');
      const errors = recordEvents(el, 'samverkan-error');
      el.data = json;
      const wrapper = await mount(html`<div></div>`, 'sv');
      wrapper.append(el);
      await el.updateComplete;
      await pause(50);
      expect(loads.events, 'after loading').to.have.length(1);
      const search = $<HTMLInputElement>(el, 'input[type="search"]');
      if (search) {
        search.value = 'Forsberg';
        search.dispatchEvent(new Event('input'));
        await el.updateComplete;
      }
      wrapper.lang = 'ar';
      await settle(el);
      $<HTMLButtonElement>(el, '[part~="principle-toggle"], [part~="view-button"]')?.click();
      await el.updateComplete;
      await pause(50);
      expect(loads.events, 'after the reader\'s actions').to.have.length(1);
      expect(errors.events).to.have.length(0);
      // Attributes a page can read (and a crawler or analytics can record) hold no one's name, e-mail or phone.
      const personal = [
        ...(json.contacts ?? []).flatMap((c) => [c.name, c.email, c.phone]),
        ...(json.organisations ?? []).flatMap((o) => [o.email, o.phone, o.collaborationContact?.name, o.collaborationContact?.email]),
      ].filter((value): value is string => typeof value === 'string' && value.length > 3);
      for (const attribute of el.getAttributeNames()) {
        const value = el.getAttribute(attribute)!;
        expect(personal.filter((p) => value.includes(p)), attribute).to.deep.equal([]);
      }
    });
  }
});

describe('common ground: forced colours', () => {
  afterEach(() => executeServerCommand('set-forced-colors', { active: false }));

  it('keeps marked words, the chosen day and the chosen view visible in forced-colors mode', async () => {
    await import('../src/define/samverkan-contact-finder.js');
    await import('../src/define/samverkan-meeting-calendar.js');
    const finder = await fixture<SamverkanElement>(html`<samverkan-contact-finder query="lokaler" .data=${await demoJson()}></samverkan-contact-finder>`);
    const mark = $(finder, 'mark')!;
    const calendar = await fixture<SamverkanElement>(html`<samverkan-meeting-calendar view="month" month="2026-03" .data=${await demoJson()}></samverkan-meeting-calendar>`);
    $<HTMLElement>(calendar, 'td[data-date="2026-03-17"]')!.click();
    await calendar.updateComplete;
    const chosen = $(calendar, 'td.day-selected')!;
    expect(matchMedia('(forced-colors: active)').matches).to.equal(false);
    expect(getComputedStyle(chosen).outlineStyle).to.equal('none');

    await executeServerCommand('set-forced-colors', { active: true });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    // The page's colours give way to the system's; the mark keeps a system highlight of its own…
    expect(getComputedStyle(mark).forcedColorAdjust).to.equal('none');
    const highlight = document.createElement('span');
    highlight.style.cssText = 'forced-color-adjust: none; background-color: Highlight';
    document.body.append(highlight);
    expect(getComputedStyle(mark).backgroundColor).to.equal(getComputedStyle(highlight).backgroundColor);
    highlight.remove();
    // …and the chosen day, drawn with a box-shadow that forced colours remove, gets an outline.
    expect(getComputedStyle(chosen).outlineStyle).to.equal('solid');
    // The chosen view (list / month) is told apart by more than an underline: the system's highlight.
    const [list, month] = $$<HTMLElement>(calendar, '[part~="view-button"]');
    expect(month!.getAttribute('aria-pressed')).to.equal('true');
    const probe = document.createElement('span');
    probe.style.cssText = 'forced-color-adjust: none; background-color: Highlight; color: HighlightText';
    document.body.append(probe);
    expect(getComputedStyle(month!).backgroundColor).to.equal(getComputedStyle(probe).backgroundColor);
    expect(getComputedStyle(month!).color).to.equal(getComputedStyle(probe).color);
    expect(getComputedStyle(list!).backgroundColor).to.not.equal(getComputedStyle(month!).backgroundColor);
    probe.remove();
  });
});
