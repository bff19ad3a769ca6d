// Self time of V8 CPU profiles (Chromium's Profiler domain), by source file
// and by function, mapped back to packages/… through the source maps of the
// files served from packages/elements/dist (or another build's dist). Used
// by profile-first-render.mjs and by peers.bench.mjs (PEERS_PROFILE).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceMapConsumer } from 'source-map';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export class CpuProfileSummary {
  /** Self time (ms) by source file and by function, summed over the profiles added. */
  byFile = new Map();
  byFunction = new Map();
  profiles = 0;
  #consumers = new Map();

  /**
   * @param {Record<string, string>} dirs - URL path prefix (`/dist/`) → the directory whose files (and `.map`s) it serves.
   */
  constructor(dirs) {
    this.dirs = dirs;
  }

  async #consumerFor(url) {
    if (!this.#consumers.has(url)) {
      const path = new URL(url).pathname;
      const prefix = Object.keys(this.dirs).find((p) => path.startsWith(p));
      const file = prefix ? join(this.dirs[prefix], path.slice(prefix.length)) + '.map' : undefined;
      this.#consumers.set(url, file && existsSync(file) ? { dir: this.dirs[prefix], map: await new SourceMapConsumer(JSON.parse(readFileSync(file, 'utf8'))) } : undefined);
    }
    return this.#consumers.get(url);
  }

  /** Where a profile node's code comes from: `packages/…/file.ts` and the function's name there. */
  async #place({ url, functionName, lineNumber, columnNumber }) {
    if (!url) return { file: functionName || '(anonymous native)', name: functionName || '(native)' };
    const consumer = await this.#consumerFor(url);
    const pos = consumer?.map.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
    if (pos?.source) {
      const source = relative(ROOT, join(consumer.dir, pos.source)).replace(/^.*node_modules\//, 'node_modules/');
      return { file: source, name: `${pos.name ?? functionName ?? '?'} (${source.split('/').pop()}:${pos.line})` };
    }
    return { file: new URL(url).pathname, name: functionName || '(anonymous)' };
  }

  /** Where a profile node's code comes from (see #place), for a caller that groups samples its own way (a timeline). */
  place(callFrame) {
    return this.#place(callFrame);
  }

  /** Adds one profile (what `Profiler.stop` returned); idle time is left out. */
  async add(profile) {
    this.profiles++;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const selfMs = new Map();
    profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
    for (const [id, ms] of selfMs) {
      const node = nodes.get(id);
      if (node.callFrame.functionName === '(idle)') continue;
      const { file, name } = await this.#place(node.callFrame);
      this.byFile.set(file, (this.byFile.get(file) ?? 0) + ms);
      this.byFunction.set(name, (this.byFunction.get(name) ?? 0) + ms);
    }
  }

  /** The summary as lines: per profile, the `limit` largest by file and by function. */
  lines(limit = 25) {
    const runs = Math.max(1, this.profiles);
    const total = [...this.byFile.values()].reduce((a, b) => a + b, 0);
    const rows = (map) =>
      [...map]
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([key, ms]) => `${(ms / runs).toFixed(1).padStart(8)} ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`);
    return [
      `CPU profile self time per run (ms, % of sampled ${(total / runs).toFixed(1)} ms), by source file:`,
      ...rows(this.byFile),
      '',
      'hottest functions:',
      ...rows(this.byFunction),
    ];
  }
}
