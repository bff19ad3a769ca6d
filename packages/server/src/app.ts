import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { AdminAuth } from './admin-auth.js';
import { ADMIN_ACTIONS, createAdminRoutes, type AdminAction } from './admin-routes.js';
import { createCalendarRoute } from './calendar-route.js';
import { CorsPolicy, type AllowedOrigins } from './cors.js';
import { createDatasetRoute } from './dataset-route.js';
import { createLogger, type Logger } from './logger.js';
import { PublishedDataset } from './published-dataset.js';
import { RateLimiter, type RateLimit } from './rate-limiter.js';
import { logNote, noteForLog, sendErrors, sendJson } from './respond.js';
import { API_SECURITY_HEADERS } from './security-headers.js';
import { createSignupRoute } from './signup-route.js';
import { StaticFiles, type StaticFilesOptions } from './static-files.js';
import { Store } from './store.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  /** The dataset to publish as a value (raw JSON or parsed; read leniently with `parseDataset`). */
  dataset?: unknown;
  /** Or the dataset file to publish, re-read when it changes. One of `dataset` and `datasetFile` is needed. */
  datasetFile?: string;
  /** The folder of the SQLite file. Default `":memory:"`: applications last only as long as the process. */
  dataDir?: string;
  /** Enables the admin routes (at least 16 characters). */
  adminToken?: string;
  /** Origins that may read the public routes and post applications; default any. */
  allowedOrigins?: AllowedOrigins;
  /** `POST /api/v1/signups` per client; default 10 per 60 seconds. */
  signupRateLimit?: RateLimit;
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
  timeouts?: { headersMs?: number; requestMs?: number };
}

/** The HTTP server, plus what the CLI and tests use around it. */
export interface SamverkanServer extends Server {
  /** The published dataset (read it, or reload its file). */
  readonly published: PublishedDataset;
  /** The application store. */
  readonly store: Store;
  /** The request logger. */
  readonly logger: Logger;
}

const SIGNUP_ITEM = /^\/api\/v1\/signups\/([A-Za-z0-9-]{1,64})(?:\/([a-z]+))?$/;
const HOUR = 3600_000;

/**
 * Creates the Samverkan API server (not yet listening). Routes:
 * `GET /api/v1/dataset`, `GET /api/v1/meetings.ics`, `POST /api/v1/signups`,
 * the admin routes (with a token), `GET /healthz`, and the static files
 * given in `static`. Closing the server also closes the store and stops
 * watching the dataset file.
 */
