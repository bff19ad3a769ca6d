import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { parseDataset, todayIn, type DatasetInput } from '@samverkan/sdk';
import '../define/samverkan-volunteer-board.js';
import type { SamverkanVolunteerBoard } from './volunteer-board.js';
import { datasetUrl, demoJson, HOSTILE_TEXT, HOSTILE_URLS, release, uniqueKey, UNREACHABLE_URL } from '../../test/helpers/datasets.js';
import { expectEvent, mount, unmountAll, waitFor } from '../../test/helpers/expect-event.js';
import { $, $$, focused, text } from '../../test/helpers/shadow.js';
import { testTime } from '../../test/helpers/test-time.js';

const titles = (el: Element) => $$(el, '[part~="item-title"]').map(text);

/** The demo dataset with every opportunity valid far into the future, so the tests do not depend on the day they run. */
async function boardJson(): Promise<DatasetInput> {
  const json = await demoJson();
  for (const o of json.opportunities!) o.validThrough = '2099-12-31';
  return json;
}

async function board(data: unknown, lang = 'sv', attributes: Record<string, string> = {}): Promise<SamverkanVolunteerBoard> {
  const container = await mount(html`<samverkan-volunteer-board lang=${lang} .data=${data}></samverkan-volunteer-board>`);
  const el = container.querySelector('samverkan-volunteer-board')!;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await el.updateComplete;
  return el;
}

async function search(el: SamverkanVolunteerBoard, query: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '[part~="search-input"]')!;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function choose(el: SamverkanVolunteerBoard, filter: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `select[name="${filter}"]`)!;
  // As a reader does: the pointer comes down on the select before a value is chosen (its values are built then).
  select.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
  await el.updateComplete;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** `days` after (or before) today on the calendar of Stockholm. */
function stockholmDay(days: number): string {
  return todayIn('Europe/Stockholm', new Date(Date.now() + days * 86_400_000));
}

afterEach(unmountAll);

