// What the admin page's end-to-end tests share: the page built from the
// current sources and served by the real server at /admin (createApp with the
// accounts plugin, SQLite in a temp dir, an admin token for the test's own
// calls), a Chromium page through puppeteer-core that records Content-Security-
// Policy violations and uncaught errors, and the waits that see into the app's
// shadow root.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import type { FastifyPluginAsync } from 'fastify';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { rollup, type OutputOptions } from 'rollup';
import { createAdminClient, type AdminClient } from '@samverkan/sdk';
import { createApp, createLogger, type SamverkanServer } from '@samverkan/server';
import { accountsPlugin, MemoryAuditSink, PasswordHasher, SqliteAccountStore } from '../../packages/server/src/accounts/index.js';
import { TOKEN_ACTOR } from '../../packages/server/src/auth/actor.js';
import adminBuild from '../../packages/admin/rollup.config.mjs';
import { CPU_SLOWDOWN, testTime } from '../../packages/elements/test/helpers/test-time.js';

export { testTime };

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

export interface AdminPageHarness {
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** The SDK's admin client with the admin token: the test's own reads and "someone else's" writes. */
  token: AdminClient;
  page: Page;
  /** Content-Security-Policy violations the page reported. */
  violations: string[];
  /** Uncaught errors on the page. */
  pageErrors: string[];
  /**
   * The first element a pierce selector finds (through the shadow root),
   * waiting until it is shown (`timeout` at the machine's own speed, scaled
   * by testTime). `visible` is not decoration: without it
   * puppeteer waits for a `pierce/` selector with a MutationObserver on the
   * document, which never sees a change inside a shadow root, so an element
   * the page renders after the first check (a form after its data arrives)
   * was only found if something in the light DOM happened to change later.
   * With `visible` it checks on every animation frame.
   */
  $(selector: string, timeout?: number): Promise<ElementHandle<Element> | null>;
  /** The whitespace-collapsed text of the first element `selector` finds. */
  textOf(selector: string): Promise<string>;
  /** Waits until the element `selector` finds in the app's shadow root contains `text`. */
  waitForText(selector: string, text: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Builds the admin page from the current sources, as `npm run build` does, into `dir`. */
async function buildAdminPage(dir: string): Promise<void> {
  const config = adminBuild[0]!;
  const bundle = await rollup({ input: config.input, plugins: config.plugins, onwarn() {}, logLevel: 'silent' });
  try {
    await bundle.write({ ...(config.output as OutputOptions), dir });
  } finally {
    await bundle.close();
  }
}

/** Starts the server with the admin page and `dataset`, and a Chromium page (`E2E_DEBUG=1` prints its console). */
export async function startAdminPage(options: { name: string; adminToken: string; dataset: unknown }): Promise<AdminPageHarness> {
  const dir = mkdtempSync(join(tmpdir(), `samverkan-${options.name}-`));
  const closers: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer();
  };
  try {
    await buildAdminPage(join(dir, 'admin'));
    const db = new Database(join(dir, 'accounts.sqlite'));
    closers.push(() => void db.close());
    db.pragma('journal_mode = WAL');
    const accounts: FastifyPluginAsync = async (app) => {
      app.addHook('onRequest', async (request) => {
        if (request.headers.authorization === `Bearer ${options.adminToken}`) request.actor = TOKEN_ACTOR;
      });
      await app.register(accountsPlugin, { store: new SqliteAccountStore(db), audit: new MemoryAuditSink(), hasher: new PasswordHasher({ logN: 12 }) });
    };
    (accounts as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
    const server: SamverkanServer = createApp({
      dataDir: join(dir, 'data'),
      dataset: options.dataset as never,
      adminToken: options.adminToken,
      logger: createLogger(join(dir, 'requests.log')),
      plugins: [accounts],
      adminPage: { dir: join(dir, 'admin') },
    });
    closers.push(() => server.logger.close());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser: Browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', `--user-data-dir=${join(dir, 'profile')}`],
    });
    closers.push(() => browser.close());
    const page = await browser.newPage();
    // SAMVERKAN_TEST_CPU_SLOWDOWN=N: the page's CPU N times slower, as the browser tests' pages (web-test-runner.config.mjs),
    // and every wait below N times as long (testTime), so what fails is what waits on the clock.
    if (CPU_SLOWDOWN > 1) await (await page.createCDPSession()).send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.setViewport({ width: 1100, height: 900 });
    const violations: string[] = [];
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (process.env.E2E_DEBUG) console.log('[page]', message.type(), message.text());
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`));
    });
    return {
      base,
      token: createAdminClient({ apiUrl: `${base}/api/v1`, token: options.adminToken }),
      page,
      violations,
      pageErrors,
      $: (selector, timeout = 15_000) => page.waitForSelector(`pierce/${selector}`, { timeout: testTime(timeout), visible: true }),
      textOf: (selector) => page.$eval(`pierce/${selector}`, (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()),
      waitForText: (selector, text) =>
        page.waitForFunction(
          (sel: string, want: string) => {
            const host = document.querySelector('samverkan-admin');
            const el = host?.shadowRoot?.querySelector(sel);
            return el && (el.textContent ?? '').replace(/\s+/g, ' ').includes(want);
          },
          { timeout: testTime(15_000) },
          selector,
          text,
        ),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
