import type { ServerResponse } from 'node:http';
import { API_SECURITY_HEADERS } from './security-headers.js';

/** One problem in an error answer: where (`""` for the request as a whole) and what. */
export interface ErrorItem {
  path: string;
  message: string;
  code?: string;
}

const notes = new WeakMap<ServerResponse, string>();

/** Attaches a short, non-personal note to the request's log line. */
export function noteForLog(res: ServerResponse, note: string): void {
  notes.set(res, note);
}

/** The note attached with {@link noteForLog}, if any. */
export function logNote(res: ServerResponse): string | undefined {
  return notes.get(res);
}

/** Sends a JSON answer that no cache keeps, with the API's security headers. */
export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, {
    ...API_SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}

/**
 * Sends an error in the one shape every error answer has:
 * `{ errors: [{ path, message }] }` (`path` is `""` when the problem is the
 * request as a whole), so a client reads failures one way.
 */
export function sendErrors(res: ServerResponse, status: number, errors: ErrorItem[] | string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { errors: typeof errors === 'string' ? [{ path: '', message: errors }] : errors }, headers);
}
