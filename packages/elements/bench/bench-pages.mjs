// What the elements' browser benches share about their pages (one home, so
// that "the same data and page as peers.bench.mjs" stays true): the data every
// page gets as text, the page's waits, and the calendar's cold first render.
// Used by peers.bench.mjs, calendar-cold-ab.mjs and profile-first-render.mjs.
import { parseDataset } from '@samverkan/sdk';
import { generateDataset } from '../../../bench/generate-dataset.mjs';

/** 10,000 organisations as the server publishes them (normalised), as JSON text: the lists' data. */
export function listText() {
  return JSON.stringify(parseDataset(generateDataset({ organisations: 10_000, meetings: 0, contacts: 5, seed: 3 })).dataset);
}

/** 2,000 meetings spread over 2026, normalised, as JSON text: the calendars' data. */
export function calendarText() {
  const raw = generateDataset({ organisations: 20, meetings: 4400, contacts: 5, seed: 5 });
  const in2026 = raw.meetings.filter((m) => m.start.startsWith('2026-'));
  raw.meetings = Array.from({ length: 2000 }, (_, i) => in2026[Math.floor((i * in2026.length) / 2000)]);
  return JSON.stringify(parseDataset(raw).dataset);
}

/**
 * In-page script: `frame()` resolves in the task after the next frame's
 * rendering; `until(root, test)` once `test()` holds after a change below
 * `root` (and rejects after 3 s, so that a page that never renders fails the
 * bench rather than hanging it).
 */
export const PAGE_WAITS = `
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const until = (root, test) => new Promise((resolve, reject) => {
  if (test()) return resolve();
  const timer = setTimeout(() => { observer.disconnect(); reject(new Error('waited 3 s for ' + test)); }, 3000);
  const observer = new MutationObserver(() => { if (test()) { clearTimeout(timer); observer.disconnect(); resolve(); } });
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
});`;

/**
 * In-page script (after PAGE_WAITS and the bundle's loader): `calendarCold(host, text)`
 * puts a month-view calendar (March 2026) in `host`, lets it render without
 * data (the month's frame, once its parts are here: its updateComplete waits
 * for them), then times `data = text` → first meeting visible, then a frame,
 * between the performance marks cold-start and cold-end (a trace's window).
 * Resolves to `{ el, wall }`.
 *
 * `calendarCold(host, text, { withElement: true })` times the element too:
 * two frames after its code is defined (its parts on their way since then, as
 * above), it is made, given the data and put in `host` in one task. No
 * calendar has rendered in the page before: the frame's own render and its
 * names are in the window.
 *
 * `calendarNext(el)` clicks the calendar's "next month" and resolves, once that
 * month's first meeting is shown and a frame has passed, to the time it took.
 */
export const CALENDAR_COLD = `
window.calendarCold = async (host, text, { withElement = false } = {}) => {
  if (!customElements.get('samverkan-meeting-calendar')) await window.samverkan.load('samverkan-meeting-calendar');
  const make = () => {
    const el = document.createElement('samverkan-meeting-calendar');
    el.setAttribute('view', 'month');
    el.setAttribute('month', '2026-03');
    return el;
  };
  let el;
  let start;
  if (withElement) {
    await frame();
    await frame();
    performance.mark('cold-start');
    start = performance.now();
    el = make();
    el.data = text;
    host.append(el);
  } else {
    el = make();
    host.append(el);
    await el.updateComplete;
    await frame();
    performance.mark('cold-start');
    start = performance.now();
    el.data = text;
  }
  await until(el.shadowRoot, () => el.shadowRoot.querySelector('.day-meetings li'));
  await frame();
  performance.mark('cold-end');
  return { el, wall: performance.now() - start };
};
window.calendarNext = async (el) => {
  const month = el.getAttribute('month');
  const start = performance.now();
  el.shadowRoot.querySelectorAll('[part~="nav-button"]')[2].click();
  await until(el.shadowRoot, () => el.getAttribute('month') !== month && el.shadowRoot.querySelector('.day-meetings li'));
  await el.updateComplete;
  await frame();
  return performance.now() - start;
};`;
