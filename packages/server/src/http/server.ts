import { createServer, type RequestListener, type Server } from 'node:http';
import type { Logger } from '../logger.js';
import { answerClientError } from './client-error.js';

/** How long a client may take: to send its headers (default 10 s) and its whole request (default 30 s). */
export interface ClientTimeouts {
  headersMs?: number;
  requestMs?: number;
}

/**
 * The `node:http` server every Samverkan listener runs on (one agreement's
 * app, and the front of several agreements alike), tuned for the public
 * internet: headers of at most 16 KiB and 100 lines, headers within
 * `headersMs` and the whole request within `requestMs`, idle keep-alive
 * connections closed after 5 s. What Node's parser refuses before there is a
 * request (a slow client, oversized headers, something that is not HTTP) is
 * answered `408`/`431`/`400` in our error shape and logged
 * (`answerClientError`), so the promise holds whichever server a client reached.
 */
export function createBoundedServer(handler: RequestListener, options: { timeouts?: ClientTimeouts | undefined; logger: Logger }): Server {
  const headersTimeout = options.timeouts?.headersMs ?? 10_000;
  const server = createServer(
    {
      maxHeaderSize: 16 * 1024,
      headersTimeout,
      requestTimeout: Math.max(headersTimeout, options.timeouts?.requestMs ?? 30_000),
      // Node checks the two timeouts above only this often (default 30 s, which
      // would let a slow client stay up to 40 s instead of 10 s).
      connectionsCheckingInterval: Math.max(100, Math.min(2_500, headersTimeout / 4)),
      keepAliveTimeout: 5_000,
    },
    handler,
  );
  server.maxHeadersCount = 100;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => answerClientError(error, socket, options.logger));
  return server;
}
