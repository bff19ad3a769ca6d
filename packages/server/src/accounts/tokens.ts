import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A new secret for a session id, a set-password link or an OpenID Connect
 * `state`: 32 random bytes (256 bits), base64url.
 */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the store keeps instead of a secret: its SHA-256. The secrets are
 * random and long, so a fast hash is enough (there is nothing to guess), and
 * a copy of the database lets nobody in.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

/**
 * The CSRF token of a session, derived from its id: nothing more to store,
 * the same in every tab, and useless without the cookie that goes with it.
 * (An HMAC keyed by the session id, so the token does not reveal the id.)
 */
export function csrfTokenFor(sessionId: string): string {
  return createHmac('sha256', sessionId).update('samverkan csrf token v1').digest('base64url');
}

/** Compares two strings in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a, 'utf8').digest();
  const y = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(x, y) && a.length === b.length;
}
