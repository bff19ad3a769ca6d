// Issue 17.6: data with very long words must wrap inside the elements, never
// widen the page; and the elements' own labels never break inside a word,
// neither beside such data nor in ordinary data on a 375 px phone.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { parseDataset, type ParseDatasetResult } from '@samverkan/sdk';
import '../src/define/index.js';
import { demoJson } from './helpers/datasets.js';
import { mount, pause, unmountAll } from './helpers/expect-event.js';
import { $, $$ } from './helpers/shadow.js';

const WORD = 'P'.repeat(100_000);

afterEach(unmountAll);
after(() => setViewport({ width: 800, height: 600 }));

/** How far the page sticks out sideways (0: not at all). */
function pageOverflow(): number {
  return document.documentElement.scrollWidth - window.innerWidth;
}

/**
 * How many lines a label takes, its ':' (from ::after) included: the lines of
 * its text (its boxes, by their tops), plus one when the ':' does not fit
 * beside the text's last line (then the label is no wider than its text).
 * The label's own box cannot tell: a flex row stretches it to the value's height.
 */
function lineCount(label: Element): number {
  const range = document.createRange();
  range.selectNodeContents(label);
  const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
  const tops = new Set(boxes.map((r) => Math.round(r.top)));
  const last = boxes[boxes.length - 1]!;
  const colonBeside = label.getBoundingClientRect().right - last.right > 1;
  return tops.size + (colonBeside ? 0 : 1);
}

async function shown(template: ReturnType<typeof html>, lang = 'sv'): Promise<HTMLElement> {
  const container = await mount(template, lang);
  const el = container.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
  await el.updateComplete;
  await pause(30);
  return el;
}

async function longWordDataset(): Promise<ParseDatasetResult> {
  const { dataset } = parseDataset(await demoJson());
  dataset.principles = dataset.principles.map((p, i) => (i === 0 ? { ...p, title: WORD, description: WORD } : p));
  dataset.agreement.title = WORD;
  dataset.organisations = dataset.organisations.map((o, i) =>
    i < 3 ? { ...o, name: WORD, districts: [`Stadsdel${'x'.repeat(300)}`, WORD], website: `https://example.org/${'w'.repeat(3000)}` } : o,
  );
  // A few of each: a 100,000-character word takes a while to lay out.
  dataset.meetings = dataset.meetings.slice(0, 3).map((m) => ({ ...m, title: WORD, location: { name: WORD, address: WORD } }));
  dataset.contacts = dataset.contacts.slice(0, 3).map((c) => ({ ...c, name: WORD, topics: [WORD] }));
  return { dataset, issues: [] };
}

describe('100,000-character words do not widen the page', () => {
  before(() => setViewport({ width: 800, height: 600 }));

  it('principles: a principle title of 100,000 × "P", closed and open', async () => {
    const el = await shown(html`<samverkan-principles .data=${await longWordDataset()}></samverkan-principles>`);
    expect(pageOverflow()).to.be.at.most(0);
    $<HTMLButtonElement>(el, '[part~="principle-toggle"]')!.click();
    await pause(30);
    expect(pageOverflow()).to.be.at.most(0);
  });

  it('signup form: its list of principles, opened', async () => {
    const el = await shown(html`<samverkan-signup-form api="/api/v1" principles-url="https://kommun.example.org/p" .data=${await longWordDataset()}></samverkan-signup-form>`);
    $(el, 'details')!.open = true;
    await pause(30);
    expect(pageOverflow()).to.be.at.most(0);
  });

  it('signatory list: long names, districts and web addresses; the "Stadsdelar:" and "Webbplats:" labels stay on one line', async () => {
    const el = await shown(html`<samverkan-signatory-list .data=${await longWordDataset()}></samverkan-signatory-list>`);
    expect(pageOverflow()).to.be.at.most(0);
    const first = $(el, '[part~="item"]')!;
    const labels = [...first.querySelectorAll('dt')];
    expect(labels.map((dt) => dt.textContent!.trim())).to.include.members(['Stadsdelar', 'Webbplats']);
    for (const dt of labels) expect(lineCount(dt), dt.textContent!).to.equal(1);
  });

  it('meeting calendar and contact finder: long titles, places, names and topics', async () => {
    const data = await longWordDataset();
    await shown(html`<samverkan-meeting-calendar show-past .data=${data}></samverkan-meeting-calendar>`);
    expect(pageOverflow(), 'calendar').to.be.at.most(0);
    unmountAll();
    await shown(html`<samverkan-contact-finder .data=${data}></samverkan-contact-finder>`);
    expect(pageOverflow(), 'contact finder').to.be.at.most(0);
  });
});

describe('labels never break inside a word on a 375 px phone', () => {
  before(() => setViewport({ width: 375, height: 700 }));

  for (const [lang, expected] of [
    ['sv', ['Webbplats', 'Stadsdelar']],
    ['en', ['Website', 'Districts']],
    ['fi', ['Verkkosivusto', 'Kaupunginosat']],
  ] as const) {
    it(`signatory list in ordinary data (${lang}): ${expected.join(', ')}`, async () => {
      const el = await shown(html`<samverkan-signatory-list style="font: 16px 'DejaVu Sans', Verdana, sans-serif" .data=${await demoJson()}></samverkan-signatory-list>`, lang);
      expect(pageOverflow()).to.be.at.most(0);
      const labels = $$(el, '[part~="item"] dt');
      const names = new Set(labels.map((dt) => dt.textContent!.trim()));
      for (const name of expected) expect(names.has(name), `${name} among ${[...names].join(', ')}`).to.equal(true);
      const broken = labels.filter((dt) => lineCount(dt) > 1).map((dt) => dt.textContent!.trim());
      expect(broken).to.deep.equal([]);
    });
  }

  it('meeting calendar in ordinary data: its labels stay whole', async () => {
    const el = await shown(html`<samverkan-meeting-calendar style="font: 16px 'DejaVu Sans', Verdana, sans-serif" show-past .data=${await demoJson()}></samverkan-meeting-calendar>`);
    expect(pageOverflow()).to.be.at.most(0);
    const broken = $$(el, '[part~="meeting"] dt').filter((dt) => lineCount(dt) > 1).map((dt) => dt.textContent!.trim());
    expect(broken).to.deep.equal([]);
  });
});
