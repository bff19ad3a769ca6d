import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger, RequestLogEntry } from '../logger.js';
import { logNote } from '../respond.js';

/**
 * What the log says for a path nobody serves: whatever someone typed or
 * pasted (an e-mail address, a personal identity number, a name) is not
 * kept, not even in part.
 */
export const UNMATCHED_PATH = '(unmatched)';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A catch-all route (the static files): a 404 from it is logged like an unmatched path. */
    catchAll?: boolean;
  }
}

/**
 * One JSON line per request, written when the connection is done with the
 * answer (also for answers written directly to the socket, and for clients
 * that went away). The path is the matched route's template
 * (`/api/v1/signups/:id`), never the path as sent: ids, numbers and names in
 * it stay out of the log (issue 17.8).
 */
export function registerRequestLog(app: FastifyInstance, logger: Logger): void {
  app.addHook('onRequest', (request, reply, done) => {
    logWhenDone(reply.raw, logger, request.method, (status) => pathForLog(request, status));
    done();
  });
}

/**
 * Writes a request's line once the connection is done with `res` (the
 * answer sent, or the client gone: then `aborted: true`). The one way every
 * request is logged: through the hook above, and by the dataset's path in
 * front of Fastify (`dataset-route.ts`).
 */
export function logWhenDone(res: ServerResponse, logger: Logger, method: string, path: (status: number) => string): void {
  const started = performance.now();
  res.once('close', () => {
    const status = res.statusCode;
    const entry: RequestLogEntry = { method, path: path(status), status, ms: Math.round((performance.now() - started) * 10) / 10 };
    if (!res.writableEnded) entry.aborted = true;
    const note = logNote(res);
    if (note !== undefined) entry.note = note;
    logger.request(entry);
  });
}

/** The route template of a matched request, or {@link UNMATCHED_PATH}. */
export function pathForLog(request: FastifyRequest, status: number): string {
  if (request.is404) return UNMATCHED_PATH;
  const { url, config } = request.routeOptions;
  if (url === undefined || (config?.catchAll && status === 404)) return UNMATCHED_PATH;
  return url;
}
