// parse.bench.ts's ratio for one copy of the SDK's source in a process of its
// own: `--before` there runs two copies in one process, and they share the
// JIT's object shapes (the copies both make of the same input objects), so a
// change in how one makes its objects can slow the other. Run this once per
// copy, alternating, and compare:
//
//   for i in 1 2 3; do for src in packages/sdk/src .tmp/main/packages/sdk/src; do
//     node --expose-gc --conditions=samverkan-source --import tsx packages/sdk/bench/parse-isolated.ts $src 21; done; done
//
// Each round: a full collection, JSON.parse timed, a full collection,
// parseDataset timed (CPU time of this process); the ratio is
// (JSON.parse + parseDataset) ÷ JSON.parse per round, median and
// interquartile range, as parse.bench.ts prints it (which also waits for the
// collector's threads before each timing: this does not).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
// @ts-expect-error: a plain .mjs module without types
import { generateDataset } from '../../../bench/generate-dataset.mjs';

type Parse = (json: unknown) => { dataset: unknown; issues: unknown[] };
const dir = resolve(process.argv[2] ?? 'packages/sdk/src');
const { parseDataset } = (await import(pathToFileURL(`${dir}/index.ts`).href)) as { parseDataset: Parse };
const rounds = Number(process.argv[3] ?? 21);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const cpu = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.round(q * (values.length - 1))]!;

const raw = generateDataset({ organisations: 5000, meetings: 2000, contacts: 500, seed: 1 });
const texts = { raw: JSON.stringify(raw), published: JSON.stringify(parseDataset(raw).dataset) };
const lines: string[] = [];
for (const [name, text] of Object.entries(texts)) {
  for (let i = 0; i < 8; i++) parseDataset(JSON.parse(text));
  const parse: number[] = [];
  const json: number[] = [];
  for (let i = 0; i < rounds; i++) {
    gc();
    let from = process.cpuUsage();
    const value: unknown = JSON.parse(text);
    json.push(cpu(from));
    gc();
    from = process.cpuUsage();
    parseDataset(value);
    parse.push(cpu(from));
  }
  const ratio = parse.map((ms, i) => (ms + json[i]!) / json[i]!);
  lines.push(`${name}: parseDataset median ${quantile(parse, 0.5).toFixed(1)} CPU ms, JSON.parse ${quantile(json, 0.5).toFixed(1)}; ratio ${quantile(ratio, 0.5).toFixed(2)}× (${quantile(ratio, 0.25).toFixed(2)}–${quantile(ratio, 0.75).toFixed(2)})`);
}
console.log(`${dir}, ${rounds} rounds: ${lines.join(' | ')}`);
