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
// - `--before=DIR`: also times the parseDataset of another copy of the SDK's
//   source (DIR holds its `index.ts`, e.g. main's packages/sdk/src unpacked by
//   `git archive main packages/sdk | tar -x -C .tmp/main`, inside this
//   checkout so that it finds zod) in the same rounds: each round then times
//   JSON.parse, it + this parseDataset and it + that one, in an order that
//   rotates, and the two ratios (and this one's time ÷ that one's) are
//   printed side by side. Before and after then meet the same load. (With
//   the same code on both sides this ÷ before was 0.96×, IQR 0.94–1.03. It
//   caught a62f323's copies written key by key: 1.36–1.47× on the raw input,
//   as this bench alone in its own process then showed, 2.44× against 1.91×;
//   a script that ran a full collection between JSON.parse and parseDataset
//   did not show it, so keep the two in one timing, as here.)
// Before December 2026 it printed medians of 15 unpaired runs of each,
// without the wait: the sweeping counted in JSON.parse's time made the ratio
// look lower than it is (same code, one process each, load 13: 2.17–2.53×
// that way, 2.64–2.74× this way).
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDataset } from '@samverkan/sdk';
// @ts-expect-error: a plain .mjs module without types
import { generateDataset } from '../../../bench/generate-dataset.mjs';

const roundsOption = process.argv.find((arg) => arg.startsWith('--rounds='));
const ROUNDS = roundsOption ? Math.max(3, Number(roundsOption.slice('--rounds='.length))) : 41;
const WARM_UP = 8;
const beforeOption = process.argv.find((arg) => arg.startsWith('--before='));
type Parse = typeof parseDataset;
const parseBefore: Parse | undefined = beforeOption
  ? ((await import(pathToFileURL(join(resolve(beforeOption.slice('--before='.length)), 'index.ts')).href)) as { parseDataset: Parse }).parseDataset
  : undefined;

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

/** The timed variants of a round: JSON.parse alone, then with each parseDataset. */
interface Variant {
  label: string;
  run: () => unknown;
  samples: Sample[];
}

async function measure(label: string, text: string) {
  let issues = -1;
  const withParse = (parse: Parse) => () => {
    issues = parse(JSON.parse(text)).issues.length;
  };
  const variants: Variant[] = [
    { label: 'JSON.parse', run: () => JSON.parse(text), samples: [] },
    { label: parseBefore ? 'JSON.parse + parseDataset (this)' : 'JSON.parse + parseDataset', run: withParse(parseDataset), samples: [] },
  ];
  if (parseBefore) variants.push({ label: 'JSON.parse + parseDataset (before)', run: withParse(parseBefore), samples: [] });
  // Warm-up: let the JIT settle on every path.
  for (let i = 0; i < WARM_UP; i++) for (const variant of variants) variant.run();
  for (let round = 0; round < ROUNDS; round++) {
    // Which goes first rotates: a slow spell falls on each variant alike.
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(round + k) % variants.length]!;
      variant.samples.push(await once(variant.run));
    }
  }
  const [alone, ...parsed] = variants as [Variant, ...Variant[]];
  const ratios = (over: Variant, under: Variant, key: keyof Sample) => over.samples.map((sample, i) => sample[key] / under.samples[i]![key]);
  const median = (values: number[]) => quantile(values, 0.5);
  const range = (values: number[]) => `${quantile(values, 0.25).toFixed(2)}–${quantile(values, 0.75).toFixed(2)}`;
  const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
  const width = parseBefore ? 36 : 27;
  console.log(`\n${label}: ${mb} MB, ${issues} issues; ${ROUNDS} paired rounds, medians (CPU ms | wall ms)`);
  for (const variant of variants) {
    console.log(`  ${variant.label.padEnd(width)} ${median(variant.samples.map((s) => s.cpu)).toFixed(1).padStart(6)} | ${median(variant.samples.map((s) => s.wall)).toFixed(1)}`);
  }
  for (const variant of parsed) {
    const cpu = ratios(variant, alone, 'cpu');
    const wall = ratios(variant, alone, 'wall');
    const which = parseBefore ? (variant === parsed[0] ? ' (this)' : ' (before)') : '';
    console.log(`  ${`ratio${which} (budget ≤ 2.0×)`.padEnd(width)} ${median(cpu).toFixed(2).padStart(5)}× | ${median(wall).toFixed(2)}×   (median of the rounds' ratios)`);
    console.log(`  ${`ratio${which}'s interquartile range`.padEnd(width)} ${range(cpu).padStart(9)} | ${range(wall)}`);
  }
  if (parseBefore) {
    const [after, before] = parsed as [Variant, Variant];
    // parseDataset's own time in each round: the variant's time less JSON.parse's.
    const own = (variant: Variant) => variant.samples.map((sample, i) => sample.cpu - alone.samples[i]!.cpu);
    const ownAfter = own(after);
    const ownBefore = own(before);
    const share = ownAfter.map((value, i) => value / ownBefore[i]!);
    console.log(`  ${'parseDataset alone, this | before'.padEnd(width)} ${median(ownAfter).toFixed(1).padStart(6)} | ${median(ownBefore).toFixed(1)} CPU ms (medians of the rounds' differences)`);
    console.log(`  ${'this ÷ before (IQR)'.padEnd(width)} ${median(share).toFixed(2).padStart(5)}× (${range(share)})`);
  }
}

const raw = generateDataset({ organisations: 5000, meetings: 2000, contacts: 500, seed: 1 });
await measure('generated dataset (5,000 organisations, 2,000 meetings, 500 contacts)', JSON.stringify(raw));
await measure('the same, as the server publishes it (already normalised)', JSON.stringify(parseDataset(raw).dataset));
