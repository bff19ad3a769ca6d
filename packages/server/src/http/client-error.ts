import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../logger.js';
import { noteForLog } from '../respond.js';
import { API_SECURITY_HEADERS } from '../security-headers.js';
import { saidErrors } from './errors.js';
import { HEADERS_TOO_LARGE, REQUEST_TIMEOUT, UNREADABLE_REQUEST } from './generic-answers.js';
import { DEFAULT_ANSWER_LANGUAGE, preferredAnswerLanguage } from './language.js';

/**
 * Answers what Node's HTTP parser rejects before there is a request object
 * (headers too large, a broken request, a client too slow): the same error
 * shape and security headers as every other answer, instead of Node's or
 * Fastify's bare default, and one log line like any request. The message
 * is in the language of the request under way on the socket (a body too
 * slow: its headers were read), else in the default language, Swedish: the
 * parser refused the headers, so there is no `Accept-Language` to read.
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
  const item = status === 431 ? HEADERS_TOO_LARGE : status === 408 ? REQUEST_TIMEOUT : UNREADABLE_REQUEST;
  const lang = current?.req ? preferredAnswerLanguage(current.req.headers['accept-language']) : DEFAULT_ANSWER_LANGUAGE;
  const body = JSON.stringify({ errors: saidErrors([item], lang) });
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
