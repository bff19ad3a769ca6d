/**
 * Resolves with the next `type` event on `target`; rejects after `timeout` ms
 * so a missing event fails the test instead of hanging it.
 */
export function expectEvent<E extends Event = Event>(target: EventTarget, type: string, timeout = 5000): Promise<E> {
  return new Promise<E>((resolve, reject) => {
    const timer = setTimeout(() => {
      target.removeEventListener(type, listener);
      reject(new Error(`No "${type}" event within ${timeout} ms`));
    }, timeout);
    const listener = (event: Event) => {
      clearTimeout(timer);
      resolve(event as E);
    };
    target.addEventListener(type, listener, { once: true });
  });
}

/** Records every `type` event on `target` from now on; read `.events`, stop with `.stop()`. */
export function recordEvents<E extends Event = Event>(target: EventTarget, type: string): { events: E[]; stop(): void } {
  const events: E[] = [];
  const listener = (event: Event) => events.push(event as E);
  target.addEventListener(type, listener);
  return { events, stop: () => target.removeEventListener(type, listener) };
}

/** Waits `ms` milliseconds (to see that something does NOT happen). */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
