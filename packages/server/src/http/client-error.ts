import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../logger.js';
import { noteForLog } from '../respond.js';
import { API_SECURITY_HEADERS } from '../security-headers.js';

/**
 * Answers what Node's HTTP parser rejects before there is a request object
 * (headers too large, a broken request, a client too slow): the same error
 * shape and security headers as every other answer, instead of Node's or
 * Fastify's bare default, and one log line like any request.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, logger: Logger): void {
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
