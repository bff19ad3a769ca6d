import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CorsPolicy } from './cors.js';
import { ifNoneMatchHits } from './http/conditional.js';
import { saidErrors } from './http/errors.js';
import { SERVER_ERROR as SERVER_ERROR_ANSWER } from './http/generic-answers.js';
import { ANSWER_LANGUAGES, preferredAnswerLanguage, type AnswerLanguage } from './http/language.js';
import { logWhenDone } from './http/request-log.js';
import type { Logger } from './logger.js';
import type { DatasetSnapshot, PublishedDataset } from './published-dataset.js';
import { API_SECURITY_HEADERS, SHARED_RESOURCE } from './security-headers.js';

/** Where the dataset is served. */
export const DATASET_PATH = '/api/v1/dataset';

/** How long caches may use the dataset without asking, and how long they may serve it stale while they ask. */
export const DATASET_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=3600, stale-if-error=86400';

/** A content coding the dataset is offered in. */
export type Encoding = 'identity' | 'gzip' | 'br';

/** Answers a `GET` or `HEAD` of the dataset on the raw `node:http` objects. */
export type DatasetAnswer = (req: IncomingMessage, res: ServerResponse) => void;

interface Prepared {
  snapshot: DatasetSnapshot;
  /** Full header sets per encoding, built once per snapshot so a request copies nothing. */
  ok: Partial<Record<Encoding, Record<string, string>>>;
  notModified: Partial<Record<Encoding, Record<string, string>>>;
}

/**
 * The answer to `GET`/`HEAD /api/v1/dataset`: the published dataset with a
 * strong ETag (one per encoding: `"h"`, `"h-gz"`, `"h-br"`), `304` when
 * `If-None-Match` names any of them, gzip or brotli when the client accepts
 * it, and CORS. Everything except the CORS headers of an origin list is
 * prepared once per snapshot, and the answer is written straight to the
 * response: this route is what every embedding page polls, and the
 * benchmark holds it to ≥ 0.8 × nginx (200) and ≥ 0.5 × (304).
 */
export function createDatasetAnswer(published: PublishedDataset, cors: CorsPolicy): DatasetAnswer {
  let prepared: Prepared | undefined;

  const headersFor = (p: Prepared, encoding: Encoding, status: 200 | 304): Record<string, string> => {
    const cache = status === 200 ? p.ok : p.notModified;
    let headers = cache[encoding];
    if (!headers) {
      const { snapshot } = p;
      const etag = encoding === 'identity' ? snapshot.etag : `"${snapshot.hash}-${encoding === 'gzip' ? 'gz' : 'br'}"`;
      headers = {
        ...API_SECURITY_HEADERS,
        ...SHARED_RESOURCE,
        ...cors.anyOriginHeaders,
        ETag: etag,
        'Cache-Control': DATASET_CACHE_CONTROL,
        Vary: 'Accept-Encoding',
      };
      if (status === 200) {
        const body = bodyFor(snapshot, encoding);
        headers['Content-Type'] = 'application/json; charset=utf-8';
        headers['Content-Length'] = String(body.length);
        if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
      }
      cache[encoding] = headers;
    }
    return headers;
  };

  return function answerDataset(req, res) {
    const snapshot = published.current();
    if (prepared?.snapshot !== snapshot) prepared = { snapshot, ok: {}, notModified: {} };
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    const ifNoneMatch = req.headers['if-none-match'];
    const status = ifNoneMatch !== undefined && matches(ifNoneMatch, snapshot) ? 304 : 200;
    let headers = headersFor(prepared, encoding, status);
    if (!cors.any) {
      const extra = cors.headers(req.headers.origin);
      headers = { ...headers, ...extra, Vary: 'Accept-Encoding, Origin' };
    }
    res.writeHead(status, headers);
    if (status === 304 || req.method === 'HEAD') res.end();
    else res.end(bodyFor(snapshot, encoding));
  };
}

/**
 * The dataset's Fastify route (`GET` and `HEAD`): it takes the answer over
 * from Fastify (`reply.hijack()`). It serves what the path in front of
 * Fastify ({@link withDatasetFastPath}) leaves to it: requests with a
 * query string, a cookie or credentials. The request log sees it through
 * its hook.
 */
export function createDatasetRoute(answer: DatasetAnswer) {
  return function datasetRoute(request: FastifyRequest, reply: FastifyReply): void {
    reply.hijack();
    answer(request.raw, reply.raw);
  };
}

/**
 * The `node:http` request listener with the dataset's path in front of
 * Fastify: `GET`/`HEAD /api/v1/dataset` without a cookie or an
 * `Authorization` header (every embedding page's poll) is answered
 * directly, and everything else goes to `next` (Fastify). Fastify's routing,
 * request objects and hooks were about a quarter of a `304`'s CPU time, and
 * none of them does anything for such a request: the security, cache and
 * CORS headers are the answer's own, the sign-in hooks only look at cookies
 * and credentials (those requests still take Fastify's way, so a session
 * cookie is handled as on any route), and there is no rate limit on reads.
 * The request log gets the same line as through its hook.
 */
export function withDatasetFastPath(next: RequestListener, answer: DatasetAnswer, logger: Logger): RequestListener {
  const path = () => DATASET_PATH;
  return function dataset(req, res) {
    const { method, headers } = req;
    if (req.url !== DATASET_PATH || (method !== 'GET' && method !== 'HEAD') || headers.cookie !== undefined || headers.authorization !== undefined) {
      next(req, res);
      return;
    }
    logWhenDone(res, logger, method, path);
    try {
      answer(req, res);
    } catch (error) {
      // Outside Fastify nothing else would catch it: a throw here would end the process.
      logger.event('error', 'request failed', { route: DATASET_PATH, error: (error as Error).message });
      if (res.headersSent) res.destroy();
      else {
        const body = SERVER_ERROR[preferredAnswerLanguage(headers['accept-language'])];
        res.writeHead(500, { ...SERVER_ERROR_HEADERS, 'Content-Length': String(body.length) }).end(body);
      }
    }
  };
}

/** The app's 500 (http/generic-answers.ts) for the dataset, in the API's error shape, in each language (the request's, as everywhere). */
const SERVER_ERROR = Object.fromEntries(
  ANSWER_LANGUAGES.map((lang) => [lang, Buffer.from(JSON.stringify({ errors: saidErrors([SERVER_ERROR_ANSWER], lang) }))]),
) as Record<AnswerLanguage, Buffer>;
const SERVER_ERROR_HEADERS = {
  ...API_SECURITY_HEADERS,
  'Cache-Control': 'no-store',
  'Content-Type': 'application/json; charset=utf-8',
};

function bodyFor(snapshot: DatasetSnapshot, encoding: Encoding): Buffer {
  return encoding === 'br' ? snapshot.brotli() : encoding === 'gzip' ? snapshot.gzip() : snapshot.body;
}

/** Whether `If-None-Match` names the current dataset in any of its encodings. */
export function matches(ifNoneMatch: string, snapshot: DatasetSnapshot): boolean {
  return ifNoneMatchHits(ifNoneMatch, snapshot.etags);
}

/** Brotli if accepted, else gzip if accepted, else none; `;q=0` refuses a coding. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  let gzip = false;
  let br = false;
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    const coding = name.trim();
    if (coding === 'br') br = true;
    else if (coding === 'gzip' || coding === 'x-gzip') gzip = true;
    else if (coding === '*') {
      br = true;
      gzip = true;
    }
  }
  return br ? 'br' : gzip ? 'gzip' : 'identity';
}
