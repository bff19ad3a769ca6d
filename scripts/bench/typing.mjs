// What the list benchmarks share: the driver that types into a search box
// like a quick reader, and the figures a series of timings is reported by.
// (packages/elements/bench/lists.bench.mjs and
// packages/admin/bench/lists.bench.mjs both type this way, so their
// keystroke figures compare.)

/**
 * Types each word into the focused element one character at a time, then
 * deletes it with Backspace, `rounds` times over, `pauseMs` between keys (a
 * quick typist; the page is idle in between, as it would be).
 *
 * @param {import('puppeteer-core').Page} tab
 * @param {readonly string[]} words
 * @param {{ rounds?: number, pauseMs?: number }} [options]
 */
export async function typeWords(tab, words, { rounds = 3, pauseMs = 30 } = {}) {
  const pause = () => new Promise((resolve) => setTimeout(resolve, pauseMs));
  for (let round = 0; round < rounds; round++) {
    for (const word of words) {
      for (const char of word) {
        await tab.keyboard.type(char);
        await pause();
      }
      for (let i = 0; i < word.length; i++) {
        await tab.keyboard.press('Backspace');
        await pause();
      }
    }
  }
}

/**
 * The median, 95th percentile (nearest rank) and maximum of `values`: a
 * budget per keystroke is about the slow ones too, not only the typical one.
 *
 * @param {readonly number[]} values
 */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  return { n: sorted.length, median: sorted[Math.floor(sorted.length / 2)], p95: rank(0.95), max: sorted[sorted.length - 1] };
}

/** Milliseconds, to one decimal. */
export const ms = (value) => `${value.toFixed(1)} ms`;

/** `median 3.1 ms, p95 7.0 ms, max 12.4 ms` */
export const formatSpread = (s) => `median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`;
