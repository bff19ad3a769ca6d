// Swedish order for 10,000 organisation names (issue 18: "measure
// Intl.Collator('sv') against today's keys"): the SDK's sortSwedish (a sort
// key per name read off the collator, the collator only for ties) against
// Array.prototype.sort with Intl.Collator('sv').compare, and against
// precomputed keys that only differ in how they are made. Both orders are
// checked to be the same. CPU time, median of 15 runs. And the first page
// (50 names) alone: firstSwedish (the collator in a bounded heap) against the
// whole sort by keys, sliced.
import { firstSwedish, sortSwedish } from '../src/helpers/swedish-sort.js';
// @ts-expect-error: a plain .mjs module without types
import { generateDataset } from '../../../bench/generate-dataset.mjs';

const names: string[] = generateDataset({ organisations: 10_000, meetings: 0, contacts: 5, seed: 3 }).organisations.map((o: { name: string }) => o.name);
const collator = new Intl.Collator('sv', { numeric: true });

function time(fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn();
  const runs: number[] = [];
  for (let i = 0; i < 15; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    runs.push((used.user + used.system) / 1000);
  }
  return runs.sort((a, b) => a - b)[7]!;
}

const byKeys = sortSwedish(names, (n) => n);
const byCollator = [...names].sort(collator.compare);
if (byKeys.join('\n') !== byCollator.join('\n')) throw new Error('sortSwedish and Intl.Collator disagree');
const keys = time(() => sortSwedish(names, (n) => n));
const compare = time(() => [...names].sort(collator.compare));
console.log(`10,000 names (CPU ms, median of 15): sortSwedish ${keys.toFixed(1)}, sort(Intl.Collator('sv').compare) ${compare.toFixed(1)} (${(compare / keys).toFixed(1)}× the keys); same order`);

const PAGE = 50;
if (firstSwedish(names, (n) => n, PAGE).join('\n') !== byKeys.slice(0, PAGE).join('\n')) throw new Error('firstSwedish is not the beginning of sortSwedish');
const first = time(() => firstSwedish(names, (n) => n, PAGE));
console.log(`first page of ${PAGE} (CPU ms, median of 15): firstSwedish ${first.toFixed(1)}, sortSwedish(...).slice ${keys.toFixed(1)} (${(keys / first).toFixed(1)}× the first page); same names`);
