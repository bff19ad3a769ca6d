import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { requireRole, type Role } from '../auth/actor.js';
import { messagesFor, sendError } from './messages.js';

/**
 * `requireRole(role)`, but a request whose session cookie was refused for
 * CSRF reasons gets `403` with the reason instead of a bare `401`.
 */
export function guard(role: Role): preHandlerAsyncHookHandler {
  const check = requireRole(role);
  return async function guarded(this: unknown, request: FastifyRequest, reply: FastifyReply) {
    if (!request.actor && request.authProblem) return sendError(reply, 403, request.authProblem);
    return check.call(this as never, request, reply);
  };
}

/** Lets through only a signed-in person (not the admin token): their own account's routes. */
export const requirePerson: preHandlerAsyncHookHandler = async function requirePerson(request, reply) {
  if (request.authProblem) return sendError(reply, 403, request.authProblem);
  if (!request.accountSession) return sendError(reply, 401, messagesFor(request).noSession);
  return undefined;
};
