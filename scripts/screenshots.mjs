// Takes a screenshot of each element in Swedish and in Arabic (right-to-left)
// with the demo dataset, in headless Chromium, into docs/screenshots/.
// Run after `npm run build`: `node scripts/screenshots.mjs` (all), or name
// the shots to retake: `node scripts/screenshots.mjs principles-ar`.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const SHOTS = [
  ['contact-finder', '<samverkan-contact-finder src="/api/v1/dataset" query="bidrag"></samverkan-contact-finder>'],
  ['meeting-calendar', '<samverkan-meeting-calendar src="/api/v1/dataset" api="/api/v1"></samverkan-meeting-calendar>'],
  // A month with meetings of the demo dataset, whatever the day the shots are taken.
  ['meeting-calendar-month', '<samverkan-meeting-calendar src="/api/v1/dataset" view="month" month="2026-03"></samverkan-meeting-calendar>'],
  ['signatory-list', '<samverkan-signatory-list src="/api/v1/dataset"></samverkan-signatory-list>'],
  ['principles', '<samverkan-principles src="/api/v1/dataset"></samverkan-principles>'],
  ['signup-form', '<samverkan-signup-form api="/api/v1" src="/api/v1/dataset" privacy-url="https://www.example.org/integritet"></samverkan-signup-form>'],
  // The third value, when given, is the tallest the picture may be (the follow-up lists every commitment).
  ['follow-up', '<samverkan-follow-up src="/api/v1/dataset"></samverkan-follow-up>', 1400],
  ['volunteer-board', '<samverkan-volunteer-board src="/api/v1/dataset" page-size="4"></samverkan-volunteer-board>'],
  ['opportunity-form', '<samverkan-opportunity-form api="/api/v1" src="/api/v1/dataset"></samverkan-opportunity-form>', 1400],
];
const LANGS = ['sv', 'ar'];
const only = new Set(process.argv.slice(2));
const out = new URL('../docs/screenshots/', import.meta.url).pathname;

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-shots-'));
const server = spawn(process.execPath, ['packages/server/dist/cli.js', 'serve', '--demo'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SAMVERKAN_DATA_DIR: dataDir, SAMVERKAN_ADMIN_TOKEN: 'screenshots-only-token-0123456789' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {}
  if (i > 100) throw new Error('the demo server did not start');
  await new Promise((r) => setTimeout(r, 100));
}

const profile = mkdtempSync(join(tmpdir(), 'samverkan-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`],
});
mkdirSync(out, { recursive: true });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 900, height: 800, deviceScaleFactor: 1 });
  for (const lang of LANGS) {
    for (const [name, markup, maxHeight] of SHOTS) {
      if (only.size > 0 && !only.has(`${name}-${lang}`)) continue;
      await page.goto(`${base}/examples/`);
      await page.setContent(
        `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
         <style>body{margin:0;padding:16px;font-family:system-ui,sans-serif;background:#fff}</style>
         <script type="module" src="${base}/samverkan.min.js"></script></head><body>${markup}</body></html>`,
        { waitUntil: 'networkidle0' },
      );
      const handle = await page.$('body > *');
      await page.evaluate(async (el) => {
        await customElements.whenDefined(el.localName);
        await el.updateComplete;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }, handle);
      const file = join(out, `${name}-${lang}.png`);
      const box = maxHeight ? await handle.boundingBox() : null;
      if (box && box.height > maxHeight) await page.screenshot({ path: file, captureBeyondViewport: true, clip: { x: box.x, y: box.y, width: box.width, height: maxHeight } });
      else await handle.screenshot({ path: file });
      console.log(`wrote docs/screenshots/${name}-${lang}.png`);
    }
  }
  await adminShots(page);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(profile, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * The admin page's views (docs/admin.md), in Swedish, signed in as a person
 * the admin token invites: `admin-<view>.png`. Retake them alone with
 * `node scripts/screenshots.mjs admin`.
 */
async function adminShots(page) {
  if (only.size > 0 && !only.has('admin')) return;
  const token = { authorization: 'Bearer screenshots-only-token-0123456789', 'content-type': 'application/json' };
  const password = 'ett lösenord bara för bilderna';
  const invited = await (await fetch(`${base}/api/v1/admin/users`, { method: 'POST', headers: token, body: JSON.stringify({ email: 'samordnare@kommun.example.org', name: 'Sam Samordnare', role: 'admin' }) })).json();
  const setToken = decodeURIComponent(new URL(invited.setPasswordUrl).hash.match(/token=([^&]+)/)[1]);
  await fetch(`${base}/api/v1/set-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: setToken, password }) });
  for (const [name, org] of [['Geneta Schackklubb', 'info@geneta-schack.example.org'], ['Ronna Kulturförening', 'info@ronna-kultur.example.org']]) {
    await fetch(`${base}/api/v1/signups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisation: { name, form: 'non-profit-association', email: org, districts: ['Geneta'] }, contact: { name: 'Alex Exempel', email: 'alex@example.org' }, acceptsPrinciples: true, consent: true, message: 'Vi vill gärna vara med.', language: 'sv' }),
    });
  }
  await page.setViewport({ width: 1100, height: 800, deviceScaleFactor: 1 });
  const shot = async (name) => {
    await new Promise((r) => setTimeout(r, 400));
    const height = await page.evaluate(() => Math.min(1400, document.documentElement.scrollHeight));
    await page.screenshot({ path: join(out, `admin-${name}.png`), clip: { x: 0, y: 0, width: 1100, height }, captureBeyondViewport: true });
    console.log(`wrote docs/screenshots/admin-${name}.png`);
  };
  const text = (selector) => page.waitForFunction((s) => document.querySelector('samverkan-admin')?.shadowRoot?.querySelector(s), { timeout: 15000 }, selector);
  await page.goto(`${base}/admin#/sign-in`, { waitUntil: 'networkidle0' });
  await text('#sign-in-email');
  await shot('sign-in');
  await (await page.waitForSelector('pierce/#sign-in-email')).type('samordnare@kommun.example.org');
  await (await page.waitForSelector('pierce/#sign-in-password')).type(password);
  await page.keyboard.press('Enter');
  await text('.rows');
  await shot('applications');
  await (await page.waitForSelector('pierce/.rows a')).click();
  await text('.panel');
  await shot('application');
  for (const [name, hash, ready] of [
    ['organisations', '#/content/organisations', '.rows'],
    ['organisation-form', '#/content/organisations/new', 'form'],
    ['meetings', '#/content/meetings', '.rows'],
    ['agreement', '#/agreement', 'form'],
    ['freshness', '#/freshness', '.rows'],
    ['history', '#/history', '.versions'],
    ['users', '#/users', '.rows'],
    ['import-export', '#/import', '#import-file'],
  ]) {
    await page.goto(`${base}/admin${hash}`, { waitUntil: 'networkidle0' });
    await text(ready);
    await shot(name);
  }
  const meeting = await (await fetch(`${base}/api/v1/admin/meetings`, { headers: token })).json();
  await page.goto(`${base}/admin#/content/meetings/${encodeURIComponent(meeting.items[0].id)}`, { waitUntil: 'networkidle0' });
  await text('form');
  await shot('meeting-form');

  // The volunteer board and the follow-up (issue 15): a fictional offer from a signatory, to decide.
  const dataset = await (await fetch(`${base}/api/v1/dataset`)).json();
  const signatory = dataset.organisations.find((o) => o.signature && o.organisationNumber);
  const offered = await fetch(`${base}/api/v1/opportunities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      organisationNumber: signatory.organisationNumber,
      title: 'Läxhjälp på tisdagar',
      description: 'Hjälp elever i årskurs 4–6 med läxorna i biblioteket.',
      districts: ['Centrum'],
      activities: ['läxhjälp'],
      timeCommitment: 'Två timmar i veckan',
      validThrough: `${new Date().getFullYear() + 1}-06-30`,
      contact: { email: 'laxhjalp@forening.example.org' },
      consent: true,
      language: 'sv',
    }),
  });
  const { id: offerId } = await offered.json();
  const opportunities = await (await fetch(`${base}/api/v1/admin/opportunities`, { headers: token })).json();
  const followUps = await (await fetch(`${base}/api/v1/admin/followUps`, { headers: token })).json();
  for (const [name, hash, ready] of [
    ['offers', '#/offers', '.rows'],
    ['offer', `#/offers/${encodeURIComponent(offerId)}`, '.columns'],
    ['opportunities', '#/content/opportunities', '.rows'],
    ['opportunity-form', `#/content/opportunities/${encodeURIComponent(opportunities.items[0].id)}`, 'form'],
    ['follow-ups', '#/content/followUps', '.rows'],
    ['follow-up-form', `#/content/followUps/${encodeURIComponent(followUps.items.at(-1).id)}`, '.follow-up-commitment'],
  ]) {
    await page.goto(`${base}/admin${hash}`, { waitUntil: 'networkidle0' });
    await text(ready);
    await shot(name);
  }
}
