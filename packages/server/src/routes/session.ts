import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { SignInRequestSchema, type SignInOptions, validateWith } from '@samverkan/sdk';
import type { AccountsContext } from '../accounts/context.js';
import { readCookie } from '../accounts/cookies.js';
import { isCrossSite } from '../accounts/csrf.js';
import { messagesFor, sendError } from '../accounts/messages.js';
import { sendIssues } from '../http/errors.js';
import { sessionCookieName } from '../accounts/sessions.js';
import { clientKey } from '../rate-limiter.js';
import { sessionBody } from '../accounts/wire.js';

/**
 * `GET /api/v1/session/options`, `POST /api/v1/session` (sign in),
 * `GET /api/v1/session` (who is signed in), `DELETE /api/v1/session` (sign out).
 */
export const sessionRoutes: FastifyPluginAsync<{ accounts: AccountsContext }> = async (app, { accounts }) => {
  app.addHook('onSend', async (_request, reply) => {
    // Answers about a session are personal and change: never cached.
    reply.header('Cache-Control', 'no-store');
  });

  app.get('/api/v1/session/options', async (): Promise<SignInOptions> => ({
    password: true,
    oidc: accounts.oidc !== undefined,
    ...(accounts.oidc && { oidcStartUrl: '/api/v1/session/oidc/start' }),
  }));

  app.post('/api/v1/session', async (request, reply) => {
    const bodyLang = langOf(request.body);
    const messages = messagesFor(request, bodyLang);
    if (isCrossSite(request, accounts.publicUrl)) return sendError(reply, 403, messages.crossSite);
    const parsed = validateWith(SignInRequestSchema, request.body);
    if (!parsed.success) return sendIssues(reply, parsed.issues, bodyLang);
    const { email, password } = parsed.data;

    // Slowed per account and per client; while either must wait, the password is not even checked.
    const now = accounts.now();
    const accountKey = `account:${email}`;
    const client = `client:${clientKey(request.ip)}`;
    const waitMs = Math.max(await accounts.throttle.account.waitMs(accountKey, now), await accounts.throttle.client.waitMs(client, now));
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      reply.header('Retry-After', String(seconds));
      return sendError(reply, 429, messages.throttled(seconds));
    }

    const user = await accounts.store.findUserByEmail(email);
    const ok = user?.passwordHash ? await accounts.hasher.verify(password, user.passwordHash) : await accounts.hasher.verifyNothing(password);
    if (!user || !ok) {
      const at = accounts.now();
      await Promise.all([accounts.throttle.account.fail(accountKey, at), accounts.throttle.client.fail(client, at)]);
      await accounts.audit(request, { by: 'anonymous', action: 'sign-in-failed', target: user ? `user:${user.id}` : '' });
      return sendError(reply, 401, messages.signInFailed);
    }
    await accounts.throttle.account.succeed(accountKey);
    if (accounts.hasher.needsRehash(user.passwordHash!)) {
      await accounts.store.upgradePasswordHash(user.id, await accounts.hasher.hash(password));
    }
    await endCurrentSession(accounts, request);
    await accounts.store.recordSignIn(user.id, accounts.now());
    const session = await accounts.sessions.start(user, 'password');
    accounts.sessions.setCookie(request, reply, session);
    await accounts.audit(request, { by: user.name, action: 'sign-in', target: `user:${user.id}` });
    return sessionBody(session);
  });

  app.get('/api/v1/session', async (request, reply) => {
    if (!request.accountSession) return sendError(reply, 401, messagesFor(request).noSession);
    return sessionBody(request.accountSession);
  });

  app.delete('/api/v1/session', async (request, reply) => {
    if (request.authProblem) return sendError(reply, 403, request.authProblem);
    const session = request.accountSession;
    if (session) {
      await accounts.sessions.end(session.id);
      await accounts.audit(request, { by: session.user.name, action: 'sign-out', target: `user:${session.user.id}` });
    }
    accounts.sessions.clearCookie(request, reply);
    return reply.code(204).send();
  });
};

/** A new sign-in in a browser that has a session replaces it. */
async function endCurrentSession(accounts: AccountsContext, request: FastifyRequest): Promise<void> {
  const id = readCookie(request, sessionCookieName(request));
  if (id) await accounts.sessions.end(id);
}

/** The `lang` field of a JSON body, if any (read before validation, so even a bad body is answered in the right language). */
export function langOf(body: unknown): string | undefined {
  const lang = body && typeof body === 'object' ? (body as { lang?: unknown }).lang : undefined;
  return typeof lang === 'string' ? lang : undefined;
}
