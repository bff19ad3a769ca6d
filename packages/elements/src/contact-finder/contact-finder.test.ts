import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { parseDataset } from '@samverkan/sdk';
import '../define/samverkan-contact-finder.js';
import type { SamverkanContactFinder } from './contact-finder.js';
import { datasetUrl, demoJson, hitsFor, HOSTILE_TEXT, hostileParsed, release, uniqueKey, UNREACHABLE_URL } from '../../test/helpers/datasets.js';
import { expectEvent, mount, pause, unmountAll, waitFor } from '../../test/helpers/expect-event.js';
import { $, $$, focused, shadow, text } from '../../test/helpers/shadow.js';
import { testTime } from '../../test/helpers/test-time.js';

const names = (el: Element) => $$(el, '[part~="card-name"]').map((h) => h.textContent!.trim());
const count = (el: Element) => $(el, '[part~="count"]')!.textContent!.trim();
const marks = (card: Element) => [...card.querySelectorAll('mark')].map((mark) => mark.textContent);

afterEach(unmountAll);

async function finder(attrs: { lang?: string; query?: string } = {}, data?: unknown) {
  return fixture<SamverkanContactFinder>(html`<samverkan-contact-finder
    lang=${attrs.lang ?? 'sv'}
    query=${attrs.query ?? ''}
    .data=${data ?? (await demoJson())}
  ></samverkan-contact-finder>`);
}

describe('<samverkan-contact-finder> rendering and search', () => {
  it('shows everyone by name without a search, 20 at a time', async () => {
    const el = await finder();
    expect(count(el)).to.equal('20 kontaktpersoner');
    expect(names(el)).to.have.length(20);
    const shown = names(el);
    expect(shown[0]).to.equal('Ahmad Rahimi');
    expect([...shown].sort(new Intl.Collator('sv').compare)).to.deep.equal(shown);
  });

  it('finds people by topic, best matches first, with the matched words marked', async () => {
    const el = await finder({ query: 'lokaler' });
    expect(count(el)).to.equal('2 kontaktpersoner hittades');
    // An exact topic outranks a topic that contains the word.
    expect(names(el)).to.deep.equal(['Lena Forsberg', 'Tobias Wennerström']);
    const [first, second] = $$(el, '[part~="card"]');
    expect(marks(first!)).to.deep.equal(['lokaler']);
    expect(marks(second!)).to.include('lokaler');
    expect(first!.textContent).to.contain('Föreningskonsulent');
    expect(first!.querySelector('a[part~="email"]')!.getAttribute('href')).to.match(/^mailto:lena\.forsberg@example\.org$/);
    expect(first!.querySelector('a[part~="phone"]')!.getAttribute('href')).to.match(/^tel:[\d+]+$/);
  });

  it('finds people by name without accents, by unit and by a language they speak', async () => {
    const el = await finder({ query: 'aberg' });
    expect(names(el)).to.deep.equal(['Helena Åberg']);
    expect(marks($(el, '[part~="card"]')!)).to.deep.equal(['Åberg']);
    el.query = 'arabiska';
    await el.updateComplete;
    expect(names(el)).to.have.members(['Karim Nasser', 'Lamis Saliba', 'Ninve Danho', 'Omar Farah']);
    for (const card of $$(el, '[part~="card"]')) expect(marks(card)).to.include('arabiska');
  });

  it('reflects what the reader types and announces the count politely', async () => {
    const el = await finder();
    $<HTMLInputElement>(el, 'input[type="search"]')!.focus();
    await sendKeys({ type: 'volontär' });
    await el.updateComplete;
    expect(el.getAttribute('query')).to.equal('volontär');
    expect(names(el)[0]).to.equal('Helena Åberg');
    const status = $(el, '[part~="count"]')!;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(status.textContent!.trim()).to.match(/^\d+ kontaktpersone?r? hittades$/);
  });

  it('points to the general contact when nothing matches', async () => {
    const el = await finder({ query: 'xyzzy' });
    const empty = $(el, '[part~="empty"]')!;
    expect(empty.textContent).to.contain('Ingen kontaktperson matchar ”xyzzy”.');
    expect(empty.textContent).to.contain('Kontaktcenter');
    expect(empty.querySelector('a[part~="email"]')!.getAttribute('href')).to.equal('mailto:kontaktcenter@example.org');
    expect(empty.querySelector('a[part~="phone"]')!.getAttribute('href')).to.equal('tel:084650040' + '0');
  });
});

