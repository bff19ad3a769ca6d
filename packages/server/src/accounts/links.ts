import type { AccountStore } from './types.js';
import { hashSecret, newSecret } from './tokens.js';

/** How long a set-password link is valid. */
export const PASSWORD_LINK_TTL_MS = 72 * 60 * 60_000;

/**
 * The link a person opens to choose a password: the admin page's
 * set-password route with the token in the fragment (`#…`), which browsers
 * never send to a server, so the token stays out of access logs and
 * `Referer` headers.
 */
export function setPasswordUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/admin#/set-password?token=${encodeURIComponent(token)}`;
}

/** Makes a new one-time link for `userId` (earlier ones stop working); only the token's hash is stored. */
export async function issuePasswordLink(store: AccountStore, userId: string, baseUrl: string, now: number): Promise<{ setPasswordUrl: string; expiresAt: number }> {
  const token = newSecret();
  const expiresAt = now + PASSWORD_LINK_TTL_MS;
  await store.createPasswordLink({ tokenHash: hashSecret(token), userId, expiresAt });
  return { setPasswordUrl: setPasswordUrl(baseUrl, token), expiresAt };
}
