// A web-test-runner plugin with one server-side command, `set-timezone`,
// that makes the test page's browser behave as if it were in another time
// zone (Chrome DevTools Protocol `Emulation.setTimezoneOverride`, through
// puppeteer's page.emulateTimezone). Date, Intl and the default zone of the
// page all follow it at once, without a reload. From a test:
//
//   import { executeServerCommand } from '@web/test-runner-commands';
//   await executeServerCommand('set-timezone', { timeZone: 'America/New_York' });
//   …
//   await executeServerCommand('set-timezone', { timeZone: null }); // back to the machine's zone

/** The plugin; add it to web-test-runner's `plugins`. */
export function timezonePlugin() {
  return {
    name: 'samverkan-set-timezone',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-timezone') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`set-timezone needs a puppeteer-driven browser (Chromium), not ${session.browser.type}.`);
      }
      const page = session.browser.getPage(session.id);
      const timeZone = payload && typeof payload.timeZone === 'string' ? payload.timeZone : undefined;
      await page.emulateTimezone(timeZone);
      return true;
    },
  };
}
