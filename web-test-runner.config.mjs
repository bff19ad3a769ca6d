// Browser tests run in Debian's Chromium (test tools cannot download their own
// browser here). TypeScript is compiled by esbuild on the fly; `@samverkan/*`
// imports resolve to the packages' sources through the `samverkan-source`
// export condition, so the browser tests need no build first.
import { existsSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { testDataMiddleware } from './packages/elements/test/helpers/test-data-middleware.mjs';
import { timezonePlugin } from './packages/elements/test/helpers/timezone-plugin.mjs';
import { forcedColorsPlugin } from './packages/elements/test/helpers/forced-colors-plugin.mjs';
import { failRequestsPlugin } from './packages/elements/test/helpers/fail-requests-plugin.mjs';
import { signupServerMiddleware, signupServerPlugin } from './packages/elements/test/helpers/signup-server.mjs';
import { adminServerMiddleware } from './packages/admin/test/helpers/admin-server.mjs';

const executablePath =
  process.env.CHROME_PATH ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));

if (!executablePath) {
  throw new Error('No Chromium found: install Debian\'s `chromium` (apt-get install -y chromium) or set CHROME_PATH.');
}

// SAMVERKAN_TEST_CPU_SLOWDOWN=8 runs every test page on a CPU that many times slower (DevTools'
// "CPU throttling"): a busy machine, to find tests that depend on speed, without busy loops that
// slow down everything else on the machine.
// The same work then takes that many times as long: mocha's limit for a test is that many times
// longer, and a test's own limits are too (testTime in packages/elements/test/helpers/test-time.ts,
// which reads the rate the page is given here), so what fails is what waits on the clock.
const slowdown = Number(process.env.SAMVERKAN_TEST_CPU_SLOWDOWN || 1);
// Every test page acts as the focused, visible one. Headless Chromium shows one tab per window: with
// `concurrency: 2` the other test page is a background tab, `document.visibilityState` 'hidden', which gets
// no animation frames at all (modernweb-dev/web#2588; checked here: a requestAnimationFrame callback in the
// background tab did not run in 3 s) and no focus events. A test that waited for a frame there hung until
// its limit: the axe test's fixture() of plain markup, in two CI runs of four. Focus emulation gives each
// page frames, focus and 'visible' whichever tab is in front.
async function createPage({ context }) {
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
  if (slowdown > 1) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    await page.evaluateOnNewDocument((rate) => (globalThis.__samverkanCpuSlowdown = rate), slowdown);
  }
  return page;
}

// A command to the runner (sendKeys, setViewport, the plugins' commands below) fails when the runner has not
// answered within 20 s, a limit written into the page's web socket script (@web/dev-server-core's
// webSocketsPlugin; no option sets it). The page's slowdown makes the runner's answer slow too (sendKeys types
// into a page that runs N times slower: the list's accent-insensitive typing test took over 20 s at 8), so the
// limit is scaled with it here, in that script as it is served.
const COMMAND_TIMEOUT = 20000;
const commandTimeoutPlugin = {
  name: 'samverkan-command-timeout',
  transform(context) {
    if (slowdown === 1 || context.path !== '/__web-dev-server__web-socket.js') return undefined;
    const body = String(context.body);
    const limit = `}, ${COMMAND_TIMEOUT});`;
    if (!body.includes(limit)) throw new Error(`@web/dev-server-core's web socket script no longer ends a command's wait with "${limit}": scale it again (SAMVERKAN_TEST_CPU_SLOWDOWN)`);
    return body.replace(limit, `}, ${COMMAND_TIMEOUT * slowdown});`).replace(`within ${COMMAND_TIMEOUT}ms`, `within ${COMMAND_TIMEOUT * slowdown}ms`);
  },
};

export default {
  // No top-level `files`: web-test-runner runs them as a "default" group beside every group below, so
  // each file listed in both ran twice in one run (92 runs of 46 files) — twice the time, and a test
  // against a server that lives for the whole run saw the state its first run left. The groups cover
  // every file once; `--group elements|admin|sdk` runs one.
  nodeResolve: { exportConditions: ['samverkan-source', 'development', 'browser'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 * slowdown } },
  // Before the test framework on every test page: axe checks one at a time (a check still running when its
  // test timed out made every later one fail as 'Axe is already running'; the helper says more), and a failed
  // assertion about a DOM node is reported at once (one whose `actual` was a node was never reported: its file
  // hung until testsFinishTimeout; reportable-failures.ts says more).
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head><script type="module" src="/packages/elements/test/helpers/axe-one-at-a-time.ts"></script><script type="module" src="/packages/elements/test/helpers/reportable-failures.ts"></script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  // A whole file's limit. Every test has its own (mocha's 10 s, or what the test says), and those
  // catch a test that hangs; this only catches a page that stops answering. It was 180 s, which the
  // signup form's 66 tests alone nearly need on a busy page (177.5 s, all passed, with
  // SAMVERKAN_TEST_CPU_SLOWDOWN=8), so beside other files the file failed as 'did not finish'
  // while no test of it failed (last session: the opportunity form's file, once).
  testsFinishTimeout: 600000,
  // Serves datasets over real HTTP to the elements' tests (delays, statuses, request counts).
  // The admin page's tests against the real server reach it through adminServerMiddleware's same-origin proxy.
  middleware: [testDataMiddleware, signupServerMiddleware, adminServerMiddleware],
  // `set-timezone` (timezonePlugin): the meeting calendar's tests run the page in other time zones.
  // The real packages/server for the signup and opportunity forms' tests (started on first use, stopped with the runner).
  // `set-forced-colors` (forcedColorsPlugin): the elements' forced-colors styles are tested in that mode.
  // `fail-requests` (failRequestsPlugin): requests fail as on a broken connection (the forms' parts loaded later);
  // `hold-requests` holds them until released (what an element shows before its dataset's checks arrive).
  plugins: [commandTimeoutPlugin, signupServerPlugin(), timezonePlugin(), forcedColorsPlugin(), failRequestsPlugin(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.base.json', import.meta.url).pathname })],
  browsers: [
    chromeLauncher({
      createPage,
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  groups: [
    { name: 'sdk', files: 'packages/sdk/test/**/*.browser.test.ts' },
    { name: 'elements', files: ['packages/elements/src/**/*.test.ts', 'packages/elements/test/**/*.test.ts'] },
    { name: 'admin', files: 'packages/admin/**/*.test.ts' },
  ],
};
