// Types of bundle-chunks.mjs, for the TypeScript tests that import it (test/tsconfig.json checks them).
import type { Plugin, PreRenderedChunk } from 'rollup';

/** The chunk name for module `id`, or undefined to let rollup decide. */
export function bundleChunks(id: string): string | undefined;
/** Whether module `id` is one a dataset element imports when it is defined: its parts, or the dataset's checks. */
export function importedAtDefine(id: string): boolean;
/** V8's explicit compile hint, the first line of the files a dataset element loads beside its data. */
export const COMPILE_HINT: string;
/** The banner of a chunk of the browser bundle (rollup's `output.banner`). */
export function bundleChunkBanner(chunk: { fileName: string }): string;
/** The file name of a split-off chunk. */
export function bundleChunkFileNames(chunk: PreRenderedChunk): string;
/** A rollup plugin that removes the split-off files of an earlier build from `dir` before writing. */
export function removeOldChunks(dir: string): Plugin & { generateBundle(): Promise<void> };
