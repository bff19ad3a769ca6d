import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { parseDataset, type DatasetInput } from '@samverkan/sdk';
import '../define/samverkan-follow-up.js';
import '../define/samverkan-principles.js';
import type { SamverkanFollowUp } from './follow-up.js';
import type { SamverkanPrinciples } from '../principles/principles.js';
import { datasetUrl, demoJson, HOSTILE_TEXT, HOSTILE_URLS, release, uniqueKey, UNREACHABLE_URL } from '../../test/helpers/datasets.js';
import { expectEvent, mount, unmountAll, waitFor } from '../../test/helpers/expect-event.js';
import { $, $$, focused, text } from '../../test/helpers/shadow.js';

const STATUSES = ['done', 'in-progress', 'not-started', 'not-done'] as const;

async function followUp(data: unknown, lang = 'sv', year?: string): Promise<SamverkanFollowUp> {
  const container = await mount(html`<samverkan-follow-up lang=${lang} .data=${data}></samverkan-follow-up>`);
  const el = container.querySelector('samverkan-follow-up')!;
  if (year !== undefined) {
    el.setAttribute('year', year);
    await el.updateComplete;
  }
  return el;
}

/** The counts per party and status of one year's report, counted here from the raw data (not by the SDK helper). */
function expectedCounts(json: DatasetInput, year: number): Record<string, Record<string, number>> {
  const report = json.followUps!.find((r) => r.year === year)!;
  const status = new Map(report.commitments!.map((c) => [c.commitmentId, c.status]));
  const out: Record<string, Record<string, number>> = {};
  for (const p of json.principles!) {
    for (const c of p.commitments!) {
      out[c.party] ??= { done: 0, 'in-progress': 0, 'not-started': 0, 'not-done': 0 };
      out[c.party]![status.get(c.id)!]!++;
    }
  }
  return out;
}

afterEach(unmountAll);