describe('<samverkan-contact-finder> languages', () => {
  it('shows English texts in English and marks Swedish fallbacks with lang="sv" in Finnish', async () => {
    const en = await finder({ lang: 'en', query: 'Forsberg' });
    const lena = (await demoJson()).contacts!.find((c) => c.name === 'Lena Forsberg')!;
    expect($(en, '[part~="card"] .title')!.textContent!.trim()).to.equal((lena.title as Record<string, string>).en);
    expect($(en, '[part~="card"] .title span[lang]')).to.equal(null);
    const fi = await finder({ lang: 'fi', query: 'Forsberg' });
    const title = $(fi, '[part~="card"] .title span[lang]')!;
    expect(title.getAttribute('lang')).to.equal('sv');
    expect(title.textContent).to.equal('Föreningskonsulent');
    expect($(fi, 'label')!.textContent).to.equal('Missä tarvitset apua?');
  });

  it('renders right to left in Arabic and follows a lang change', async () => {
    const wrapper = await mount(html`<samverkan-contact-finder .data=${await demoJson()}></samverkan-contact-finder>`, 'ar');
    const el = wrapper.firstElementChild as SamverkanContactFinder;
    expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect($(el, 'label')!.textContent).to.equal('بماذا تحتاج المساعدة؟');
    expect(getComputedStyle($(el, '[part~="list"]')!).direction).to.equal('rtl');
    wrapper.lang = 'sv';
    await pause(10);
    await el.updateComplete;
    expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('ltr');
    expect($(el, 'label')!.textContent).to.equal('Vad behöver du hjälp med?');
  });
});

describe('<samverkan-contact-finder> names of spoken languages', () => {
  const arabicName = (tag: string) => new Intl.DisplayNames(['ar'], { type: 'language' }).of(tag)!;

  it('names Syriac (syc), which Chromium has no name for, in Swedish and Arabic', async () => {
    const sv = await finder({ query: 'Danho' });
    expect(text($(sv, '[part~="card"] .languages'))).to.equal('Talar: svenska, syriska, arabiska och engelska');
    const ar = await finder({ lang: 'ar', query: 'Danho' });
    const languages = text($(ar, '[part~="card"] .languages'));
    const spoken = [arabicName('sv'), 'السريانية', arabicName('ar'), arabicName('en')];
    expect(languages).to.contain(new Intl.ListFormat('ar', { style: 'long', type: 'conjunction' }).format(spoken));
    expect(languages).to.not.contain('syc');
  });

  it('finds the people who speak Syriac by the name shown, with the name marked', async () => {
    const sv = await finder({ query: 'syriska' });
    expect(names(sv)).to.deep.equal(['Ninve Danho']);
    expect(marks($(sv, '[part~="card"]')!)).to.deep.equal(['syriska']);
    const ar = await finder({ lang: 'ar', query: 'السريانية' });
    expect(names(ar)).to.deep.equal(['Ninve Danho']);
    expect(marks($(ar, '[part~="card"]')!)).to.deep.equal(['السريانية']);
  });

  it('shows the code of a language nobody has a name for, and does not search by it', async () => {
    const parsed = parseDataset(await demoJson());
    // `qaa` is reserved for local use: no Intl and no table of ours names it. `constructor`
    // (past validation, in an already parsed dataset) must not be looked up on Object.prototype.
    parsed.dataset.contacts.find((c) => c.name === 'Ninve Danho')!.languages = ['sv', 'qaa', 'constructor'];
    const el = await finder({ query: 'Danho' }, parsed);
    expect(text($(el, '[part~="card"] .languages'))).to.equal('Talar: svenska, qaa och constructor');
    el.query = 'qaa';
    await el.updateComplete;
    expect(names(el)).to.deep.equal([]);
  });
});

describe('<samverkan-contact-finder> keyboard', () => {
  it('types a search, tabs to the first result\'s links, and "show more" moves focus to the next card', async () => {
    const el = await finder();
    $<HTMLInputElement>(el, 'input[type="search"]')!.focus();
    await sendKeys({ type: 'föreningsbidrag' });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Lena Forsberg', 'Ninve Danho']);
    await sendKeys({ press: 'Tab' });
    const link = focused(el) as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('mailto:lena.forsberg@example.org');

    el.query = '';
    el.pageSize = 5;
    await el.updateComplete;
    const more = $<HTMLButtonElement>(el, '[part~="more-button"]')!;
    more.focus();
    await sendKeys({ press: 'Space' });
    await pause(10);
    expect((focused(el) as HTMLElement).getAttribute('data-page-item')).to.equal('5');
    expect(names(el)).to.have.length(10);
  });
});

