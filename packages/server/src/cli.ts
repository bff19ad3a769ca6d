import { readFile } from 'node:fs/promises';
import { createApp } from './app.js';

const DEMO_DATASET = new URL('../../../examples/data/sodertalje.json', import.meta.url);

/** `samverkan-server serve [--demo]`; resolves to the exit code, or keeps serving. */
export async function main(args: string[]): Promise<number> {
  const [command] = args;
  if (command !== 'serve') {
    console.error('Usage: samverkan-server serve [--demo]');
    return 2;
  }
  const file = process.env.SAMVERKAN_DATASET ?? DEMO_DATASET;
  const dataset = JSON.parse(await readFile(file, 'utf8'));
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = createApp({ dataset });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  console.log(`Samverkan is running on http://localhost:${port}/ (dataset: http://localhost:${port}/api/v1/dataset)`);
  await new Promise<void>((resolve) => process.once('SIGTERM', resolve));
  await new Promise((resolve) => server.close(resolve));
  return 0;
}
