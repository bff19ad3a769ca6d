// The browser side of signup-server.mjs: the real Samverkan server that the
// test runner starts for the signup form's tests, a proxy in front of it that
// can drop connections or alter a request, and a look into what it stored.

/** Where the real server listens. */
export interface SignupServerInfo {
  /** The API (…/api/v1) of the server with a generous rate limit. */
  apiUrl: string;
  /** The proxy in front of `apiUrl`; see {@link proxyApiUrl}. */
  proxyBase: string;
}

const started = new Map<string, Promise<unknown>>();
function info<T>(route: string): Promise<T> {
  let answer = started.get(route) as Promise<T> | undefined;
  if (!answer) {
    answer = fetch(route).then(async (r) => {
      if (!r.ok) throw new Error(`the signup test server did not start (HTTP ${r.status}): ${await r.text()}`);
      return r.json() as Promise<T>;
    });
    started.set(route, answer);
  }
  return answer;
}

/** Starts the server on first use (the runner stops it) and tells where it is. */
export function signupServer(): Promise<SignupServerInfo> {
  return info<SignupServerInfo>('/__signup-server/info');
}

/** The API of a second server, which takes one application per hour per client; started on first use. */
export async function limitedApiUrl(): Promise<string> {
  return (await info<{ limitedApiUrl: string }>('/__signup-server/limited-info')).limitedApiUrl;
}

/** An application as the server's admin API lists it. */
export interface StoredApplication {
  id: string;
  status: string;
  language: string;
  application?: { organisation: { name: string; website?: string; organisationNumber?: string }; message?: string; contact: { name: string } };
  privacyNotice?: { url?: string; version?: string; shownAt?: string };
}

/** What the server stored for the organisation called `name`. */
export async function storedApplications(name: string, server: 'main' | 'limited' = 'main'): Promise<{ count: number; applications: StoredApplication[] }> {
  await signupServer();
  const response = await fetch(`/__signup-server/stored?name=${encodeURIComponent(name)}${server === 'limited' ? '&server=limited' : ''}`);
  return (await response.json()) as { count: number; applications: StoredApplication[] };
}

/** The API URL through the proxy, counted and switched under `key`. */
export async function proxyApiUrl(key: string): Promise<string> {
  return `${(await signupServer()).proxyBase}/${encodeURIComponent(key)}/api/v1`;
}

/** How the proxy treats requests under a key; see signup-server.mjs. */
export type ProxyMode = 'offline' | 'lost-answer' | { tamper: { path: string; value: string } } | undefined;

/** Switches the proxy for `key` (`undefined`: forward unchanged). */
export async function setProxyMode(key: string, mode: ProxyMode): Promise<void> {
  const url = new URL(`/__signup-proxy-set/${encodeURIComponent(key)}`, location.origin);
  if (typeof mode === 'string') url.searchParams.set('mode', mode);
  else if (mode) {
    url.searchParams.set('mode', 'tamper');
    url.searchParams.set('path', mode.tamper.path);
    url.searchParams.set('value', mode.tamper.value);
  }
  await fetch(url);
}

/** How many POSTs reached the proxy under `key`. */
export async function proxyPosts(key: string): Promise<number> {
  const response = await fetch(`/__signup-proxy-hits/${encodeURIComponent(key)}`);
  return ((await response.json()) as { posts: number }).posts;
}
