// Types of rollup.config.mjs, for the TypeScript tests that build the admin page with it (test/helpers/admin-page-harness.ts).
import type { RollupOptions } from 'rollup';

declare const config: RollupOptions[];
export default config;
