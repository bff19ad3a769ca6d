import type { FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '@samverkan/sdk';
import { csrfTokenFor, sameSecret } from './tokens.js';

/** Methods that change nothing, and so need no CSRF check. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request came from the server's own pages, by the headers a
 * browser sets and a page cannot forge: `Sec-Fetch-Site` must be
 * `same-origin` when sent, and `Origin` must be the server's own origin when
 * sent. Clients that send neither (curl, older browsers) pass this check;
 * the CSRF token is what stops forged requests from those browsers.
 *
 * The server's own origin is the request's protocol and `Host`, or
 * `publicOrigin` when configured (`SAMVERKAN_PUBLIC_URL`: behind a proxy the
 * request may arrive as plain HTTP under another name).
 */
export function isCrossSite(request: FastifyRequest, publicOrigin: string | undefined): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  const sent = origin.toLowerCase();
  // The browser sets Host to the server it talks to, so the request's own origin is ours whatever name was used.
  return sent !== `${request.protocol}://${request.host}`.toLowerCase() && sent !== publicOrigin?.toLowerCase();
}

/** Whether the request carries the CSRF token of the session `sessionId` in `X-CSRF-Token`. */
export function hasCsrfToken(request: FastifyRequest, sessionId: string): boolean {
  const sent = request.headers[CSRF_HEADER.toLowerCase()];
  return typeof sent === 'string' && sameSecret(sent, csrfTokenFor(sessionId));
}
