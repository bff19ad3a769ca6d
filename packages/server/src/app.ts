import type { Server } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyRequest } from 'fastify';
import fastifyCors from '@fastify/cors';
import type { SignupApplication } from '@samverkan/sdk';
import { AdminAuth } from './admin-auth.js';
import { registerApplicationRoutes } from './admin-routes.js';
import { registerContentRoutes } from './content/routes.js';
import { registerOfferDecisionRoutes, registerOpportunityOfferRoute } from './opportunity-routes.js';
import { declareActor, tokenActor } from './auth/actor.js';
import { createCalendarRoute } from './calendar-route.js';
import { ALLOWED_HEADERS, CorsPolicy, EXPOSED_HEADERS, type AllowedOrigins } from './cors.js';
import { createDatasetAnswer, createDatasetRoute, withDatasetFastPath } from './dataset-route.js';
import { createDcatRoute } from './dcat-route.js';
import { registerJsonBody } from './http/body.js';
import { methodNotAllowed, registerErrorHandling, sendErrors } from './http/errors.js';
import { UNKNOWN_PATH, UNREADABLE_REQUEST } from './http/generic-answers.js';
import { registerRequestLog } from './http/request-log.js';
import { createBoundedServer, type ClientTimeouts } from './http/server.js';
import { useZodSchemas } from './http/validation.js';
import { createLogger, type Logger } from './logger.js';
import { PublishedDataset } from './published-dataset.js';
import { clientKey, RateLimiter, type RateLimit } from './rate-limiter.js';
import { API_SECURITY_HEADERS } from './security-headers.js';
import { registerSignupRoute } from './signup-route.js';
import { registerStaticFiles, type StaticFilesOptions } from './static-files.js';
import { adminPage, type AdminPageOptions } from './routes/admin-page.js';
import { Store } from './store/sqlite/store.js';
import { PostgresStore } from './store/postgres/store.js';
import type { SamverkanStore } from './store/types.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  /**
   * Store mode: the dataset lives in the store as published versions, and
   * this value (raw JSON or parsed; read leniently with `parseDataset`) is
   * published as version 1 into a store that has none yet.
   */
  dataset?: unknown;
  /** Where `dataset` comes from, for the first version's summary ("the demo"). */
  datasetLabel?: string;
  /** File mode: the dataset file is the truth (re-read when it changes) and content writes answer 409. */
  datasetFile?: string;
  /** The folder of the SQLite file. Default `":memory:"`: applications last only as long as the process. */
  dataDir?: string;
  /**
   * Keep everything in PostgreSQL instead of SQLite (`postgres://…`,
   * SAMVERKAN_DATABASE_URL): several processes may serve one database.
   */
  databaseUrl?: string;
  /** The PostgreSQL schema (default `public`). */
  databaseSchema?: string;
  /** The server's public address (SAMVERKAN_PUBLIC_URL), for absolute IRIs in `/datasets/dcat`; else the request's. */
  publicUrl?: string;
  /** Enables the admin routes (at least 16 characters). */
  adminToken?: string;
  /** Origins that may read the public routes and post applications; default any. */
  allowedOrigins?: AllowedOrigins;
  /** `POST /api/v1/signups` per client (an IPv4 address or an IPv6 /64); default 10 per 60 seconds. */
  signupRateLimit?: RateLimit;
  /** `POST /api/v1/signups` for the whole server, whoever sends; default 600 per 60 seconds. */
  signupCeiling?: RateLimit;
  /** Use the last `X-Forwarded-For` address as the client (only behind a reverse proxy that sets it). */
  trustProxy?: boolean;
  /** Where the JSON log lines go; default a logger on stdout. */
  logger?: Logger;
  /** How long idempotency keys are kept (hours, at least 24); default 24. */
  idempotencyHours?: number;
  /** Static files to serve beside the API (the demo's pages and the elements bundle). */
  static?: StaticFilesOptions;
  /** The clock (for tests of dates); default `() => new Date()`. */
  now?: () => Date;
  /**
   * How long a client may take: to send its headers (default 10 s) and its
   * whole request (default 30 s). A client that is slower is answered `408`
   * and cut off, so slow or endless clients cannot hold connections.
   */
  timeouts?: ClientTimeouts;
  /**
   * More Fastify plugins to register (the accounts: sessions, users, OIDC).
   * They run after the core hooks (`request.actor` is declared) and before
   * the routes; a plugin that signs people in sets `request.actor`.
   */
  plugins?: FastifyPluginAsync<AppContext>[];
  /** Serve the admin routes even without `adminToken` (when a plugin signs people in). */
  adminRoutes?: boolean;
  /** Serve the admin page (`@samverkan/admin`'s build) at `/admin`. */
  adminPage?: AdminPageOptions;
  /** Called after an application is stored (the accounts' e-mail notification); its failures never fail the application. */
  onApplication?: (receipt: { id: string; reference: string }, application: SignupApplication) => void | Promise<void>;
}

