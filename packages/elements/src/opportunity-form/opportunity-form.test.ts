import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { todayIn } from '@samverkan/sdk';
import '../define/samverkan-opportunity-form.js';
import '../define/samverkan-volunteer-board.js';
import { isReference } from '@samverkan/sdk';
import type { SamverkanOpportunityForm } from './opportunity-form.js';
import { OPPORTUNITY_DRAFT_KEY } from './draft.js';
import { FIELDS, type FieldName, type TextFieldName } from './fields.js';
import { datasetUrl, demoJson, HOSTILE_TEXT, uniqueKey } from '../../test/helpers/datasets.js';
import { expectEvent, mount, pause, recordEvents, unmountAll, waitFor } from '../../test/helpers/expect-event.js';
import { signupServer } from '../../test/helpers/signup-server.js';
import { approveOffer, opportunityApiUrl, opportunityPosts, setOpportunityMode, storedOffers } from '../../test/helpers/opportunity-server.js';
import { $, $$, focused, text } from '../../test/helpers/shadow.js';
import { testTime } from '../../test/helpers/test-time.js';

/** Organisation numbers from the demo dataset: a signatory (Åsa Scoutkår) and an organisation that has not signed. */
const SIGNATORY = '802421-3764';
const NOT_SIGNED = '802189-6629';

const control = (el: SamverkanOpportunityForm, field: FieldName) => $<HTMLInputElement>(el, `#${FIELDS[field].id}`)!;
/** An inline error as a screen reader reads it: the hidden prefix, then the message. */
const errorText = (el: SamverkanOpportunityForm, field: FieldName) => text($(el, `#${FIELDS[field].id}-error .error-text`)) || undefined;
const summaryItems = (el: SamverkanOpportunityForm) => $$(el, '[part~="error-summary"] li').map(text);

async function type(el: SamverkanOpportunityForm, field: TextFieldName, value: string): Promise<void> {
  const input = control(el, field);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}
async function click(el: SamverkanOpportunityForm, selector: string): Promise<void> {
  $<HTMLElement>(el, selector)!.click();
  await el.updateComplete;
}
/** `days` from today on the reader's calendar. */
function day(days: number): string {
  return todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone, new Date(Date.now() + days * 86_400_000));
}
async function fillValid(el: SamverkanOpportunityForm, title: string): Promise<void> {
  await type(el, 'orgNumber', SIGNATORY);
  await type(el, 'title', title);
  await type(el, 'description', 'Hjälp barn med läxor två kvällar i månaden.');
  await type(el, 'districts', 'Hovsjö, Centrum');
  await click(el, '#language-ar');
  await click(el, '#language-sv');
  await type(el, 'timeCommitment', '2 kvällar i månaden');
  await type(el, 'validThrough', day(60));
  await type(el, 'contactEmail', 'volontar@forening.example.org');
  await click(el, '#consent');
}
async function form(api: string | null, lang = 'sv', src?: string): Promise<SamverkanOpportunityForm> {
  const container = await mount(html`<samverkan-opportunity-form lang=${lang}></samverkan-opportunity-form>`);
  const el = container.querySelector('samverkan-opportunity-form')!;
  if (api) el.api = api;
  // The form's own event says when the dataset is there (fetched and checked), however long that takes on a busy machine.
  const loaded = src ? expectEvent(el, 'samverkan-load', 8000) : undefined;
  if (src) el.src = src;
  await el.updateComplete;
  if (loaded) {
    await loaded;
    await el.updateComplete;
  }
  return el;
}
const title = (label: string) => `Läxhjälpare ${label} ${uniqueKey()}`;

// The first test would otherwise pay for starting the real server (packages/server through tsx) within its own time.
before(async function () {
  // Longer than a start may take (60 s, signup-server.mjs), so that its own error says what went wrong.
  this.timeout(testTime(90000));
  await signupServer();
});

afterEach(() => {
  unmountAll();
  sessionStorage.removeItem(OPPORTUNITY_DRAFT_KEY);
});

