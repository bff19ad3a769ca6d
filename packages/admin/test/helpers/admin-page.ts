/**
 * A small page object for the admin page's browser tests: mount the app on a
 * route, find things by role-like selectors inside its shadow root, type and
 * click like a person, wait for what a person would wait for.
 */
import { expect } from '@open-wc/testing';
import type { AdminApi } from '../../src/api.js';
import type { SamverkanAdmin } from '../../src/admin-app.js';
import '../../src/define.js';
import { controlId } from '../../src/content/form-values.js';
import { testTime } from '../../../elements/test/helpers/test-time.js';

const mounted: HTMLElement[] = [];

/** Mounts `<samverkan-admin>` on `hash` and waits until its first view is there. */
export async function mountAdmin(api: AdminApi, hash = '#/applications', lang = 'sv'): Promise<SamverkanAdmin> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const el = document.createElement('samverkan-admin');
  el.api = api;
  el.lang = lang;
  document.body.append(el);
  mounted.push(el);
  await waitFor(() => el.shadowRoot?.querySelector('main h1'));
  return el;
}

export function unmountAll(): void {
  for (const el of mounted.splice(0)) el.remove();
}

/**
 * One turn of the event loop. Through a MessageChannel, not setTimeout: the
 * runner may keep a test page in a background tab, where timers are slowed
 * to one a second.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Waits until `probe` returns something truthy, and returns it: up to 5 s at
 * the machine's own speed, that many times longer on a page whose CPU is
 * slowed (SAMVERKAN_TEST_CPU_SLOWDOWN, testTime), so a slowed run finds what
 * waits on the clock rather than work that merely takes longer.
 */
export async function waitFor<T>(probe: () => T | null | undefined | false, what = 'the condition', ms = 5000): Promise<T> {
  const limit = testTime(ms);
  const until = performance.now() + limit;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (performance.now() > until) throw new Error(`Timed out waiting for ${what} (${limit} ms)`);
    await nextTask();
  }
}

export function root(el: SamverkanAdmin): ShadowRoot {
  return el.shadowRoot!;
}

export function q<T extends Element = HTMLElement>(el: SamverkanAdmin, selector: string): T {
  const found = root(el).querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function qa<T extends Element = HTMLElement>(el: SamverkanAdmin, selector: string): T[] {
  return [...root(el).querySelectorAll<T>(selector)];
}

/** The trimmed, whitespace-collapsed text of an element. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The content form's control for the field `key` (the id the form gives it, controlId); throws when the form has none. */
export function control<T extends HTMLElement = HTMLInputElement>(el: SamverkanAdmin, key: string): T {
  return q<T>(el, `#${controlId(key)}`);
}

/** The names in a list view's rows, in the order shown. */
export function rowNames(el: SamverkanAdmin): string[] {
  return qa(el, '.rows li .grow a').map((n) => text(n));
}

/** Sets a control's value as typing does: `input` then `change`. */
export function type(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The button whose text is `label` (exactly, after trimming). */
export function button(el: SamverkanAdmin, label: string): HTMLButtonElement {
  const found = qa<HTMLButtonElement>(el, 'button').find((b) => text(b) === label);
  if (!found) throw new Error(`no button "${label}"; there are: ${qa(el, 'button').map((b) => text(b)).join(' | ')}`);
  return found;
}

/** The element with focus inside the app's shadow root. */
export function focused(el: SamverkanAdmin): Element | null {
  return root(el).activeElement;
}

/** Resolves after Lit has rendered the app and every view in it. */
export async function settle(el: SamverkanAdmin): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    const view = root(el).querySelector('main > *') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    await view?.updateComplete;
    await nextTask();
  }
}

/** The text the polite live region says now. */
export function announced(el: SamverkanAdmin): string {
  return text(root(el).querySelector('#announcer'));
}

/**
 * axe on the whole app. One rule is off: `skip-link` looks for the link's
 * target with `document.getElementById`, which cannot see into the app's
 * shadow root; the skip link's own test checks that it moves focus to the
 * main heading.
 */
export async function expectAccessible(el: SamverkanAdmin): Promise<void> {
  await expect(el).to.be.accessible({ ignoredRules: ['skip-link'] });
}

/**
 * A short description of an element for assertions and failure messages. Assert on this, not on the element: a
 * failure whose `actual` is a DOM node was never reported (its file hung until the runner's limit; chai itself was
 * quick). reportable-failures.ts now describes such nodes on every page, and this keeps the messages readable.
 */
export function describe_(node: Element | null | undefined): string {
  if (!node) return 'nothing';
  return `<${node.localName}${node.id ? `#${node.id}` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.split(' ').join('.')}` : ''}> "${text(node).slice(0, 40)}"`;
}

/** Asserts that focus is on the element `selector` finds in the app. */
export function expectFocusOn(el: SamverkanAdmin, selector: string): void {
  const target = root(el).querySelector(selector);
  const now = focused(el);
  if (!target || now !== target) throw new Error(`expected focus on ${selector}, it is on ${describe_(now)}`);
}