describe('<samverkan-follow-up> content', () => {
  it('shows the latest report by default: heading, date, summary and document link', async () => {
    const el = await followUp(await demoJson());
    expect(text($(el, '[part~="heading"]'))).to.equal('Uppföljning 2025');
    expect(el.hasAttribute('year')).to.equal(false);
    expect(text($(el, '.published'))).to.equal('Publicerad 17 februari 2026.');
    expect(text($(el, '[part~="summary"]'))).to.contain('Två tredjedelar av åtagandena är genomförda');
    expect($<HTMLAnchorElement>(el, '[part~="document-link"]')!.href).to.equal('https://www.example.org/samverkan/uppfoljning-2025.pdf');
  });

  it('lists each principle with its commitments by party, each with its status in words and a symbol, note and evidence', async () => {
    const json = await demoJson();
    const el = await followUp(json, 'en');
    const principles = $$(el, '[part~="principle"]');
    expect(principles).to.have.length(json.principles!.length);
    expect(text(principles[0]!.querySelector('h4'))).to.equal('Long-term perspective');
    expect([...principles[0]!.querySelectorAll('h5')].map(text)).to.deep.equal(['The municipality commits', 'Civil society commits', 'Together we commit']);
    const first = $(el, '[data-commitment="long-term-m1"]')!;
    expect(text(first.querySelector('.commitment-text'))).to.equal('To ensure that the collaboration agreement is followed up every year');
    const badge = first.querySelector('[part~="commitment-status"]')!;
    expect(text(badge)).to.equal('✓ Done');
    expect(badge.querySelector('.status-symbol')!.getAttribute('aria-hidden')).to.equal('true');
    expect(text(first.querySelector('.commitment-status'))).to.equal('Status: ✓ Done');
    expect(text(first.querySelector('[part~="commitment-note"]'))).to.contain('third year running');
    const link = first.querySelector<HTMLAnchorElement>('[part~="evidence"] a')!;
    expect(text(link)).to.equal('Follow-up report 2025');
    expect(link.href).to.equal('https://www.example.org/samverkan/uppfoljning-2025.pdf');
    // Every status in the report is shown with the words for it.
    const words = { done: 'Done', 'in-progress': 'In progress', 'not-started': 'Not started', 'not-done': 'Will not be done' };
    for (const entry of json.followUps!.find((r) => r.year === 2025)!.commitments!) {
      const item = $(el, `[data-commitment="${entry.commitmentId}"]`)!;
      expect(text(item.querySelector('.status-words'))).to.equal(words[entry.status]);
    }
  });

  it('shows the overview per party in a chart and, with the same figures, a table for screen readers', async () => {
    const json = await demoJson();
    const el = await followUp(json);
    const expected = expectedCounts(json, 2025);
    const table = $<HTMLTableElement>(el, '[part~="figures-table"]')!;
    expect(table.classList.contains('visually-hidden')).to.equal(true);
    expect(text(table.caption)).to.equal('Antal åtaganden per part och status 2025');
    expect([...table.tHead!.rows[0]!.cells].map(text)).to.deep.equal(['Part', 'Klart', 'Pågår', 'Inte påbörjat', 'Genomförs inte', 'Totalt']);
    const chart = $(el, '[part~="chart"]')!;
    expect(chart.closest('[aria-hidden="true"]')).to.not.equal(null);
    for (const party of ['municipality', 'civil-society', 'both']) {
      const row = table.querySelector(`tr[data-party="${party}"]`)!;
      const bar = chart.querySelector(`g.row[data-party="${party}"]`)!;
      for (const status of STATUSES) {
        const n = expected[party]![status]!;
        expect(text(row.querySelector(`td[data-status="${status}"]`)), `${party} ${status}`).to.equal(String(n));
        const segment = bar.querySelector(`g.segment[data-status="${status}"]`);
        if (n === 0) expect(segment).to.equal(null);
        else expect(segment!.getAttribute('data-count')).to.equal(String(n));
      }
    }
    // The bars' lengths are proportional to the counts.
    const municipality = chart.querySelector('g.row[data-party="municipality"] g.segment[data-status="done"] rect')!;
    const both = chart.querySelector('g.row[data-party="both"] g.segment[data-status="done"] rect')!;
    const ratio = Number(municipality.getAttribute('width')) / Number(both.getAttribute('width'));
    expect(ratio).to.be.closeTo(expected['municipality']!['done']! / expected['both']!['done']!, 1e-9);
    // The legend names each status with its symbol: never colour alone.
    expect($$(el, '.legend li').map(text)).to.deep.equal(['✓ Klart', '◐ Pågår', '○ Inte påbörjat', '✕ Genomförs inte']);
  });

  it('shows the change since the year before, per party and status', async () => {
    const json = await demoJson();
    const el = await followUp(json, 'en');
    expect(text($(el, '#change-heading'))).to.equal('Change since 2024');
    const now = expectedCounts(json, 2025);
    const before = expectedCounts(json, 2024);
    const table = $<HTMLTableElement>(el, '[part~="change-table"]')!;
    for (const party of ['municipality', 'civil-society', 'both']) {
      for (const status of STATUSES) {
        const cell = table.querySelector(`tr[data-party="${party}"] td[data-status="${status}"]`)!;
        const change = now[party]![status]! - before[party]![status]!;
        const sign = change > 0 ? `+${change}` : change < 0 ? `-${-change}` : '0';
        expect(text(cell), `${party} ${status}`).to.equal(`${now[party]![status]} (${sign})`);
      }
    }
  });
});

