// Issue 17.3: a U+202E in any data value must not reverse the element's own
// text after it (nor the next data value). Each element is given data whose
// texts start with an unclosed U+202E, and the test reads the layout: every
// other text must be drawn in its own order.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { parseDataset, type Dataset, type ParseDatasetResult } from '@samverkan/sdk';
import '../src/define/index.js';
import { demoJson } from './helpers/datasets.js';
import { mount, pause, unmountAll } from './helpers/expect-event.js';
import { reversedTexts, RLO } from './helpers/bidi.js';
import { $, $$, shadow } from './helpers/shadow.js';

afterEach(unmountAll);

/** `text` as a hostile applicant would write it: an override that is never closed. */
const hostile = (text: string) => `${RLO}${text}`;

/**
 * The demo dataset, parsed, with U+202E in the texts the elements show (not
 * validated: the elements must cope with any data). Where two values share a
 * line (a place and its address, a list of districts), only the first is
 * hostile, so the test also sees whether it reverses the next.
 */
async function hostileDataset(): Promise<ParseDatasetResult> {
  const { dataset } = parseDataset(await demoJson());
  const d: Dataset = dataset;
  d.agreement.municipality = { ...d.agreement.municipality, name: hostile('Södertälje kommun') };
  d.agreement.title = hostile('Överenskommelsen');
  if (d.agreement.generalContact) d.agreement.generalContact = { ...d.agreement.generalContact, name: hostile('Kontaktcenter') };
  d.principles = d.principles.map((p) => ({
    ...p,
    title: hostile('Principens titel'),
    description: hostile('Beskrivningen'),
    commitments: p.commitments.map((c) => ({ ...c, text: hostile('Åtagandet') })),
  }));
  d.developmentAreas = d.developmentAreas.map((a) => ({ ...a, title: hostile('Området'), goal: hostile('Målet'), actions: a.actions.map((x) => ({ ...x, text: hostile('Aktiviteten') })) }));
  d.organisations = d.organisations.map((o) => ({ ...o, name: hostile(o.name), districts: o.districts.map((x, i) => (i === 0 ? hostile(x) : x)), description: o.description && hostile('Beskrivning') }));
  d.contacts = d.contacts.map((c) => ({ ...c, name: hostile(c.name), title: hostile('Samordnare'), unit: 'Kommunledningskontoret', topics: c.topics.map((_, i) => (i === 0 ? hostile('bidrag') : 'lokaler')) }));
  d.meetings = d.meetings.map((m) => ({
    ...m,
    title: hostile('Mötet'),
    description: hostile('Beskrivning av mötet'),
    location: m.location && { ...m.location, ...(m.location.name ? { name: hostile('Stadshuset') } : {}), ...(m.location.address ? { address: 'Stadshustorget 1' } : {}) },
  }));
  return { dataset: d, issues: [] };
}

async function shown<T extends HTMLElement>(template: ReturnType<typeof html>, tag: string): Promise<T> {
  const container = await mount(template, 'sv');
  container.style.inlineSize = '900px';
  const el = container.querySelector<T>(tag)!;
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  await pause(20);
  return el;
}

