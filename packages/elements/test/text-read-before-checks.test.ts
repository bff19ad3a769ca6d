// A JSON text given as `data` before the code that checks it has arrived
// (data/dataset-source.ts) is read while it comes (readBeforeChecks in
// data/dataset-checks.ts): the wait is the network's, so the arrival starts
// the check, not JSON.parse. Elements given the same text in that wait share
// one reading, the checks do not read it again, and a text that is not JSON
// is still named as the checks name it. The page's request for the checks is
// held (failRequestsPlugin's hold-requests), so this file imports nothing that
// imports them.
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import type { SamverkanSignatoryList } from '../src/signatory-list/signatory-list.js';
import type { SamverkanMeetingCalendar } from '../src/meeting-calendar/meeting-calendar.js';
import { demoJson } from './helpers/datasets.js';
import { unmountAll, waitFor } from './helpers/expect-event.js';
import { CHECKS_MODULE, DEFINE, holdRequests } from './helpers/requests.js';
import { $, $$, text } from './helpers/shadow.js';
import { testTime } from './helpers/test-time.js';

const parse = JSON.parse;

afterEach(async () => {
  JSON.parse = parse;
  await holdRequests(null);
  unmountAll();
});

describe('a JSON text given as `data` before the checks are loaded', function () {
  this.timeout(testTime(40000));

  it('is read once while they come, shared by the elements given it, and not read again when they arrive', async () => {
    await holdRequests(CHECKS_MODULE);
    // Defined only now: defining a dataset element starts importing the checks (SamverkanElement.finalize).
    await DEFINE['samverkan-signatory-list']();
    await DEFINE['samverkan-meeting-calendar']();
    const given = JSON.stringify(await demoJson());
    const notJson = '{"schemaVersion": "1", oops';
    // Every reading of the two texts, by whoever reads them.
    const reads = { given: 0, notJson: 0 };
    JSON.parse = function (this: unknown, value: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) {
      if (value === given) reads.given++;
      if (value === notJson) reads.notJson++;
      return parse.call(JSON, value, reviver);
    } as typeof JSON.parse;

    const page = document.createElement('div');
    page.lang = 'sv';
    document.body.append(page);
    render(
      html`<samverkan-signatory-list .data=${given}></samverkan-signatory-list>
        <samverkan-signatory-list .data=${given}></samverkan-signatory-list>
        <samverkan-meeting-calendar .data=${given} show-past></samverkan-meeting-calendar>
        <samverkan-signatory-list class="broken" .data=${notJson}></samverkan-signatory-list>`,
      page,
    );
    const [list, second] = page.querySelectorAll<SamverkanSignatoryList>('samverkan-signatory-list:not(.broken)');
    const calendar = page.querySelector<SamverkanMeetingCalendar>('samverkan-meeting-calendar')!;
    const broken = page.querySelector<SamverkanSignatoryList>('.broken')!;
    await waitFor(async () => (await holdRequests(CHECKS_MODULE)).length > 0, 'the checks were not asked for');
    await waitFor(() => [list!, second!, calendar, broken].every((el) => $(el, '[part~="loading"]') !== null), 'no loading state');
    // Read while the checks are held: once for the three elements given the same text.
    expect(reads.given).to.equal(1);

    await holdRequests(null);
    await Promise.all([list!.updateComplete, second!.updateComplete, calendar.updateComplete, broken.updateComplete]);
    // The checks took what was read: no second reading, and the dataset is shown whole, as when it is read by them.
    expect(reads.given).to.equal(1);
    for (const el of [list!, second!]) {
      expect(text($(el, '[part~="count"]'))).to.equal('56 organisationer');
      expect($$(el, '[part~="item-name"]')).to.have.length(50);
    }
    expect($$(calendar, '[part~="meeting-title"]').length).to.be.greaterThan(0);
    // Not JSON: the checks read it themselves and name where it breaks, as without the early reading.
    await waitFor(() => $(broken, '[role="alert"]') !== null, 'no error for a text that is not JSON');
    expect(text($(broken, '[role="alert"]'))).to.contain('gick inte att läsa');
    expect(reads.notJson).to.be.greaterThan(1);
    await expect(list!).to.be.accessible();
    page.remove();
  });
});
