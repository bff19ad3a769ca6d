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

/**
 * The bucket an address belongs to. An IPv4 address is its own client; an
 * IPv6 client usually owns a whole /64 (one home or one server gets 2^64
 * addresses), so IPv6 addresses are counted by their first 64 bits
 * (issue 17.9). IPv4-mapped IPv6 (`::ffff:192.0.2.1`) counts as the IPv4
 * address.
 */
export function clientKey(address: string): string {
  const zone = address.indexOf('%');
  const ip = (zone === -1 ? address : address.slice(0, zone)).toLowerCase();
  if (!ip.includes(':')) return ip;
  const mapped = /^(?:0{0,4}:){0,5}(?::|0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip) ?? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return mapped[1]!;
  const groups = expandIPv6(ip);
  if (!groups) return ip;
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** `2001:db8::1` → the eight groups without leading zeros, or `undefined` when it is not IPv6. */
function expandIPv6(ip: string): string[] | undefined {
  let text = ip;
  // An embedded IPv4 tail (::1.2.3.4) is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...Array.from({ length: missing }, () => '0'), ...tail];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return groups.map((g) => g.replace(/^0+(?=.)/, ''));
}
