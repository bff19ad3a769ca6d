// Reading the browser bundle's built files (a built packages/elements/dist):
// a file's text, and the files it imports statically — one home for the
// pattern of a static import in rollup's minified output, which the compile
// hints' and the import-at-once tests both follow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A static import or re-export in a built file: `import … from "./x.min.js"` or `import "./x.min.js"`, not `import("./x.min.js")`. */
const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w${},\s*]+from\s*)?"\.\/([\w.-]+\.min\.js)"/g;

/** Readers of the built files in `dist`. */
export function builtBundle(dist: string) {
  const code = (name: string) => readFileSync(join(dist, name), 'utf8');
  /** The files `name` imports statically. */
  const staticImports = (name: string) => [...code(name).matchAll(STATIC_IMPORT)].map((m) => m[1]!);
  /** `name` and every file it imports statically, directly or through others. */
  function withStaticImports(name: string, seen = new Set<string>()): Set<string> {
    if (seen.has(name)) return seen;
    seen.add(name);
    for (const imported of staticImports(name)) withStaticImports(imported, seen);
    return seen;
  }
  return { code, staticImports, withStaticImports };
}
