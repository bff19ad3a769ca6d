// Starts the real CLI (`samverkan-server serve`) as a child process, from the
// TypeScript sources through tsx, on a free loopback port. Used by the
// durability test and the kill -9 benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const DEMO = fileURLToPath(new URL('../../../examples/data/sodertalje.json', import.meta.url));

export interface ChildServer {
  child: ChildProcess;
  base: string;
  /** Resolves with the exit code or signal when the process ends. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** What the server printed on stdout so far. */
  stdout(): string;
}

/** Spawns the server on `dataDir`; resolves once it prints its address (at most `timeoutMs`). */
export function spawnServer(dataDir: string, env: Record<string, string> = {}, timeoutMs = 60_000, args: string[] = []): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    ['--conditions=samverkan-source', '--import', 'tsx', 'packages/server/src/cli.ts', 'serve', ...args],
    {
      cwd: REPO,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        SAMVERKAN_DATA_DIR: dataDir,
        SAMVERKAN_DATASET: DEMO,
        SAMVERKAN_LOG: '/dev/null',
        SAMVERKAN_SIGNUP_RATE_LIMIT: '1000000',
        SAMVERKAN_SIGNUP_CEILING: '1000000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${timeoutMs} ms\n${out}\n${err}`));
    }, timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const match = /Dataset:\s+http:\/\/[^:]+:(\d+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${match[1]}`, exited, stdout: () => out });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it started\n${out}\n${err}`));
    });
  });
}
