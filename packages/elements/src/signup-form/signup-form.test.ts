import { expect } from '@open-wc/testing';
import { html, nothing } from 'lit';
import { isValidOrganisationNumber } from '@samverkan/sdk';
import { sendKeys } from '@web/test-runner-commands';
import '../define/samverkan-signup-form.js';
import { COUNT_ANNOUNCE_DELAY, type SamverkanSignupForm } from './signup-form.js';
import { signupFormMessages, type SignupFormMessages } from './messages.js';
import { signupLaterMessages } from './messages.later.js';
import { commonMessages } from '../translations/common.js';
import en from './messages.en.js';
import fi from './messages.fi.js';
import ar from './messages.ar.js';
import { DRAFT_STORAGE_KEY } from './draft.js';
import { FIELDS, type FieldName, type FieldSpec, type TextFieldName } from './fields.js';
import { datasetUrl, uniqueKey } from '../../test/helpers/datasets.js';
import { expectEvent, mount, pause, recordEvents, unmountAll, waitFor } from '../../test/helpers/expect-event.js';
import { holdTimeouts } from '../../test/helpers/held-timeouts.js';
import { limitedApiUrl, proxyApiUrl, proxyPosts, setProxyMode, signupServer, storedApplications } from '../../test/helpers/signup-server.js';
import { $, $$, focused, one, shadow } from '../../test/helpers/shadow.js';
import { testTime } from '../../test/helpers/test-time.js';

// The Swedish strings of the first render and of the later steps (the other languages are one module each).
const sv: SignupFormMessages = { ...signupFormMessages.sv, ...signupLaterMessages.sv };
const allMessages = { sv, en, fi, ar };
const PRIVACY_URL = 'https://kommun.example.org/personuppgifter';

// ——— a small page object ———

function control(el: SamverkanSignupForm, field: FieldName): HTMLInputElement {
  return one<HTMLInputElement>(el, `#${FIELDS[field].id}`);
}
/** Types like a person would: the value changes, `input` then `change` fire. */
async function type(el: SamverkanSignupForm, field: TextFieldName, value: string): Promise<void> {
  const input = control(el, field);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}
async function tick(el: SamverkanSignupForm, field: 'acceptsPrinciples' | 'consent'): Promise<void> {
  control(el, field).click();
  await el.updateComplete;
}
async function choose(el: SamverkanSignupForm, form: string): Promise<void> {
  one<HTMLInputElement>(el, `#org-form-${form}`).click();
  await el.updateComplete;
}
async function continueToReview(el: SamverkanSignupForm): Promise<void> {
  one<HTMLButtonElement>(el, '[part~="continue-button"]').click();
  await el.updateComplete;
}
function errorText(el: SamverkanSignupForm, field: FieldName): string | undefined {
  return $(el, `#${FIELDS[field].id}-error`)?.textContent?.replace(/\s+/g, ' ').trim();
}
function summaryItems(el: SamverkanSignupForm): string[] {
  return $$(el, '[part~="error-summary"] li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
}
async function fillValid(el: SamverkanSignupForm, name: string): Promise<void> {
  await type(el, 'orgName', name);
  await type(el, 'orgNumber', '802000-1239');
  await choose(el, 'non-profit-association');
  await type(el, 'orgWebsite', 'forening.example.org');
  await type(el, 'orgEmail', 'info@forening.example.org');
  await type(el, 'orgDistricts', 'Centrum, Hovsjö');
  await type(el, 'contactName', 'Alex Exempel');
  await type(el, 'contactEmail', 'alex@forening.example.org');
  await tick(el, 'acceptsPrinciples');
  await tick(el, 'consent');
  await type(el, 'message', 'Vi vill gärna vara med.');
}
async function until(condition: () => boolean | Promise<boolean>, timeout = 8000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await pause(20);
  }
}
async function form(api: string, lang = 'sv', extra: { src?: string; principlesUrl?: string | null } = {}): Promise<SamverkanSignupForm> {
  const principlesUrl = extra.principlesUrl === undefined ? 'https://kommun.example.org/overenskommelsen' : extra.principlesUrl;
  const container = await mount(
    html`<samverkan-signup-form
      api=${api}
      src=${extra.src ?? ''}
      privacy-url=${PRIVACY_URL}
      privacy-version="2026-01"
      principles-url=${principlesUrl ?? nothing}
    ></samverkan-signup-form>`,
    lang,
  );
  const el = container.querySelector('samverkan-signup-form')!;
  if (!extra.src) el.removeAttribute('src');
  await el.updateComplete;
  return el;
}
function orgName(label: string): string {
  return `Testföreningen ${label} ${uniqueKey()}`;
}
/** Where `text` is drawn inside `container` (its first occurrence in one text node). */
function boxOf(container: Element, text: string): DOMRect {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(text);
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range.getBoundingClientRect();
  }
  throw new Error(`"${text}" is not in one text node of ${container.id || container.tagName}`);
}
/** The side an input's text starts on (text-align resolved against the input's own direction). */
function alignedTo(input: HTMLElement): string {
  const { textAlign, direction } = getComputedStyle(input);
  if (textAlign === 'start') return direction === 'rtl' ? 'right' : 'left';
  if (textAlign === 'end') return direction === 'rtl' ? 'left' : 'right';
  return textAlign;
}
/** The sideways overflow of the page (0 when nothing makes it scroll horizontally). */
function pageOverflow(): number {
  const root = document.scrollingElement ?? document.documentElement;
  return root.scrollWidth - root.clientWidth;
}

