// What the benchmarks share: their `--name=value` options and the median
// they report.

/** `--duration=4 --bare` → `{ duration: '4', bare: 'true' }`. */
export function benchArgs(argv = process.argv.slice(2)) {
  return Object.fromEntries(
    argv.map((a) => {
      const [k, v = 'true'] = a.replace(/^--/, '').split('=');
      return [k, v];
    }),
  );
}

/** The median (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A/B in one run, interleaved: `rounds` rounds of `a()` and `b()`, the order
 * swapped every other round (a, b; b, a; …) so that neither always runs first
 * in a warm or a loaded moment. Each returns its own figure (e.g. ms, with
 * whatever set-up it leaves out); resolves to [a's figures, b's figures].
 */
export async function alternate(rounds, a, b) {
  const figures = [[], []];
  for (let round = 0; round < rounds; round++) {
    for (const which of round % 2 ? [1, 0] : [0, 1]) figures[which].push(await (which ? b : a)());
  }
  return figures;
}
