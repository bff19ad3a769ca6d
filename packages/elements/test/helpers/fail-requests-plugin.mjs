// A web-test-runner plugin with one server-side command, `fail-requests`,
// that makes the test page's requests fail as on a broken connection (the
// browser reports a network error), for every URL whose path contains a
// given text; puppeteer's request interception, which also turns the page's
// HTTP cache off, so a module fetched before is asked for again. It answers
// with the paths it failed since the last call. Use it in a test file of its
// own: once on, interception stays on for the page. From a test:
//
//   import { executeServerCommand } from '@web/test-runner-commands';
//   await executeServerCommand('fail-requests', { pattern: '/signup-form/later.' });
//   …
//   const failed = await executeServerCommand('fail-requests', { pattern: null }); // back to normal

const intercepted = new WeakMap();

/** The plugin; add it to web-test-runner's `plugins`. */
export function failRequestsPlugin() {
  return {
    name: 'samverkan-fail-requests',
    async executeCommand({ command, payload, session }) {
      if (command !== 'fail-requests') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`fail-requests needs a puppeteer-driven browser (Chromium), not ${session.browser.type}.`);
      }
      const page = session.browser.getPage(session.id);
      const pattern = payload && typeof payload.pattern === 'string' && payload.pattern !== '' ? payload.pattern : undefined;
      let state = intercepted.get(page);
      if (!state) {
        state = { pattern: undefined, failed: [] };
        intercepted.set(page, state);
        page.on('request', (request) => {
          if (request.isInterceptResolutionHandled()) return;
          const path = new URL(request.url()).pathname;
          if (state.pattern && path.includes(state.pattern)) {
            state.failed.push(path);
            request.abort('failed').catch(() => {});
          } else request.continue().catch(() => {});
        });
      }
      const failed = state.failed;
      state.failed = [];
      state.pattern = pattern;
      // Once on, interception stays on for the page (with no pattern, every request goes through):
      // turning it off again left Chromium's retry of a failed module import waiting forever.
      if (pattern !== undefined) await page.setRequestInterception(true);
      return failed;
    },
  };
}