describe('<samverkan-volunteer-board> content', () => {
  it('lists the current opportunities of signatories, a page at a time, with a count', async () => {
    const json = await boardJson();
    const el = await board(json);
    expect(text($(el, '[part~="count"]'))).to.equal('25 uppdrag');
    expect($$(el, '[part~="item"]')).to.have.length(20);
    const more = $<HTMLButtonElement>(el, '[part~="more-button"]')!;
    expect(text(more)).to.equal('Visa 5 till');
    more.click();
    await el.updateComplete;
    expect($$(el, '[part~="item"]')).to.have.length(25);
    // Focus moves to the first newly shown opportunity.
    expect(focused(el)).to.equal($$(el, '[part~="item-title"]')[20]);
  });

  it('shows the organisation, what, where, when, how much time and how to get in touch', async () => {
    const el = await board(await boardJson(), 'en');
    await search(el, 'Maths homework helper');
    const item = $(el, '[data-opportunity="opportunity-02"]')!;
    expect(text(item.querySelector('[part~="item-title"]'))).to.equal('Maths homework helper');
    expect(text(item.querySelector('[part~="organisation"]'))).to.equal('Organisation: Hovsjö Läxhjälpsförening');
    expect(text(item.querySelector('.description'))).to.contain('years 4–9');
    const facts = [...item.querySelectorAll('dl > div')].map((d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`);
    expect(facts).to.deep.equal(['Where: Hovsjö', 'When: 12 January 2027 – 10 June 2027', 'Time: 2 evenings a month', 'Languages: Swedish, Arabic, and Somali']);
    const email = item.querySelector<HTMLAnchorElement>('[part~="contact"] a')!;
    expect(email.getAttribute('href')).to.equal('mailto:laxhjalp@hovsjo.example.org');
    expect(text(item.querySelector('.valid-through'))).to.equal('Shown until 31 December 2099');
    // Phone and web links are built by the element.
    await search(el, 'food bags');
    const links = $$<HTMLAnchorElement>(el, '[data-opportunity="opportunity-04"] [part~="contact"] a').map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['tel:0855022240', 'https://matkassen.example.org/hjalp-till']);
    await search(el, 'Companion');
    expect(text($(el, '[data-opportunity="opportunity-01"] dl'))).to.contain('Ongoing');
  });

  it('leaves out opportunities of organisations that have not signed', async () => {
    const json = await boardJson();
    delete json.organisations!.find((o) => o.id === 'hundra-hander')!.signature;
    const el = await board(json);
    expect(text($(el, '[part~="count"]'))).to.equal('24 uppdrag');
    expect($(el, '[data-opportunity="opportunity-01"]')).to.equal(null);
  });

  it('says so when nothing is offered', async () => {
    const json = await boardJson();
    json.opportunities = [];
    const el = await board(json, 'fi');
    expect(text($(el, '[part~="empty"]'))).to.equal('Vapaaehtoistehtäviä ei ole juuri nyt.');
    expect($(el, '[part~="search-input"]')).to.equal(null);
  });
});

describe('<samverkan-volunteer-board> expiry and time zones', () => {
  it('shows an opportunity through its validThrough day and not after it', async () => {
    const json = await boardJson();
    json.opportunities![0]!.validThrough = stockholmDay(0);
    json.opportunities![1]!.validThrough = stockholmDay(-1);
    const el = await board(json);
    expect($(el, `[data-opportunity="${json.opportunities![0]!.id}"]`)).to.not.equal(null);
    expect(text($(el, '[part~="count"]'))).to.equal('24 uppdrag');
    expect(el.filteredOpportunities.some((l) => l.opportunity.id === json.opportunities![1]!.id)).to.equal(false);
  });

  it('counts the days in the dataset time zone, not the reader\'s', async () => {
    // Kiritimati (UTC+14) is a day ahead of Stockholm from 10:00 UTC, Pago Pago (UTC-11) a day behind until 11:00 UTC:
    // at any hour at least one of them disagrees with Stockholm about the date.
    const json = await boardJson();
    json.opportunities![0]!.validThrough = stockholmDay(0);
    json.opportunities![1]!.validThrough = stockholmDay(-1);
    try {
      for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        await executeServerCommand('set-timezone', { timeZone });
        const el = await board(json);
        const ids = el.filteredOpportunities.map((l) => l.opportunity.id);
        expect(ids, timeZone).to.include(json.opportunities![0]!.id);
        expect(ids, timeZone).to.not.include(json.opportunities![1]!.id);
        // Dates are shown as the calendar day they are, in every zone.
        await search(el, 'Packa matkassar');
        expect(text($(el, '.valid-through')), timeZone).to.equal('Visas till och med 31 december 2099');
      }
    } finally {
      await executeServerCommand('set-timezone', { timeZone: null });
    }
  });
});

describe('<samverkan-volunteer-board> search and filters', () => {
  it('finds opportunities whatever the case and å, ä, ö, and reflects the query', async () => {
    const el = await board(await boardJson());
    await search(el, 'ALDREBOENDE');
    expect(titles(el)).to.deep.equal(['Besöksvän på äldreboende']);
    expect(text($(el, '[part~="count"]'))).to.equal('1 uppdrag av 25');
    expect($(el, '[part~="count"]')!.getAttribute('role')).to.equal('status');
    expect(el.getAttribute('query')).to.equal('ALDREBOENDE');
    await search(el, 'hovsjö läxhjälp');
    expect(titles(el)).to.include('Läxhjälpare i matematik');
  });

  it('filters by district, activity and language, from attributes and from the selects', async () => {
    const json = await boardJson();
    const el = await board(json, 'sv', { district: 'Hovsjö' });
    const inHovsjo = json.opportunities!.filter((o) => o.districts!.includes('Hovsjö')).length;
    expect($$(el, '[part~="item"]')).to.have.length(inHovsjo);
    expect($<HTMLSelectElement>(el, 'select[name="district"]')!.value).to.equal('Hovsjö');
    await choose(el, 'activity', 'läxhjälp');
    expect(el.getAttribute('activity')).to.equal('läxhjälp');
    expect(titles(el).sort()).to.deep.equal(['Läxhjälp på helger', 'Läxhjälpare i matematik']);
    await choose(el, 'language', 'so');
    expect(el.getAttribute('language')).to.equal('so');
    // Language names in the reader's language.
    const option = [...$<HTMLSelectElement>(el, 'select[name="language"]')!.options].find((o) => o.value === 'syc')!;
    expect(text(option)).to.equal('syriska');
    await choose(el, 'language', 'fa');
    expect(text($(el, '[part~="empty"]'))).to.contain('Inget uppdrag matchar sökningen.');
    $<HTMLButtonElement>(el, '[part~="empty"] button')!.click();
    await el.updateComplete;
    expect(text($(el, '[part~="count"]'))).to.equal('25 uppdrag');
    expect(el.hasAttribute('district')).to.equal(false);
    expect(focused(el)).to.equal($(el, '[part~="search-input"]'));
  });

  it('is used by keyboard: from the search to each filter, and a filter chosen with the arrow keys', async () => {
    const el = await board(await boardJson());
    $<HTMLInputElement>(el, '[part~="search-input"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, 'select[name="district"]'));
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const first = $<HTMLSelectElement>(el, 'select[name="district"]')!.options[1]!.value;
    expect(el.district).to.equal(first);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, 'select[name="activity"]'));
  });
});

describe('<samverkan-volunteer-board> untrusted and partly invalid data', () => {
  it('shows hostile texts as text, builds only safe links and isolates reversed text', async () => {
    const { dataset } = parseDataset(await boardJson());
    dataset.opportunities = dataset.opportunities.slice(0, 4).map((o, i) => ({
      ...o,
      title: `\u202E${HOSTILE_TEXT} ${i}`,
      description: HOSTILE_TEXT,
      districts: [HOSTILE_TEXT],
      timeCommitment: HOSTILE_TEXT,
      contact: { email: HOSTILE_URLS[i % 3]!, phone: HOSTILE_URLS[(i + 1) % 3]!, url: HOSTILE_URLS[(i + 2) % 3]! },
    }));
    const el = await board({ dataset, issues: [], stale: false });
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect($(el, 'script, img')).to.equal(null);
    expect($$(el, '[part~="item"]')).to.have.length(4);
    expect($$(el, '[part~="contact"] a')).to.have.length(0);
    const title = $(el, '[part~="item-title"]')!;
    expect(title.getAttribute('dir')).to.equal('auto');
    expect(title.textContent).to.contain('\u202E<script>');
  });

  it('shows the valid opportunities of a partly invalid dataset and says that some were left out', async () => {
    const json = await boardJson();
    json.opportunities![0]!.contact = {};
    json.opportunities![1]!.organisationId = 'no-such-organisation';
    const el = await board(json);
    expect(text($(el, '[part~="invalid-note"]'))).to.contain('2 poster');
    expect(text($(el, '[part~="count"]'))).to.equal('23 uppdrag');
  });
});

describe('<samverkan-volunteer-board json-ld>', () => {
  it('writes the current opportunities as schema.org JobPostings for volunteers, only when asked', async () => {
    const json = await boardJson();
    json.opportunities![0]!.title = { sv: '</script><script>window.__pwned=1</script>' };
    json.opportunities![1]!.validThrough = stockholmDay(-1);
    const plain = await board(json);
    expect(plain.querySelector('script')).to.equal(null);
    const el = await board(json, 'sv', { 'json-ld': '' });
    const script = el.querySelector<HTMLScriptElement>('script[type="application/ld+json"]')!;
    expect(script.textContent).to.not.contain('</script>');
    const data = JSON.parse(script.textContent!) as { '@context': string; '@graph': Record<string, unknown>[] };
    expect(data['@context']).to.equal('https://schema.org');
    expect(data['@graph']).to.have.length(24);
    for (const node of data['@graph']) {
      expect(node['@type']).to.equal('JobPosting');
      expect(node['employmentType']).to.equal('VOLUNTEER');
    }
    const matkassen = data['@graph'].find((n) => n['title'] === 'Packa matkassar')!;
    expect((matkassen['hiringOrganization'] as { name: string }).name).to.equal('Stiftelsen Matkassen Södertälje');
    expect(matkassen['validThrough']).to.equal('2099-12-31');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    el.removeAttribute('json-ld');
    await el.updateComplete;
    expect(el.querySelector('script')).to.equal(null);
  });
});

describe('<samverkan-volunteer-board> languages, states and accessibility', () => {
  it('renders Arabic right to left, with addresses kept left to right', async () => {
    const el = await board(await boardJson(), 'ar');
    expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(text($(el, '[part~="count"]'))).to.contain('فرصة');
    const link = $<HTMLAnchorElement>(el, '[part~="contact"] a')!;
    expect(link.getAttribute('dir')).to.equal('ltr');
    expect($(el, '[part~="item-title"] span[lang="sv"]')).to.not.equal(null);
  });

  for (const lang of ['sv', 'ar']) {
    it(`is accessible while loading and after a failed load (${lang})`, async () => {
      // Loading until the test releases it, however busy the machine (a delay could end before the test has looked).
      const loadingKey = uniqueKey('vb-a11y');
      const loading = await fixture<SamverkanVolunteerBoard>(html`<samverkan-volunteer-board lang=${lang} src=${datasetUrl(loadingKey, { hold: true })}></samverkan-volunteer-board>`);
      expect($(loading, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(loading).to.be.accessible();
      await release(loadingKey);
      const failed = await fixture<SamverkanVolunteerBoard>(html`<samverkan-volunteer-board lang=${lang} src=${UNREACHABLE_URL}></samverkan-volunteer-board>`);
      await waitFor(() => $(failed, '[role="alert"] button'), 'no error view');
      await expect(failed).to.be.accessible();
    });

    it(`is accessible with opportunities, with none matching and with none at all (${lang})`, async () => {
      const el = await board(await boardJson(), lang);
      await expect(el).to.be.accessible();
      await search(el, 'zzzz');
      await expect(el).to.be.accessible();
      const json = await boardJson();
      json.opportunities = [];
      const none = await board(json, lang);
      await expect(none).to.be.accessible();
    });
  }

  it('shows its search box and filters while its dataset is fetched, keeps what the reader types there, and fills in the same board', async function () {
    this.timeout(testTime(20000));
    const key = uniqueKey('vb-frame');
    const el = await fixture<SamverkanVolunteerBoard>(html`<samverkan-volunteer-board lang="sv" src=${datasetUrl(key, { hold: true })}></samverkan-volunteer-board>`);
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text($(el, '[part~="status"]'))).to.equal('Hämtar uppgifter …');
    const input = $<HTMLInputElement>(el, '[part~="search-input"]')!;
    expect(input).to.not.equal(null);
    // No opportunities and no count yet (a count of 0 would be false); the filters offer only "all".
    expect(titles(el)).to.deep.equal([]);
    expect(text($(el, '[part~="count"]'))).to.equal('');
    const selects = $$<HTMLSelectElement>(el, 'select');
    expect(selects).to.have.length(3);
    for (const select of selects) expect([...select.options].map((o) => text(o))).to.deep.equal(['Alla']);
    await expect(el).to.be.accessible();
    // The reader starts typing before the data is here: it is kept, and applies once it is; "nothing matches" is not said meanwhile.
    input.focus();
    await sendKeys({ type: 'aldreboende' });
    await el.updateComplete;
    expect(el.query).to.equal('aldreboende');
    expect($(el, '[part~="empty"]')).to.equal(null);
    expect(text($(el, '[part~="count"]'))).to.equal('');
    await release(key);
    await waitFor(() => titles(el).length > 0, 'the board fills in');
    await el.updateComplete;
    expect($(el, '[part~="search-input"]')).to.equal(input);
    expect(focused(el)).to.equal(input);
    expect(input.value).to.equal('aldreboende');
    expect(titles(el)).to.deep.equal(['Besöksvän på äldreboende']);
    // Of however many opportunities are current on the day the test runs (the demo's expire over 2027).
    expect(text($(el, '[part~="count"]'))).to.match(/^1 uppdrag av \d+$/);
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
    expect($(el, '[part~="status"]')).to.equal(null);
  });

  it('shows its search box and filters right to left in Arabic while its dataset is fetched', async function () {
    this.timeout(testTime(20000));
    const key = uniqueKey('vb-frame-ar');
    const el = await fixture<SamverkanVolunteerBoard>(html`<samverkan-volunteer-board lang="ar" src=${datasetUrl(key, { hold: true })}></samverkan-volunteer-board>`);
    try {
      expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
      expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(text($(el, '[part~="status"]'))).to.not.equal('');
      expect($(el, '[part~="search-input"]')).to.not.equal(null);
      expect($$(el, 'select')).to.have.length(3);
      expect(titles(el)).to.deep.equal([]);
      expect(text($(el, '[part~="count"]'))).to.equal('');
      await expect(el).to.be.accessible();
    } finally {
      await release(key);
    }
  });

  it('shows no search box once its dataset cannot be fetched: the error and its retry button', async () => {
    const failed = await fixture<SamverkanVolunteerBoard>(html`<samverkan-volunteer-board lang="sv" src=${UNREACHABLE_URL}></samverkan-volunteer-board>`);
    await waitFor(() => $(failed, '[role="alert"] button'), 'no error view');
    expect($(failed, '[part~="search-input"]')).to.equal(null);
    expect($$(failed, 'select')).to.have.length(0);
  });

  it('loads from src and fires samverkan-load', async () => {
    const container = await mount(html`<div></div>`);
    const el = document.createElement('samverkan-volunteer-board');
    const loaded = expectEvent(el, 'samverkan-load');
    el.src = datasetUrl(uniqueKey('vb-load'));
    container.append(el);
    await loaded;
    await el.updateComplete;
    expect($$(el, '[part~="item"]').length).to.be.greaterThan(0);
  });
});

describe('<samverkan-volunteer-board> theming', () => {
  it('takes the page font and colour by default, and the --samverkan-* properties when set', async () => {
    const json = await boardJson();
    const container = await mount(html`<style>
        .vb-page { font-family: serif; color: rgb(1, 2, 3); }
        .vb-theme { --samverkan-color-accent: rgb(170, 20, 90); --samverkan-radius: 11px; }
      </style>
      <div class="vb-page">
        <samverkan-volunteer-board .data=${json}></samverkan-volunteer-board>
        <samverkan-volunteer-board class="vb-theme" .data=${json}></samverkan-volunteer-board>
      </div>`);
    const [plain, themed] = [...container.querySelectorAll('samverkan-volunteer-board')] as SamverkanVolunteerBoard[];
    expect(getComputedStyle($(plain!, '[part~="item-title"]')!).fontFamily).to.equal('serif');
    expect(getComputedStyle($(plain!, '[part~="item-title"]')!).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle($(plain!, '[part~="contact"] a')!).color).to.equal('rgb(11, 92, 173)');
    expect(getComputedStyle($(plain!, '[part~="item"]')!).borderTopLeftRadius).to.equal('6px');
    expect(getComputedStyle($(themed!, '[part~="contact"] a')!).color).to.equal('rgb(170, 20, 90)');
    expect(getComputedStyle($(themed!, '[part~="item"]')!).borderTopLeftRadius).to.equal('11px');
  });
});
