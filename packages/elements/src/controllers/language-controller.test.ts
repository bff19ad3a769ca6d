// Loading UI strings on demand: an element waits for its language, keeps
// the old one while a new one loads, and shows Swedish (saying why in the
// console) when a language cannot be loaded. A page of its own in the test
// runner, so the failing loader below affects no other element's tests.
import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { Catalogue, messagesFor } from '../translations/catalogue.js';
import { LanguageController } from './language-controller.js';
import { $ } from '../../test/helpers/shadow.js';

interface TestMessages {
  hello: string;
}

let releaseEnglish: () => void = () => {};
const englishArrives = new Promise<void>((resolve) => (releaseEnglish = resolve));
let releaseArabic: () => void = () => {};
const arabicArrives = new Promise<void>((resolve) => (releaseArabic = resolve));

const testMessages = new Catalogue<TestMessages>({
  sv: { hello: 'Hej' },
  en: async () => {
    await englishArrives;
    return { default: { hello: 'Hello' } };
  },
  fi: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: samverkan-lang-fi.min.js')),
  ar: async () => {
    await arabicArrives;
    return { default: { hello: 'مرحبا' } };
  },
});

class LanguageProbe extends LitElement {
  readonly language = new LanguageController(this);

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.language.settled;
    return super.getUpdateComplete();
  }

  protected override render(): unknown {
    if (!this.language.ready) return html`<p part="base" aria-busy="true"></p>`;
    return html`<p part="base" lang=${this.language.ui} dir=${this.language.dir}>${messagesFor(testMessages, this.language.ui).hello}</p>`;
  }
}
customElements.define('language-probe', LanguageProbe);

const base = (el: LanguageProbe) => $(el, '[part="base"]')!;

describe('LanguageController with strings loaded on demand', () => {
  it('renders Swedish at once, without waiting', async () => {
    const el = await fixture<LanguageProbe>(fixtureHtml`<language-probe lang="sv"></language-probe>`);
    expect(base(el).textContent).to.equal('Hej');
    expect(base(el).getAttribute('lang')).to.equal('sv');
  });

  it('shows nothing to read (busy) until the language arrives, then the language', async () => {
    const el = document.createElement('language-probe') as LanguageProbe;
    el.lang = 'en';
    document.body.append(el);
    try {
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(base(el).getAttribute('aria-busy')).to.equal('true');
      expect(base(el).textContent).to.equal('');
      releaseEnglish();
      // updateComplete waits for the strings.
      await el.updateComplete;
      expect(base(el).textContent).to.equal('Hello');
      expect(base(el).getAttribute('lang')).to.equal('en');
      expect(base(el).getAttribute('aria-busy')).to.equal(null);
    } finally {
      el.remove();
    }
  });

  it('keeps showing the old language while a new one loads, then switches (right to left for Arabic)', async () => {
    const el = await fixture<LanguageProbe>(fixtureHtml`<language-probe lang="sv"></language-probe>`);
    el.setAttribute('lang', 'ar');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(base(el).textContent).to.equal('Hej');
    expect(base(el).getAttribute('dir')).to.equal('ltr');
    releaseArabic();
    await el.updateComplete;
    expect(base(el).textContent).to.equal('مرحبا');
    expect(base(el).getAttribute('lang')).to.equal('ar');
    expect(base(el).getAttribute('dir')).to.equal('rtl');
  });

  it('falls back to Swedish, marked as Swedish, and says why in the console when a language cannot be loaded', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await fixture<LanguageProbe>(fixtureHtml`<language-probe lang="fi"></language-probe>`);
      expect(base(el).textContent).to.equal('Hej');
      expect(base(el).getAttribute('lang')).to.equal('sv');
      expect(el.language.lang).to.equal('sv');
      expect(String(warnings[0]?.[0])).to.contain('"fi" could not be loaded');
      expect(String(warnings[0]?.[1])).to.contain('samverkan-lang-fi');
    } finally {
      console.warn = warn;
    }
  });
});