describe('<samverkan-follow-up> years', () => {
  it('switches year with the keyboard in the year switcher, reflects it and drops the change for the first year', async () => {
    const el = await followUp(await demoJson());
    const select = $<HTMLSelectElement>(el, '[part~="year-select"]')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['2025', '2024', '2023']);
    expect(text($(el, `label[for="${select.id}"]`))).to.equal('År');
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.getAttribute('year')).to.equal('2024');
    expect(text($(el, '[part~="heading"]'))).to.equal('Uppföljning 2024');
    expect(text($(el, '#change-heading'))).to.equal('Förändring sedan 2023');
    expect(focused(el)).to.equal($(el, '[part~="year-select"]'));
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.year).to.equal(2023);
    expect($(el, '[part~="change-table"]')).to.equal(null);
    expect(text($(el, '[data-commitment="community-development-m1"] .status-words'))).to.equal('Inte påbörjat');
  });

  it('takes the year from its attribute, and says so when there is no report for it', async () => {
    const el = await followUp(await demoJson(), 'sv', '2024');
    expect(text($(el, '[part~="heading"]'))).to.equal('Uppföljning 2024');
    el.setAttribute('year', '1999');
    await el.updateComplete;
    expect(text($(el, '[part~="empty"]'))).to.equal('Det finns ingen uppföljning för 1999. Välj ett annat år.');
    expect($<HTMLSelectElement>(el, '[part~="year-select"]')!.value).to.equal('1999');
    el.setAttribute('year', 'nonsense');
    await el.updateComplete;
    expect(text($(el, '[part~="heading"]'))).to.equal('Uppföljning 2025');
  });

  it('says there is no follow-up yet when the dataset has none', async () => {
    const json = await demoJson();
    delete json.followUps;
    const el = await followUp(json, 'fi');
    expect(text($(el, '[part~="empty"]'))).to.equal('Sopimuksesta ei ole vielä seurantaa.');
    expect($(el, '[part~="year-select"]')).to.equal(null);
  });

  it('shows a commitment the report leaves out as "no information", in the chart as well', async () => {
    const json = await demoJson();
    const report = json.followUps!.find((r) => r.year === 2025)!;
    report.commitments = report.commitments!.filter((c) => c.commitmentId !== 'quality-b1');
    const el = await followUp(json);
    expect(text($(el, '[data-commitment="quality-b1"] [part~="commitment-status"]'))).to.equal('– Ingen uppgift');
    expect(text($(el, '[part~="figures-table"] tr[data-party="both"] td[data-status="unreported"]'))).to.equal('1');
  });

  it('formats the report date the same in every time zone of the reader', async () => {
    try {
      for (const timeZone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Stockholm']) {
        await executeServerCommand('set-timezone', { timeZone });
        const el = await followUp(await demoJson(), 'en');
        expect(text($(el, '.published')), timeZone).to.equal('Published on 17 February 2026.');
      }
    } finally {
      await executeServerCommand('set-timezone', { timeZone: null });
    }
  });
});

describe('<samverkan-follow-up> untrusted and partly invalid data', () => {
  it('shows hostile texts as text, links only http(s) evidence, and isolates reversed text', async () => {
    const { dataset } = parseDataset(await demoJson());
    const report = dataset.followUps.find((r) => r.year === 2025)!;
    report.summary = HOSTILE_TEXT;
    report.documentUrl = HOSTILE_URLS[0]!;
    report.commitments[0] = {
      ...report.commitments[0]!,
      note: `\u202Eevil ${HOSTILE_TEXT}`,
      evidence: HOSTILE_URLS.map((url) => ({ title: HOSTILE_TEXT, url })),
    };
    const el = await followUp({ dataset, issues: [], stale: false });
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect($(el, 'script, img')).to.equal(null);
    expect(text($(el, '[part~="summary"]'))).to.equal(HOSTILE_TEXT);
    expect($(el, '[part~="document-link"]')).to.equal(null);
    const item = $(el, `[data-commitment="${report.commitments[0]!.commitmentId}"]`)!;
    expect(item.querySelectorAll('[part~="evidence"] li')).to.have.length(HOSTILE_URLS.length);
    expect(item.querySelectorAll('[part~="evidence"] a')).to.have.length(0);
    const note = item.querySelector('[part~="commitment-note"]')!;
    expect(note.getAttribute('dir')).to.equal('auto');
    expect(note.textContent).to.contain('\u202Eevil');
  });

  it('shows the valid part of a partly invalid dataset and says that something was left out', async () => {
    const json = await demoJson();
    json.followUps!.push({ id: 'broken', year: 'next' } as never);
    json.followUps![2]!.commitments!.push({ commitmentId: 'no-such-commitment', status: 'done' });
    const loaded = expectEvent(document, 'samverkan-load');
    const el = await followUp(json);
    await loaded;
    expect($(el, '[part~="invalid-note"]')).to.not.equal(null);
    expect(text($(el, '[part~="heading"]'))).to.equal('Uppföljning 2025');
    expect($$(el, '[part~="commitment"]')).to.have.length(json.principles!.reduce((n, p) => n + p.commitments!.length, 0));
  });
});

