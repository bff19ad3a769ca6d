/** A limit of `max` requests per `windowSeconds` for each client. */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/** The verdict for one request. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per client: `max` requests at once, refilled evenly over
 * the window, so a client that waits gets its requests back gradually
 * rather than all at a window boundary. Kept in memory (a restart forgets
 * it) and bounded: full buckets are dropped by a sweep, and above
 * `maxClients` the oldest entries go first.
 */
export class RateLimiter {
  readonly limit: RateLimit;
  #buckets = new Map<string, Bucket>();
  #maxClients: number;
  #now: () => number;

  constructor(limit: RateLimit, options: { maxClients?: number; now?: () => number } = {}) {
    if (!(limit.max >= 1) || !(limit.windowSeconds > 0)) throw new RangeError('A rate limit needs max ≥ 1 and windowSeconds > 0.');
    this.limit = limit;
    this.#maxClients = options.maxClients ?? 100_000;
    this.#now = options.now ?? Date.now;
  }

  /** Takes one request from `client`'s bucket. */
  take(client: string): RateDecision {
    const now = this.#now();
    const perMs = this.limit.max / (this.limit.windowSeconds * 1000);
    let bucket = this.#buckets.get(client);
    if (bucket) {
      bucket.tokens = Math.min(this.limit.max, bucket.tokens + (now - bucket.updatedAt) * perMs);
      bucket.updatedAt = now;
      // Re-insert so Map order stays least-recently-used first.
      this.#buckets.delete(client);
    } else {
      bucket = { tokens: this.limit.max, updatedAt: now };
      if (this.#buckets.size >= this.#maxClients) this.#buckets.delete(this.#buckets.keys().next().value!);
    }
    this.#buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  /** Forgets clients whose bucket has refilled (nothing to remember). */
  sweep(): void {
    const now = this.#now();
    const perMs = this.limit.max / (this.limit.windowSeconds * 1000);
    for (const [client, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * perMs >= this.limit.max) this.#buckets.delete(client);
    }
  }

  /** How many clients are remembered. */
  get size(): number {
    return this.#buckets.size;
  }
}
