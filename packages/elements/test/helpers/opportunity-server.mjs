// Starts opportunity-test-server.ts (the stand-in for POST
// /api/v1/opportunities, see there) for the opportunity form's browser tests,
// on first use, and stops it when web-test-runner stops. Route of the test
// dev server: GET /__opportunity-server/info → { base } (the stand-in's
// origin; the API is at <base>/k/<key>/api/v1).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
let started;

function start() {
  started ??= new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=samverkan-source', '--import', 'tsx', 'packages/elements/test/helpers/opportunity-test-server.ts'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the opportunity test server did not start in 30 s\n${out}`));
    }, 30_000);
    child.stderr.on('data', (chunk) => (out += chunk));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening (\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ base: `http://127.0.0.1:${match[1]}`, child });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the opportunity test server exited (${code}) before it started\n${out}`));
    });
  });
  return started;
}

process.once('exit', () => {
  started?.then((s) => s.child.kill('SIGKILL'), () => {});
});

/** The middleware; add it to web-test-runner's `middleware` list. */
export async function opportunityServerMiddleware(ctx, next) {
  if (ctx.path !== '/__opportunity-server/info') return next();
  const { base } = await start();
  ctx.type = 'application/json';
  ctx.set('cache-control', 'no-store');
  ctx.body = JSON.stringify({ base });
}

/** A web-test-runner plugin that stops the stand-in when the runner stops. */
export function opportunityServerPlugin() {
  return {
    name: 'samverkan-opportunity-server',
    async serverStop() {
      if (!started) return;
      let server;
      try {
        server = await started;
      } catch {
        return;
      }
      started = undefined;
      if (server.child.exitCode === null) {
        const exited = new Promise((resolve) => server.child.once('exit', resolve));
        server.child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
