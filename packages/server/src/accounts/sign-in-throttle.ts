import { createHash } from 'node:crypto';

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

/**
 * Where failures are counted: the account store, so that every process on
 * one database (PostgreSQL) counts together and a restart forgets nothing.
 * Keys arrive hashed (SHA-256), so no address is stored in the clear.
 */
export interface FailureCounts {
  /** The failures counted for a key, and when the last one was. */
  failureCount(keyHash: string): Promise<{ failures: number; lastFailureAt: number } | undefined>;
  /** Counts one more failure at `at` (one, when the last was before `forgetBefore`), in one step whichever process counts. */
  recordFailure(keyHash: string, at: number, forgetBefore: number): Promise<void>;
  /** Forgets a key's failures (after a successful sign-in). */
  clearFailures(keyHash: string): Promise<void>;
  /** Forgets every key whose last failure was before `before`; answers how many. */
  forgetFailures(before: number): Promise<number>;
}

/**
 * Slows repeated failures for one kind of key (an e-mail address or a
 * client), counted in the account store (see {@link FailureCounts}).
 */
export class FailureThrottle {
  readonly #policy: ThrottlePolicy;
  readonly #counts: FailureCounts;

  constructor(policy: ThrottlePolicy, counts: FailureCounts) {
    this.#policy = policy;
    this.#counts = counts;
  }

  /** How long `key` must still wait before its next attempt is looked at (0: now). */
  async waitMs(key: string, now: number): Promise<number> {
    const entry = await this.#counts.failureCount(hash(key));
    if (!entry || now - entry.lastFailureAt > this.#policy.forgetAfterMs || entry.failures < this.#policy.freeFailures) return 0;
    const over = entry.failures - this.#policy.freeFailures;
    const delay = Math.min(this.#policy.maxDelayMs, this.#policy.firstDelayMs * 2 ** Math.min(over, 30));
    return Math.max(0, entry.lastFailureAt + delay - now);
  }

  /** Counts a failure for `key`. */
  fail(key: string, now: number): Promise<void> {
    return this.#counts.recordFailure(hash(key), now, now - this.#policy.forgetAfterMs);
  }

  /** Forgets `key`'s failures (after a successful sign-in). */
  succeed(key: string): Promise<void> {
    return this.#counts.clearFailures(hash(key));
  }
}

function hash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('base64url');
}
