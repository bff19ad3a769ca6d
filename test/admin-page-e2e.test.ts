// The admin page end to end: its built bundle served by the real server at
// /admin (createApp with the accounts plugin, SQLite in a temp dir), driven
// in real Chromium through puppeteer-core like a person would: choose a
// password from the one-time link, sign in, decide an application, edit an
// organisation and a meeting, meet someone else's newer save (412), look at
// the history, sign out. The page runs under the server's strict
// Content-Security-Policy and no violation may be reported.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import type { AdminClient, Organisation } from '@samverkan/sdk';
import { startAdminPage, testTime, type AdminPageHarness } from './helpers/admin-page-harness.js';

const ADMIN_TOKEN = 'admin-page-e2e-token-0123456789abcdef';
const PASSWORD = 'ett långt lösenord för test';
const demo = JSON.parse(readFileSync(new URL('../examples/data/sodertalje.json', import.meta.url), 'utf8'));

describe('the admin page against the real server, in Chromium', { timeout: testTime(600_000) }, () => {
  let harness: AdminPageHarness;
  let base: string;
  let token: AdminClient;
  let page: Page;

  before(async () => {
    harness = await startAdminPage({ name: 'admin-e2e', adminToken: ADMIN_TOKEN, dataset: demo });
    ({ base, token, page } = harness);
  });

  after(() => harness?.close());

  const $ = (selector: string, timeout?: number) => harness.$(selector, timeout);
  const textOf = (selector: string) => harness.textOf(selector);
  const waitForText = (selector: string, text: string) => harness.waitForText(selector, text);
  async function typeInto(selector: string, text: string, clear = false): Promise<void> {
    const input = (await $(selector))!;
    if (clear) await input.evaluate((el) => ((el as HTMLInputElement).value = ''));
    await input.type(text);
  }

  test('a person invited by an admin chooses a password from the link and signs in', async () => {
    const invited = await token.users.create({ email: 'samordnare@kommun.example.org', name: 'Sam Samordnare', role: 'admin' });
    await page.goto(invited.setPasswordUrl, { waitUntil: 'load' });
    await typeInto('#new-password', PASSWORD);
    await typeInto('#repeat-password', PASSWORD);
    await (await $('form button[type=submit]'))!.click();
    await waitForText('main', 'Lösenordet är sparat');

    await page.goto(`${base}/admin#/sign-in`, { waitUntil: 'load' });
    await typeInto('#sign-in-email', 'samordnare@kommun.example.org');
    await typeInto('#sign-in-password', PASSWORD);
    await page.keyboard.press('Enter');
    await waitForText('main h1', 'Ansökningar');
    assert.match(await textOf('.who'), /Sam Samordnare/);
  });

  test('the inbox counts a new application; approving it publishes the organisation', async () => {
    const response = await fetch(`${base}/api/v1/signups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organisation: { name: 'Geneta Schackklubb', form: 'non-profit-association', email: 'info@geneta-schack.example.org', districts: ['Geneta'] },
        contact: { name: 'Alex Exempel', email: 'alex@geneta-schack.example.org' },
        acceptsPrinciples: true,
        consent: true,
        message: 'Vi spelar schack på tisdagar.',
        language: 'sv',
      }),
    });
    assert.equal(response.status, 201);
    await page.goto(`${base}/admin#/applications`, { waitUntil: 'load' });
    await page.reload({ waitUntil: 'load' });
    await waitForText('#pending-count', '1 väntar');
    await (await $('.rows a'))!.click();
    await waitForText('main h1', 'Geneta Schackklubb');
    assert.match(await textOf('main'), /Vi spelar schack på tisdagar\./);
    await (await $('button.approve'))!.click();
    await waitForText('#announcer', 'Ansökan är godkänd');
    const dataset = (await (await fetch(`${base}/api/v1/dataset`)).json()) as { organisations: Organisation[] };
    const added = dataset.organisations.find((o) => o.name === 'Geneta Schackklubb');
    assert.equal(added?.signature?.via, 'written-application');
  });

  test('a meeting moved to June is saved with the summer offset', async () => {
    const [meeting] = await token.content.list('meetings');
    assert.ok(meeting, 'the demo has meetings');
    await page.goto(`${base}/admin#/content/meetings/${encodeURIComponent(meeting.value.id)}`, { waitUntil: 'load' });
    await $('#f-start-date');
    for (const [selector, value] of [['#f-start-date', '2027-06-10'], ['#f-start-time', '18:00'], ['#f-end-date', '2027-06-10'], ['#f-end-time', '20:00']] as const) {
      await page.$eval(`pierce/${selector}`, (el, v) => {
        (el as HTMLInputElement).value = v;
        el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }, value);
    }
    await waitForText('#start-offset', '+02:00 i Europe/Stockholm');
    await (await $('form button[type=submit]'))!.click();
    await waitForText('#announcer', 'Sparat och publicerat.');
    const saved = await token.content.get('meetings', meeting.value.id);
    assert.equal(saved.value.start, '2027-06-10T18:00:00+02:00');
    assert.equal(saved.value.end, '2027-06-10T20:00:00+02:00');
  });

  test("someone else's newer save is not overwritten: both versions show, the person chooses", async () => {
    const [first] = await token.content.list('organisations');
    assert.ok(first);
    await page.goto(`${base}/admin#/content/organisations/${encodeURIComponent(first.value.id)}`, { waitUntil: 'load' });
    await $('#f-phone');
    // Meanwhile, someone else saves a new phone number.
    await token.content.replace('organisations', first.value.id, { ...first.value, phone: '08-123 456 78' });
    await typeInto('#f-email', 'kansli@forening.example.org', true);
    await (await $('form button[type=submit]'))!.click();
    await waitForText('#conflict', 'Någon annan har sparat en nyare version');
    assert.match(await textOf('#conflict'), /08-123 456 78/);
    assert.equal((await token.content.get('organisations', first.value.id)).value.phone, '08-123 456 78');
    await (await $('#conflict button.keep-mine'))!.click();
    // The live region says "Sparat och publicerat." from the meeting already: back on the list, this save is done.
    await page.waitForFunction(() => location.hash === '#/content/organisations', { timeout: testTime(15_000) });
    await waitForText('main h1', 'Organisationer');
    await waitForText('#announcer', 'Sparat och publicerat.');
    const now = (await token.content.get('organisations', first.value.id)).value;
    // The person's change goes on top of the other one's: both stay.
    assert.equal(now.email, 'kansli@forening.example.org');
    assert.equal(now.phone, '08-123 456 78');
  });

  test('the history lists the versions newest first and shows what changed', async () => {
    await page.goto(`${base}/admin#/history`, { waitUntil: 'load' });
    await $('.versions > li');
    const versions = await page.$$eval('pierce/.versions > li', (items) => items.map((li) => Number(li.getAttribute('data-version'))));
    assert.ok(versions.length >= 4, `versions: ${versions.join(', ')}`);
    assert.deepEqual([...versions].sort((a, b) => b - a), versions);
    await (await $('.versions > li .show-changes'))!.click();
    await waitForText('.versions > li .changes', 'email');
    assert.match(await textOf('.versions > li .changes'), /email/);
  });

  test('signing out ends the session', async () => {
    await (await $('button.sign-out'))!.click();
    await waitForText('main h1', 'Logga in');
    const session = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
    assert.equal(session, 401);
  });

  test('no Content-Security-Policy violation and no uncaught error on any page', () => {
    assert.deepEqual(harness.violations, []);
    assert.deepEqual(harness.pageErrors, []);
  });
});
