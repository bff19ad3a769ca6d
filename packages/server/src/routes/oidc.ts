import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { baseUrl, type AccountsContext } from '../accounts/context.js';
import { readCookie, removeCookie, writeCookie } from '../accounts/cookies.js';
import { messagesFor, sendError } from '../accounts/messages.js';
import { OIDC_LOGIN_TTL_MS } from '../accounts/oidc.js';

/** The browser-binding cookie of a sign-in under way (its `state`). */
export const OIDC_STATE_COOKIE = 'samverkan-oidc-state';
const COOKIE_PATH = '/api/v1/session/oidc';

/**
 * Sign-in with the municipality's own accounts:
 * `GET /api/v1/session/oidc/start` redirects to the provider;
 * `GET /api/v1/session/oidc/callback` completes the sign-in and redirects to
 * the admin page (`/admin#/`), or to `/admin#/sign-in?error=…` when it fails
 * (`oidc-failed`: wrong state, a refused answer; `oidc-no-account`: no
 * Samverkan account with a verified e-mail address of that person).
 */
export const oidcRoutes: FastifyPluginAsync<{ accounts: AccountsContext }> = async (app, { accounts }) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
  });

  app.get('/api/v1/session/oidc/start', async (request, reply) => {
    if (!accounts.oidc) return sendError(reply, 404, messagesFor(request).oidcOff);
    let started: { url: URL; state: string };
    try {
      started = await accounts.oidc.start();
    } catch (error) {
      request.log.error({ error: (error as Error).message }, 'OpenID Connect: the provider could not be reached');
      return sendError(reply, 502, messagesFor(request).oidcFailed);
    }
    // SameSite=Lax, not Strict: the provider sends the browser back with a cross-site navigation, and the cookie must come along.
    writeCookie(reply, OIDC_STATE_COOKIE, started.state, {
      httpOnly: true,
      sameSite: 'lax',
      path: COOKIE_PATH,
      secure: request.protocol === 'https',
      maxAge: OIDC_LOGIN_TTL_MS / 1000,
    });
    return reply.redirect(started.url.href, 302);
  });

  app.get('/api/v1/session/oidc/callback', async (request, reply) => {
    if (!accounts.oidc) return sendError(reply, 404, messagesFor(request).oidcOff);
    const cookieState = readCookie(request, OIDC_STATE_COOKIE);
    removeCookie(reply, OIDC_STATE_COOKIE, { httpOnly: true, sameSite: 'lax', path: COOKIE_PATH, secure: request.protocol === 'https' });
    // The URL the provider redirected to, on the registered redirect URI (its query is what matters).
    const callbackUrl = new URL(accounts.oidc.redirectUri);
    callbackUrl.search = new URL(request.url, 'http://localhost').search;
    let identity;
    try {
      identity = await accounts.oidc.finish(callbackUrl, cookieState);
    } catch (error) {
      request.log.warn({ reason: (error as Error).message }, 'OpenID Connect: a sign-in was refused');
      await accounts.audit(request, { by: 'anonymous', action: 'sign-in-failed', target: '' });
      return failed(reply, request, 'oidc-failed');
    }
    const user = identity.email && identity.emailVerified ? await accounts.store.findUserByEmail(identity.email) : undefined;
    if (!user) {
      await accounts.audit(request, { by: 'anonymous', action: 'sign-in-failed', target: '' });
      return failed(reply, request, 'oidc-no-account');
    }
    await accounts.store.recordSignIn(user.id, accounts.now());
    const session = await accounts.sessions.start(user, 'oidc');
    accounts.sessions.setCookie(request, reply, session);
    await accounts.audit(request, { by: user.name, action: 'sign-in', target: `user:${user.id}` });
    return reply.redirect(`${baseUrl(accounts, request)}/admin#/`, 303);
  });

  function failed(reply: FastifyReply, request: FastifyRequest, code: 'oidc-failed' | 'oidc-no-account') {
    return reply.redirect(`${baseUrl(accounts, request)}/admin#/sign-in?error=${code}`, 303);
  }
};