describe('<samverkan-signup-form>', function () {
  this.timeout(testTime(20000));
  let apiUrl: string;

  // Both servers start here, not in the first test that uses them: a tsx start takes seconds of CPU, more on a busy machine.
  before(async function () {
    // Longer than a start may take (60 s, signup-server.mjs), so that its own error says what went wrong.
    this.timeout(testTime(90000));
    [{ apiUrl }] = await Promise.all([signupServer(), limitedApiUrl()]);
  });
  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    unmountAll();
    sessionStorage.clear();
  });

  describe('the form', () => {
    it('has a visible label for every field, fieldsets with legends, autocomplete tokens and input modes', async () => {
      const el = await form(apiUrl);
      for (const [field, spec] of Object.entries(FIELDS) as [FieldName, (typeof FIELDS)[FieldName]][]) {
        if (field === 'orgForm') continue;
        const label = one(el, `label[for="${spec.id}"]`);
        expect(label.textContent).to.contain(sv.fields[field].label);
        expect(label.offsetHeight, `${field} label visible`).to.be.greaterThan(0);
      }
      const legends = $$(el, 'legend').map((l) => l.textContent!.trim());
      expect(legends).to.include.members([sv.organisationLegend, sv.contactLegend, sv.fields.orgForm.label]);
      expect(control(el, 'orgName').autocomplete).to.equal('organization');
      expect(control(el, 'contactName').autocomplete).to.equal('name');
      expect(control(el, 'contactEmail').autocomplete).to.equal('email');
      expect(control(el, 'contactPhone').autocomplete).to.equal('tel');
      expect(control(el, 'orgWebsite').autocomplete).to.equal('url');
      expect(control(el, 'orgNumber').inputMode).to.equal('numeric');
      expect(control(el, 'orgEmail').type).to.equal('email');
      expect($$(el, 'input[type="radio"][name="org-form"]')).to.have.length(7);
      // A hint where a person might hesitate, read with its field.
      expect(control(el, 'orgNumber').getAttribute('aria-describedby')).to.contain('org-number-hint');
    });

    it('works without a dataset: links the principles (principles-url) and records the privacy notice', async () => {
      const el = await form(apiUrl);
      const links = $$(el, 'a').map((a) => a.href);
      expect(links).to.include('https://kommun.example.org/overenskommelsen');
      expect(links).to.include(PRIVACY_URL);
      expect($(el, 'details')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('without src or principles-url, shows the principles from the API\'s dataset and links the agreement\'s full text (as in the docs\' snippet)', async () => {
      const el = await form(apiUrl, 'sv', { principlesUrl: null });
      await expectEvent(el, 'samverkan-load', 8000);
      await el.updateComplete;
      const details = one<HTMLDetailsElement>(el, '[part~="principles"] details');
      expect(details.querySelectorAll('li')).to.have.length(7);
      const link = one<HTMLAnchorElement>(el, '[part~="principles-link"]');
      expect(link.href).to.equal('https://www.example.org/samverkansoverenskommelse.pdf');
      expect(link.textContent!.trim()).to.equal(sv.agreementLink);
      await expect(el).to.be.accessible();
    });

    it('links the agreement\'s full text beside the listed principles when src is set and principles-url is not', async () => {
      const el = await form(apiUrl, 'sv', { src: datasetUrl(uniqueKey('signup-doc')), principlesUrl: null });
      await expectEvent(el, 'samverkan-load');
      await el.updateComplete;
      expect(one(el, '[part~="principles"] details').querySelectorAll('li')).to.have.length(7);
      expect(one<HTMLAnchorElement>(el, '[part~="principles-link"]').href).to.equal('https://www.example.org/samverkansoverenskommelse.pdf');
    });

    it('says so when the principles cannot be read and there is nothing to link to', async () => {
      const el = await form('http://127.0.0.1:9/api/v1', 'sv', { principlesUrl: null });
      await expectEvent(el, 'samverkan-error', 8000);
      await el.updateComplete;
      expect(one(el, '[part~="principles"]').textContent).to.contain(sv.principlesUnavailable);
      expect($(el, '[part~="principles-link"]') === null).to.equal(true);
    });

    for (const lang of ['sv', 'en', 'fi', 'ar'] as const) {
      it(`says beside the organisation's e-mail, phone and description that they are shown publicly once approved (${lang})`, async () => {
        const el = await form(apiUrl, lang);
        const m = allMessages[lang];
        for (const [field, note] of [
          ['orgEmail', m.publishedContactNote],
          ['orgPhone', m.publishedContactNote],
          ['orgDescription', m.publishedNote],
        ] as const) {
          const input = control(el, field);
          const id = `${FIELDS[field].id}-published`;
          const shown = shadow(el).getElementById(id)!;
          expect(shown.textContent!.trim(), field).to.equal(note);
          expect(shown.getBoundingClientRect().height, `${field}: visible`).to.be.greaterThan(0);
          expect(input.getAttribute('aria-describedby')!.split(' '), field).to.include(id);
        }
        // Only those: the contact person's own details are not published.
        for (const field of ['contactEmail', 'contactPhone', 'contactName', 'message'] as const) {
          expect(shadow(el).getElementById(`${FIELDS[field].id}-published`) === null, field).to.equal(true);
        }
        await expect(el).to.be.accessible();
      });
    }

    it('lists the principles collapsed when src is set', async () => {
      const el = await form(apiUrl, 'sv', { src: datasetUrl(uniqueKey('signup')) });
      await expectEvent(el, 'samverkan-load');
      await el.updateComplete;
      const details = one<HTMLDetailsElement>(el, 'details');
      expect(details.open).to.equal(false);
      expect(details.querySelectorAll('li')).to.have.length(7);
      expect(one(el, 'summary').textContent).to.contain('7');
      details.open = true;
      await expect(el).to.be.accessible();
    });

    it('renders right to left in Arabic, with Arabic labels', async () => {
      const el = await form(apiUrl, 'ar');
      expect(one(el, '[part="base"]').getAttribute('dir')).to.equal('rtl');
      expect(one(el, 'label[for="org-name"]').textContent).to.contain(ar.fields.orgName.label);
    });

    describe('addresses and numbers in a right-to-left form', () => {
      /** The inputs whose answers are written left to right in every language, from what they are, not from the flag in FIELDS. */
      const LTR_FIELDS = (Object.entries(FIELDS) as [FieldName, FieldSpec][])
        .filter(([field, spec]) => spec.control === 'email' || spec.control === 'url' || spec.control === 'tel' || field === 'orgNumber')
        .map(([field]) => field);
      const TEXT_FIELDS = (Object.entries(FIELDS) as [FieldName, FieldSpec][]).filter(([, spec]) => spec.control !== undefined).map(([field]) => field);

      it('in Arabic, e-mail, web address, phone and organisation number inputs run left to right, and only those', async () => {
        expect(LTR_FIELDS).to.have.members(['orgNumber', 'orgWebsite', 'orgEmail', 'orgPhone', 'contactEmail', 'contactPhone']);
        const el = await form(apiUrl, 'ar');
        for (const field of TEXT_FIELDS) {
          const input = control(el, field);
          const ltr = LTR_FIELDS.includes(field);
          expect(input.getAttribute('dir'), field).to.equal(ltr ? 'ltr' : null);
          expect(getComputedStyle(input).direction, field).to.equal(ltr ? 'ltr' : 'rtl');
        }
      });

      it('their label, hint and error follow the page (right to left), and their text starts on the right like the label', async () => {
        const el = await form(apiUrl, 'ar');
        await type(el, 'orgEmail', 'inte en adress');
        await type(el, 'orgNumber', '12');
        await continueToReview(el);
        for (const field of ['orgEmail', 'orgNumber'] as const) {
          const id = FIELDS[field].id;
          expect(errorText(el, field), `${field} shows an error`).to.not.equal(undefined);
          for (const part of [`label[for="${id}"]`, `#${id}-hint`, `#${id}-error`]) {
            expect(getComputedStyle(one(el, part)).direction, `${field}: ${part}`).to.equal('rtl');
          }
          expect(alignedTo(control(el, field)), `${field} starts on the right, like its label`).to.equal('right');
        }
        expect(alignedTo(one(el, `label[for="${FIELDS.orgEmail.id}"]`)), 'the label').to.equal('right');
        expect(alignedTo(control(el, 'orgName')), 'a right-to-left answer').to.equal('right');
        await expect(el).to.be.accessible();
      });

      it('an e-mail address typed into the Arabic form stays in reading order', async () => {
        const el = await form(apiUrl, 'ar');
        const input = control(el, 'contactEmail');
        input.focus();
        await sendKeys({ type: 'alex.2024@forening.example.org' });
        await el.updateComplete;
        expect(input.value).to.equal('alex.2024@forening.example.org');
        expect(getComputedStyle(input).direction).to.equal('ltr');
        const phone = control(el, 'contactPhone');
        phone.focus();
        await sendKeys({ type: '+46 70-123 45 67' });
        expect(phone.value).to.equal('+46 70-123 45 67');
        expect(getComputedStyle(phone).direction).to.equal('ltr');
        await expect(el).to.be.accessible();
      });

      it('in Swedish the same inputs read left to right and start on the left, as every other field', async () => {
        const el = await form(apiUrl, 'sv');
        for (const field of TEXT_FIELDS) {
          expect(getComputedStyle(control(el, field)).direction, field).to.equal('ltr');
          expect(alignedTo(control(el, field)), field).to.equal('left');
        }
      });
    });

    it("every example organisation number the form shows passes the SDK's check (all four languages)", () => {
      for (const [lang, m] of Object.entries(allMessages)) {
        const texts = [m.fields.orgNumber.hint!, ...Object.values(m.problems.orgNumber)];
        const examples = texts.join(' ').match(/\d{6}-\d{4}/g) ?? [];
        expect(examples.length, `${lang} shows an example`).to.be.greaterThan(1);
        for (const example of examples) expect(isValidOrganisationNumber(example), `${lang}: ${example}`).to.equal(true);
      }
    });

    it('keeps an example number on one line and in reading order, also in Arabic', async () => {
      for (const lang of ['sv', 'ar']) {
        const el = await form(apiUrl, lang);
        const container = el.parentElement!;
        container.style.fontFamily = "'DejaVu Sans', Verdana, sans-serif";
        const hint = one(el, '#org-number-hint');
        const example = /(\d{6})-(\d{4})/.exec(hint.textContent!)!;
        for (let width = 240; width <= 480; width += 6) {
          container.style.width = `${width}px`;
          const first = boxOf(hint, example[1]!);
          const last = boxOf(hint, example[2]!);
          expect(Math.abs(first.top - last.top), `${lang} at ${width} px: one line`).to.be.below(2);
          expect(first.left, `${lang} at ${width} px: ${example[0]} reads left to right`).to.be.below(last.left);
        }
        unmountAll();
      }
    });

    it('the hidden honeypot never makes the page scroll sideways (Arabic form on an LTR page, Swedish form on an RTL page)', async () => {
      await form(apiUrl, 'ar');
      expect(pageOverflow(), 'ar form, ltr page').to.equal(0);
      unmountAll();
      document.documentElement.dir = 'rtl';
      try {
        await form(apiUrl, 'sv');
        expect(pageOverflow(), 'sv form, rtl page').to.equal(0);
      } finally {
        unmountAll();
        document.documentElement.removeAttribute('dir');
      }
    });

    it('hides the honeypot from people and screen readers: clipped to nothing, aria-hidden, out of the tab order', async () => {
      const el = await form(apiUrl);
      const trap = one<HTMLInputElement>(el, '.honeypot input');
      expect(trap.tabIndex).to.equal(-1);
      const wrapper = trap.closest<HTMLElement>('[aria-hidden="true"]');
      expect(wrapper).to.not.equal(null);
      const box = wrapper!.getBoundingClientRect();
      expect(box.width * box.height, 'at most one pixel').to.be.at.most(1);
      // Nothing of it can be seen or clicked where it stands.
      const hit = shadow(el).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      expect(hit === null || !wrapper!.contains(hit)).to.equal(true);
    });
    it('keeps browser autofill and password managers out of the honeypot, which would silently drop a real application', async () => {
      const el = await form(apiUrl);
      const trap = one<HTMLInputElement>(el, '.honeypot input');
      // What autofill heuristics read as a name, an address, a phone, a website or an organisation (sv, en, fi, ar too).
      const AUTOFILL_WORDS =
        /name|nom|mail|e-?post|phone|tel|fax|url|web|site|address|addr|street|city|zip|post|country|org|company|firm|business|user|login|card|namn|adress|nimi|osoite|puhelin|اسم|بريد|هاتف|عنوان|موقع/i;
      for (const text of [trap.id, trap.name, ...Object.values(allMessages).map((m) => m.honeypotLabel)]) {
        expect(text, 'looks like no field autofill knows').to.not.match(AUTOFILL_WORDS);
      }
      expect(one(el, `label[for="${trap.id}"]`).textContent).to.equal(sv.honeypotLabel);
      expect(trap.getAttribute('autocomplete')).to.equal('off');
      expect(trap.tabIndex).to.equal(-1);
      const wrapper = trap.closest<HTMLElement>('.honeypot')!;
      expect(wrapper.getAttribute('aria-hidden')).to.equal('true');
      expect(wrapper.inert, 'inert: out of the accessibility tree and unfocusable').to.equal(true);
      // Chrome's autofill skips fields that cannot take focus.
      trap.focus();
      expect(focused(el)).to.not.equal(trap);
      // Tab from the field before it reaches the button after it, and back.
      control(el, 'message').focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(one(el, '[part~="continue-button"]'));
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(focused(el)).to.equal(control(el, 'message'));
    });
  });

  describe('validation', () => {
    it('says what is required, in the summary and under each field, in form order', async () => {
      const el = await form(apiUrl);
      await continueToReview(el);
      const p = sv.problems;
      const expected = [
        p.orgName.required!,
        p.orgForm.required!,
        p.orgEmail.required!,
        p.contactName.required!,
        p.contactEmail.required!,
        p.acceptsPrinciples.required!,
        p.consent.required!,
      ];
      expect(summaryItems(el)).to.deep.equal(expected);
      for (const field of ['orgName', 'orgForm', 'orgEmail', 'contactName', 'contactEmail', 'acceptsPrinciples', 'consent'] as const) {
        expect(errorText(el, field)).to.equal(`! ${sv.errorPrefix} ${p[field].required}`);
      }
      expect(errorText(el, 'orgNumber')).to.equal(undefined);
    });

    // Every message a field can show, from the same schema the server uses.
    const cases: [TextFieldName, string, keyof (typeof sv.problems)[FieldName]][] = [
      ['orgName', 'x'.repeat(201), 'tooLong'],
      ['orgNumber', '12345', 'format'],
      ['orgNumber', '700101-1234', 'legalPerson'],
      ['orgNumber', '802000-1234', 'checkDigit'],
      ['orgWebsite', 'inte en adress', 'invalid'],
      ['orgEmail', 'info@', 'invalid'],
      ['orgPhone', 'ring oss', 'invalid'],
      ['orgDistricts', Array.from({ length: 31 }, (_, i) => `Stadsdel ${i}`).join(', '), 'tooMany'],
      ['orgDistricts', `Centrum, ${'y'.repeat(101)}`, 'tooLong'],
      ['orgActivities', Array.from({ length: 31 }, (_, i) => `Verksamhet ${i}`).join(', '), 'tooMany'],
      ['orgActivities', 'z'.repeat(101), 'tooLong'],
      ['orgDescription', 'd'.repeat(2001), 'tooLong'],
      ['contactName', 'n'.repeat(201), 'tooLong'],
      ['contactEmail', 'alex.example.org', 'invalid'],
      ['contactPhone', '12', 'invalid'],
      ['message', 'm'.repeat(2001), 'tooLong'],
    ];
    for (const [field, value, kind] of cases) {
      it(`${field} "${value.length > 24 ? `${value.slice(0, 12)}… (${value.length})` : value}" → ${kind}`, async () => {
        const el = await form(apiUrl);
        await type(el, field, value);
        await continueToReview(el);
        const message = (sv.problems[field] as Record<string, string>)[kind]!;
        expect(message).to.be.a('string');
        expect(errorText(el, field)).to.equal(`! ${sv.errorPrefix} ${message}`);
        expect(summaryItems(el)).to.include(message);
      });
    }

    // The same cases in the other languages: each has its own message for every kind, and no zod English shows.
    for (const lang of ['en', 'fi', 'ar'] as const) {
      it(`${lang}: every one of those messages exists in ${lang} and is the one shown`, async () => {
        const m = allMessages[lang];
        for (const field of Object.keys(sv.problems) as FieldName[]) {
          expect(Object.keys(m.problems[field]).sort(), `${lang} ${field}`).to.deep.equal(Object.keys(sv.problems[field]).sort());
        }
        for (const [field, value, kind] of cases) {
          const el = await form(apiUrl, lang);
          await type(el, field, value);
          await continueToReview(el);
          const message = (m.problems[field] as Record<string, string>)[kind]!;
          expect(errorText(el, field), `${lang} ${field} ${kind}`).to.equal(`! ${m.errorPrefix} ${message}`);
          expect(summaryItems(el)).to.include(message);
          if (lang !== 'en') expect(summaryItems(el).join(' ')).to.not.match(/\b(must|required|invalid|expected|too (big|small)|string|characters)\b/i);
          unmountAll();
        }
      });
    }

    it('shows messages in the form language, never the schema English (Arabic)', async () => {
      const el = await form(apiUrl, 'ar');
      await type(el, 'orgNumber', '802000-1234');
      await type(el, 'orgEmail', 'info@');
      await continueToReview(el);
      expect(errorText(el, 'orgNumber')).to.contain(ar.problems.orgNumber.checkDigit!);
      expect(errorText(el, 'orgEmail')).to.contain(ar.problems.orgEmail.invalid);
      const all = summaryItems(el).join(' ');
      expect(all).to.not.match(/must|required|invalid/i);
      await expect(el).to.be.accessible();
    });

    it('marks an invalid field with aria-invalid and aria-describedby, an icon and words; the error stays until the answer is right', async () => {
      const el = await form(apiUrl);
      await type(el, 'orgEmail', 'info@');
      await continueToReview(el);
      const input = control(el, 'orgEmail');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')!.split(' ')).to.include('org-email-error');
      expect(one(el, '#org-email-error .error-icon').getAttribute('aria-hidden')).to.equal('true');
      expect(one(el, '#org-email-error .visually-hidden').textContent).to.equal(sv.errorPrefix);
      // Still wrong while typing: the error stays.
      await type(el, 'orgEmail', 'info@forening');
      expect(errorText(el, 'orgEmail')).to.contain(sv.problems.orgEmail.invalid);
      await type(el, 'orgEmail', 'info@forening.example.org');
      expect(errorText(el, 'orgEmail')).to.equal(undefined);
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      // Another field's error is untouched.
      expect(errorText(el, 'orgName')).to.contain(sv.problems.orgName.required!);
    });

    it('accepts a website without https:// and shows it with the scheme', async () => {
      const el = await form(apiUrl);
      await fillValid(el, orgName('webb'));
      await continueToReview(el);
      expect(one(el, '[part~="review"]').textContent).to.contain('https://forening.example.org');
    });
  });

  describe('error summary', () => {
    it('takes focus and links to each field; a link moves focus to its field', async () => {
      const el = await form(apiUrl);
      await type(el, 'orgName', 'Föreningen');
      await continueToReview(el);
      await el.updateComplete;
      expect(focused(el)).to.equal(one(el, '[part~="error-summary"]'));
      const links = $$<HTMLAnchorElement>(el, '[part~="error-summary"] a');
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#org-form', '#org-email', '#contact-name', '#contact-email', '#accepts-principles', '#consent']);
      links[1]!.click();
      expect(focused(el)).to.equal(control(el, 'orgEmail'));
      links[0]!.click();
      expect(focused(el)).to.equal(one(el, '#org-form-non-profit-association'));
      links[4]!.click();
      expect(focused(el)).to.equal(control(el, 'acceptsPrinciples'));
      await expect(el).to.be.accessible();
    });
  });

  describe('message', () => {
    it('counts characters visibly and announces the count politely once typing pauses', async () => {
      // The pause in typing passes when the test says so: on a busy machine, a real second can pass between two keystrokes.
      const clock = holdTimeouts(COUNT_ANNOUNCE_DELAY);
      try {
        const el = await form(apiUrl);
        await type(el, 'message', 'Hej');
        expect(one(el, '.count').textContent!.replace(/\s+/g, ' ')).to.contain('1 997');
        const status = one(el, '#message-count-status');
        expect(status.getAttribute('aria-live')).to.equal('polite');
        expect(status.textContent).to.equal('');
        await type(el, 'message', 'Hej hej');
        await el.updateComplete;
        expect(status.textContent, 'not on every keystroke').to.equal('');
        // One wait for the pause, not one per keystroke.
        expect(clock.elapse(COUNT_ANNOUNCE_DELAY), 'waits for the pause').to.equal(1);
        await el.updateComplete;
        expect(status.textContent!.replace(/\s/g, ' ')).to.equal('Du har 1 993 tecken kvar');
        await type(el, 'message', 'x'.repeat(2003));
        expect(one(el, '.count').textContent).to.contain('3 tecken för mycket');
      } finally {
        clock.restore();
      }
    });
  });

  describe('check your answers', () => {
    it('shows every answer with a way back to change it', async () => {
      const el = await form(apiUrl);
      const name = orgName('review');
      await fillValid(el, name);
      await continueToReview(el);
      expect(focused(el)).to.equal(one(el, '#review-title'));
      const review = one(el, '[part~="review"]');
      expect(review.textContent).to.contain(name);
      expect(review.textContent).to.contain(commonMessages.sv.forms['non-profit-association']);
      expect(review.textContent).to.contain(sv.notGiven);
      expect($$(el, '[part~="change-button"]')).to.have.length(15);
      await expect(el).to.be.accessible();
      one<HTMLButtonElement>(el, '[part~="change-button"][data-field="contactEmail"]').click();
      await el.updateComplete;
      await el.updateComplete;
      expect(focused(el)).to.equal(control(el, 'contactEmail'));
      expect(control(el, 'contactEmail').value).to.equal('alex@forening.example.org');
      expect(control(el, 'consent').checked, 'ticked in this visit').to.equal(true);
    });
  });

  describe('sending (real server)', () => {
    it('happy path: sends, shows the confirmation with the id, fires submitted with the id only, stores it with the privacy notice', async () => {
      const el = await form(apiUrl);
      const name = orgName('happy');
      await fillValid(el, name);
      await continueToReview(el);
      const submitted = expectEvent<CustomEvent>(el, 'samverkan-signup-submitted', 8000);
      one<HTMLButtonElement>(el, '[part~="send-button"]').click();
      const event = await submitted;
      expect(Object.keys(event.detail)).to.deep.equal(['id']);
      expect(event.bubbles && event.composed).to.equal(true);
      const panel = one(el, '[part~="success"]');
      expect(panel.getAttribute('role')).to.equal('status');
      expect(focused(el)).to.equal(panel);
      // The short reference when the server gives one (issue 17.15), else the id.
      const shown = one(el, '[part~="reference"]').textContent!.trim();
      expect(shown === event.detail.id || /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(shown), shown).to.equal(true);
      expect(panel.textContent).to.contain(sv.successNextTitle);
      const stored = await storedApplications(name);
      expect(stored.count).to.equal(1);
      const [app] = stored.applications;
      expect(app!.id).to.equal(event.detail.id);
      expect(app!.language).to.equal('sv');
      expect(app!.application!.organisation.website).to.equal('https://forening.example.org/');
      expect(app!.application!.organisation.organisationNumber).to.equal('802000-1239');
      expect(app!.privacyNotice!.url).to.equal(PRIVACY_URL);
      expect(app!.privacyNotice!.version).to.equal('2026-01');
      expect(Date.now() - Date.parse(app!.privacyNotice!.shownAt!)).to.be.within(0, 60_000);
      await expect(el).to.be.accessible();
    });

    it('shows the short reference the server gives, worded as something to give when calling, in every language', async () => {
      for (const lang of ['sv', 'en', 'fi', 'ar'] as const) {
        const el = await form('/__samverkan-test/receipt/K7QM-2XPD/api/v1', lang);
        await fillValid(el, orgName(`reference-${lang}`));
        await continueToReview(el);
        const submitted = expectEvent<CustomEvent>(el, 'samverkan-signup-submitted', 8000);
        one<HTMLButtonElement>(el, '[part~="send-button"]').click();
        const event = await submitted;
        expect(event.detail.id).to.equal('0b6f6a52-7c3e-4f0e-9a51-3d2f0c1e8b47');
        const panel = one(el, '[part~="success"]');
        expect(one(el, '[part~="reference"]').textContent!.trim()).to.equal('K7QM-2XPD');
        expect(panel.textContent, 'the UUID is not shown').to.not.contain(event.detail.id);
        expect(panel.textContent).to.contain(allMessages[lang].successReferenceHint);
        expect(one(el, '[part~="reference"]').getAttribute('dir')).to.equal('ltr');
        await expect(el).to.be.accessible();
        sessionStorage.clear();
        unmountAll();
      }
    });

    it('sends the honeypot: a filled one gets a success that stores nothing', async () => {
      const el = await form(apiUrl);
      const name = orgName('bot');
      await fillValid(el, name);
      const trap = one<HTMLInputElement>(el, '.honeypot input');
      trap.value = 'https://spam.example';
      trap.dispatchEvent(new Event('input', { bubbles: true }));
      await continueToReview(el);
      const submitted = expectEvent(el, 'samverkan-signup-submitted', 8000);
      one<HTMLButtonElement>(el, '[part~="send-button"]').click();
      await submitted;
      expect((await storedApplications(name)).count).to.equal(0);
    });

    it('double click sends once and stores one application; the button is disabled while sending', async () => {
      const key = uniqueKey('double');
      const el = await form(await proxyApiUrl(key));
      const name = orgName('double');
      await fillValid(el, name);
      await continueToReview(el);
      const button = one<HTMLButtonElement>(el, '[part~="send-button"]');
      const submitted = expectEvent(el, 'samverkan-signup-submitted', 8000);
      button.click();
      button.click();
      button.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      await el.updateComplete;
      expect(one<HTMLButtonElement>(el, '[part~="send-button"]').disabled).to.equal(true);
      await submitted;
      expect(await proxyPosts(key)).to.equal(1);
      expect((await storedApplications(name)).count).to.equal(1);
    });

    it('offline: keeps everything and offers try again with the same key; the retry stores one application', async () => {
      const key = uniqueKey('offline');
      const el = await form(await proxyApiUrl(key));
      const name = orgName('offline');
      await fillValid(el, name);
      await continueToReview(el);
      // The server receives and stores the application, but the answer never comes back.
      await setProxyMode(key, 'lost-answer');
      const failed = expectEvent<CustomEvent>(el, 'samverkan-signup-failed', 15000);
      one<HTMLButtonElement>(el, '[part~="send-button"]').click();
      const event = await failed;
      expect(Object.keys(event.detail)).to.deep.equal(['error']);
      expect(event.detail.error.name).to.equal('NetworkError');
      await el.updateComplete;
      const failure = one(el, '[part~="failure"]');
      expect(failure.getAttribute('role')).to.equal('alert');
      expect(focused(el)).to.equal(failure);
      expect(failure.textContent).to.contain(sv.networkTitle);
      expect(one(el, '[part~="review"]').textContent, 'answers kept').to.contain(name);
      expect((await storedApplications(name)).count).to.equal(1);
      await expect(el).to.be.accessible();

      await setProxyMode(key, undefined);
      const submitted = expectEvent<CustomEvent>(el, 'samverkan-signup-submitted', 8000);
      one<HTMLButtonElement>(el, '[part~="try-again-button"]').click();
      const ok = await submitted;
      const stored = await storedApplications(name);
      expect(stored.count).to.equal(1);
      expect(stored.applications[0]!.id).to.equal(ok.detail.id);
      expect(await proxyPosts(key)).to.be.greaterThan(1);
    });

    it('a connection that never reaches the server: try again sends it once', async () => {
      const key = uniqueKey('down');
      const el = await form(await proxyApiUrl(key));
      const name = orgName('down');
      await fillValid(el, name);
      await continueToReview(el);
      await setProxyMode(key, 'offline');
      const failed = expectEvent(el, 'samverkan-signup-failed', 15000);
      one<HTMLButtonElement>(el, '[part~="send-button"]').click();
      await failed;
      expect((await storedApplications(name)).count).to.equal(0);
      await setProxyMode(key, undefined);
      const submitted = expectEvent(el, 'samverkan-signup-submitted', 8000);
      one<HTMLButtonElement>(el, '[part~="try-again-button"]').click();
      await submitted;
      expect((await storedApplications(name)).count).to.equal(1);
    });

    it('a changed answer after a lost answer is not stored twice: the server refuses the reused key and the form says so', async () => {
      const key = uniqueKey('reused');
      const el = await form(await proxyApiUrl(key));
      const name = orgName('reused');
      await fillValid(el, name);
      await continueToReview(el);
      await setProxyMode(key, 'lost-answer');
      const failed = expectEvent(el, 'samverkan-signup-failed', 15000);
      one<HTMLButtonElement>(el, '[part~="send-button"]').click();
      await failed;
      await setProxyMode(key, undefined);
      one<HTMLButtonElement>(el, '[part~="change-button"][data-field="message"]').click();
      await el.updateComplete;
      await type(el, 'message', 'Ett annat meddelande.');
      await continueToReview(el);
      const again = expectEvent<CustomEvent>(el, 'samverkan-signup-failed', 8000);
      one<HTMLButtonElement>(el, '[part~="send-button"]').click();
      expect((await again).detail.error.status).to.equal(422);
      await el.updateComplete;
      expect(one(el, '[part~="failure"]').textContent).to.contain(sv.reusedText);
      expect((await storedApplications(name)).count).to.equal(1);
    });

    it("maps a server's 400 onto the fields, with the summary; the error stays until that answer changes", async () => {
      const key = uniqueKey('rejected');
      const el = await form(await proxyApiUrl(key));
      const name = orgName('rejected');
      await fillValid(el, name);
      await continueToReview(el);
      // A server with stricter rules than the form: the real server's real 400.
      await setProxyMode(key, { tamper: { path: 'contact.email', value: 'not-an-address' } });
      const failed = expectEvent<CustomEvent>(el, 'samverkan-signup-failed', 8000);
      one<HTMLButtonElement>(el, '[part~="send-button"]').click();
      const event = await failed;
      expect(event.detail.error.name).to.equal('HttpError');
      expect((event.detail.error as Error & { status: number }).status).to.equal(400);
      await el.updateComplete;
      expect(focused(el)).to.equal(one(el, '[part~="error-summary"]'));
      expect(summaryItems(el)).to.deep.equal([sv.problems.contactEmail.invalid]);
      expect(errorText(el, 'contactEmail')).to.contain(sv.problems.contactEmail.invalid);
      await type(el, 'orgName', `${name} `);
      expect(errorText(el, 'contactEmail'), 'another field changed: the error stays').to.contain(sv.problems.contactEmail.invalid);
      await type(el, 'contactEmail', 'kontakt@forening.example.org');
      expect(errorText(el, 'contactEmail')).to.equal(undefined);
      expect((await storedApplications(name)).count).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('429: says when to try again, keeps the answers', async () => {
      const limited = await limitedApiUrl();
      // Use up this client's one application per hour, whatever an earlier run left.
      await fetch(`${limited}/signups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const el = await form(limited);
      const name = orgName('limited');
      await fillValid(el, name);
      await continueToReview(el);
      const failed = expectEvent<CustomEvent>(el, 'samverkan-signup-failed', 8000);
      one<HTMLButtonElement>(el, '[part~="send-button"]').click();
      const event = await failed;
      const error = event.detail.error as Error & { status: number; retryAfter: number };
      expect(error.status).to.equal(429);
      await el.updateComplete;
      const failure = one(el, '[part~="failure"]');
      expect(failure.textContent).to.contain(sv.rateTitle);
      const minutes = Math.ceil(error.retryAfter / 60);
      expect(failure.textContent).to.contain(`om ${minutes} minuter`);
      expect(failure.textContent).to.match(/klockan \d\d[:.]\d\d/);
      expect($(el, '[part~="try-again-button"]')).to.equal(null);
      expect(one(el, '[part~="review"]').textContent).to.contain(name);
      expect((await storedApplications(name, 'limited')).count).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('429 in Arabic', async () => {
      const limited = await limitedApiUrl();
      await fetch(`${limited}/signups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const el = await form(limited, 'ar');
      await fillValid(el, orgName('limited-ar'));
      await continueToReview(el);
      const failed = expectEvent(el, 'samverkan-signup-failed', 8000);
      one<HTMLButtonElement>(el, '[part~="send-button"]').click();
      await failed;
      await el.updateComplete;
      expect(one(el, '[part~="failure"]').textContent).to.contain(ar.rateTitle);
      await expect(el).to.be.accessible();
    });
  });

  describe('draft', () => {
    it('survives a reload (a new element in the same tab); consent boxes come back unticked; gone after success', async () => {
      let el = await form(apiUrl);
      const name = orgName('draft');
      await fillValid(el, name);
      expect(localStorage.length === 0 || !Object.keys(localStorage).some((k) => (localStorage.getItem(k) ?? '').includes(name)), 'never in localStorage').to.equal(true);
      unmountAll();
      el = await form(apiUrl);
      expect(control(el, 'orgName').value).to.equal(name);
      expect(control(el, 'contactEmail').value).to.equal('alex@forening.example.org');
      expect(one<HTMLInputElement>(el, '#org-form-non-profit-association').checked).to.equal(true);
      expect(control(el, 'consent').checked).to.equal(false);
      expect(control(el, 'acceptsPrinciples').checked).to.equal(false);
      await tick(el, 'acceptsPrinciples');
      await tick(el, 'consent');
      await continueToReview(el);
      const submitted = expectEvent(el, 'samverkan-signup-submitted', 8000);
      one<HTMLButtonElement>(el, '[part~="send-button"]').click();
      await submitted;
      expect(sessionStorage.getItem(DRAFT_STORAGE_KEY)).to.equal(null);
      unmountAll();
      el = await form(apiUrl);
      expect(control(el, 'orgName').value).to.equal('');
    });

    it('keeps the Idempotency-Key with the draft: a reload after a lost answer still stores one', async () => {
      const key = uniqueKey('reload');
      let el = await form(await proxyApiUrl(key));
      const name = orgName('reload');
      await fillValid(el, name);
      await continueToReview(el);
      await setProxyMode(key, 'lost-answer');
      const failed = expectEvent(el, 'samverkan-signup-failed', 15000);
      one<HTMLButtonElement>(el, '[part~="send-button"]').click();
      await failed;
      await setProxyMode(key, undefined);
      unmountAll();
      el = await form(await proxyApiUrl(key));
      await tick(el, 'acceptsPrinciples');
      await tick(el, 'consent');
      await continueToReview(el);
      const submitted = expectEvent(el, 'samverkan-signup-submitted', 8000);
      one<HTMLButtonElement>(el, '[part~="send-button"]').click();
      await submitted;
      expect((await storedApplications(name)).count).to.equal(1);
    });
  });

  describe('privacy', () => {
    it('puts nothing personal in attributes, events or the console', async () => {
      const logged: string[] = [];
      const originals = (['log', 'info', 'warn', 'error', 'debug'] as const).map((k) => [k, console[k]] as const);
      for (const [k, original] of originals) {
        console[k] = (...args: unknown[]) => {
          logged.push(args.map(String).join(' '));
          original.apply(console, args);
        };
      }
      try {
        const key = uniqueKey('private');
        const el = await form(await proxyApiUrl(key));
        const events = recordEvents<CustomEvent>(el, 'samverkan-signup-failed');
        const name = orgName('private');
        await fillValid(el, name);
        await continueToReview(el);
        await setProxyMode(key, 'offline');
        one<HTMLButtonElement>(el, '[part~="send-button"]').click();
        await until(() => events.events.length > 0, 15000);
        await setProxyMode(key, undefined);
        const submitted = expectEvent<CustomEvent>(el, 'samverkan-signup-submitted', 8000);
        one<HTMLButtonElement>(el, '[part~="try-again-button"]').click();
        const ok = await submitted;
        const attributes = [...el.attributes].map((a) => a.value).join(' ');
        for (const secret of [name, 'alex@forening.example.org', 'Alex Exempel', 'info@forening.example.org']) {
          expect(attributes).to.not.contain(secret);
          expect(logged.join('\n')).to.not.contain(secret);
          expect(JSON.stringify(ok.detail)).to.not.contain(secret);
          const error = events.events[0]!.detail.error as Error;
          expect(`${error.message} ${JSON.stringify(error)}`).to.not.contain(secret);
        }
      } finally {
        for (const [k, original] of originals) console[k] = original;
      }
    });
  });

  describe('accessibility (axe) in every state', () => {
    for (const lang of ['sv', 'ar']) {
      it(`${lang}: empty, with errors, review, sending, success`, async () => {
        const key = uniqueKey(`axe-${lang}`);
        const el = await form(await proxyApiUrl(key), lang, { src: datasetUrl(uniqueKey('axe')) });
        await expectEvent(el, 'samverkan-load');
        await el.updateComplete;
        await expect(el).to.be.accessible();
        await type(el, 'orgNumber', '700101-1234');
        await type(el, 'message', 'x'.repeat(2010));
        await continueToReview(el);
        await expect(el).to.be.accessible();
        await type(el, 'message', 'Hej');
        await type(el, 'orgNumber', '');
        await fillValid(el, orgName(`axe-${lang}`));
        await continueToReview(el);
        expect($(el, '[part~="review"]')).to.not.equal(null);
        await expect(el).to.be.accessible();
        const submitted = expectEvent(el, 'samverkan-signup-submitted', 8000);
        one<HTMLButtonElement>(el, '[part~="send-button"]').click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
        await submitted;
        await el.updateComplete;
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('small screens and zoom', () => {
    /** Elements that stick out of the element's box sideways (the honeypot and visually hidden text excepted). */
    function overflowing(el: SamverkanSignupForm): string[] {
      const box = el.getBoundingClientRect();
      const out: string[] = [];
      for (const node of $$<HTMLElement>(el, '*')) {
        if (node.closest('.honeypot, .visually-hidden') || node.matches('style')) continue;
        const rect = node.getBoundingClientRect();
        if (rect.width === 0) continue;
        if (rect.right > box.right + 0.5 || rect.left < box.left - 0.5) out.push(`${node.tagName.toLowerCase()}#${node.id}.${node.className}`);
      }
      return out;
    }
    // 320 CSS px is 400 % zoom of a 1280 px window (WCAG 1.4.10); 32 px text in 640 px is 200 % text size.
    for (const [width, fontSize, lang] of [
      [320, 16, 'sv'],
      [320, 16, 'fi'],
      [320, 16, 'ar'],
      [640, 32, 'fi'],
    ] as const) {
      it(`${width} px wide, ${fontSize} px text (${lang}): nothing sticks out, in the form with errors and in the review`, async () => {
        const el = await form(apiUrl, lang, { src: datasetUrl(uniqueKey('narrow')) });
        const container = el.parentElement!;
        container.style.width = `${width}px`;
        container.style.fontSize = `${fontSize}px`;
        // A wide sans-serif (what system-ui is on many Linux desktops), so long words show up.
        container.style.fontFamily = "'DejaVu Sans', Verdana, sans-serif";
        await expectEvent(el, 'samverkan-load');
        await el.updateComplete;
        one<HTMLDetailsElement>(el, 'details').open = true;
        await type(el, 'orgWebsite', 'inte en adress');
        await type(el, 'orgNumber', '700101-1234');
        await continueToReview(el);
        expect(overflowing(el)).to.deep.equal([]);
        await fillValid(el, `${orgName('narrow')} ${'Långtnamnutanmellanslag'.repeat(4)}`);
        await type(el, 'orgWebsite', `https://forening.example.org/${'a'.repeat(80)}`);
        await continueToReview(el);
        expect($(el, '[part~="review"]')).to.not.equal(null);
        expect(overflowing(el)).to.deep.equal([]);
      });
    }
  });

  describe('keyboard', () => {
    it('completes the whole application with the keyboard alone, from the first field to the confirmation', async () => {
      const container = await mount(
        html`<button id="before">before</button
          ><samverkan-signup-form api=${apiUrl} privacy-url=${PRIVACY_URL}></samverkan-signup-form>`,
        'sv',
      );
      const el = container.querySelector('samverkan-signup-form')!;
      // No src and no principles-url: the principles come from the API's dataset.
      await waitFor(() => $(el, '[part~="principles"] details'), 'the principles were not shown');
      const name = orgName('keyboard');
      container.querySelector<HTMLButtonElement>('#before')!.focus();
      const tab = () => sendKeys({ press: 'Tab' });
      const typeText = (text: string) => sendKeys({ type: text });

      await tab();
      expect(focused(el)).to.equal(control(el, 'orgName'));
      await typeText(name);
      await tab(); // organisation number
      await typeText('8020001239');
      await tab(); // the radio group: arrows choose
      await sendKeys({ press: 'ArrowDown' });
      expect(one<HTMLInputElement>(el, '#org-form-foundation').checked).to.equal(true);
      await tab(); // website
      await tab(); // e-mail
      expect(focused(el)).to.equal(control(el, 'orgEmail'));
      await typeText('info@forening.example.org');
      await tab(); // phone
      await tab(); // districts
      await tab(); // activities
      await tab(); // description
      await tab(); // contact name
      expect(focused(el)).to.equal(control(el, 'contactName'));
      await typeText('Alex Exempel');
      await tab();
      await typeText('alex@forening.example.org');
      await tab(); // contact phone
      await tab(); // the principles' summary (opens the list)
      expect(focused(el) === one(el, '[part~="principles"] summary'), 'the principles can be read').to.equal(true);
      await tab(); // the link to the agreement's full text
      expect(focused(el) === one(el, '[part~="principles-link"]')).to.equal(true);
      await tab(); // accept the principles
      expect(focused(el)).to.equal(control(el, 'acceptsPrinciples'));
      await sendKeys({ press: 'Space' });
      await tab(); // the privacy notice link
      await tab(); // consent
      expect(focused(el)).to.equal(control(el, 'consent'));
      await sendKeys({ press: 'Space' });
      await tab(); // message
      await typeText('Hej!');
      await tab(); // continue (the honeypot is skipped)
      expect(focused(el)).to.equal(one(el, '[part~="continue-button"]'));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focused(el)).to.equal(one(el, '#review-title'));
      for (let i = 0; i < 40 && focused(el) !== $(el, '[part~="send-button"]'); i++) await tab();
      expect(focused(el)).to.equal(one(el, '[part~="send-button"]'));
      const submitted = expectEvent(el, 'samverkan-signup-submitted', 8000);
      await sendKeys({ press: 'Enter' });
      await submitted;
      expect(focused(el)).to.equal(one(el, '[part~="success"]'));
      const stored = await storedApplications(name);
      expect(stored.count).to.equal(1);
      expect(stored.applications[0]!.application!.organisation.organisationNumber).to.equal('802000-1239');
    });
  });
});
