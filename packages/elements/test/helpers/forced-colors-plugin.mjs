// A web-test-runner plugin with one server-side command, `set-forced-colors`,
// that puts the test page in forced-colors mode (Windows High Contrast), so
// the elements' `@media (forced-colors: active)` rules can be tested.
// @web/test-runner-commands' emulateMedia passes `forcedColors` only to
// Playwright, and puppeteer's emulateMediaFeatures refuses the feature, so
// this speaks the Chrome DevTools Protocol (`Emulation.setEmulatedMedia`)
// itself, on a session kept per page. From a test:
//
//   import { executeServerCommand } from '@web/test-runner-commands';
//   await executeServerCommand('set-forced-colors', { active: true });
//   …
//   await executeServerCommand('set-forced-colors', { active: false });

/** The plugin; add it to web-test-runner's `plugins`. */
export function forcedColorsPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'samverkan-set-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`set-forced-colors needs a puppeteer-driven browser (Chromium), not ${session.browser.type}.`);
      }
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
      }
      const value = payload && payload.active ? 'active' : 'none';
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value }] });
      return true;
    },
  };
}
