import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';

/** How a key's failures slow it down. */
export interface ThrottlePolicy {
  /** Failures that cost nothing (typos happen). */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further failure. */
  firstDelayMs: number;
  /** The longest wait. */
  maxDelayMs: number;
  /** A key's failures are forgotten this long after its last one. */
  forgetAfterMs: number;
}

/**
 * Per e-mail address: after 5 failures, 1 s, 2 s, 4 s … up to 60 s between
 * attempts. Capped low so that someone who knows a colleague's address cannot
 * keep them out for long; 60 s still means at most 1,440 guesses a day, with
 * passwords of 12 characters or more.
 */
export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, firstDelayMs: 1_000, maxDelayMs: 60_000, forgetAfterMs: 60 * 60_000 };
/**
 * Per client address (IPv6 by its /64): more free failures, since an office
 * may sign in from one address, then 1 s doubling up to 15 minutes. This is
 * what stops one client trying one password against many addresses.
 */
export const CLIENT_POLICY: ThrottlePolicy = { freeFailures: 20, firstDelayMs: 1_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };

interface Entry {
  failures: number;
  lastFailureAt: number;
}

/**
 * Slows repeated failures for one kind of key (an e-mail address or a
 * client). In memory, per process: a restart forgets it, and several
 * processes each count their own share. Keys are SHA-256 hashed, so no
 * address is kept in memory in the clear; the map is bounded (the oldest
 * entries go first when it is full).
 */
export class FailureThrottle {
  readonly #policy: ThrottlePolicy;
  readonly #entries = new Map<string, Entry>();
  readonly #maxKeys: number;

  constructor(policy: ThrottlePolicy, maxKeys = 100_000) {
    this.#policy = policy;
    this.#maxKeys = maxKeys;
  }

  /** How long `key` must still wait before its next attempt is looked at (0: now). */
  waitMs(key: string, now: number): number {
    const entry = this.#get(key, now);
    if (!entry || entry.failures < this.#policy.freeFailures) return 0;
    const over = entry.failures - this.#policy.freeFailures;
    const delay = Math.min(this.#policy.maxDelayMs, this.#policy.firstDelayMs * 2 ** Math.min(over, 30));
    return Math.max(0, entry.lastFailureAt + delay - now);
  }

  /** Counts a failure for `key`. */
  fail(key: string, now: number): void {
    const hashed = hash(key);
    const entry = this.#get(key, now) ?? { failures: 0, lastFailureAt: now };
    entry.failures++;
    entry.lastFailureAt = now;
    // Re-inserted, so the map's order is the order of last failure.
    this.#entries.delete(hashed);
    this.#entries.set(hashed, entry);
    if (this.#entries.size > this.#maxKeys) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** Forgets `key`'s failures (after a successful sign-in). */
  succeed(key: string): void {
    this.#entries.delete(hash(key));
  }

  #get(key: string, now: number): Entry | undefined {
    const hashed = hash(key);
    const entry = this.#entries.get(hashed);
    if (entry && now - entry.lastFailureAt > this.#policy.forgetAfterMs) {
      this.#entries.delete(hashed);
      return undefined;
    }
    return entry;
  }
}

function hash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('base64url');
}

/** The client part of a throttle key: the IPv4 address, or the /64 network of an IPv6 address (one household or office). */
export function clientKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  return expandIPv6(ip).slice(0, 4).join(':') + '::/64';
}

function expandIPv6(ip: string): string[] {
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right].map((part) => part.toLowerCase().replace(/^0+(?=.)/, ''));
}
