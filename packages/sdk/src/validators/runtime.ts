// What the generated validators (generated.ts) share: the loops over objects,
// records and web addresses, written once. No zod here: this and generated.ts
// are what a browser runs on a valid dataset.

/** A value the generated code does not accept; zod then decides, and names the problem. */
export const FAIL: unique symbol = Symbol('samverkan: ask zod');
type Fast = (value: any) => any;

const own = Object.prototype.hasOwnProperty;

/** The shape of an object schema, as the generator writes it. */
export interface Shape {
  keys: string[];
  /** Whether a key's schema is optional: a missing one is left out. */
  optional: boolean[];
  parsers: Fast[];
  /** Whether a key is also one of Object.prototype's (then read only as an own property). */
  inherited: boolean[];
}

/**
 * An object schema: `strip` leaves unknown keys out (zod's default), `strict`
 * fails on one, `loose` keeps them. Most objects come back exactly as they
 * went in: then the input itself is the result, which spares the garbage
 * collector a copy of the dataset; a copy is begun at the first value that
 * changed (or when unknown keys must go).
 */
export function object(input: unknown, shape: Shape, mode: 'strip' | 'strict' | 'loose'): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return FAIL;
  const v = input as Record<string, unknown>;
  const { keys, optional, parsers, inherited } = shape;
  const count = keys.length;
  let out: Record<string, unknown> | undefined;
  let present = 0;
  for (let i = 0; i < count; i++) {
    const key = keys[i]!;
    const raw = inherited[i] && !own.call(v, key) ? undefined : v[key];
    // zod leaves out an optional key that is missing.
    if (raw === undefined && optional[i]) continue;
    const value = parsers[i]!(raw);
    if (value === FAIL) return FAIL;
    if (raw !== undefined) present++;
    if (out === undefined) {
      if (value === raw) continue;
      out = copyKeys(v, shape, i);
    }
    if (value !== undefined || raw !== undefined) out[key] = value;
  }
  let extra = 0;
  for (const key in v) if (own.call(v, key)) extra++;
  extra -= present;
  if (extra === 0) return out ?? v;
  if (mode === 'strict') return FAIL;
  if (mode === 'strip') return out ?? copyKeys(v, shape, count);
  if (out === undefined) return v;
  for (const key in v) if (own.call(v, key) && !keys.includes(key)) out[key] = v[key];
  return out;
}

/** A new object with the first `upTo` keys of the shape that `v` has, unchanged. */
function copyKeys(v: Record<string, unknown>, shape: Shape, upTo: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let j = 0; j < upTo; j++) {
    const key = shape.keys[j]!;
    const raw = shape.inherited[j] && !own.call(v, key) ? undefined : v[key];
    if (raw === undefined && shape.optional[j]) continue;
    if (raw !== undefined) out[key] = raw;
  }
  return out;
}

/** A record with string keys. zod leaves out a `__proto__` key (it would set the result's prototype). */
export function record(v: Record<string, unknown>, key: Fast, value: Fast): unknown {
  let out: Record<string, unknown> | undefined;
  for (const k in v) {
    if (!own.call(v, k)) continue;
    const skip = k === '__proto__';
    const parsedKey = skip ? k : key(k);
    if (parsedKey === FAIL || (parsedKey === '__proto__' && !skip)) return FAIL;
    const raw = v[k];
    const parsed = skip ? raw : value(raw);
    if (parsed === FAIL) return FAIL;
    if (out === undefined) {
      if (!skip && parsedKey === k && parsed === raw) continue;
      out = {};
      for (const earlier in v) {
        if (earlier === k) break;
        if (own.call(v, earlier)) out[earlier] = v[earlier];
      }
    }
    if (!skip) out[parsedKey as string] = parsed;
  }
  return out ?? v;
}

// Only plain addresses take this path: no white space or control characters
// around or inside, `scheme://` written out. Anything else goes to zod.
const PLAIN_URL = /^[a-z][a-z0-9+.-]*:\/\/[^\s\u0000-\u001f\u007f]+$/i;

// An address already in the form the URL parser writes (`new URL(v).href === v`):
// lower-case ASCII host names ending in a letter label (never an IP address,
// no punycode to check), no port, a path that starts with "/" and only
// characters no part percent-encodes or rewrites. A dataset as the server
// publishes it has only such addresses, and parsing each one costs tens of
// microseconds; anything else takes the URL parser below.
const CANONICAL_URL =
  /^([a-z][a-z0-9+.-]*):\/\/((?:(?!xn--)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?!xn--)[a-z]{2,63})(\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*)(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$/;
// Dot segments ("/./", "/../", also written %2e) are resolved by the parser.
const DOT_SEGMENT = /\/(?:\.|%2e)/i;

/** A web address as zod's url format checks it (hostname and protocol patterns), normalised when `normalize`. */
export function url(v: string, hostname: RegExp, protocol: RegExp, normalize: boolean): unknown {
  const canonical = CANONICAL_URL.exec(v);
  if (canonical && !DOT_SEGMENT.test(canonical[3]!)) {
    hostname.lastIndex = 0;
    protocol.lastIndex = 0;
    return hostname.test(canonical[2]!) && protocol.test(canonical[1]!) ? v : FAIL;
  }
  if (!PLAIN_URL.test(v)) return FAIL;
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    return FAIL;
  }
  hostname.lastIndex = 0;
  if (!hostname.test(parsed.hostname)) return FAIL;
  protocol.lastIndex = 0;
  if (!protocol.test(parsed.protocol.endsWith(':') ? parsed.protocol.slice(0, -1) : parsed.protocol)) return FAIL;
  return normalize ? parsed.href : v;
}

/**
 * At least `minimum` characters. Twice the minimum in UTF-16 units is enough
 * either way; fewer than the minimum never is; in between, zod counts code
 * points (older zod versions count units, so only a count both accept passes).
 */
export function minLength(v: string, minimum: number): boolean {
  const units = v.length;
  if (units >= 2 * minimum) return true;
  if (units < minimum) return false;
  let points = 0;
  for (const _ of v) points++;
  return points >= minimum;
}
