// The admin page's part of the agreement's follow-up and volunteer board, end
// to end: the built page served by the real server at /admin (createApp with
// the accounts plugin, SQLite in a temp dir), driven in real Chromium through
// puppeteer-core. An organisation offers a volunteer opportunity through
// POST /api/v1/opportunities; the coordinator approves it in /admin and it is
// in GET /api/v1/dataset; the coordinator edits and withdraws a published
// opportunity; a year's follow-up written in /admin is in the dataset. The
// page runs under the server's strict Content-Security-Policy and no
// violation may be reported.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { createAdminClient, type AdminClient, type Dataset } from '@samverkan/sdk';
import { startAdminPage, testTime, type AdminPageHarness } from './helpers/admin-page-harness.js';

const ADMIN_TOKEN = 'admin-agreement-e2e-token-0123456789abcdef';
const EMAIL = 'samordnare@kommun.example.org';
const PASSWORD = 'ett långt lösenord för test';
const demo = JSON.parse(readFileSync(new URL('../examples/data/sodertalje.json', import.meta.url), 'utf8')) as Dataset;

describe('the agreement on the admin page against the real server, in Chromium', { timeout: testTime(600_000) }, () => {
  let harness: AdminPageHarness;
  let base: string;
  let token: AdminClient;
  let page: Page;
  const signatory = demo.organisations.find((o) => o.signature && o.organisationNumber)!;

  before(async () => {
    harness = await startAdminPage({ name: 'admin-agreement-e2e', adminToken: ADMIN_TOKEN, dataset: demo });
    ({ base, token, page } = harness);
    // The coordinator's account, with a password chosen from the one-time link (the admin page e2e drives that page itself).
    const invited = await token.users.create({ email: EMAIL, name: 'Sam Samordnare', role: 'editor' });
    // The link is `…/admin#/set-password?token=…`: the token is in the hash's query.
    const linkToken = new URLSearchParams(new URL(invited.setPasswordUrl).hash.split('?')[1]).get('token')!;
    await createAdminClient({ apiUrl: `${base}/api/v1` }).session.setPassword(linkToken, PASSWORD);
  });

  after(() => harness?.close());

  const $ = (selector: string, timeout?: number) => harness.$(selector, timeout);
  const textOf = (selector: string) => harness.textOf(selector);
  const waitForText = (selector: string, text: string) => harness.waitForText(selector, text);
  /** Sets a control's value as a person's typing or choosing does (`input` and `change`). */
  const setValue = (selector: string, value: string) =>
    page.$eval(
      `pierce/${selector}`,
      (el, v) => {
        (el as HTMLInputElement).value = v;
        el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      },
      value,
    );
  /** Follows the menu link to `hash`, as a person does. */
  async function openFromMenu(hash: string): Promise<void> {
    await (await $(`nav.menu a[href="${hash}"]`))!.click();
  }
  const dataset = async () => (await (await fetch(`${base}/api/v1/dataset`)).json()) as Dataset;

  test('the coordinator signs in', async () => {
    await page.goto(`${base}/admin#/sign-in`, { waitUntil: 'load' });
    await (await $('#sign-in-email'))!.type(EMAIL);
    await (await $('#sign-in-password'))!.type(PASSWORD);
    await page.keyboard.press('Enter');
    await waitForText('main h1', 'Ansökningar');
  });

  test('an offered opportunity is counted beside the applications; approving it publishes it in the dataset', async () => {
    const response = await fetch(`${base}/api/v1/opportunities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-offer-1' },
      body: JSON.stringify({
        organisationNumber: signatory.organisationNumber,
        title: 'Läxhjälp på tisdagar',
        description: 'Hjälp elever i årskurs 4–6 med läxorna i biblioteket.',
        districts: ['Centrum'],
        activities: ['läxhjälp'],
        timeCommitment: 'Två timmar i veckan',
        validThrough: '2099-06-30',
        contact: { email: 'laxhjalp@forening.example.org' },
        consent: true,
        language: 'sv',
      }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    const { id } = (await response.json()) as { id: string };
    await page.reload({ waitUntil: 'load' });
    await waitForText('#pending-offers-count', '1 väntar');
    await openFromMenu('#/offers');
    await waitForText('main h1', 'Erbjudna volontäruppdrag');
    await (await $(`.rows a[href="#/offers/${id}"]`))!.click();
    await waitForText('main h1', 'Läxhjälp på tisdagar');
    assert.match(await textOf('.columns'), /Två timmar i veckan/);
    assert.match(await textOf('dl.facts'), new RegExp(signatory.name));
    await (await $('button.approve'))!.click();
    await waitForText('#announcer', 'Uppdraget är godkänt och publicerat.');
    const published = (await dataset()).opportunities.find((o) => JSON.stringify(o.title).includes('Läxhjälp på tisdagar'));
    assert.ok(published, 'the approved opportunity is in the dataset');
    assert.equal(published.organisationId, signatory.id);
    assert.deepEqual(published.contact, { email: 'laxhjalp@forening.example.org' });
    assert.equal((await token.opportunities.get(id)).status, 'approved');
    await page.waitForFunction(() => !document.querySelector('samverkan-admin')?.shadowRoot?.querySelector('#pending-offers-count'), { timeout: testTime(15_000) });
  });

  test('a published opportunity is edited with If-Match and withdrawn after a confirmation', async () => {
    const [first] = await token.content.list('opportunities');
    assert.ok(first, 'the demo has opportunities');
    await openFromMenu('#/content/opportunities');
    await waitForText('main h1', 'Volontäruppdrag');
    await (await $('#content-search'))!.type(first.value.id === 'opportunity-01' ? 'Följeslagare' : String((first.value.title as Record<string, string>)['sv'] ?? first.value.title));
    await (await $(`.rows a[href="#/content/opportunities/${encodeURIComponent(first.value.id)}"]`))!.click();
    await $('#f-validThrough');
    await setValue('#f-validThrough', '2099-12-31');
    await (await $('form button[type=submit]'))!.click();
    await waitForText('#announcer', 'Sparat och publicerat.');
    assert.equal((await dataset()).opportunities.find((o) => o.id === first.value.id)?.validThrough, '2099-12-31');

    await (await $(`.rows a[href="#/content/opportunities/${encodeURIComponent(first.value.id)}"]`))!.click();
    await (await $('button.delete'))!.click();
    await waitForText('#delete-dialog', 'Dra tillbaka');
    await (await $('#delete-dialog button.confirm-delete'))!.click();
    await waitForText('#announcer', 'Uppdraget är tillbakadraget');
    assert.equal((await dataset()).opportunities.some((o) => o.id === first.value.id), false);
  });

  test("a year's follow-up written in /admin is in the dataset", async () => {
    const latest = Math.max(...demo.followUps.map((r) => r.year));
    const firstCommitment = demo.principles.flatMap((p) => p.commitments)[0]!;
    await openFromMenu('#/content/followUps');
    await waitForText('main h1', 'Uppföljning');
    await (await $('a.create'))!.click();
    await $('#f-commitments-0--status');
    assert.equal(await page.$eval('pierce/#f-year', (el) => (el as HTMLInputElement).value), String(latest + 1));
    assert.match(await textOf('#prefilled'), new RegExp(String(latest)));
    await setValue('#f-commitments-0--status', 'not-done');
    await setValue('#f-commitments-0--note-sv', 'Beslutet ändrades av nämnden.');
    await setValue('#f-summary-sv', 'Årets uppföljning gjordes tillsammans med samverkansgruppen.');
    await setValue('#f-documentUrl', 'https://kommun.example.org/uppfoljning.pdf');
    await (await $('form button[type=submit]'))!.click();
    await waitForText('#announcer', 'Sparat och publicerat.');
    const report = (await dataset()).followUps.find((r) => r.year === latest + 1);
    assert.ok(report, 'the new report is published');
    assert.equal(report.documentUrl, 'https://kommun.example.org/uppfoljning.pdf');
    assert.equal(report.summary, 'Årets uppföljning gjordes tillsammans med samverkansgruppen.');
    const entry = report.commitments.find((c) => c.commitmentId === firstCommitment.id);
    assert.equal(entry?.status, 'not-done');
    assert.equal(entry?.note, 'Beslutet ändrades av nämnden.');
    // Prefilled from the year before: its other statuses are carried over.
    const before = demo.followUps.find((r) => r.year === latest)!;
    assert.equal(report.commitments.length, before.commitments.length);
  });

  test('no Content-Security-Policy violation and no uncaught error on any page', () => {
    assert.deepEqual(harness.violations, []);
    assert.deepEqual(harness.pageErrors, []);
  });
});