export function createApp(options: AppOptions): SamverkanServer {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createLogger('stdout');
  const store = new Store(options.dataDir ?? ':memory:');
  let published: PublishedDataset;
  try {
    const source = options.datasetFile !== undefined ? { file: options.datasetFile } : { value: options.dataset };
    published = new PublishedDataset({ source, store, logger });
  } catch (error) {
    store.close();
    throw error;
  }
  const cors = new CorsPolicy(options.allowedOrigins ?? '*');
  const auth = options.adminToken ? new AdminAuth(options.adminToken) : undefined;
  const limiter = new RateLimiter(options.signupRateLimit ?? { max: 10, windowSeconds: 60 });
  const idempotencyMs = Math.max(24, options.idempotencyHours ?? 24) * HOUR;
  const staticFiles = options.static ? new StaticFiles(options.static) : undefined;

  const clientOf = (req: IncomingMessage): string => {
    if (options.trustProxy) {
      const forwarded = req.headers['x-forwarded-for'];
      const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').pop()?.trim();
      if (last) return last;
    }
    return req.socket.remoteAddress ?? 'unknown';
  };

  const dataset = createDatasetRoute(published, cors);
  const calendar = createCalendarRoute(published, cors);
  const signup = createSignupRoute({ store, cors, limiter, clientOf, now });
  const admin = createAdminRoutes({ auth, store, published, now });

  const notFound = (res: ServerResponse) => sendErrors(res, 404, 'Not found.');
  const methodNotAllowed = (res: ServerResponse, allow: string) => sendErrors(res, 405, `Use ${allow}.`, { Allow: allow });
  const preflight = (req: IncomingMessage, res: ServerResponse, methods: string) => {
    res.writeHead(204, { ...API_SECURITY_HEADERS, ...cors.preflight(req.headers.origin, methods), Allow: methods }).end();
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const method = req.method ?? 'GET';
    const read = method === 'GET' || method === 'HEAD';

    switch (path) {
      case '/api/v1/dataset':
        if (read) return dataset(req, res);
        if (method === 'OPTIONS') return preflight(req, res, 'GET, HEAD, OPTIONS');
        return methodNotAllowed(res, 'GET, HEAD');
      case '/api/v1/meetings.ics':
        if (read) return calendar(req, res);
        if (method === 'OPTIONS') return preflight(req, res, 'GET, HEAD, OPTIONS');
        return methodNotAllowed(res, 'GET, HEAD');
      case '/api/v1/signups':
        if (method === 'POST') return signup(req, res);
        if (method === 'OPTIONS') return preflight(req, res, 'POST, OPTIONS');
        if (read) {
          // Without an admin token the listing does not exist, like every admin route.
          if (!admin.list(req, res, new URLSearchParams(q === -1 ? '' : url.slice(q + 1)))) notFound(res);
          return;
        }
        return methodNotAllowed(res, 'POST');
      case '/healthz':
        if (!read) return methodNotAllowed(res, 'GET, HEAD');
        try {
          store.ping();
          published.current();
          return sendJson(res, 200, { status: 'ok' });
        } catch {
          return sendJson(res, 503, { status: 'unavailable' });
        }
    }

    const item = SIGNUP_ITEM.exec(path);
    if (item) {
      const action = item[2] as AdminAction | undefined;
      if (action !== undefined && !ADMIN_ACTIONS.includes(action)) return notFound(res);
      if (!admin.one(req, res, item[1]!, action)) notFound(res);
      return;
    }

    if (read && staticFiles?.serve(req, res, path)) return;
    return notFound(res);
  }

  const headersTimeout = options.timeouts?.headersMs ?? 10_000;
  const requestTimeout = Math.max(headersTimeout, options.timeouts?.requestMs ?? 30_000);
  const server = createServer(
    {
      // Bounded headers and requests: a slow or endless client cannot hold a connection forever.
      maxHeaderSize: 16 * 1024,
      headersTimeout,
      requestTimeout,
      // Node checks the two timeouts above only this often (default 30 s, which
      // would let a slow client stay up to 40 s instead of 10 s).
      connectionsCheckingInterval: Math.max(100, Math.min(2_500, headersTimeout / 4)),
      keepAliveTimeout: 5_000,
    },
    (req, res) => {
      const started = performance.now();
      res.once('close', () => {
        const note = logNote(res);
        logger.request({
          method: req.method ?? '',
          path: pathForLog(req.url, res.statusCode),
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          ...(!res.writableEnded && { aborted: true }),
          ...(note !== undefined && { note }),
        });
      });
      route(req, res).catch((error: unknown) => {
        logger.event('error', 'request failed', { path: pathForLog(req.url), error: (error as Error)?.message });
        if (!res.headersSent) sendErrors(res, 500, 'Something went wrong on the server.');
        else res.destroy();
      });
    },
  ) as SamverkanServer;
  server.maxHeadersCount = 100;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket, logger));

  const purge = () => {
    try {
      store.purgeIdempotency(idempotencyMs, now().getTime());
    } catch (error) {
      logger.event('error', 'purging old idempotency keys failed', { error: (error as Error).message });
    }
  };
  purge();
  const timers = [setInterval(purge, HOUR), setInterval(() => limiter.sweep(), 60_000)];
  for (const timer of timers) timer.unref();

  server.once('close', () => {
    for (const timer of timers) clearInterval(timer);
    published.close();
    store.close();
    logger.flush();
  });
  Object.defineProperties(server, {
    published: { value: published },
    store: { value: store },
    logger: { value: logger },
  });
  return server;
}

/**
 * Answers what Node's HTTP parser rejects before there is a request object
 * (headers too large, a broken request, a client too slow): the same error
 * shape and security headers as every other answer, instead of Node's bare
 * default, and one log line like any request.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, logger: Logger): void {
  // The answer of a request already being handled on this socket (one whose body is too slow).
  const current = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  // A response already under way cannot get a second status line.
  if (error.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
    socket.destroy();
    return;
  }
  const status =
    error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'HPE_HEADER_TIMEOUT' ? 408 : 400;
  const message = status === 431 ? 'The request headers are too large.' : status === 408 ? 'The request took too long to arrive.' : 'The request could not be read as HTTP.';
  const body = JSON.stringify({ errors: [{ path: '', message }] });
  const headers = {
    ...API_SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    Connection: 'close',
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${body}`);
  if (current) {
    // That request's own log line (written when it closes) tells what happened: one line per request.
    current.statusCode = status;
    noteForLog(current, 'client-error');
  } else {
    logger.request({ method: '', path: '', status, ms: 0, note: 'client-error' });
  }
}

/** The path of a request URL without its query, cut to a sane length. */
function pathForLog(url: string | undefined, status?: number): string {
  const raw = url ?? '';
  const q = raw.indexOf('?');
  let path = q === -1 ? raw : raw.slice(0, q);
  // A path we do not serve is whatever someone typed or pasted, such as an
  // e-mail address or a personal identity number: those parts are not kept.
  if (status === 404) path = path.split('/').map((segment) => (PERSONAL_LOOKING.test(safeDecode(segment)) ? '…' : segment)).join('/');
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

// An @ (e-mail addresses) or six digits in a row (personal identity numbers, phone numbers).
const PERSONAL_LOOKING = /@|\d[\d\s-]{4,}\d/;

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