/** What plugins given in {@link AppOptions.plugins} get as their options. */
export interface AppContext {
  store: SamverkanStore;
  published: PublishedDataset;
  logger: Logger;
  now: () => Date;
}

/** One route of the app: a method and a URL template (`/api/v1/signups/:id`). */
export interface ServedRoute {
  method: string;
  url: string;
  /** The route only answers `405` (a method the URL does not take). */
  methodNotAllowed?: true;
}

/** The HTTP server, plus what the CLI and tests use around it. */
export interface SamverkanServer extends Server {
  /**
   * Every route the app serves (filled in as they are registered; complete
   * once `ready()` resolves), so tests can cover each one and fail on a new
   * route they do not know (the agreements' isolation test).
   */
  readonly routes: readonly ServedRoute[];
  /** The Fastify app behind the server. */
  readonly app: FastifyInstance;
  /** Resolves when the app is ready to serve (the dataset read, an empty store seeded); rejects with why not. */
  ready(): Promise<void>;
  /** The published dataset (read it, or reload its file). */
  readonly published: PublishedDataset;
  /** The store (SQLite or PostgreSQL). */
  readonly store: SamverkanStore;
  /** The request logger. */
  readonly logger: Logger;
}

const HOUR = 3600_000;

/**
 * Creates the Samverkan API server (not yet listening): a Fastify app on a
 * `node:http` server tuned for the public internet (bounded headers, header
 * and request timeouts). `listen` waits until the app is ready. Routes:
 * `GET /api/v1/dataset`, `GET /api/v1/meetings.ics`, `POST /api/v1/signups`,
 * the admin routes (with a token), `GET /healthz`, and the static files
 * given in `static`. Closing the server also closes the store and stops
 * watching the dataset file.
 */
