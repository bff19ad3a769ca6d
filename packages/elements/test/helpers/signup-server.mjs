// The real Samverkan server (packages/server) for the signup form's and the
// opportunity form's browser tests, started by web-test-runner. Browser tests cannot start Node servers,
// so this module does it for them: the first request to one of its routes
// spawns the server's CLI from the TypeScript sources (through tsx, the same
// way packages/server/test/child-server.ts does) on a free loopback port with
// a fresh temporary data directory; `signupServerPlugin` stops it when the
// runner stops. Nothing starts when no test asks for it.
//
// Two servers: `apiUrl` with a generous rate limit, and `limitedApiUrl`
// with one application per hour per client (for the 429 test).
//
// Routes of the test dev server (all GET unless said):
//
//   /__signup-server/info
//       → { apiUrl, proxyBase }; the API URL ends in /api/v1
//   /__signup-server/limited-info
//       → { limitedApiUrl }: the rate-limited server, started only when a
//       test asks for it (a tsx start is seconds of CPU on a busy machine)
//   /__signup-server/stored?name=<organisation name>[&server=limited]
//       → { count, applications }: what the server stored for that
//       organisation (through its admin API), so a test can check that a
//       double click or a retry stored ONE application
//   /__signup-server/offers?title=<title>
//       → { count, offers }: the offered opportunities with that title (the
//       opportunity form's tests; same server, same admin API)
//   POST /__signup-server/approve-offer?id=<offer id>
//       → the offer as the server's approve route answers (it publishes the
//       opportunity in the dataset, as an editor's approval does)
//   /__signup-proxy/<key>/api/v1/…   (any method)
//       forwarded to the real server (apiUrl); each request is counted
//       under <key>. Its behaviour is switched per key with:
//   /__signup-proxy-set/<key>?mode=<mode>[&path=a.b&value=v]
//       mode `offline`: the connection is dropped before the server sees
//         the request (the browser gets a network error);
//       mode `lost-answer`: the server gets and answers the request, but
//         the answer is dropped on the way back (stored, yet a network error);
//       mode `tamper`: the JSON body's <path> is set to <value> on the way
//         (a server that rejects what the form accepted: a real 400);
//       no mode: forwarded unchanged.
//   /__signup-proxy-hits/<key>  → { posts }: POSTs that reached the proxy
//
// Keys are chosen by each test, so modes and counts never mix.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const DEMO = join(REPO, 'examples/data/sodertalje.json');
/** The servers' admin token (the admin page's tests, packages/admin/test/helpers/admin-server.mjs, use it too). */
export const ADMIN_TOKEN = randomBytes(24).toString('base64url');

/** @type {Map<string, Promise<{ base: string, child: import('node:child_process').ChildProcess, dir: string }>>} */
const servers = new Map();
const modes = new Map();
const posts = new Map();

