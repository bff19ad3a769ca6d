#!/usr/bin/env node
// A committed launcher, so npm can link the bin before `dist/` is built.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(built)) {
  console.error('samverkan-server: the server is not built yet. Run `npm run build` in the repository first.');
  process.exit(2);
}
const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2));
