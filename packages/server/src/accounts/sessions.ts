import type { FastifyReply, FastifyRequest } from 'fastify';
import { removeCookie, writeCookie } from './cookies.js';
import type { AccountStore, SessionRecord, UserRecord } from './types.js';
import { csrfTokenFor, hashSecret, newSecret } from './tokens.js';

/** How long sessions last. */
export interface SessionLifetime {
  /** A session not used for this long ends (default 2 hours). */
  idleMs: number;
  /** A session ends this long after sign-in, however much it is used (default 12 hours: one working day). */
  absoluteMs: number;
}

export const DEFAULT_SESSION_LIFETIME: Readonly<SessionLifetime> = Object.freeze({ idleMs: 2 * 60 * 60_000, absoluteMs: 12 * 60 * 60_000 });

/** `last_seen_at` is written at most this often per session, so reading pages does not mean a write per request. */
const TOUCH_EVERY_MS = 60_000;

/** Over plain HTTP (development, tests). */
export const SESSION_COOKIE = 'samverkan-session';
/**
 * Over HTTPS: the `__Host-` prefix makes browsers accept the cookie only with
 * `Secure`, `Path=/` and no `Domain`, so no other host (a sub-domain) can set
 * or overwrite it.
 */
export const SECURE_SESSION_COOKIE = '__Host-samverkan-session';

/** The session cookie's name for this request: `__Host-…` over HTTPS (also behind a proxy with trustProxy). */
export function sessionCookieName(request: FastifyRequest): string {
  return request.protocol === 'https' ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** A valid session, with its user as they are now (a changed role counts at once). */
export interface ActiveSession {
  /** The secret id, as in the cookie. */
  id: string;
  record: SessionRecord;
  user: UserRecord;
  csrfToken: string;
  idleExpiresAt: number;
}

/** Server-side sessions: a random id in the cookie, only its hash in the store. */
export class Sessions {
  readonly lifetime: SessionLifetime;
  readonly #store: AccountStore;
  readonly #now: () => number;

  constructor(store: AccountStore, lifetime: SessionLifetime, now: () => number) {
    this.#store = store;
    this.lifetime = lifetime;
    this.#now = now;
  }

  /** Starts a session for `user`; answers it with its secret id. */
  async start(user: UserRecord, via: SessionRecord['via']): Promise<ActiveSession> {
    const id = newSecret();
    const now = this.#now();
    const record: SessionRecord = { idHash: hashSecret(id), userId: user.id, via, createdAt: now, lastSeenAt: now, expiresAt: now + this.lifetime.absoluteMs };
    await this.#store.createSession(record);
    return { id, record, user, csrfToken: csrfTokenFor(id), idleExpiresAt: Math.min(now + this.lifetime.idleMs, record.expiresAt) };
  }

  /** The session a cookie value stands for, when it is still valid; an expired one is deleted. */
  async resolve(id: string): Promise<ActiveSession | undefined> {
    // Our ids are 43 base64url characters; anything else is not worth a lookup.
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const idHash = hashSecret(id);
    const record = await this.#store.getSession(idHash);
    if (!record) return undefined;
    const now = this.#now();
    if (now >= record.expiresAt || now >= record.lastSeenAt + this.lifetime.idleMs) {
      await this.#store.deleteSession(idHash);
      return undefined;
    }
    const user = await this.#store.getUser(record.userId);
    if (!user) {
      await this.#store.deleteSession(idHash);
      return undefined;
    }
    if (now - record.lastSeenAt >= TOUCH_EVERY_MS) {
      await this.#store.touchSession(idHash, now);
      record.lastSeenAt = now;
    }
    return { id, record, user, csrfToken: csrfTokenFor(id), idleExpiresAt: Math.min(record.lastSeenAt + this.lifetime.idleMs, record.expiresAt) };
  }

  /** Ends one session. */
  async end(id: string): Promise<void> {
    await this.#store.deleteSession(hashSecret(id));
  }

  /** Sets the cookie for a new session: HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS, and no longer than the session. */
  setCookie(request: FastifyRequest, reply: FastifyReply, session: ActiveSession): void {
    writeCookie(reply, sessionCookieName(request), session.id, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: request.protocol === 'https',
      maxAge: Math.floor((session.record.expiresAt - this.#now()) / 1000),
    });
  }

  /** Removes the cookie from the browser. */
  clearCookie(request: FastifyRequest, reply: FastifyReply): void {
    removeCookie(reply, sessionCookieName(request), { httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https' });
  }
}