/** Starts (once per name) the server's CLI with `args` and `env` on top of the defaults; resolves to its base URL, process and data directory. */
export function startServer(name, env, args = ['serve']) {
  let started = servers.get(name);
  if (started) return started;
  const dir = mkdtempSync(join(tmpdir(), `samverkan-signup-${name}-`));
  started = new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=samverkan-source', '--import', 'tsx', 'packages/server/src/cli.ts', ...args], {
      cwd: REPO,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        SAMVERKAN_DATA_DIR: dir,
        SAMVERKAN_DATASET: DEMO,
        SAMVERKAN_LOG: '/dev/null',
        SAMVERKAN_ADMIN_TOKEN: ADMIN_TOKEN,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    // As packages/server/test/child-server.ts: at load 20-25, tsx took 10-20 s to start the CLI, and
    // three of these (main, limited, admin) may start at once.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the signup test server did not start in 60 s\n${out}`));
    }, 60_000);
    child.stderr.on('data', (chunk) => (out += chunk));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /Dataset:\s+http:\/\/[^:]+:(\d+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ base: `http://127.0.0.1:${match[1]}`, child, dir });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the signup test server exited (${code}) before it started\n${out}`));
    });
  });
  servers.set(name, started);
  return started;
}

const main = () => startServer('main', { SAMVERKAN_SIGNUP_RATE_LIMIT: '100000' });
const limited = () => startServer('limited', { SAMVERKAN_SIGNUP_RATE_LIMIT: '1', SAMVERKAN_SIGNUP_RATE_WINDOW: '3600' });

/** Stops the servers this module started and removes their data directories. */
export async function stopSignupServers() {
  const all = [...servers.values()];
  servers.clear();
  await Promise.all(
    all.map(async (started) => {
      let server;
      try {
        server = await started;
      } catch {
        return;
      }
      if (server.child.exitCode === null) {
        const exited = new Promise((resolve) => server.child.once('exit', resolve));
        server.child.kill('SIGTERM');
        const timer = setTimeout(() => server.child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(server.dir, { recursive: true, force: true });
    }),
  );
}

// The runner may end without calling serverStop (Ctrl-C): never leave a server behind.
process.once('exit', () => {
  for (const started of servers.values()) started.then((s) => s.child.kill('SIGKILL'), () => {});
});

export function readRaw(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function setPath(object, path, value) {
  const keys = path.split('.');
  let target = object;
  for (const key of keys.slice(0, -1)) target = target[key] ??= {};
  target[keys.at(-1)] = value;
}

export function json(ctx, value, status = 200) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.set('cache-control', 'no-store');
  ctx.body = JSON.stringify(value);
}

/** The middleware; add it to web-test-runner's `middleware` list. */
export async function signupServerMiddleware(ctx, next) {
  const path = ctx.path;
  if (path === '/__signup-server/info') {
    const server = await main();
    return json(ctx, { apiUrl: `${server.base}/api/v1`, proxyBase: `${ctx.origin}/__signup-proxy` });
  }
  if (path === '/__signup-server/limited-info') {
    const server = await limited();
    return json(ctx, { limitedApiUrl: `${server.base}/api/v1` });
  }
  if (path === '/__signup-server/stored') {
    const server = await (ctx.query.server === 'limited' ? limited() : main());
    const response = await fetch(`${server.base}/api/v1/signups`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const { applications } = await response.json();
    const matching = applications.filter((a) => a.application?.organisation?.name === ctx.query.name);
    return json(ctx, { count: matching.length, applications: matching });
  }
  if (path === '/__signup-server/offers') {
    // The opportunity form's tests: what the same server stored for an offer's title (through its admin API).
    const server = await main();
    const response = await fetch(`${server.base}/api/v1/opportunities?limit=500`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const { offers } = await response.json();
    const matching = offers.filter((o) => o.offer?.title === ctx.query.title);
    return json(ctx, { count: matching.length, offers: matching });
  }
  if (path === '/__signup-server/approve-offer' && ctx.method === 'POST') {
    // What an editor does on the admin page: approve an offer, which publishes it in the dataset.
    const server = await main();
    const response = await fetch(`${server.base}/api/v1/opportunities/${encodeURIComponent(ctx.query.id ?? '')}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    return json(ctx, await response.json(), response.status);
  }
  if (path.startsWith('/__signup-proxy-set/')) {
    const key = decodeURIComponent(path.slice('/__signup-proxy-set/'.length));
    if (ctx.query.mode) modes.set(key, { mode: ctx.query.mode, path: ctx.query.path, value: ctx.query.value });
    else modes.delete(key);
    ctx.status = 204;
    return;
  }
  if (path.startsWith('/__signup-proxy-hits/')) {
    const key = decodeURIComponent(path.slice('/__signup-proxy-hits/'.length));
    return json(ctx, { posts: posts.get(key) ?? 0 });
  }
  if (path.startsWith('/__signup-proxy/')) {
    const [key, ...rest] = path.slice('/__signup-proxy/'.length).split('/');
    const server = await main();
    const behaviour = modes.get(key) ?? { mode: 'none' };
    if (ctx.method === 'POST') posts.set(key, (posts.get(key) ?? 0) + 1);
    let body = ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : await readRaw(ctx.req);
    if (behaviour.mode === 'offline' && ctx.method === 'POST') {
      // Logged as a gateway error, not the 404 a bare Koa context would show.
      ctx.status = 502;
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    }
    if (behaviour.mode === 'tamper' && body && ctx.method === 'POST') {
      const parsed = JSON.parse(body.toString('utf8'));
      setPath(parsed, behaviour.path, behaviour.value);
      body = Buffer.from(JSON.stringify(parsed));
    }
    const headers = {};
    for (const name of ['content-type', 'idempotency-key', 'accept']) {
      if (ctx.get(name)) headers[name] = ctx.get(name);
    }
    const answer = await fetch(`${server.base}/${rest.join('/')}${ctx.querystring ? `?${ctx.querystring}` : ''}`, { method: ctx.method, headers, body });
    const text = await answer.text();
    if (behaviour.mode === 'lost-answer' && ctx.method === 'POST') {
      // Logged as a gateway error, not the 404 a bare Koa context would show.
      ctx.status = 502;
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    }
    ctx.status = answer.status;
    for (const name of ['content-type', 'retry-after', 'idempotent-replayed']) {
      const value = answer.headers.get(name);
      if (value) ctx.set(name, value);
    }
    ctx.set('cache-control', 'no-store');
    ctx.body = text;
    return;
  }
  return next();
}

/** A web-test-runner plugin that stops the servers when the runner stops. */
export function signupServerPlugin() {
  return {
    name: 'samverkan-signup-server',
    async serverStop() {
      await stopSignupServers();
    },
  };
}