describe('<samverkan-contact-finder> states', () => {
  for (const lang of ['sv', 'ar']) {
    it(`is accessible in every state (${lang})`, async function () {
      // Several axe runs over full lists: more than the default 10 s on a busy machine.
      this.timeout(testTime(40000));
      // Loading until the test releases it, however busy the machine (a delay could end before the test has looked).
      const loadingKey = uniqueKey('cf-a11y');
      const loading = await fixture<SamverkanContactFinder>(html`<samverkan-contact-finder lang=${lang} src=${datasetUrl(loadingKey, { hold: true })}></samverkan-contact-finder>`);
      expect($(loading, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(loading).to.be.accessible();
      await release(loadingKey);

      const failed = await fixture<SamverkanContactFinder>(html`<samverkan-contact-finder lang=${lang} src=${UNREACHABLE_URL}></samverkan-contact-finder>`);
      await waitFor(() => $(failed, '[role="alert"] button'), 'no error view');
      await expect(failed).to.be.accessible();

      const ready = await finder({ lang, query: 'lokaler' });
      expect($$(ready, 'mark').length).to.be.greaterThan(0);
      await expect(ready).to.be.accessible();

      ready.query = 'xyzzy';
      await ready.updateComplete;
      expect($(ready, '[part~="empty"]')).to.not.equal(null);
      await expect(ready).to.be.accessible();

      const json = await demoJson();
      (json.contacts as unknown[]).push({ id: 'broken', name: '' });
      const { dataset, issues } = parseDataset(json);
      const stale = await finder({ lang }, { dataset, issues, stale: true, fetchedAt: new Date(Date.now() - 5 * 60_000) });
      expect($(stale, '[part~="stale-note"]')).to.not.equal(null);
      expect($(stale, '[part~="invalid-note"]')).to.not.equal(null);
      await expect(stale).to.be.accessible();
    });
  }

  it('shows its search box while its dataset is fetched, keeps what the reader types there, and fills in the same finder', async function () {
    this.timeout(testTime(20000));
    const key = uniqueKey('cf-frame');
    const el = await fixture<SamverkanContactFinder>(html`<samverkan-contact-finder lang="sv" src=${datasetUrl(key, { hold: true })}></samverkan-contact-finder>`);
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '[part~="status"]')!.textContent!.trim()).to.equal('Hämtar uppgifter …');
    const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
    expect(input).to.not.equal(null);
    // No cards and no count yet (a count of 0 would be false).
    expect(names(el)).to.deep.equal([]);
    expect(count(el)).to.equal('');
    await expect(el).to.be.accessible();
    // The reader starts typing before the data is here: it is kept, and applies once it is; "nothing matches" is not said meanwhile.
    input.focus();
    await sendKeys({ type: 'lokaler' });
    await el.updateComplete;
    expect(el.query).to.equal('lokaler');
    expect($(el, '[part~="empty"]')).to.equal(null);
    expect(count(el)).to.equal('');
    await release(key);
    await waitFor(() => names(el).length > 0, 'the finder fills in');
    await el.updateComplete;
    expect($(el, 'input[type="search"]')).to.equal(input);
    expect(focused(el)).to.equal(input);
    expect(input.value).to.equal('lokaler');
    expect(names(el)).to.deep.equal(['Lena Forsberg', 'Tobias Wennerström']);
    expect(count(el)).to.equal('2 kontaktpersoner hittades');
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
    expect($(el, '[part~="status"]')).to.equal(null);
  });

  it('shows its search box right to left in Arabic while its dataset is fetched', async function () {
    this.timeout(testTime(20000));
    const key = uniqueKey('cf-frame-ar');
    const el = await fixture<SamverkanContactFinder>(html`<samverkan-contact-finder lang="ar" src=${datasetUrl(key, { hold: true })}></samverkan-contact-finder>`);
    try {
      expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
      expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect($(el, '[part~="status"]')!.textContent!.trim()).to.not.equal('');
      expect($(el, 'input[type="search"]')).to.not.equal(null);
      expect(names(el)).to.deep.equal([]);
      expect(count(el)).to.equal('');
      await expect(el).to.be.accessible();
    } finally {
      await release(key);
    }
  });

  it('shows no search box once its dataset cannot be fetched: the error and its retry button', async () => {
    const failed = await fixture<SamverkanContactFinder>(html`<samverkan-contact-finder lang="sv" src=${UNREACHABLE_URL}></samverkan-contact-finder>`);
    await waitFor(() => $(failed, '[role="alert"] button'), 'no error view');
    expect($(failed, 'input[type="search"]')).to.equal(null);
    expect($(failed, '[part~="count"]')).to.equal(null);
  });

  it('shares one request with a signatory list on the same src', async () => {
    await import('../define/samverkan-signatory-list.js');
    const key = uniqueKey('cf-shared');
    const src = datasetUrl(key, { delay: 200 });
    const wrapper = await mount(html`
      <samverkan-contact-finder src=${src}></samverkan-contact-finder>
      <samverkan-contact-finder src=${src} query="bidrag"></samverkan-contact-finder>
      <samverkan-signatory-list src=${src}></samverkan-signatory-list>
    `);
    await Promise.all([...wrapper.children].map((el) => expectEvent(el, 'samverkan-load')));
    expect(await hitsFor(key)).to.equal(1);
  });
});

