// A clock for chosen delays only. A test that depends on "before half a
// second has passed" cannot rely on the machine being quick: on a busy one a
// quick load takes longer than that. With these, the page's timeouts of the
// chosen lengths wait until the test says that much time has passed, and
// everything else keeps real time (the network, the test runner, mocha's own
// timeouts). Sinon's fake timers fake every timeout of the page at once, and
// ship as CommonJS only, which the test runner does not serve.

/** Timeouts held by {@link holdTimeouts}. */
export interface HeldTimeouts {
  /** Runs the held timeouts of `ms` milliseconds that are still set, as if that time had passed; answers how many ran. */
  elapse(ms: number): number;
  /** Puts the page's own setTimeout and clearTimeout back; held timeouts that did not run are dropped. */
  restore(): void;
}

/**
 * Holds every timeout of one of `delays` milliseconds that the page sets from
 * now on (`clearTimeout` clears them as usual) until {@link HeldTimeouts.elapse}.
 * Call `restore()` in a `finally`.
 */
export function holdTimeouts(...delays: number[]): HeldTimeouts {
  const realSet = window.setTimeout;
  const realClear = window.clearTimeout;
  const held = new Map<number, { ms: number; run: () => void }>();
  // Negative: never the id of a real timer.
  let nextId = -1;
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    if (!delays.includes(Number(ms ?? 0))) return realSet(handler, ms, ...args);
    if (typeof handler !== 'function') throw new TypeError('holdTimeouts holds timeouts given a function, not a string');
    const id = nextId--;
    held.set(id, { ms: Number(ms), run: () => handler(...args) });
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id === undefined || !held.delete(id)) realClear(id);
  }) as typeof window.clearTimeout;
  return {
    elapse(ms) {
      const due = [...held].filter(([, timeout]) => timeout.ms === ms);
      for (const [id, timeout] of due) {
        held.delete(id);
        timeout.run();
      }
      return due.length;
    },
    restore() {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
      held.clear();
    },
  };
}