describe('<samverkan-opportunity-form> checking the answers', () => {
  it('lists every missing answer in an error summary, in the form\'s order, and moves focus to it', async () => {
    const el = await form(await opportunityApiUrl(uniqueKey('of')));
    await click(el, '[part~="continue-button"]');
    expect(summaryItems(el)).to.deep.equal([
      'Skriv organisationsnumret',
      'Skriv en rubrik',
      'Beskriv uppdraget',
      'Skriv sista dagen uppdraget ska visas',
      'Fyll i minst ett sätt att nå er: e-post, telefon eller webbsida',
      'Kryssa i rutan om kontaktuppgifterna får visas',
    ]);
    expect(focused(el)).to.equal($(el, '#error-summary'));
    expect(control(el, 'title').getAttribute('aria-invalid')).to.equal('true');
    expect(control(el, 'title').getAttribute('aria-describedby')).to.contain('title-error');
    // Each entry leads to its field, by keyboard too.
    const link = $$<HTMLAnchorElement>(el, '[part~="error-summary"] a')[4]!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    expect(focused(el)).to.equal(control(el, 'contactEmail'));
    // An error goes as soon as the answer is right.
    await type(el, 'title', 'Läxhjälpare');
    expect(errorText(el, 'title')).to.equal(undefined);
    expect(summaryItems(el)).to.not.include('Skriv en rubrik');
  });

  it('says which rule an organisation number breaks, and with the dataset whether it is a signatory\'s', async () => {
    const el = await form(await opportunityApiUrl(uniqueKey('of')), 'sv', datasetUrl(uniqueKey('of-data')));
    await type(el, 'orgNumber', '802421-3765');
    await click(el, '[part~="continue-button"]');
    expect(errorText(el, 'orgNumber')).to.equal('Fel: Den sista siffran stämmer inte. Kontrollera organisationsnumret mot registreringsbeviset');
    await type(el, 'orgNumber', NOT_SIGNED);
    expect(errorText(el, 'orgNumber')).to.match(/^Fel: Organisationen har inte undertecknat överenskommelsen/);
    await type(el, 'orgNumber', SIGNATORY);
    expect(errorText(el, 'orgNumber')).to.equal(undefined);
    expect(text($(el, '#org-number-found'))).to.equal('Undertecknare: Åsa Scoutkår');
    expect(control(el, 'orgNumber').getAttribute('aria-describedby')).to.contain('org-number-found');
  });

  it('refuses a last day that has passed and an end before the start', async () => {
    const el = await form(await opportunityApiUrl(uniqueKey('of')));
    await fillValid(el, title('dates'));
    await type(el, 'validThrough', day(-1));
    await type(el, 'start', '2027-03-01');
    await type(el, 'end', '2027-02-01');
    await click(el, '[part~="continue-button"]');
    expect(summaryItems(el)).to.deep.equal(['Slutdatumet kan inte vara före startdatumet', 'Sista dagen har redan passerat. Välj ett senare datum']);
    await type(el, 'validThrough', day(0));
    expect(errorText(el, 'validThrough')).to.equal(undefined);
  });
});

describe('<samverkan-opportunity-form> with the dataset', () => {
  it('counts the last day on the calendar of the dataset time zone, wherever the reader is', async () => {
    const stockholm = (days: number) => todayIn('Europe/Stockholm', new Date(Date.now() + days * 86_400_000));
    try {
      // Kiritimati is a day ahead of Stockholm from 10:00 UTC, Pago Pago a day behind until 11:00 UTC.
      for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        await executeServerCommand('set-timezone', { timeZone });
        const container = await mount(html`<samverkan-opportunity-form .data=${await demoJson()}></samverkan-opportunity-form>`);
        const el = container.querySelector('samverkan-opportunity-form')!;
        await el.updateComplete;
        await fillValid(el, title(`tz ${timeZone}`));
        await type(el, 'validThrough', stockholm(0));
        await click(el, '[part~="continue-button"]');
        expect($(el, '[part~="review"]'), `${timeZone}: Stockholm's today is accepted`).to.not.equal(null);
        await click(el, '[part~="change-button"][data-field="validThrough"]');
        await type(el, 'validThrough', stockholm(-1));
        await click(el, '[part~="continue-button"]');
        expect(errorText(el, 'validThrough'), timeZone).to.equal('Fel: Sista dagen har redan passerat. Välj ett senare datum');
        el.remove();
        sessionStorage.removeItem(OPPORTUNITY_DRAFT_KEY);
      }
    } finally {
      await executeServerCommand('set-timezone', { timeZone: null });
    }
  });

  it('still checks signatories when the dataset is partly invalid', async () => {
    const json = await demoJson();
    json.organisations!.push({ id: 'broken', name: '', form: 'nope' } as never);
    const container = await mount(html`<samverkan-opportunity-form .data=${json}></samverkan-opportunity-form>`);
    const el = container.querySelector('samverkan-opportunity-form')!;
    await el.updateComplete;
    await type(el, 'orgNumber', SIGNATORY);
    expect(text($(el, '#org-number-found'))).to.equal('Undertecknare: Åsa Scoutkår');
    await type(el, 'orgNumber', NOT_SIGNED);
    await click(el, '[part~="continue-button"]');
    expect(errorText(el, 'orgNumber')).to.match(/^Fel: Organisationen har inte undertecknat/);
  });
});

