// A dataset given as `data` before the code that checks it has arrived
// (data/dataset-source.ts, imported when the element is defined or connects): the element
// shows its loading state until it is there, then the dataset, as if the
// checks had been there all along. The page's real request for that module is
// held (failRequestsPlugin's hold-requests), so this file imports nothing
// that imports it, and its tests run in this order.
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import type { SamverkanSignatoryList } from '../src/signatory-list/signatory-list.js';
import type { SamverkanMeetingCalendar } from '../src/meeting-calendar/meeting-calendar.js';
import { demoJson } from './helpers/datasets.js';
import { expectEvent, mount, unmountAll, waitFor } from './helpers/expect-event.js';
import { CHECKS_MODULE, DEFINE, holdRequests } from './helpers/requests.js';
import { $, $$, text } from './helpers/shadow.js';
import { testTime } from './helpers/test-time.js';

afterEach(async () => {
  await holdRequests(null);
  unmountAll();
});

describe('`data` given before the checks are loaded', function () {
  this.timeout(testTime(20000));

  it('is shown once they arrive, partly invalid or not; until then the loading state', async () => {
    await holdRequests(CHECKS_MODULE);
    // Defined only now: defining a dataset element starts importing the checks (SamverkanElement.finalize).
    await DEFINE['samverkan-signatory-list']();
    await DEFINE['samverkan-meeting-calendar']();
    const valid = await demoJson();
    const broken = await demoJson();
    (broken.organisations as unknown[]).push({ id: 'trasig', name: 'Trasig förening', form: 'nope', signature: { signedOn: '2024-01-01', via: 'adoption' } });
    (broken.meetings as unknown[]).push({ id: 'trasigt-mote', title: 'Trasigt möte', kind: 'workshop', start: 'i morgon', end: 'sen', languages: [], status: 'scheduled' });
    // Not mount(): it waits for updateComplete, which waits for the checks to show `data`.
    const page = document.createElement('div');
    page.lang = 'sv';
    document.body.append(page);
    render(
      html`<samverkan-signatory-list .data=${valid}></samverkan-signatory-list>
        <samverkan-signatory-list .data=${broken}></samverkan-signatory-list>
        <samverkan-meeting-calendar .data=${broken} show-past></samverkan-meeting-calendar>`,
      page,
    );
    const [list, brokenList] = page.querySelectorAll<SamverkanSignatoryList>('samverkan-signatory-list');
    const calendar = page.querySelector<SamverkanMeetingCalendar>('samverkan-meeting-calendar')!;
    // Bounded by the test's own time, not open-wc's default second: each look is a round trip to the runner.
    await waitFor(async () => (await holdRequests(CHECKS_MODULE)).length > 0, 'the checks were not asked for');
    // The first render is done (the language is Swedish, built in): the loading state, busy.
    await waitFor(() => [list!, brokenList!, calendar].every((el) => $(el, '[part~="loading"]') !== null), 'no loading state');
    for (const el of [list!, brokenList!, calendar]) {
      expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(text($(el, '[part~="loading"]'))).to.equal('Hämtar uppgifter …');
    }
    await expect(list!).to.be.accessible();

    const loaded = [list!, brokenList!, calendar].map((el) => expectEvent<CustomEvent<{ issues: unknown[] }>>(el, 'samverkan-load'));
    await holdRequests(null);
    await Promise.all([list!.updateComplete, brokenList!.updateComplete, calendar.updateComplete]);
    // updateComplete waited for the checks: the whole dataset is shown.
    expect(text($(list!, '[part~="count"]'))).to.equal('56 organisationer');
    expect($$(list!, '[part~="item-name"]')).to.have.length(50);
    expect($(list!, '[part~="invalid-note"]')).to.equal(null);
    expect(text($(brokenList!, '[part~="count"]'))).to.equal('56 organisationer');
    expect(text($(brokenList!, '[part~="invalid-note"]'))).to.equal('2 poster i uppgifterna var felaktiga och visas inte.');
    expect($$(brokenList!, '[part~="item-name"]').map((h) => h.textContent)).to.not.include('Trasig förening');
    expect(text($(calendar, '[part~="invalid-note"]'))).to.equal('2 poster i uppgifterna var felaktiga och visas inte.');
    const titles = $$(calendar, '[part~="meeting-title"]').map(text);
    expect(titles.length).to.be.greaterThan(0);
    expect(titles).to.not.include('Trasigt möte');
    const [validEvent, brokenEvent] = await Promise.all(loaded);
    expect(validEvent!.detail.issues).to.have.length(0);
    expect(brokenEvent!.detail.issues.length).to.be.greaterThan(0);
    for (const el of [list!, brokenList!, calendar]) expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
    await expect(brokenList!).to.be.accessible();
    page.remove();
  });

  it('once they are loaded, a valid `data` is shown in the same update (no loading state)', async () => {
    const page = await mount(html`<samverkan-signatory-list></samverkan-signatory-list>`, 'sv');
    const list = page.querySelector<SamverkanSignatoryList>('samverkan-signatory-list')!;
    list.data = await demoJson();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect($(list, '[part~="loading"]')).to.equal(null);
    // The first cards at once (the list shows about a screenful first, the rest of its first page once that is painted).
    expect($$(list, '[part~="item-name"]').length).to.be.greaterThan(0);
    await list.updateComplete;
    await waitFor(() => $$(list, '[part~="item-name"]').length === 50, 'the rest of the first page did not follow');
  });
});
