// The two forms load their check and the steps after answering (review,
// sending, failure, confirmation, with their strings) after their first
// render: when the browser is idle, or when the reader starts to answer if
// that comes first. These tests watch the page's real requests for those
// modules (failRequestsPlugin): asked for once the form is shown, without
// the reader touching anything (so Continue clicked at once, which gives no
// focus in Safari, does not wait); and when the connection breaks, the form
// says so in the reader's language, keeps every answer, and Continue tries
// again.
//
// Each test needs its form's later module not yet loaded in this page, so
// each form is tested once here, in this order, before anything loads it.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '../src/define/samverkan-signup-form.js';
import '../src/define/samverkan-opportunity-form.js';
import { DRAFT_STORAGE_KEY } from '../src/signup-form/draft.js';
import { OPPORTUNITY_DRAFT_KEY } from '../src/opportunity-form/draft.js';
import { mount, unmountAll, waitFor } from './helpers/expect-event.js';
import { failRequests } from './helpers/requests.js';
import { $, focused, text } from './helpers/shadow.js';
import { testTime } from './helpers/test-time.js';

async function typeInto(el: HTMLElement, selector: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, selector)!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

async function continueFrom(el: HTMLElement): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="continue-button"]')!.click();
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

afterEach(async () => {
  await failRequests(null);
  unmountAll();
  sessionStorage.removeItem(DRAFT_STORAGE_KEY);
  sessionStorage.removeItem(OPPORTUNITY_DRAFT_KEY);
});

describe('the forms\' later steps, loaded when the reader starts', function () {
  // Several axe runs and real module loads: more than the default 10 s on a busy machine.
  this.timeout(testTime(20000));

  it('signup form: the later parts asked for once it is shown, without a focus; a broken connection is said in Swedish and English, the answers stay, and Continue tries again', async () => {
    await failRequests('/signup-form/later.');
    const sv = (await mount(html`<samverkan-signup-form principles-url="https://kommun.example.org/principer"></samverkan-signup-form>`, 'sv')).querySelector('samverkan-signup-form')!;
    const en = (await mount(html`<samverkan-signup-form principles-url="https://kommun.example.org/principles"></samverkan-signup-form>`, 'en')).querySelector('samverkan-signup-form')!;
    await sv.updateComplete;
    await en.updateComplete;
    expect($(sv, '#org-name')).to.exist;
    // Shown: the later steps are asked for when the browser is idle, with nothing focused (here the connection is broken).
    await waitFor(async () => (await failRequests('/signup-form/later.')).length > 0, 'the later parts were not asked for after the first render');
    expect(focused(sv)).to.equal(null);
    await typeInto(sv, '#org-name', 'Hovsjö Läxhjälp');
    await typeInto(sv, '#contact-email', 'kontakt@forening.example.org');
    await continueFrom(sv);
    const failure = $<HTMLElement>(sv, '#load-failure')!;
    expect(text(failure)).to.equal('! Formuläret kunde inte laddas klart Det gick inte att hämta resten av formuläret. Dina svar finns kvar. Kontrollera internetanslutningen och välj Fortsätt igen.');
    expect(failure.getAttribute('role')).to.equal('alert');
    expect(focused(sv)).to.equal(failure);
    // Still the form, with every answer where it was, and in the tab's draft.
    expect($(sv, '[part~="review"]')).to.equal(null);
    expect($<HTMLInputElement>(sv, '#org-name')!.value).to.equal('Hovsjö Läxhjälp');
    expect($<HTMLInputElement>(sv, '#contact-email')!.value).to.equal('kontakt@forening.example.org');
    expect(JSON.parse(sessionStorage.getItem(DRAFT_STORAGE_KEY)!).values).to.deep.equal({ orgName: 'Hovsjö Läxhjälp', contactEmail: 'kontakt@forening.example.org' });
    await expect(sv).to.be.accessible();

    // In English.
    await typeInto(en, '#org-name', 'Hovsjö Homework Club');
    await continueFrom(en);
    expect(text($(en, '#load-failure'))).to.equal(
      '! The form could not finish loading The rest of the form could not be fetched. Your answers are kept. Check your internet connection and choose Continue again.',
    );
    expect($<HTMLInputElement>(en, '#org-name')!.value).to.equal('Hovsjö Homework Club');

    // The connection is back: Continue checks the answers (the missing ones are listed), and the note is gone.
    await failRequests(null);
    await continueFrom(sv);
    expect($(sv, '#load-failure')).to.equal(null);
    const summary = $<HTMLElement>(sv, '#error-summary')!;
    expect(text(summary)).to.contain('Välj organisationsform');
    expect(text(summary)).to.not.contain('Skriv organisationens namn');
    expect(focused(sv)).to.equal(summary);
    expect($<HTMLInputElement>(sv, '#org-name')!.value).to.equal('Hovsjö Läxhjälp');
    await expect(sv).to.be.accessible();
  });

  it('opportunity form: the later parts asked for once it is shown, without a focus; a broken connection is said, the answers stay, and Continue tries again', async () => {
    await failRequests('/opportunity-form/later.');
    const el = (await mount(html`<samverkan-opportunity-form></samverkan-opportunity-form>`, 'sv')).querySelector('samverkan-opportunity-form')!;
    await el.updateComplete;
    expect($(el, '#title')).to.exist;
    await waitFor(async () => (await failRequests('/opportunity-form/later.')).length > 0, 'the later parts were not asked for after the first render');
    expect(focused(el)).to.equal(null);
    await typeInto(el, '#title', 'Läxhjälpare i matematik');
    $<HTMLInputElement>(el, '#language-ar')!.click();
    await el.updateComplete;
    await continueFrom(el);
    const failure = $<HTMLElement>(el, '#load-failure')!;
    expect(text(failure)).to.contain('Formuläret kunde inte laddas klart');
    expect(focused(el)).to.equal(failure);
    expect($<HTMLInputElement>(el, '#title')!.value).to.equal('Läxhjälpare i matematik');
    expect($<HTMLInputElement>(el, '#language-ar')!.checked).to.equal(true);
    await expect(el).to.be.accessible();

    await failRequests(null);
    await continueFrom(el);
    expect($(el, '#load-failure')).to.equal(null);
    expect(text($(el, '#error-summary'))).to.contain('Skriv organisationsnumret');
    expect($<HTMLInputElement>(el, '#title')!.value).to.equal('Läxhjälpare i matematik');
    expect($<HTMLInputElement>(el, '#language-ar')!.checked).to.equal(true);
  });
});
