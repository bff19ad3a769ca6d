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
//
// A second command, `hold-requests`, holds such requests instead (the page
// waits for an answer) until it is called again: with no pattern, every held
// request goes on. It answers with the path of each request held so far (a
// path asked for twice is there twice), to test what a page shows before a
// file arrives:
//
//   await executeServerCommand('hold-requests', { pattern: '/data/dataset-source.' });
//   …
//   const held = await executeServerCommand('hold-requests', { pattern: null }); // let them through

const intercepted = new WeakMap();

/** The plugin; add it to web-test-runner's `plugins`. */
export function failRequestsPlugin() {
  return {
    name: 'samverkan-fail-requests',
    async executeCommand({ command, payload, session }) {
      if (command !== 'fail-requests' && command !== 'hold-requests') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`${command} needs a puppeteer-driven browser (Chromium), not ${session.browser.type}.`);
      }
      const page = session.browser.getPage(session.id);
      const pattern = payload && typeof payload.pattern === 'string' && payload.pattern !== '' ? payload.pattern : undefined;
      let state = intercepted.get(page);
      if (!state) {
        state = { pattern: undefined, failed: [], hold: undefined, held: [] };
        intercepted.set(page, state);
        page.on('request', (request) => {
          if (request.isInterceptResolutionHandled()) return;
          const path = new URL(request.url()).pathname;
          if (state.pattern && path.includes(state.pattern)) {
            state.failed.push(path);
            request.abort('failed').catch(() => {});
          } else if (state.hold && path.includes(state.hold)) {
            state.held.push({ path, request });
          } else request.continue().catch(() => {});
        });
      }
      if (command === 'hold-requests') {
        const held = state.held.map(({ path }) => path);
        state.hold = pattern;
        if (pattern === undefined) for (const { request } of state.held.splice(0)) request.continue().catch(() => {});
        else await page.setRequestInterception(true);
        return held;
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
