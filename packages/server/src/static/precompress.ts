import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** The copies served for `Accept-Encoding`, by file suffix (what @fastify/static's `preCompressed` looks for). */
const ENCODINGS = [
  { suffix: '.br', compress: (raw: Buffer) => brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }) },
  { suffix: '.gz', compress: (raw: Buffer) => gzipSync(raw, { level: 9 }) },
] as const;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside each file of `dir`
 * whose name `match`es, at build time (scripts/after-build.mjs), so the
 * server sends compressed bytes without compressing per request. A copy
 * that would not be smaller is not written (the file itself is sent), and an
 * earlier one of that name is removed. Each
 * copy's modification time is the file's plus 1 ms (gzip) or 2 ms
 * (brotli): the ETag of a static answer is made from the size and time of
 * the bytes sent, so the three encodings never share an ETag (a cache must
 * not answer a gzip request with brotli bytes). Answers the copies written.
 */
export function precompressFiles(dir: string, match: (name: string) => boolean): string[] {
  const written: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!match(name)) continue;
    const file = join(dir, name);
    const stats = statSync(file);
    if (!stats.isFile()) continue;
    const raw = readFileSync(file);
    ENCODINGS.forEach(({ suffix, compress }, i) => {
      const copy = compress(raw);
      if (copy.length >= raw.length) {
        // An earlier build's copy of other bytes would still be sent for this name.
        rmSync(file + suffix, { force: true });
        return;
      }
      writeFileSync(file + suffix, copy);
      const time = new Date(stats.mtimeMs + 2 - i);
      utimesSync(file + suffix, time, time);
      written.push(file + suffix);
    });
  }
  return written;
}

/** The files of `dir` matching `match` whose compressed copies are older than they are, or missing (a build step was skipped). */
export function staleCompressedCopies(dir: string, match: (name: string) => boolean): string[] {
  const stale: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!match(name) || name.endsWith('.br') || name.endsWith('.gz')) continue;
    const mtime = statSync(join(dir, name)).mtimeMs;
    const copies = ENCODINGS.map(({ suffix }) => {
      try {
        return statSync(join(dir, name + suffix)).mtimeMs;
      } catch {
        return undefined;
      }
    });
    // A copy older than its file is stale; no copy at all is fine only for a small file (it may not compress).
    if (copies.some((time) => time !== undefined && time < mtime) || (copies.every((time) => time === undefined) && statSync(join(dir, name)).size > 1024)) stale.push(name);
  }
  return stale;
}