describe('<samverkan-contact-finder> hostile data', () => {
  it('renders markup as inert text and links no javascript: or data: URL', async () => {
    (window as { __pwned?: number }).__pwned = 0;
    const data = await hostileParsed();
    const el = await finder({}, data);
    await pause(50);
    const root = shadow(el);
    expect(root.querySelector('script, img')).to.equal(null);
    expect(root.querySelector('[part~="list"]')!.textContent).to.contain(HOSTILE_TEXT);
    for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^(mailto|tel):/);
    expect(root.querySelectorAll('a')).to.have.length(0);
    el.query = 'no such thing at all';
    await el.updateComplete;
    // The general contact: hostile name as text, no link from a bad website/e-mail/phone.
    const empty = $(el, '[part~="empty"]')!;
    expect(empty.textContent).to.contain(HOSTILE_TEXT);
    expect(empty.querySelectorAll('a')).to.have.length(0);
    el.query = 'script';
    await el.updateComplete;
    expect(root.querySelector('script, img')).to.equal(null);
    expect($$(el, 'mark').length).to.be.greaterThan(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(0);
  });
});

describe('<samverkan-contact-finder> units, right-to-left details and typed text', () => {
  it('finds the people of a unit, with the unit\'s words marked', async () => {
    const json = await demoJson();
    const social = json.contacts!.filter((c) => (c.unit as Record<string, string>).sv === 'Socialförvaltningen').map((c) => c.name);
    expect(social).to.have.length(3);
    const el = await finder({ query: 'socialforvaltningen' });
    expect(names(el)).to.have.members(social);
    for (const card of $$(el, '[part~="card"]')) expect(marks(card.querySelector('.unit')!)).to.deep.equal(['Socialförvaltningen']);
  });

  it('keeps e-mail addresses and phone numbers left to right in Arabic, and joins languages the Arabic way', async () => {
    const el = await finder({ lang: 'ar', query: 'Forsberg' });
    const card = $(el, '[part~="card"]')!;
    const phone = card.querySelector<HTMLAnchorElement>('a[part~="phone"]')!;
    const email = card.querySelector<HTMLAnchorElement>('a[part~="email"]')!;
    // Without its own direction, "08-465 004 15" reads "15 004 465-08" in a right-to-left line.
    expect(getComputedStyle(phone).direction).to.equal('ltr');
    expect(getComputedStyle(email).direction).to.equal('ltr');
    const names = ['sv', 'en'].map((tag) => new Intl.DisplayNames(['ar'], { type: 'language' }).of(tag)!);
    const languages = text(card.querySelector('.languages'));
    expect(languages).to.contain(new Intl.ListFormat('ar', { style: 'long', type: 'conjunction' }).format(names));
    expect(languages).to.not.contain(', ');
  });

  it('shows a typed $& or $\' as those characters in the empty message', async () => {
    const el = await finder({ query: "zz$&$'" });
    expect(text($(el, '[part~="empty"] p'))).to.equal("Ingen kontaktperson matchar ”zz$&$'”.");
  });
});
