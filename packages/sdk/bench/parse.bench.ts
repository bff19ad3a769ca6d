// How much lenient validation costs on top of JSON.parse, for a large dataset
// (5,000 organisations, 2,000 meetings, 500 contacts, about 5 MB).
// Budget (issue 18, was 3× in issue 2): JSON.parse + parseDataset ≤ 2 × JSON.parse.
//
// Two inputs: the generator's raw output (web addresses not yet normalised,
// so most organisations are copied), and the same data as the server
// publishes it (already through parseDataset once: what the elements read).
//
// Method (the machine is shared, so one run's JSON.parse has varied 20–29 ms):
// - Figures are CPU time of this process (user + system, which includes the
//   garbage collector's threads): time the process spends waiting for a core
//   is not counted. Wall-clock time is printed beside it.
// - Before each timing, a full collection, and then a wait until the
//   collector's background threads are idle: they sweep what earlier rounds
//   left behind, and that CPU time (about 5 ms on this machine) was counted in
//   whatever was timed next.
// - Paired rounds: each round times JSON.parse alone and JSON.parse +
//   parseDataset back to back (which goes first alternates), each after a
//   full collection, and takes their ratio. A slow spell of the machine then
//   slows both halves of a round alike; the figure is the median of the
//   rounds' ratios, with its interquartile range to show the spread.
// - `--rounds=N` (default 41) for more rounds.
// Before December 2026 it printed medians of 15 unpaired runs of each,
// without the wait: the sweeping counted in JSON.parse's time made the ratio
// look lower than it is (same code, one process each, load 13: 2.17–2.53×
// that way, 2.64–2.74× this way).
import { parseDataset } from '@samverkan/sdk';
// @ts-expect-error: a plain .mjs module without types
import { generateDataset } from '../../../bench/generate-dataset.mjs';

const roundsOption = process.argv.find((arg) => arg.startsWith('--rounds='));
const ROUNDS = roundsOption ? Math.max(3, Number(roundsOption.slice('--rounds='.length))) : 41;
const WARM_UP = 8;

/** The value at fraction `q` (0–1) of the sorted values (nearest rank). */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))]!;
}

interface Sample {
  cpu: number;
  wall: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A full collection, then waits (up to 200 ms) until this process uses under 3 % of a core: the collector's threads are done. */
async function settle(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < 20; i++) {
    const before = process.cpuUsage();
    await sleep(10);
    const used = process.cpuUsage(before);
    if (used.user + used.system < 300) return;
  }
}

async function once(fn: () => unknown): Promise<Sample> {
  await settle();
  const start = performance.now();
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - start };
}

async function measure(label: string, text: string) {
  let issues = -1;
  const json = () => JSON.parse(text);
  const both = () => {
    issues = parseDataset(JSON.parse(text)).issues.length;
  };
  // Warm-up: let the JIT settle on both paths.
  for (let i = 0; i < WARM_UP; i++) {
    json();
    both();
  }
  const alone: Sample[] = [];
  const with_: Sample[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      alone.push(await once(json));
      with_.push(await once(both));
    } else {
      with_.push(await once(both));
      alone.push(await once(json));
    }
  }
  const ratios = (key: keyof Sample) => alone.map((sample, i) => with_[i]![key] / sample[key]);
  const cpuRatios = ratios('cpu');
  const wallRatios = ratios('wall');
  const median = (values: number[]) => quantile(values, 0.5);
  const range = (values: number[]) => `${quantile(values, 0.25).toFixed(2)}–${quantile(values, 0.75).toFixed(2)}`;
  const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
  console.log(`\n${label}: ${mb} MB, ${issues} issues; ${ROUNDS} paired rounds, medians (CPU ms | wall ms)`);
  console.log(`  JSON.parse                  ${median(alone.map((s) => s.cpu)).toFixed(1).padStart(6)} | ${median(alone.map((s) => s.wall)).toFixed(1)}`);
  console.log(`  JSON.parse + parseDataset   ${median(with_.map((s) => s.cpu)).toFixed(1).padStart(6)} | ${median(with_.map((s) => s.wall)).toFixed(1)}`);
  console.log(`  ratio (budget ≤ 2.0×)       ${median(cpuRatios).toFixed(2).padStart(5)}× | ${median(wallRatios).toFixed(2)}×   (median of the rounds' ratios)`);
  console.log(`  ratio's interquartile range ${range(cpuRatios).padStart(9)} | ${range(wallRatios)}`);
}

const raw = generateDataset({ organisations: 5000, meetings: 2000, contacts: 500, seed: 1 });
await measure('generated dataset (5,000 organisations, 2,000 meetings, 500 contacts)', JSON.stringify(raw));
await measure('the same, as the server publishes it (already normalised)', JSON.stringify(parseDataset(raw).dataset));
