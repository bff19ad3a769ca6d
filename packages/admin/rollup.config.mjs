// The admin page's build, called from the root rollup.config.mjs: one bundle
// (Lit's production build, the SDK, the views) as packages/admin/dist/admin.js,
// with index.html and admin.css beside it, which the server serves at /admin.
import { readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

/** Copies the page's static files into the output. */
function staticFiles(files) {
  return {
    name: 'samverkan-admin-static',
    generateBundle() {
      for (const file of files) {
        this.emitFile({ type: 'asset', fileName: file, source: readFileSync(new URL(`./src/${file}`, import.meta.url)) });
      }
    },
  };
}

export default [
  {
    input: 'packages/admin/src/main.ts',
    output: {
      dir: 'packages/admin/dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: 'admin.js',
      chunkFileNames: 'admin-[name]-[hash].js',
    },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['samverkan-source', 'production', 'browser'] }),
      typescript({ tsconfig: 'packages/admin/tsconfig.bundle.json', noEmitOnError: true }),
      staticFiles(['index.html', 'admin.css']),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
  },
];
