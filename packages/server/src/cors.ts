/** The response headers a client script may read cross-origin. */
export const EXPOSED_HEADERS = 'ETag, Retry-After, Idempotent-Replayed';
/** The request headers a cross-origin script may send (beyond the CORS-safelisted ones). */
export const ALLOWED_HEADERS = 'Content-Type, Idempotency-Key, If-None-Match';

/** Which origins may read the public routes and post applications: any (`"*"`) or a list. */
export type AllowedOrigins = '*' | readonly string[];

/**
 * Which origins the public routes answer (the rule; `@fastify/cors` applies
 * it to the public routes, and the dataset's tuned route prepares the same
 * headers itself). With any origin allowed the answer is the same
 * for everyone (`Access-Control-Allow-Origin: *`, cacheable as is); with a
 * list, an allowed origin is reflected and `Vary: Origin` tells caches the
 * answer depends on it.
 */
export class CorsPolicy {
  readonly any: boolean;
  #origins: Set<string>;
  /** Headers for an answer to any origin (only when `any`). */
  readonly anyOriginHeaders: Readonly<Record<string, string>>;

  constructor(allowed: AllowedOrigins = '*') {
    this.any = allowed === '*' || allowed.includes('*');
    this.#origins = new Set(allowed === '*' ? [] : allowed.map(normalizeOrigin));
    const headers: Record<string, string> = this.any ? { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSED_HEADERS } : {};
    this.anyOriginHeaders = Object.freeze(headers);
  }

  /** Whether a request with this `Origin` header may use the public routes (no header: not a CORS request). */
  allows(origin: string | undefined): boolean {
    return origin === undefined || this.any || this.#origins.has(origin);
  }

  /** The CORS headers for an answer to a request from `origin`. */
  headers(origin: string | undefined): Record<string, string> {
    if (this.any) return this.anyOriginHeaders as Record<string, string>;
    if (origin !== undefined && this.#origins.has(origin)) {
      return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSED_HEADERS, Vary: 'Origin' };
    }
    return { Vary: 'Origin' };
  }
}

/** `https://Kommun.Example:443/` → `https://kommun.example`, as browsers send `Origin`. */
export function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}
