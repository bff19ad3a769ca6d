import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt's cost parameters. The defaults are OWASP's recommendation for
 * scrypt (N = 2^17, r = 8, p = 1): 128 MiB of memory and about a third of a
 * second per hash, which makes guessing from a stolen database expensive.
 */
export interface ScryptParameters {
  /** log2 of N, the CPU/memory cost. */
  logN: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: Readonly<ScryptParameters> = Object.freeze({ logN: 17, r: 8, p: 1 });

const SALT_BYTES = 16;
const KEY_BYTES = 32;

/**
 * Hashes and checks passwords with node:crypto's scrypt. A stored hash reads
 * `scrypt$ln=17,r=8,p=1$<salt>$<key>` (base64url): the parameters travel with
 * the hash, so they can be raised later and old hashes still verify (and are
 * re-hashed at the next sign-in, see {@link PasswordHasher.needsRehash}).
 *
 * At most `concurrency` hashes are computed at once (default 2): each takes
 * 128 MiB, and a burst of sign-ins must not take the server's memory.
 */
export class PasswordHasher {
  readonly parameters: Readonly<ScryptParameters>;
  readonly #concurrency: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  #dummy: Promise<string> | undefined;

  constructor(parameters: Partial<ScryptParameters> = {}, concurrency = 2) {
    this.parameters = Object.freeze({ ...DEFAULT_SCRYPT, ...parameters });
    this.#concurrency = concurrency;
  }

  /** A new hash of `password` with a fresh random salt and the current parameters. */
  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const { logN, r, p } = this.parameters;
    const key = await this.#derive(password, salt, KEY_BYTES, this.parameters);
    return `scrypt$ln=${logN},r=${r},p=${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  /** Whether `password` matches `stored`; compared in constant time. A malformed hash never matches. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parse(stored);
    if (!parsed) return false;
    const key = await this.#derive(password, parsed.salt, parsed.key.length, parsed.parameters);
    return timingSafeEqual(key, parsed.key);
  }

  /**
   * Does the same work as a real check and answers false: used when there is
   * no account or no password, so the answer takes as long as for a wrong
   * password and does not tell which addresses have accounts.
   */
  async verifyNothing(password: string): Promise<false> {
    this.#dummy ??= this.hash('no account has this password');
    await this.verify(password, await this.#dummy);
    return false;
  }

  /** Whether a stored hash was made with other parameters than the current ones. */
  needsRehash(stored: string): boolean {
    const parsed = parse(stored);
    if (!parsed) return true;
    const { logN, r, p } = parsed.parameters;
    return logN !== this.parameters.logN || r !== this.parameters.r || p !== this.parameters.p;
  }

  async #derive(password: string, salt: Buffer, length: number, { logN, r, p }: ScryptParameters): Promise<Buffer> {
    await this.#acquire();
    try {
      const N = 2 ** logN;
      // scrypt needs 128·N·r bytes; node's default ceiling (32 MiB) is below the defaults.
      const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r + 16 * 1024 * 1024 };
      return await new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
      );
    } finally {
      this.#release();
    }
  }

  async #acquire(): Promise<void> {
    if (this.#running < this.#concurrency) {
      this.#running++;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#running--;
  }
}

function parse(stored: string): { parameters: ScryptParameters; salt: Buffer; key: Buffer } | undefined {
  const match = /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(stored);
  if (!match) return undefined;
  const [, logN, r, p, salt, key] = match;
  const parameters = { logN: Number(logN), r: Number(r), p: Number(p) };
  // Bounds, so a corrupted row cannot make one check take gigabytes.
  if (parameters.logN < 10 || parameters.logN > 20 || parameters.r < 1 || parameters.r > 32 || parameters.p < 1 || parameters.p > 16) return undefined;
  return { parameters, salt: Buffer.from(salt!, 'base64url'), key: Buffer.from(key!, 'base64url') };
}