export function createApp(options: AppOptions): SamverkanServer {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createLogger('stdout');
  const auth = options.adminToken ? new AdminAuth(options.adminToken) : undefined;
  const store: SamverkanStore = options.databaseUrl
    ? new PostgresStore({ url: options.databaseUrl, ...(options.databaseSchema && { schema: options.databaseSchema }), logger })
    : new Store(options.dataDir ?? ':memory:');
  if (store instanceof Store) store.logger = logger;
  const source =
    options.datasetFile !== undefined
      ? { file: options.datasetFile }
      : { store: true as const, ...(options.dataset !== undefined && { seed: options.dataset }), seedLabel: options.datasetLabel ?? 'the dataset the server was started with' };
  const published = new PublishedDataset({ source, store, logger });
  // PostgreSQL hears other processes' changes (NOTIFY): publish them now rather than at the next one-second look.
  if (store instanceof PostgresStore) store.onOtherWriter(() => void published.refresh().catch(() => undefined));
  const cors = new CorsPolicy(options.allowedOrigins ?? '*');
  const answerDataset = createDatasetAnswer(published, cors);
  const limiter = new RateLimiter(options.signupRateLimit ?? { max: 10, windowSeconds: 60 });
  const ceiling = new RateLimiter(options.signupCeiling ?? { max: 600, windowSeconds: 60 });
  const idempotencyMs = Math.max(24, options.idempotencyHours ?? 24) * HOUR;

  const clientOf = (request: FastifyRequest): string => {
    if (options.trustProxy) {
      const forwarded = request.headers['x-forwarded-for'];
      const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').pop()?.trim();
      if (last) return clientKey(last);
    }
    return clientKey(request.raw.socket.remoteAddress ?? 'unknown');
  };

  const app = Fastify({
    logger: false,
    exposeHeadRoutes: true,
    // Our own error shape for every answer; __proto__ in a body is dropped, never merged.
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
    bodyLimit: 32 * 1024,
    // Bounded headers and requests: a slow or endless client cannot hold a connection forever.
    serverFactory: (handler) => createBoundedServer(withDatasetFastPath(handler, answerDataset, logger), { timeouts: options.timeouts, logger }),
    // The bounded server answers what the HTTP parser refuses (408/431/400) itself, as the tenants' front does.
    clientErrorHandler: () => undefined,
    // A URL that cannot be decoded names nothing we serve.
    frameworkErrors: (error, _request, reply) => {
      if (error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendErrors(reply, 404, [UNKNOWN_PATH]);
      return sendErrors(reply, 400, [UNREADABLE_REQUEST]);
    },
  });
  const server = app.server as SamverkanServer;
  // Collected at registration only: nothing of this runs per request.
  const routes: ServedRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methodNotAllowed = (route.config as { methodNotAllowed?: boolean } | undefined)?.methodNotAllowed === true;
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, ...(methodNotAllowed && { methodNotAllowed: true as const }) });
  });

  // The store is opened (PostgreSQL: connected and migrated, or a newer schema refused), the dataset read and an empty store seeded, before the server listens.
  app.addHook('onReady', async () => {
    if (store instanceof PostgresStore) await store.ready();
    await published.load();
  });
  registerRequestLog(app, logger);
  registerErrorHandling(app, logger);
  registerJsonBody(app);
  useZodSchemas(app);
  declareActor(app);
  // The API's security headers and "no cache" on every answer; the routes meant for caches and other sites override them.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(API_SECURITY_HEADERS).header('Cache-Control', 'no-store');
    done();
  });

  const context: AppContext = { store, published, logger, now };
  for (const plugin of options.plugins ?? []) app.register(plugin, context);

  // The dataset: its own, tuned answer (CORS headers prepared with it); outside the CORS plugin so no hook runs for it.
  app.get('/api/v1/dataset', createDatasetRoute(answerDataset));

  // The public routes: CORS for other sites, on their answers, preflights, 404s and 405s alike.
  app.register(async (pub) => {
    await pub.register(fastifyCors, {
      origin: cors.any ? '*' : (origin: string | undefined, cb: (error: Error | null, allow: string | false) => void) => cb(null, origin !== undefined && cors.allows(origin) ? origin : false),
      exposedHeaders: EXPOSED_HEADERS,
      allowedHeaders: ALLOWED_HEADERS,
      maxAge: 7200,
      strictPreflight: false,
      // Preflights only for the public routes below (each names its methods), so no preflight ever lets
      // another site send a JSON write anywhere else under /api/v1 (sessions, admin).
      preflight: false,
      hideOptionsRoute: true,
    });
    const preflight = (url: string, methods: string) =>
      pub.options(url, { config: { cors: { preflight: true, methods } } }, async (_request, reply) => reply.code(204).send());
    preflight('/dataset', 'GET, HEAD, OPTIONS');
    preflight('/meetings.ics', 'GET, HEAD, OPTIONS');
    preflight('/signups', 'POST, OPTIONS');
    preflight('/opportunities', 'POST, OPTIONS');
    pub.get('/meetings.ics', createCalendarRoute(published));
    // Preflights are answered by the CORS plugin (its OPTIONS route); the dataset's GET lives outside this context.
    methodNotAllowed(pub, '/dataset', ['GET', 'HEAD'], ['OPTIONS']);
    methodNotAllowed(pub, '/meetings.ics', ['GET', 'HEAD'], ['OPTIONS']);
    registerSignupRoute(pub, { store, cors, limiter, ceiling, clientOf, now, ...(options.onApplication && { onApplication: options.onApplication }) });
    registerOpportunityOfferRoute(pub, { store, published, cors, limiter, ceiling, clientOf, now });
    // GET /signups is the admin list: without admin routes it does not exist (404), like every admin route.
    methodNotAllowed(pub, '/signups', ['POST'], ['OPTIONS', 'GET', 'HEAD']);
    methodNotAllowed(pub, '/opportunities', ['POST'], ['OPTIONS', 'GET', 'HEAD']);
    pub.setNotFoundHandler((_request, reply) => sendErrors(reply, 404, [UNKNOWN_PATH]));
  }, { prefix: '/api/v1' });

  // The admin route families answer OPTIONS without CORS (the public routes' plugin would otherwise catch them).
  for (const url of ['/api/v1/admin', '/api/v1/admin/*', '/api/v1/signups/*', '/api/v1/opportunities/*']) app.options(url, async (_request, reply) => sendErrors(reply, 404, [UNKNOWN_PATH]));

  // The admin routes: no CORS at all; they exist only when someone can use them.
  if (auth || options.adminRoutes) {
    app.register(async (admin) => {
      if (auth) admin.addHook('onRequest', tokenActor(auth));
      registerApplicationRoutes(admin, { store, published, now });
      registerOfferDecisionRoutes(admin, { store, published, now });
      registerContentRoutes(admin, { store, published, now, ...(options.datasetFile !== undefined && { datasetFile: options.datasetFile }) });
    });
  }

  if (options.adminPage) app.register(adminPage, options.adminPage);

  // Open-data publication: the DCAT-AP-SE catalogue the national data portal harvests.
  app.get('/datasets/dcat', createDcatRoute(published, { publicUrl: options.publicUrl, trustProxy: options.trustProxy ?? false }));
  methodNotAllowed(app, '/datasets/dcat', ['GET', 'HEAD']);

  app.route({
    method: 'GET',
    url: '/healthz',
    handler: async (_request, reply) => {
      try {
        await store.ping();
        published.current();
        // File mode leaves out opportunities of organisations without a signature: counted here (ids in the log), so monitoring sees them.
        const withheld = published.withheld().length;
        return reply.send({ status: 'ok', ...(withheld > 0 && { withheldOpportunities: withheld }) });
      } catch {
        return reply.code(503).send({ status: 'unavailable' });
      }
    },
  });
  methodNotAllowed(app, '/healthz', ['GET', 'HEAD']);

  if (options.static) {
    const folders = options.static;
    app.register(async (files) => registerStaticFiles(files, folders, logger));
  }

  const purge = () => {
    Promise.resolve()
      .then(async () => {
        if (store instanceof PostgresStore) await store.ready();
        return store.purgeIdempotency(idempotencyMs, now().getTime());
      })
      .catch((error: unknown) => logger.event('error', 'purging old idempotency keys failed', { error: (error as Error).message }));
  };
  purge();
  const timers = [
    setInterval(purge, HOUR),
    setInterval(() => {
      limiter.sweep();
      ceiling.sweep();
    }, 60_000),
  ];
  for (const timer of timers) timer.unref();

  // `listen` on the node:http server waits for the Fastify app (its plugins and routes) first.
  const listen = server.listen.bind(server) as (...args: unknown[]) => Server;
  server.listen = ((...args: unknown[]) => {
    app.ready().then(
      () => listen(...args),
      (error: unknown) => server.emit('error', error),
    );
    return server;
  }) as SamverkanServer['listen'];

  server.once('close', () => {
    for (const timer of timers) clearInterval(timer);
    published.close();
    store.close();
    logger.flush();
  });
  Object.defineProperties(server, {
    app: { value: app },
    routes: { value: routes },
    ready: { value: () => app.ready().then(() => undefined) },
    published: { value: published },
    store: { value: store },
    logger: { value: logger },
  });
  return server;
}
