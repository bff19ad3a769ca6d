#!/usr/bin/env node
// A committed launcher, so npm can link the `samverkan` bin at install time
// even before `dist/` is built (npm links a bin only if its file exists).
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli-run.js', import.meta.url);
if (!existsSync(built)) {
  console.error('samverkan: the SDK is not built yet. Run `npm run build` in the repository first.');
  process.exit(2);
}
await import(built.href);
