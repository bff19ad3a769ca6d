// How much lenient validation costs on top of JSON.parse, for a large dataset
// (5,000 organisations, 2,000 meetings, 500 contacts, about 5 MB).
// Budget (issue 2): JSON.parse + parseDataset ≤ 3 × JSON.parse.
import { parseDataset } from '@samverkan/sdk';
// @ts-expect-error: a plain .mjs module without types
import { generateDataset } from '../../../bench/generate-dataset.mjs';

const RUNS = 11;
const text = JSON.stringify(generateDataset({ organisations: 5000, meetings: 2000, contacts: 500, seed: 1 }));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => unknown): number[] {
  for (let i = 0; i < 3; i++) fn(); // warm-up: let the JIT settle
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    fn();
    out.push(performance.now() - start);
  }
  return out;
}

let issues = -1;
const jsonOnly = median(time(() => JSON.parse(text)));
const withParse = median(
  time(() => {
    issues = parseDataset(JSON.parse(text)).issues.length;
  }),
);

const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
console.log(`dataset: ${mb} MB, 5000 organisations, 2000 meetings, 500 contacts (${issues} issues)`);
console.log(`JSON.parse                       median of ${RUNS}: ${jsonOnly.toFixed(1)} ms`);
console.log(`JSON.parse + parseDataset        median of ${RUNS}: ${withParse.toFixed(1)} ms`);
console.log(`ratio (budget ≤ 3.0×): ${(withParse / jsonOnly).toFixed(2)}×`);
