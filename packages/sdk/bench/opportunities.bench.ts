// The volunteer board's work per keystroke and the follow-up's figures:
// filterOpportunities over 2,000 opportunities (the demo's 25 repeated under
// new ids, so texts, districts and languages are realistic) with realistic
// queries and filters, and followUpFigures for each demo report. Median
// milliseconds over 15 runs after a warm-up; then the one-off first call.
import { readFileSync } from 'node:fs';
import { filterOpportunities, followUpFigures, parseDataset, type OpportunityFilter } from '@samverkan/sdk';

const RUNS = 15;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
function time(fn: () => unknown, warmUp = 3): number {
  for (let i = 0; i < warmUp; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    out.push(performance.now() - start);
  }
  return median(out);
}

const demo = JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));
const copies = 80;
demo.opportunities = Array.from({ length: copies }, (_, n) =>
  demo.opportunities.map((o: { id: string }) => ({ ...o, id: `${o.id}-${n}`, validThrough: '2099-12-31' })),
).flat();
const { dataset } = parseDataset(demo);
const now = new Date('2026-12-06T12:00:00Z');
console.log(`dataset: ${dataset.opportunities.length} opportunities, ${dataset.followUps.length} follow-up reports`);

const filters: [string, OpportunityFilter][] = [
  ['none (the first view)', {}],
  ['query "läxhjälp"', { query: 'läxhjälp' }],
  ['query "aldreboende" (folded)', { query: 'aldreboende' }],
  ['query "hovsjo matematik" (two words)', { query: 'hovsjo matematik' }],
  ['district "Hovsjö"', { district: 'Hovsjö' }],
  ['language "ar" + activity "ungdom"', { language: 'ar', activity: 'ungdom' }],
];
// The one-off cost: the first call on a new dataset object sorts and folds the list.
const firsts: number[] = [];
for (let i = 0; i < 7; i++) {
  const copy = { ...dataset };
  const start = performance.now();
  filterOpportunities(copy, { query: 'läxhjälp', now });
  firsts.push(performance.now() - start);
}
console.log(`first call on a new dataset (sorts, folds, searches): ${median(firsts).toFixed(2)} ms`);
for (const [name, filter] of filters) {
  const found = filterOpportunities(dataset, { ...filter, now }).length;
  console.log(`filterOpportunities ${name}: ${time(() => filterOpportunities(dataset, { ...filter, now })).toFixed(2)} ms (${found} found)`);
}
for (const report of dataset.followUps) {
  console.log(`followUpFigures ${report.year}: ${time(() => followUpFigures(dataset, report)).toFixed(3)} ms`);
}
