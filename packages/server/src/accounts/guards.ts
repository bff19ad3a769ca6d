import type { preHandlerAsyncHookHandler } from 'fastify';
import { messagesFor, sendError } from './messages.js';

/** Lets through only a signed-in person (not the admin token): their own account's routes. */
export const requirePerson: preHandlerAsyncHookHandler = async function requirePerson(request, reply) {
  if (request.authProblem) return sendError(reply, 403, request.authProblem);
  if (!request.accountSession) return sendError(reply, 401, messagesFor(request).noSession);
  return undefined;
};
