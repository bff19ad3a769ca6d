import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { AdminAuth } from '../admin-auth.js';
import { sendErrors } from '../http/errors.js';

/**
 * Who is making a request to an admin route: the admin token (`kind:
 * 'token'`, for automation) or a signed-in person (`kind: 'user'`, set by
 * the session plugin from its cookie). `name` is what the history and the
 * audit log show as "by"; `email` is never written to the audit log.
 */
export type Actor = {
  kind: 'token' | 'user';
  id: string;
  email?: string;
  name: string;
  role: 'admin' | 'editor';
};

/** A role, from least to most allowed. */
export type Role = Actor['role'];

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The authenticated actor, or `undefined`. Filled by `onRequest` hooks:
     * the admin token ({@link actorFromToken}) and the session cookie
     * (the accounts plugin). Routes check it only through {@link requireRole}.
     */
    actor: Actor | undefined;
    /**
     * Why a session cookie did not make this request's actor (a write without
     * the CSRF token, or from another site), set by the accounts plugin;
     * {@link requireRole} answers `403` with it instead of `401`.
     */
    authProblem: string | undefined;
  }
}

/** The actor that the admin token stands for: an admin. */
export const TOKEN_ACTOR: Readonly<Actor> = Object.freeze({ kind: 'token', id: 'admin-token', name: 'admin token', role: 'admin' });

/** Whether `actor` may do what `role` may: an admin may do everything an editor may. */
export function hasRole(actor: Actor | undefined, role: Role): boolean {
  if (!actor) return false;
  return role === 'editor' ? actor.role === 'editor' || actor.role === 'admin' : actor.role === 'admin';
}

/**
 * A Fastify `preHandler` that lets a request through only with an actor of
 * at least `role`: `401` (with `WWW-Authenticate`) without an actor, `403`
 * with one whose role is too small. The answers have the API's error shape.
 */
export function requireRole(role: Role): preHandlerAsyncHookHandler {
  return async function checkRole(request: FastifyRequest, reply: FastifyReply) {
    const { actor } = request;
    if (!actor) {
      // A session cookie the accounts plugin refused for this write (no CSRF token, another site): say why.
      if (request.authProblem) {
        await sendErrors(reply, 403, request.authProblem);
        return reply;
      }
      await sendErrors(
        reply,
        401,
        { en: 'You are not signed in: sign in (or, from a script, send the admin token: Authorization: Bearer <token>).', sv: 'Du är inte inloggad: logga in (eller, från ett skript, skicka admin-token: Authorization: Bearer <token>).' },
        { 'WWW-Authenticate': 'Bearer realm="samverkan-admin"' },
      );
      return reply;
    }
    if (!hasRole(actor, role)) {
      await sendErrors(reply, 403, {
        en: `This needs the role ${role}; you are ${actor.role}. Ask an administrator to do it, or to give you that role.`,
        sv: `Det här kräver rollen ${role}; du har rollen ${actor.role}. Be en administratör göra det, eller ge dig den rollen.`,
      });
      return reply;
    }
  };
}

/**
 * Declares `request.actor` on an app once (the app and the accounts plugin
 * may both ask; Fastify refuses a second declaration).
 */
export function declareActor(app: FastifyInstance): void {
  if (!app.hasRequestDecorator('actor')) app.decorateRequest('actor', undefined);
}

/**
 * An `onRequest` hook that makes `Authorization: Bearer <admin token>` an
 * admin actor ({@link TOKEN_ACTOR}). A wrong token leaves the actor as it is
 * (none, or the session's), so {@link requireRole} answers `401`.
 */
export function tokenActor(auth: AdminAuth): onRequestHookHandler {
  return function actorFromToken(request, _reply, done) {
    const header = request.headers.authorization;
    if (header !== undefined && auth.verify(header)) request.actor = TOKEN_ACTOR;
    done();
  };
}
