// Types of chromium.mjs, for the TypeScript tests that import it.
import type { Browser } from 'puppeteer-core';

/** CHROME_PATH, or Debian's Chromium; undefined when neither is there. */
export const CHROMIUM: string | undefined;
/** Serves `files` (path → [content type, body]) on a free loopback port, with `headers` on every answer; 404 for anything else. */
export function serveFiles(files: Record<string, [string, string | Uint8Array]>, headers?: Record<string, string>): Promise<{ origin: string; close(): void }>;
/** Headless Chromium on a profile of its own; `close()` ends it and removes the profile. Throws when Chromium is missing. */
export function launchChromium(name?: string): Promise<{ browser: Browser; close(): Promise<void> }>;
