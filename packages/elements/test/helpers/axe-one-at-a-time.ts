// Every axe check on a test page waits for the one before it to finish. axe
// runs one audit at a time per page and refuses a second ("Axe is already
// running"); a check still running when its test's limit ran out (a slow page,
// SAMVERKAN_TEST_CPU_SLOWDOWN=8) made every later check in the file fail that
// way, one cascade of failures for one slow test. Loaded on every test page
// before the test framework (testRunnerHtml in web-test-runner.config.mjs), so
// it covers chai-a11y-axe's `expect(el).to.be.accessible()` and any other
// caller; axe itself is still loaded only by a page that checks (chai-a11y-axe
// imports axe-core/axe.min.js on first use): this only watches for it.
//
// axe-core's script sets `window.axe` to its namespace object first and assigns
// `axe.run` on it a little later; both assignments are caught here, and the
// `run` every caller gets queues its audit behind the previous one's.

type Run = (...args: unknown[]) => unknown;

/** The queued `run` of one axe namespace: the real one, once the one before it has settled. */
function oneAtATime(real: Run, axe: object): Run {
  let previous: Promise<unknown> = Promise.resolve();
  return (...args: unknown[]) => {
    // axe.run(context?, options?, callback?): with a callback, the callback form; else it returns a promise.
    const callback = typeof args.at(-1) === 'function' ? (args.pop() as (error: unknown, results?: unknown) => void) : undefined;
    const result = previous.then(() => real.apply(axe, args));
    previous = result.catch(() => undefined);
    if (!callback) return result;
    result.then(
      (results) => callback(null, results),
      (error) => callback(error),
    );
    return undefined;
  };
}

/** Makes `axe.run`, whenever axe-core assigns it, the queued one. */
function queueRuns(axe: object) {
  let queued: Run | undefined;
  Object.defineProperty(axe, 'run', {
    configurable: true,
    enumerable: true,
    get: () => queued,
    set: (real: Run) => {
      queued = oneAtATime(real, axe);
    },
  });
}

let namespace: object | undefined;
Object.defineProperty(window, 'axe', {
  configurable: true,
  get: () => namespace,
  set: (axe: object) => {
    if (axe && axe !== namespace) queueRuns(axe);
    namespace = axe;
  },
});
