import { createHash, timingSafeEqual } from 'node:crypto';

/** The shortest admin token accepted: shorter ones are guessable. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

/**
 * Checks `Authorization: Bearer <token>` against the configured token.
 * Both sides are hashed first, so the comparison takes the same time
 * whatever the length or content of what was sent.
 */
export class AdminAuth {
  #digest: Buffer;

  constructor(token: string) {
    if (token.length < MIN_ADMIN_TOKEN_LENGTH) {
      throw new Error(`SAMVERKAN_ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (use a random one, e.g. \`openssl rand -base64 32\`).`);
    }
    this.#digest = digest(token);
  }

  /** Whether an `Authorization` header carries the admin token. */
  verify(authorization: string | undefined): boolean {
    const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(authorization ?? '');
    // Compare even without a token, so a missing header costs the same as a wrong one.
    const ok = timingSafeEqual(digest(match?.[1] ?? ''), this.#digest);
    return ok && match !== null;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
