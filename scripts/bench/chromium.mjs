// What the browser benchmarks and the Node tests that drive Chromium share: a
// loopback server for the page's files and Debian's Chromium on a throwaway
// profile (chromium.d.mts gives the TypeScript tests its types).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

/** CHROME_PATH, or Debian's Chromium (its package has been called both). */
export const CHROMIUM = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

/**
 * Serves `files` (path → [content type, body]) on a free loopback port, with
 * `headers` on every answer; 404 for anything else. Resolves to its origin
 * and a `close()`.
 */
export async function serveFiles(files, headers = {}) {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url, 'http://x').pathname];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': `${file[0]}; charset=utf-8`, ...headers }).end(file[1]);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Headless Chromium on a profile of its own; `close()` ends it and removes the profile. */
export async function launchChromium(name = 'samverkan-bench') {
  if (!CHROMIUM) throw new Error('Chromium is missing: apt-get install -y chromium, or set CHROME_PATH');
  const profile = mkdtempSync(join(tmpdir(), `${name}-`));
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`],
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
