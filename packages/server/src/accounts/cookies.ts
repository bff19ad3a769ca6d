import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SerializeOptions } from '@fastify/cookie';

/**
 * Cookies read and written only where the accounts need them. `@fastify/cookie`
 * is registered with `hook: false` (its parser and serializer, not its hooks):
 * otherwise it would parse cookies and check for `Set-Cookie` on every
 * request of every route, the tuned public dataset route included.
 */
const parsed = new WeakMap<FastifyRequest, Record<string, string | undefined>>();

/** The value of cookie `name` in the request, if any (the header is parsed once per request). */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  let cookies = parsed.get(request);
  if (!cookies) {
    cookies = request.server.parseCookie(header);
    parsed.set(request, cookies);
  }
  return cookies[name];
}

/** Adds a `Set-Cookie` header (several add up). */
export function writeCookie(reply: FastifyReply, name: string, value: string, options: SerializeOptions): void {
  reply.header('set-cookie', reply.server.serializeCookie(name, value, options));
}

/** Tells the browser to forget cookie `name` (same path and attributes as when it was set). */
export function removeCookie(reply: FastifyReply, name: string, options: SerializeOptions): void {
  writeCookie(reply, name, '', { ...options, expires: new Date(0), maxAge: 0 });
}
