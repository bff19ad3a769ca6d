import { waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { testTime } from './test-time.js';

/**
 * Resolves with the next `type` event on `target`; rejects after `ms` ms
 * so a missing event fails the test, naming the event, instead of hanging it.
 * The default is just under mocha's 10 s for a test: the wait says that the
 * event comes, not how fast (on a busy machine a load and its checks can take
 * several seconds). A test given more time passes a longer one. Both are
 * for the machine's own speed: on a page whose CPU is slowed they are that many
 * times longer (testTime).
 */
export function expectEvent<E extends Event = Event>(target: EventTarget, type: string, ms = 9000): Promise<E> {
  const timeout = testTime(ms);
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

/**
 * Waits until `condition` is true (checked every 50 ms), or fails the test
 * saying `what` did not happen. Like expectEvent, the limit (just under
 * mocha's 10 s by default) says that it comes, not how fast: open-wc's
 * waitUntil gives a second unless told otherwise, which a busy machine can
 * need for one render.
 */
export function waitFor(condition: () => unknown, what: string, ms = 9000): Promise<void> {
  return waitUntil(condition, what, { timeout: testTime(ms) });
}

/** Resolves as `promise` does, or rejects saying `what` did not happen if it has not settled in `ms` (as expectEvent). */
export function within<T>(promise: Promise<T>, what: string, ms = 9000): Promise<T> {
  const timeout = testTime(ms);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${timeout} ms`)), timeout)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Records every `type` event on `target` from now on; read `.events`, stop with `.stop()`. */
export function recordEvents<E extends Event = Event>(target: EventTarget, type: string): { events: E[]; stop(): void } {
  const events: E[] = [];
  const listener = (event: Event) => events.push(event as E);
  target.addEventListener(type, listener);
  return { events, stop: () => target.removeEventListener(type, listener) };
}

/** Waits `ms` milliseconds (to see that something does NOT happen, or to let a MutationObserver run). */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Creates a container (with `lang` when given), attaches it to the page and
 * renders `template` into it, waiting for every Lit element inside to render.
 * Unlike open-wc's `fixture` on a plain wrapper, it never waits for an
 * animation frame, which a background test page may not get.
 */
export async function mount(template: TemplateResult, lang?: string): Promise<HTMLElement> {
  const container = document.createElement('div');
  if (lang) container.lang = lang;
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  await Promise.all([...container.querySelectorAll('*')].map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete));
  return container;
}

const mounted: HTMLElement[] = [];

/** Removes every container {@link mount} made (call in `afterEach`). */
export function unmountAll(): void {
  for (const container of mounted.splice(0)) container.remove();
}