describe('<samverkan-opportunity-form> sending', function () {
  // Real HTTP round trips and several axe runs: as the signup form's tests, more than the default 10 s on a busy machine.
  this.timeout(testTime(20000));
  it('shows the answers to check, sends once with an Idempotency-Key and confirms with a reference', async () => {
    const key = uniqueKey('of-send');
    const el = await form(await opportunityApiUrl(key));
    const name = title('send');
    await fillValid(el, name);
    await click(el, '[part~="continue-button"]');
    expect(focused(el)).to.equal($(el, '#review-title'));
    const answers = $$(el, '.answer').map((a) => `${text(a.querySelector('dt'))}: ${text(a.querySelector('.value'))}`);
    expect(answers).to.include('Organisationsnummer: 802421-3764');
    expect(answers).to.include('Språk volontären kan använda: svenska, arabiska');
    expect(answers).to.include('Var: Hovsjö, Centrum');
    expect(answers).to.include('Startdatum: Inte angivet');
    const events = recordEvents(el, 'samverkan-opportunity-submitted');
    const submitted = expectEvent<CustomEvent<{ id: string }>>(el, 'samverkan-opportunity-submitted');
    // A double click sends once.
    $<HTMLButtonElement>(el, '[part~="send-button"]')!.click();
    $<HTMLButtonElement>(el, '[part~="send-button"]')!.click();
    const event = await submitted;
    await pause(200);
    expect(events.events).to.have.length(1);
    expect(Object.keys(event.detail)).to.deep.equal(['id']);
    expect(focused(el)).to.equal($(el, '#success'));
    const { count, offers } = await storedOffers(name);
    expect(count).to.equal(1);
    expect(offers[0]!.id).to.equal(event.detail.id);
    // The confirmation shows the server's short reference, the one an officer can look up.
    expect(isReference(offers[0]!.reference)).to.equal(true);
    expect(text($(el, '[part~="success"] .reference'))).to.equal(offers[0]!.reference);
    expect(offers[0]!.status).to.equal('pending');
    expect(offers[0]!.organisationId).to.equal('asa-scoutkar');
    expect(offers[0]!.offer.languages).to.deep.equal(['sv', 'ar']);
    expect(offers[0]!.offer.language).to.equal('sv');
    expect(await opportunityPosts(key)).to.equal(1);
    expect(sessionStorage.getItem(OPPORTUNITY_DRAFT_KEY)).to.equal(null);
  });

  it('end to end: the offer sent through the real server and approved by an editor is published in the dataset and shown on the volunteer board', async () => {
    const key = uniqueKey('of-e2e');
    const api = await opportunityApiUrl(key);
    const el = await form(api);
    const name = title('e2e');
    await fillValid(el, name);
    await click(el, '[part~="continue-button"]');
    const submitted = expectEvent<CustomEvent<{ id: string }>>(el, 'samverkan-opportunity-submitted');
    await click(el, '[part~="send-button"]');
    const { detail } = await submitted;
    // Pending offers are not published.
    const before = (await (await fetch(`${api}/dataset`)).json()) as { opportunities?: { title: unknown }[] };
    expect(before.opportunities!.some((o) => JSON.stringify(o.title).includes(name))).to.equal(false);

    const approved = await approveOffer(detail.id);
    expect(approved.status).to.equal('approved');
    const dataset = (await (await fetch(`${api}/dataset`)).json()) as { opportunities: { id: string; organisationId: string; title: unknown; contact: unknown; languages: string[]; validThrough: string }[] };
    const published = dataset.opportunities.find((o) => o.id === approved.opportunityId)!;
    expect(published.title).to.equal(name);
    expect(published.organisationId).to.equal('asa-scoutkar');
    expect(published.contact).to.deep.equal({ email: 'volontar@forening.example.org' });
    expect(published.languages).to.deep.equal(['sv', 'ar']);
    expect(published.validThrough).to.equal(day(60));

    // What a resident sees: the board reading the same server's dataset finds it.
    const container = await mount(html`<samverkan-volunteer-board lang="sv" src=${`${api}/dataset`} query=${name}></samverkan-volunteer-board>`);
    const board = container.querySelector('samverkan-volunteer-board')!;
    await waitFor(() => board.shadowRoot?.querySelector('[part~="item-title"]'), 'the board shows no opportunity');
    const items = $$(board, '[part~="item"]');
    expect(items.map((i) => text(i.querySelector('[part~="item-title"]')))).to.deep.equal([name]);
    expect(text(items[0]!.querySelector('[part~="organisation"]'))).to.contain('Åsa Scoutkår');
    expect(items[0]!.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.getAttribute('href')).to.equal('mailto:volontar@forening.example.org');
  });

  it('shows the server\'s answer when the organisation has not signed, and keeps every answer', async () => {
    const el = await form(await opportunityApiUrl(uniqueKey('of-nosig')));
    const name = title('not signed');
    await fillValid(el, name);
    await type(el, 'orgNumber', NOT_SIGNED);
    await click(el, '[part~="continue-button"]');
    const failed = expectEvent<CustomEvent<{ error: Error & { status?: number } }>>(el, 'samverkan-opportunity-failed');
    await click(el, '[part~="send-button"]');
    const event = await failed;
    expect(event.detail.error.status).to.equal(400);
    await el.updateComplete;
    expect(errorText(el, 'orgNumber')).to.match(/^Fel: Organisationen har inte undertecknat överenskommelsen/);
    expect(focused(el)).to.equal($(el, '#error-summary'));
    expect(control(el, 'title').value).to.equal(name);
    expect(control(el, 'contactEmail').value).to.equal('volontar@forening.example.org');
    expect((await storedOffers(name)).count).to.equal(0);
  });

  it('keeps the answers when the network fails, and a retry with the same key stores once', async () => {
    const key = uniqueKey('of-offline');
    const el = await form(await opportunityApiUrl(key));
    const name = title('offline');
    await fillValid(el, name);
    await click(el, '[part~="continue-button"]');
    await setOpportunityMode(key, 'lost-answer');
    const failed = expectEvent(el, 'samverkan-opportunity-failed', 15000);
    await click(el, '[part~="send-button"]');
    await failed;
    await el.updateComplete;
    expect(text($(el, '[part~="failure"] h3'))).to.contain('Uppdraget kunde inte skickas');
    expect(focused(el)).to.equal($(el, '#failure'));
    // The server got it although the answer was lost.
    expect((await storedOffers(name)).count).to.equal(1);
    await setOpportunityMode(key, undefined);
    const submitted = expectEvent(el, 'samverkan-opportunity-submitted');
    await click(el, '[part~="try-again-button"]');
    await submitted;
    expect((await storedOffers(name)).count).to.equal(1);
  });

  it('says so when no api is set', async () => {
    const el = await form(null);
    await fillValid(el, title('no api'));
    await click(el, '[part~="continue-button"]');
    await click(el, '[part~="send-button"]');
    expect(text($(el, '[part~="failure"] p'))).to.equal('Formuläret är inte kopplat till någon server. Kontakta den som ansvarar för webbplatsen.');
  });

  it('goes back to a field from the check step with its Change button', async () => {
    const el = await form(await opportunityApiUrl(uniqueKey('of')));
    await fillValid(el, title('change'));
    await click(el, '[part~="continue-button"]');
    await click(el, '[part~="change-button"][data-field="timeCommitment"]');
    await el.updateComplete;
    expect(focused(el)).to.equal(control(el, 'timeCommitment'));
    expect(control(el, 'timeCommitment').value).to.equal('2 kvällar i månaden');
  });
});

