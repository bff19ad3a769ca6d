import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AdminAuth } from '../admin-auth.js';
import { declareActor, tokenActor } from '../auth/actor.js';
import { accountRoutes } from '../routes/account.js';
import { oidcRoutes } from '../routes/oidc.js';
import { sessionRoutes } from '../routes/session.js';
import { userRoutes } from '../routes/users.js';
import type { AuditSink } from './audit-sink.js';
import type { OidcSettings } from './config.js';
import type { AccountsContext } from './context.js';
import { readCookie } from './cookies.js';
import { hasCsrfToken, isCrossSite, SAFE_METHODS } from './csrf.js';
import type { Mailer } from './mailer.js';
import { messagesFor } from './messages.js';
import { notifyNewApplication, type NewApplication } from './notify.js';
import { OidcSignIn } from './oidc.js';
import { PasswordHasher } from './password-hash.js';
import { DEFAULT_SESSION_LIFETIME, sessionCookieName, Sessions, type ActiveSession, type SessionLifetime } from './sessions.js';
import { ACCOUNT_POLICY, CLIENT_POLICY, FailureThrottle, type ThrottlePolicy } from './sign-in-throttle.js';
import type { AccountStore } from './types.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session the cookie stands for, when valid (and, for a write, when the CSRF checks passed). */
    accountSession: ActiveSession | undefined;
  }
  interface FastifyInstance {
    /** The accounts' shared state (store, sessions, mailer …). */
    accounts: AccountsContext & {
      /** Announces a stored application by e-mail to those who asked for it; never throws (see notify.ts). */
      notifyNewApplication(application: NewApplication): Promise<{ sent: number; failed: number }>;
    };
  }
}

/** How the accounts plugin is set up. */
export interface AccountsOptions {
  store: AccountStore;
  audit: AuditSink;
  /** `SAMVERKAN_PUBLIC_URL`: links, the OpenID Connect redirect URI, the CSRF origin check. */
  publicUrl?: string | undefined;
  /** Sign-in with OpenID Connect, when set (needs `publicUrl`). */
  oidc?: OidcSettings | undefined;
  /** Sends notification e-mail; without it nothing is sent. */
  mailer?: Mailer | undefined;
  session?: Partial<SessionLifetime>;
  /** Password hashing (defaults: scrypt N = 2^17, r = 8, p = 1). */
  hasher?: PasswordHasher;
  throttle?: { account?: ThrottlePolicy; client?: ThrottlePolicy };
  /** When set, `Authorization: Bearer <admin token>` is an admin on the account routes as well. */
  adminAuth?: AdminAuth | undefined;
  /** The clock, in milliseconds (tests move it). */
  now?: () => number;
}

/** Expired sessions, links and OpenID Connect sign-ins are deleted this often. */
const CLEAN_UP_EVERY_MS = 10 * 60_000;

/**
 * Accounts, sessions, CSRF protection and sign-in with OpenID Connect, as one
 * Fastify plugin for the whole app (not encapsulated: its `onRequest` hook
 * fills `request.actor` from the session cookie for every route, so every
 * admin route accepts a signed-in person as well as the admin token).
 *
 * Register it after the hook that accepts the admin token: a request with an
 * `Authorization` header is never authenticated by the cookie.
 */
