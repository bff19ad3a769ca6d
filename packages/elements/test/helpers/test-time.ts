// How long a test may take for its work. With SAMVERKAN_TEST_CPU_SLOWDOWN=N
// (web-test-runner.config.mjs) the page's CPU runs N times slower, and the
// same work takes N times as long: the config gives mocha's own limit N times
// the time, and tests that set a limit of their own (a test's this.timeout,
// a wait for an event or a state) give it through testTime, so that the
// slowdown finds what waits on the clock (a fixed pause, a race with a
// timer), not only that work takes longer on a slower CPU. Without the
// slowdown every limit is as written.

// In Node (the admin page's end-to-end tests, which drive their own Chromium
// page and throttle it by the same variable: test/helpers/admin-page-harness.ts)
// the rate comes from the environment itself.

/** How many times slower than the machine the test page's CPU runs: 1 unless SAMVERKAN_TEST_CPU_SLOWDOWN is set. */
export const CPU_SLOWDOWN: number =
  (globalThis as { __samverkanCpuSlowdown?: number }).__samverkanCpuSlowdown ??
  Math.max(1, Number((globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env['SAMVERKAN_TEST_CPU_SLOWDOWN']) || 1);

/** A limit of `ms` for work that takes that long at the machine's own speed, as long as it takes on this page's CPU. */
export const testTime = (ms: number): number => ms * CPU_SLOWDOWN;