describe('<samverkan-opportunity-form> draft and untrusted input', () => {
  it('keeps a draft in the tab (not the consent) and restores it', async () => {
    const el = await form(await opportunityApiUrl(uniqueKey('of')));
    await fillValid(el, 'Utkastet');
    el.remove();
    const again = await form(await opportunityApiUrl(uniqueKey('of')));
    expect(control(again, 'title').value).to.equal('Utkastet');
    expect(control(again, 'orgNumber').value).to.equal(SIGNATORY);
    expect($<HTMLInputElement>(again, '#language-ar')!.checked).to.equal(true);
    expect($<HTMLInputElement>(again, '#consent')!.checked).to.equal(false);
    expect(sessionStorage.getItem(OPPORTUNITY_DRAFT_KEY)).to.not.contain('consent');
  });

  it('shows typed markup as text and sends it as text', async () => {
    const el = await form(await opportunityApiUrl(uniqueKey('of-hostile')));
    const name = `${HOSTILE_TEXT} ${uniqueKey()}`;
    await fillValid(el, name);
    // A right-to-left override left open would turn the text after it around: refused before sending, as the server does.
    await type(el, 'description', '\u202Eevil description');
    await click(el, '[part~="continue-button"]');
    expect(errorText(el, 'description')).to.match(/^Fel: Texten innehåller ett osynligt styrtecken/);
    await type(el, 'description', 'Hjälp barn med läxor.');
    await type(el, 'contactUrl', 'javascript:alert(1)');
    await click(el, '[part~="continue-button"]');
    expect(errorText(el, 'contactUrl')).to.equal('Fel: Skriv en webbadress, till exempel https://forening.example.org/volontar');
    await type(el, 'contactUrl', '');
    await click(el, '[part~="continue-button"]');
    const shownTitle = $$(el, '.answer').find((a) => text(a.querySelector('dt')) === 'Rubrik')!.querySelector('.value')!;
    expect(text(shownTitle)).to.equal(name);
    expect(shownTitle.getAttribute('dir')).to.equal('auto');
    expect($(el, 'script, img')).to.equal(null);
    const submitted = expectEvent(el, 'samverkan-opportunity-submitted');
    await click(el, '[part~="send-button"]');
    await submitted;
    expect((await storedOffers(name)).count).to.equal(1);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('<samverkan-opportunity-form> languages and accessibility', function () {
  // Real HTTP round trips and several axe runs: as the signup form's tests, more than the default 10 s on a busy machine.
  this.timeout(testTime(20000));
  it('renders Arabic right to left, with numbers and addresses left to right', async () => {
    const el = await form(await opportunityApiUrl(uniqueKey('of')), 'ar');
    expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(text($(el, 'h2'))).to.equal('أضِف فرصة تطوع');
    expect(control(el, 'orgNumber').getAttribute('dir')).to.equal('ltr');
    expect(control(el, 'contactEmail').getAttribute('dir')).to.equal('ltr');
    await click(el, '[part~="continue-button"]');
    expect(summaryItems(el)[0]).to.equal('أدخِل رقم المنظمة');
  });

  for (const lang of ['sv', 'ar']) {
    it(`is accessible when empty, with errors, at the check step, after a failure and when sent (${lang})`, async function () {
      // Several axe runs over full lists: more than the default 10 s on a busy machine.
      this.timeout(testTime(40000));
      const key = uniqueKey('of-a11y');
      const el = await form(await opportunityApiUrl(key), lang);
      await expect(el).to.be.accessible();
      await click(el, '[part~="continue-button"]');
      await expect(el).to.be.accessible();
      await fillValid(el, title(`a11y ${lang}`));
      await click(el, '[part~="continue-button"]');
      await expect(el).to.be.accessible();
      await setOpportunityMode(key, 'offline');
      const failed = expectEvent(el, 'samverkan-opportunity-failed', 15000);
      await click(el, '[part~="send-button"]');
      await failed;
      await el.updateComplete;
      await expect(el).to.be.accessible();
      await setOpportunityMode(key, undefined);
      const submitted = expectEvent(el, 'samverkan-opportunity-submitted');
      await click(el, '[part~="try-again-button"]');
      await submitted;
      await expect(el).to.be.accessible();
    });
  }
});
