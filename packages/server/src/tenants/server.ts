import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { accountsForApp } from '../accounts/app-plugin.js';
import { createApp, type AppOptions, type SamverkanServer } from '../app.js';
import { saidErrors } from '../http/errors.js';
import { UNKNOWN_HOST } from '../http/generic-answers.js';
import { createBoundedServer, type ClientTimeouts } from '../http/server.js';
import { preferredAnswerLanguage } from '../http/language.js';
import { createLogger } from '../logger.js';
import { API_SECURITY_HEADERS } from '../security-headers.js';
import { tenantStoreLocation, type TenantConfig } from './config.js';

/** Options of {@link createTenantServer}: what every agreement's app shares, and the agreements. */
export interface TenantServerOptions {
  tenants: TenantConfig[];
  /** The SQLite folder (each agreement gets `tenants/<id>/` in it) or, with `databaseUrl`, one PostgreSQL database (a schema each). */
  dataDir: string;
  databaseUrl?: string | undefined;
  /** Take the host from the last `X-Forwarded-Host` (only behind your own proxy); also the client address, as in one-agreement mode. */
  trustProxy?: boolean;
  /** Everything else each agreement's app gets (rate limits, logger, static files, …). */
  app?: Omit<AppOptions, 'dataDir' | 'databaseUrl' | 'databaseSchema' | 'adminToken' | 'publicUrl' | 'trustProxy' | 'plugins' | 'datasetFile'>;
  /** A dataset to seed an agreement's empty store with (as `AppOptions.dataset`); without one, publish with `import --tenant`. */
  datasetFor?: (tenant: TenantConfig) => unknown;
  /** Give each agreement the accounts (users, sessions, sign-in), in its own store. Default true. */
  accounts?: boolean;
  /** How long a client may take (as `AppOptions.timeouts`): the front and every agreement's app keep the same limits. */
  timeouts?: ClientTimeouts;
}

/** The server for several agreements, and each agreement's own app. */
export interface TenantServer extends Server {
  readonly tenants: ReadonlyMap<string, SamverkanServer>;
  /** Resolves when every agreement's app is ready. */
  ready(): Promise<void>;
}

function lastHeader(value: string | string[] | undefined): string | undefined {
  const joined = Array.isArray(value) ? value.join(',') : value;
  return joined?.split(',').pop()?.trim() || undefined;
}

/** The host name a request was sent to, lower-cased and without the port. */
export function requestHost(request: IncomingMessage, trustProxy: boolean): string | undefined {
  const raw = (trustProxy && lastHeader(request.headers['x-forwarded-host'])) || request.headers.host;
  if (!raw) return undefined;
  const host = raw.startsWith('[') ? raw.slice(0, raw.indexOf(']') + 1) : raw.replace(/:\d*$/, '');
  return host.toLowerCase().replace(/\.$/, '');
}

/**
 * Several agreements on one installation (`SAMVERKAN_TENANTS`): one complete
 * app per agreement, each with its own store (file or schema), published
 * dataset, admin token, accounts and sessions, and one listening server in
 * front that hands each request to the app of the host it was sent to. A
 * host that no agreement has gets `404` and nothing else. Because each
 * agreement's routes only ever see their own store, a session, token, id or
 * ETag of one agreement means nothing to another.
 */
export function createTenantServer(options: TenantServerOptions): TenantServer {
  const byHost = new Map<string, SamverkanServer>();
  const apps = new Map<string, SamverkanServer>();
  try {
    for (const tenant of options.tenants) {
      const location = tenantStoreLocation(tenant, options);
      const accounts = options.accounts !== false ? accountsForApp({ adminToken: tenant.adminToken }) : undefined;
      const app = createApp({
        ...options.app,
        ...(options.datasetFor && { dataset: options.datasetFor(tenant), datasetLabel: `the seed of ${tenant.id}` }),
        dataDir: location.dataDir,
        ...('databaseUrl' in location && { databaseUrl: location.databaseUrl, databaseSchema: location.databaseSchema }),
        ...(tenant.adminToken && { adminToken: tenant.adminToken }),
        trustProxy: options.trustProxy ?? false,
        ...(accounts && { plugins: [accounts.plugin], onApplication: accounts.onApplication, adminRoutes: true }),
      });
      apps.set(tenant.id, app);
      for (const host of tenant.hosts) byHost.set(host, app);
    }
  } catch (error) {
    for (const app of apps.values()) app.close();
    throw error;
  }

  const logger = options.app?.logger ?? createLogger('stdout');
  // The same limits and 408/431/400 answers as one agreement's server: a client meets this one first.
  const server = createBoundedServer(
    (request: IncomingMessage, response: ServerResponse) => {
      const host = requestHost(request, options.trustProxy ?? false);
      const app = host === undefined ? undefined : byHost.get(host);
      if (app) {
        app.emit('request', request, response);
        return;
      }
      // No agreement here: nothing of any agreement, not even which ones exist.
      const started = Date.now();
      request.resume();
      // Logged like any request nobody serves: the path is whatever someone typed, so none of it is kept.
      response.once('finish', () => logger.request({ method: request.method ?? '', path: '(unmatched)', status: 404, ms: Date.now() - started }));
      const body = JSON.stringify({ errors: saidErrors([UNKNOWN_HOST], preferredAnswerLanguage(request.headers['accept-language'])) });
      response.writeHead(404, { ...API_SECURITY_HEADERS, 'Cache-Control': 'no-store', 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
      response.end(body);
    },
    { timeouts: options.timeouts, logger },
  ) as TenantServer;

  const ready = () => Promise.all([...apps.values()].map((app) => app.ready())).then(() => undefined);
  const listen = server.listen.bind(server) as (...args: unknown[]) => Server;
  server.listen = ((...args: unknown[]) => {
    ready().then(
      () => listen(...args),
      (error: unknown) => server.emit('error', error),
    );
    return server;
  }) as TenantServer['listen'];
  server.once('close', () => {
    for (const app of apps.values()) app.close();
  });
  Object.defineProperties(server, { tenants: { value: apps }, ready: { value: ready } });
  return server;
}
