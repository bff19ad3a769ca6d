// A failed assertion about a DOM node is reported like any other failure, at once.
//
// web-test-runner sends each test's error to the runner with its `actual` and `expected`. When either is a DOM
// node (chai's `expect(button).to.equal(null)`, `expect(el.querySelector(…)).to.exist` reversed), that report
// never arrives: the page's file then "did not finish" only at testsFinishTimeout (600 s), with no word of which
// test failed or why. Seen with the admin page's erased-decisions test with its fix reverted (it hung until the
// runner's limit), and shown with a one-line test: `expect(document.createElement('button')).to.equal(null)`
// hung for its whole 60 s limit, while chai itself built the message in 37 ms.
//
// Loaded on every test page before the test framework (testRunnerHtml in web-test-runner.config.mjs): when the
// runner sets its mocha runner on the page, a listener on its `fail` event replaces a node in `actual` or
// `expected` (or in an array there) by a short description, `<button#id.class> "its text"`, before the failure
// is reported. The assertion's own message (chai's, made when it failed) is kept as it was.

/** A short description of a node, as a failure report can carry it. */
export function describeNode(node: Node): string {
  if (!(node instanceof Element)) return `#${node.nodeName.replace(/^#/, '')} "${(node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)}"`;
  const id = node.id ? `#${node.id}` : '';
  const classes = typeof node.className === 'string' && node.className.trim() ? `.${node.className.trim().split(/\s+/).join('.')}` : '';
  return `<${node.localName}${id}${classes}> "${(node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)}"`;
}

/** `value` with the nodes in it (itself, or an array's items) described as text; anything else as it is. */
export function reportable(value: unknown): unknown {
  if (typeof Node !== 'undefined' && value instanceof Node) return describeNode(value);
  if (Array.isArray(value) && value.some((item) => typeof Node !== 'undefined' && item instanceof Node)) return value.map(reportable);
  if (typeof NodeList !== 'undefined' && value instanceof NodeList) return [...value].map(reportable);
  return value;
}

type FailingRunner = { on(event: 'fail', listener: (test: unknown, error: unknown) => void): unknown };

/** Makes the nodes in a failure's `actual` and `expected` reportable (see the top of this file). */
export function makeFailuresReportable(runner: FailingRunner): void {
  runner.on('fail', (_test, error) => {
    if (typeof error !== 'object' || error === null) return;
    const fields = error as { actual?: unknown; expected?: unknown };
    for (const key of ['actual', 'expected'] as const) {
      if (key in fields) fields[key] = reportable(fields[key]);
    }
  });
}

// web-test-runner's mocha sets `window.__WTR_MOCHA_RUNNER__` right after it starts the run, before any test runs.
let current: unknown;
Object.defineProperty(window, '__WTR_MOCHA_RUNNER__', {
  configurable: true,
  get: () => current,
  set(runner: unknown) {
    current = runner;
    if (runner && typeof (runner as FailingRunner).on === 'function') makeFailuresReportable(runner as FailingRunner);
  },
});
