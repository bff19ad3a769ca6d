// What the browser benchmarks share: a loopback server for the page's files
// and Debian's Chromium on a throwaway profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

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
  const profile = mkdtempSync(join(tmpdir(), `${name}-`));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