describe('<samverkan-follow-up> languages, states and accessibility', () => {
  it('renders Arabic right to left, with the chart mirrored', async () => {
    const el = await followUp(await demoJson(), 'ar');
    expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(text($(el, '[part~="heading"]'))).to.contain('متابعة عام');
    const label = $<SVGTextElement>(el, 'g.row[data-party="municipality"] .party-label')!;
    expect(label.getAttribute('direction')).to.equal('rtl');
    expect(label.getAttribute('x')).to.equal('640');
    // Drawn inside the chart, at its right edge (not off it).
    const chart = $(el, '[part~="chart"]')!.getBoundingClientRect();
    const box = label.getBoundingClientRect();
    expect(box.width).to.be.greaterThan(10);
    expect(box.left).to.be.at.least(chart.left);
    expect(box.right).to.be.at.most(chart.right + 1);
    expect(box.right).to.be.closeTo(chart.right, 2);
    // The first segment (done) starts at the right, beside the label.
    const first = $(el, 'g.row[data-party="municipality"] g.segment rect')!;
    expect(Number(first.getAttribute('x')) + Number(first.getAttribute('width'))).to.be.closeTo(480, 1e-9);
    expect(text($(el, '[data-commitment="long-term-m1"] .status-words'))).to.equal('مُنجز');
    // The Swedish data is marked as Swedish inside the Arabic UI.
    expect($(el, '[data-commitment="long-term-m1"] .commitment-text span[lang="sv"]')).to.not.equal(null);
  });

  for (const lang of ['sv', 'ar']) {
    it(`is accessible while loading and after a failed load (${lang})`, async () => {
      // Loading until the test releases it, however busy the machine (a delay could end before the test has looked).
      const loadingKey = uniqueKey('fu-a11y');
      const loading = await fixture<SamverkanFollowUp>(html`<samverkan-follow-up lang=${lang} src=${datasetUrl(loadingKey, { hold: true })}></samverkan-follow-up>`);
      expect($(loading, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(loading).to.be.accessible();
      await release(loadingKey);
      const failed = await fixture<SamverkanFollowUp>(html`<samverkan-follow-up lang=${lang} src=${UNREACHABLE_URL}></samverkan-follow-up>`);
      await waitFor(() => $(failed, '[role="alert"] button'), 'no error view');
      await expect(failed).to.be.accessible();
    });

    it(`is accessible with a report (${lang})`, async () => {
      const loaded = await followUp(await demoJson(), lang);
      await expect(loaded).to.be.accessible();
    });

    it(`is accessible without a report for the year, and without any (${lang})`, async () => {
      const missing = await followUp(await demoJson(), lang, '1999');
      await expect(missing).to.be.accessible();
      const json = await demoJson();
      delete json.followUps;
      const empty = await followUp(json, lang);
      await expect(empty).to.be.accessible();
    });
  }

  it('loads from src and fires samverkan-load once', async () => {
    const container = await mount(html`<div></div>`);
    const el = document.createElement('samverkan-follow-up');
    const loaded = expectEvent(el, 'samverkan-load');
    el.src = datasetUrl(uniqueKey('fu-load'));
    container.append(el);
    await loaded;
    await el.updateComplete;
    expect(text($(el, '[part~="heading"]'))).to.equal('Uppföljning 2025');
  });
});

describe('<samverkan-follow-up> theming', () => {
  it('takes the page font and colours by default, and the --samverkan-* properties when set', async () => {
    const json = await demoJson();
    const container = await mount(html`<style>
        .fu-page { font-family: serif; color: rgb(1, 2, 3); }
        .fu-theme { --samverkan-color-accent: rgb(170, 20, 90); --samverkan-color-status-done: rgb(0, 90, 200); --samverkan-font-family: "Theme Test Face", cursive; }
      </style>
      <div class="fu-page">
        <samverkan-follow-up .data=${json}></samverkan-follow-up>
        <samverkan-follow-up class="fu-theme" .data=${json}></samverkan-follow-up>
      </div>`);
    const [plain, themed] = [...container.querySelectorAll('samverkan-follow-up')] as SamverkanFollowUp[];
    const done = (el: Element) => getComputedStyle($(el, 'g.segment[data-status="done"] rect')!).fill;
    expect(getComputedStyle($(plain!, '[part~="heading"]')!).fontFamily).to.equal('serif');
    expect(getComputedStyle($(plain!, '[part~="heading"]')!).color).to.equal('rgb(1, 2, 3)');
    expect(done(plain!)).to.equal('rgb(30, 107, 48)');
    expect(getComputedStyle($(plain!, '[part~="document-link"]')!).color).to.equal('rgb(11, 92, 173)');
    expect(done(themed!)).to.equal('rgb(0, 90, 200)');
    expect(getComputedStyle($(themed!, '[part~="document-link"]')!).color).to.equal('rgb(170, 20, 90)');
    expect(getComputedStyle($(themed!, '[part~="heading"]')!).fontFamily).to.equal('"Theme Test Face", cursive');
  });
});

describe('<samverkan-principles show-follow-up>', () => {
  it('puts the latest status beside each commitment only when asked', async () => {
    const json = await demoJson();
    const container = await mount(html`<samverkan-principles .data=${json}></samverkan-principles><samverkan-principles show-follow-up lang="en" .data=${json}></samverkan-principles>`);
    const [plain, withStatus] = [...container.querySelectorAll('samverkan-principles')] as SamverkanPrinciples[];
    expect($(plain!, '[part~="commitment-status"]')).to.equal(null);
    const statuses = $$(withStatus!, '[part~="commitment-status"]');
    expect(statuses).to.have.length(json.principles!.reduce((n, p) => n + p.commitments!.length, 0));
    const first = $(withStatus!, '[part~="commitments"] li')!;
    expect(text(first)).to.equal('To ensure that the collaboration agreement is followed up every year ✓ Done (2025)');
    $<HTMLButtonElement>(withStatus!, '[part~="principle-toggle"]')!.click();
    await withStatus!.updateComplete;
    await expect(withStatus!).to.be.accessible();
  });
});

describe('<samverkan-follow-up> chart labels', () => {
  it('marks even a narrow segment with its symbol, so no status rests on colour alone', async () => {
    const el = await followUp(await demoJson());
    // In 2025 civil society has one commitment "not done": a narrow segment.
    const narrow = $(el, 'g.row[data-party="civil-society"] g.segment[data-status="not-done"]')!;
    expect(narrow.getAttribute('data-count')).to.equal('1');
    expect(text(narrow.querySelector('text'))).to.equal('✕');
    expect(text($(el, 'g.row[data-party="municipality"] g.segment[data-status="done"] text'))).to.match(/^✓ \d+$/);
  });
});

describe('<samverkan-follow-up> forced colours', () => {
  afterEach(() => executeServerCommand('set-forced-colors', { active: false }));

  it('draws the chart in system colours with the symbols kept, since the status colours give way', async () => {
    const el = await followUp(await demoJson());
    const rect = $(el, 'g.segment[data-status="done"] rect')!;
    const label = $(el, 'g.segment[data-status="done"] text')!;
    expect(getComputedStyle(rect).fill).to.equal('rgb(30, 107, 48)');
    await executeServerCommand('set-forced-colors', { active: true });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const probe = document.createElement('span');
    probe.style.cssText = 'forced-color-adjust: none; color: CanvasText; background-color: Canvas';
    document.body.append(probe);
    const { color: canvasText, backgroundColor: canvas } = getComputedStyle(probe);
    probe.remove();
    expect(getComputedStyle(rect).fill).to.equal(canvas);
    expect(getComputedStyle(rect).stroke).to.equal(canvasText);
    expect(getComputedStyle(label).fill).to.equal(canvasText);
    expect(text(label)).to.match(/^✓ \d+$/);
  });
});