export const accountsPlugin: FastifyPluginAsync<AccountsOptions> = async (app, options) => {
  // Its parser and serializer only; the accounts read and write cookies where they need them (cookies.ts).
  if (!app.hasDecorator('parseCookie')) await app.register(cookie, { hook: false });
  declareActor(app);
  // The admin token for these routes too (the server adds it only to its own admin routes).
  if (options.adminAuth) app.addHook('onRequest', tokenActor(options.adminAuth));
  app.decorateRequest('accountSession', undefined);
  app.decorateRequest('authProblem', undefined);

  const now = options.now ?? Date.now;
  const lifetime = { ...DEFAULT_SESSION_LIFETIME, ...options.session };
  const store = options.store;
  const sink = options.audit;
  const accountPolicy = options.throttle?.account ?? ACCOUNT_POLICY;
  const clientPolicy = options.throttle?.client ?? CLIENT_POLICY;
  const context: AccountsContext = {
    store,
    hasher: options.hasher ?? new PasswordHasher(),
    sessions: new Sessions(store, lifetime, now),
    throttle: {
      account: new FailureThrottle(accountPolicy, store),
      client: new FailureThrottle(clientPolicy, store),
    },
    publicUrl: options.publicUrl,
    oidc: undefined,
    mailer: options.mailer,
    now,
    sink,
    async audit(request, event) {
      try {
        await sink.record({ at: new Date(now()), ...event });
      } catch (error) {
        request.log.error({ action: event.action, error: (error as Error).message }, 'the audit log could not record an account event');
      }
    },
  };
  if (options.oidc) {
    if (!options.publicUrl) throw new Error('Sign-in with OpenID Connect needs SAMVERKAN_PUBLIC_URL (the redirect URI is made from it).');
    context.oidc = new OidcSignIn(options.oidc, options.publicUrl, store, now);
  }

  app.decorate('accounts', {
    ...context,
    notifyNewApplication: (application: NewApplication) =>
      notifyNewApplication(
        {
          store,
          mailer: options.mailer,
          publicUrl: options.publicUrl,
          log: (level, message, fields) => app.log[level](fields ?? {}, message),
        },
        application,
      ),
  });

  // Callback style with a fast path: this hook runs for every route (the tuned dataset route too),
  // and a request without cookies (every anonymous reader) should cost next to nothing.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.headers.cookie === undefined || request.actor || request.headers.authorization !== undefined) return done();
    authenticate(context, request).then(() => {
      // A cookie that stands for no session (expired, ended elsewhere) is removed from the browser.
      if (!request.accountSession && !request.authProblem && readCookie(request, sessionCookieName(request)) !== undefined) {
        context.sessions.clearCookie(request, reply);
      }
      done();
    }, done);
  });

  const timer = setInterval(() => {
    store.deleteExpired(now(), lifetime.idleMs).catch((error: unknown) => app.log.warn({ error: (error as Error).message }, 'could not delete expired sessions'));
    // Failed sign-ins are forgotten an hour after the last one: the rows go too.
    store
      .forgetFailures(now() - Math.max(accountPolicy.forgetAfterMs, clientPolicy.forgetAfterMs))
      .catch((error: unknown) => app.log.warn({ error: (error as Error).message }, 'could not forget old failed sign-ins'));
  }, CLEAN_UP_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));

  await app.register(sessionRoutes, { accounts: context });
  await app.register(accountRoutes, { accounts: context });
  await app.register(userRoutes, { accounts: context });
  await app.register(oidcRoutes, { accounts: context });
};
// Not encapsulated (what fastify-plugin does): the hook and decorators apply to the whole app.
(accountsPlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

/**
 * Fills `request.actor` from the session cookie. A write (any method but
 * GET, HEAD, OPTIONS) is authenticated by the cookie only when it comes from
 * the server's own pages (`Sec-Fetch-Site`/`Origin`) AND carries the
 * session's CSRF token in `X-CSRF-Token`; otherwise the request stays
 * anonymous and `request.authProblem` says why. Public writes (an
 * application from a page on the same site) are not disturbed: they do not
 * need an actor.
 */
async function authenticate(context: AccountsContext, request: FastifyRequest): Promise<void> {
  // The admin token (or a wrong one) decides alone; the cookie is not a fallback.
  if (request.actor || request.headers.authorization !== undefined) return;
  const id = readCookie(request, sessionCookieName(request));
  if (!id) return;
  const session = await context.sessions.resolve(id);
  if (!session) return;
  if (!SAFE_METHODS.has(request.method)) {
    const messages = messagesFor(request);
    if (isCrossSite(request, context.publicUrl)) {
      request.authProblem = messages.crossSite;
      return;
    }
    if (!hasCsrfToken(request, id)) {
      request.authProblem = messages.csrfMissing;
      return;
    }
  }
  request.accountSession = session;
  const { user } = session;
  request.actor = { kind: 'user', id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Registers the accounts plugin on `app` (a shorthand for `app.register(accountsPlugin, options)`). */
export async function registerAccounts(app: FastifyInstance, options: AccountsOptions): Promise<void> {
  await app.register(accountsPlugin, options);
}
