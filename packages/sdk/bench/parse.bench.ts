// How much lenient validation costs on top of JSON.parse, for a large dataset
// (5,000 organisations, 2,000 meetings, 500 contacts, about 5 MB).
// Budget (issue 18, was 3× in issue 2): JSON.parse + parseDataset ≤ 2 × JSON.parse.
//
// Two inputs: the generator's raw output (web addresses not yet normalised,
// so most organisations are copied), and the same data as the server
// publishes it (already through parseDataset once: what the elements read).
// Figures are CPU time of this process (user + system, which includes the
// garbage collector's threads), so other work on the machine disturbs them
// less than wall-clock time; wall-clock medians are printed beside them.
import { parseDataset } from '@samverkan/sdk';
// @ts-expect-error: a plain .mjs module without types
import { generateDataset } from '../../../bench/generate-dataset.mjs';

const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => unknown): { cpu: number; wall: number } {
  for (let i = 0; i < 5; i++) fn(); // warm-up: let the JIT settle
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { cpu: median(cpu), wall: median(wall) };
}

function measure(label: string, text: string) {
  let issues = -1;
  const json = time(() => JSON.parse(text));
  const both = time(() => {
    issues = parseDataset(JSON.parse(text)).issues.length;
  });
  const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
  console.log(`\n${label}: ${mb} MB, ${issues} issues; median of ${RUNS} runs (CPU ms | wall ms)`);
  console.log(`  JSON.parse                  ${json.cpu.toFixed(1).padStart(6)} | ${json.wall.toFixed(1)}`);
  console.log(`  JSON.parse + parseDataset   ${both.cpu.toFixed(1).padStart(6)} | ${both.wall.toFixed(1)}`);
  console.log(`  ratio (budget ≤ 2.0×)       ${(both.cpu / json.cpu).toFixed(2).padStart(5)}× | ${(both.wall / json.wall).toFixed(2)}×`);
}

const raw = generateDataset({ organisations: 5000, meetings: 2000, contacts: 500, seed: 1 });
measure('generated dataset (5,000 organisations, 2,000 meetings, 500 contacts)', JSON.stringify(raw));
measure('the same, as the server publishes it (already normalised)', JSON.stringify(parseDataset(raw).dataset));
