// The real Samverkan server (packages/server, store mode with the demo dataset) for the admin
// page's browser tests that run against it instead of the in-memory stand-in. Started on first
// use by the runner (packages/elements/test/helpers/signup-server.mjs starts and stops it, as it
// does the forms' servers); the page reaches it through a same-origin proxy, as it reaches its
// own server in production, so the session cookie and the CSRF token work as they do there.
//
// Routes of the test dev server:
//
//   POST /__admin-server/user?role=editor|admin
//       → { email, password }: a new person with that role, invited with the admin token and
//         given a password through the one-time link, as `users add` and the link do
//   /__admin-server/api/v1/…   (any method)
//       forwarded to the server's /api/v1/…, with the headers a browser and the server exchange
//         (cookie, CSRF token, ETag/If-Match; not Origin and Sec-Fetch-Site, which name the dev
//         server's origin, not the server's)
//   /__admin-server/requests[?reset=1]
//       → { requests: ["GET /api/v1/…", …] }: what the proxy forwarded since the last reset
import { randomBytes } from 'node:crypto';
import { ADMIN_TOKEN, json, readRaw, startServer } from '../../../elements/test/helpers/signup-server.mjs';

const PREFIX = '/__admin-server';
const server = () => startServer('admin', { SAMVERKAN_DATASET: '', SAMVERKAN_SIGNUP_RATE_LIMIT: '100000' }, ['serve', '--demo']);
const forwarded = [];

const REQUEST_HEADERS = ['content-type', 'accept', 'accept-language', 'cookie', 'x-csrf-token', 'if-match', 'if-none-match', 'idempotency-key'];
const ANSWER_HEADERS = ['content-type', 'etag', 'location', 'retry-after', 'www-authenticate', 'cache-control'];

async function asAdmin(base, path, body) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

/** The middleware; add it to web-test-runner's `middleware` list. */
export async function adminServerMiddleware(ctx, next) {
  if (!ctx.path.startsWith(`${PREFIX}/`)) return next();
  const { base } = await server();
  const path = ctx.path.slice(PREFIX.length);
  if (path === '/user' && ctx.method === 'POST') {
    const id = randomBytes(4).toString('hex');
    const email = `redaktor-${id}@kommun.example.org`;
    const password = `lösenord för test ${id}`;
    const role = ctx.query.role === 'admin' ? 'admin' : 'editor';
    const { setPasswordUrl } = await asAdmin(base, '/api/v1/admin/users', { email, name: `Testperson ${id}`, role });
    const token = new URL(setPasswordUrl).hash.match(/token=([^&]+)/)?.[1] ?? new URL(setPasswordUrl).searchParams.get('token');
    if (!token) throw new Error(`no token in the set-password link ${setPasswordUrl}`);
    const chosen = await fetch(`${base}/api/v1/set-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: decodeURIComponent(token), password }) });
    if (!chosen.ok) throw new Error(`set-password answered ${chosen.status}: ${await chosen.text()}`);
    return json(ctx, { email, password });
  }
  if (path === '/requests') {
    const requests = [...forwarded];
    if (ctx.query.reset) forwarded.length = 0;
    return json(ctx, { requests });
  }
  if (!path.startsWith('/api/v1/')) return next();
  forwarded.push(`${ctx.method} ${path}`);
  const headers = {};
  for (const name of REQUEST_HEADERS) if (ctx.get(name)) headers[name] = ctx.get(name);
  const body = ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : await readRaw(ctx.req);
  const answer = await fetch(`${base}${path}${ctx.querystring ? `?${ctx.querystring}` : ''}`, { method: ctx.method, headers, body, redirect: 'manual' });
  ctx.status = answer.status;
  for (const name of ANSWER_HEADERS) {
    const value = answer.headers.get(name);
    if (value) ctx.set(name, value);
  }
  const cookies = answer.headers.getSetCookie();
  if (cookies.length) ctx.set('set-cookie', cookies);
  ctx.body = answer.status === 204 || answer.status === 304 ? null : Buffer.from(await answer.arrayBuffer());
}