describe('bidirectional isolation of data (U+202E in every text)', () => {
  it('principles: the sentences after the municipality\'s name, and every heading and label, read in their own order', async () => {
    const data = await hostileDataset();
    const el = await shown<HTMLElement & { toggle(id: string, open?: boolean): void; updateComplete: Promise<unknown> }>(
      html`<samverkan-principles .data=${data}></samverkan-principles>`,
      'samverkan-principles',
    );
    for (const p of data.dataset.principles) el.toggle(p.id, true);
    await el.updateComplete;
    const facts = $(el, '[part~="facts"]')!;
    expect(facts.textContent).to.contain('Överenskommelsen revideras');
    expect(reversedTexts(shadow(el))).to.deep.equal([]);
  });

  it('signatory list: the labels and the signing sentence after a name and districts read in their own order', async () => {
    const el = await shown<HTMLElement>(html`<samverkan-signatory-list .data=${await hostileDataset()}></samverkan-signatory-list>`, 'samverkan-signatory-list');
    expect($$(el, '[part~="item"]').length).to.be.greaterThan(10);
    expect(reversedTexts(shadow(el))).to.deep.equal([]);
    // Each district of a list on an isolating element of its own (the layout check cannot see into one text node).
    const item = $$(el, '[part~="item"]').find((li) => li.textContent!.includes(' och '))!;
    const districts = [...item.querySelectorAll('dd')].find((dd) => dd.textContent!.includes(' och '))!;
    expect(districts.querySelectorAll('bdi').length).to.be.greaterThan(1);
    expect([...districts.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(RLO)).length).to.equal(0);
  });

  it('meeting calendar: the address after the place\'s name, and the labels and links after each, read in their own order (list and month)', async () => {
    const data = await hostileDataset();
    const el = await shown<HTMLElement & { view: string; month: string; updateComplete: Promise<unknown> }>(
      html`<samverkan-meeting-calendar show-past .now=${new Date('2026-01-01T12:00:00+01:00')} .data=${data}></samverkan-meeting-calendar>`,
      'samverkan-meeting-calendar',
    );
    const withBoth = $$(el, '[part~="meeting"]').find((m) => m.textContent!.includes('Stadshustorget'));
    expect(withBoth, 'a meeting with a place and an address').to.not.equal(undefined);
    expect(reversedTexts(shadow(el))).to.deep.equal([]);
    el.view = 'month';
    el.month = '2026-02';
    await el.updateComplete;
    ($(el, 'td[data-date="2026-02-10"]') as HTMLElement).click();
    await el.updateComplete;
    expect($(el, '[part~="day-details"]')).to.not.equal(null);
    expect(reversedTexts(shadow(el))).to.deep.equal([]);
  });

  it('contact finder: the labels after a name, title, unit and topics read in their own order, also in the empty view\'s general contact', async () => {
    const data = await hostileDataset();
    const el = await shown<HTMLElement & { query: string; updateComplete: Promise<unknown> }>(
      html`<samverkan-contact-finder .data=${data}></samverkan-contact-finder>`,
      'samverkan-contact-finder',
    );
    expect($$(el, '[part~="card"]').length).to.be.greaterThan(0);
    expect(reversedTexts(shadow(el))).to.deep.equal([]);
    el.query = `${RLO}ingenting som finns`;
    await el.updateComplete;
    expect($(el, '[part~="empty"]')).to.not.equal(null);
    expect(reversedTexts(shadow(el))).to.deep.equal([]);
  });

  it('signup form: the principles\' texts do not reverse the form\'s own words', async () => {
    const el = await shown<HTMLElement>(html`<samverkan-signup-form api="/api/v1" .data=${await hostileDataset()}></samverkan-signup-form>`, 'samverkan-signup-form');
    $(el, 'details')!.open = true;
    await pause(20);
    expect(reversedTexts(shadow(el))).to.deep.equal([]);
  });

  it('a published dataset that holds U+202E still shows its valid part', async () => {
    const json = await demoJson();
    const total = json.organisations!.filter((o) => o.signature).length;
    const signed = json.organisations!.find((o) => o.signature)!;
    signed.name = hostile(signed.name);
    const el = await shown<HTMLElement>(html`<samverkan-signatory-list page-size="1000" .data=${json}></samverkan-signatory-list>`, 'samverkan-signatory-list');
    const items = $$(el, '[part~="item"]').length;
    expect($(el, '[role="alert"]'), 'no error view').to.equal(null);
    // Whether the SDK keeps or drops the entry with the override, every other signatory is shown.
    expect(items).to.be.within(total - 1, total);
    expect(reversedTexts(shadow(el))).to.deep.equal([]);
  });
});
