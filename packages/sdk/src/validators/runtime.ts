// What the generated validators (generated.ts) share: web addresses, lengths
// and the start of a record's copy, written once (objects, arrays and records
// are written out per schema, as straight-line code). No zod here: this and generated.ts
// are what a browser runs on a valid dataset.

import { isDigit } from './patterns.js';

/** A value the generated code does not accept; zod then decides, and names the problem. */
export const FAIL: unique symbol = Symbol('samverkan: ask zod');
/**
 * A generated entity validator (`organisationValidator`, …): the entry as zod
 * would return it, or FAIL. `defaultLanguage` is the dataset's: its texts
 * must include it.
 */
export type GeneratedValidator = (value: unknown, defaultLanguage: string) => unknown;

/**
 * Object.prototype.hasOwnProperty, for `own.call(object, key)` in a for-in.
 * Not exported: through the exported binding (a module cell) inOrder's
 * `own.call` cost like a real call per key, through a binding of this
 * module's scope the JIT can make it a map check, as for the generated
 * modules' own `own` (measured in a plain Node loop over objects of seven
 * shapes: 116 ns an object exported, 86 not).
 */
const own = Object.prototype.hasOwnProperty;

/**
 * An object's copy as zod gives it: each of `keys` (the schema's, in its
 * order) with its parsed value `parsed[i]`, where that is not undefined, or
 * the key is in `v` (zod keeps a key that is there with the value undefined:
 * `{ email: undefined }` stays so; a key that is not there stays out). (The
 * values read were passed too until December 2026: a value read that is not
 * undefined has its key in `v`, so they decided nothing `in` does not, and
 * cost an array per copied object.)
 */
export function copyObject(keys: readonly string[], parsed: readonly unknown[], v: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) if (parsed[i] !== undefined || keys[i]! in v) out[keys[i]!] = parsed[i];
  return out;
}

/**
 * Whether zod's copy of the object `v`, whose values are all unchanged, has
 * the keys `v` has in the same order (so that `v` itself can be returned): `v`
 * is a plain object (zod's copy is one), and its own keys are `n` of `keys`
 * (the schema's keys whose value is not undefined) in that order; for a loose
 * or catchall object (`known`: the schema's keys), followed by keys not in the
 * schema, which zod's copy has after the schema's.
 */
export function inOrder(v: object, keys: readonly string[], n: number, known?: ReadonlySet<string>): boolean {
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  let j = 0;
  let k = 0;
  for (const key in v) {
    if (!own.call(v, key)) continue;
    if (k === n) {
      if (known === undefined || known.has(key)) return false;
      continue;
    }
    while (j < keys.length && keys[j] !== key) j++;
    if (j === keys.length) return false;
    j++;
    k++;
  }
  return k === n;
}

/** A new object with the own keys of `v` that come before `key`, unchanged: where a record's copy begins. */
export function copyBefore(v: Record<string, unknown>, key: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const earlier in v) {
    if (earlier === key) break;
    if (own.call(v, earlier)) out[earlier] = v[earlier];
  }
  return out;
}

// Only plain addresses take this path: no white space or control characters
// around or inside, `scheme://` written out. Anything else goes to zod.
const PLAIN_URL = /^[a-z][a-z0-9+.-]*:\/\/[^\s\u0000-\u001f\u007f]+$/i;

// An address already in the form the URL parser writes (`new URL(v).href === v`):
// lower-case ASCII host names ending in a letter label (never an IP address,
// no punycode to check), no port, a path that starts with "/" and only
// characters no part percent-encodes or rewrites. A dataset as the server
// publishes it has only such addresses, and parsing each one costs tens of
// microseconds; anything else takes the URL parser below. http(s) addresses
// without a path (`https://forening.example.org`, as people write it) are
// the same with "/" after the host. Read by {@link canonicalHostEnd} and
// {@link canonicalRest}, which accept what these expressions (the earlier
// form, kept in test/validator-patterns.test.ts to test them against) accept:
// /^[a-z][a-z0-9+.-]*:\/\/(?:(?!xn--)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?!xn--)[a-z]{2,63}\/PATH*(?:\?QUERY*)?(?:#FRAGMENT*)?$/
// /^https?:\/\/(the same host)(?:\?QUERY*)?(?:#FRAGMENT*)?$/
// PATH is [A-Za-z0-9\-._~!$&'()*+,;=:@%/], QUERY the same without ' and with ?, FRAGMENT with both.

// What may follow a canonical host: a path (from "/"), a query and a fragment (sticky: read from the host's end, without a copy).
const CANONICAL_REST = /\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$/y;
const CANONICAL_QUERY = /(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$/y;

/** Whether `pattern` (sticky) matches `v` from `at` to the end. */
function restMatches(pattern: RegExp, v: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(v);
}

/** The length of the longest label of the host {@link canonicalHostEnd} read last (no object per address). */
let longestLabel = 0;
/**
 * Where the canonical host that starts at `start` ends (at "/", "?", "#" or
 * the end), or -1 when it is not one: labels of lower-case letters, digits
 * and inner hyphens, none beginning "xn--", each followed by a dot, then a
 * label of 2 to 63 lower-case letters. `longestLabel` is left with the
 * length of its longest label.
 */
function canonicalHostEnd(v: string, start: number): number {
  const n = v.length;
  let label = start;
  let letters = true;
  longestLabel = 0;
  for (let i = start; ; i++) {
    const code = i < n ? v.charCodeAt(i) : 47;
    if (code === 46 || code === 47 || code === 63 || code === 35) {
      const length = i - label;
      if (length === 0 || v.charCodeAt(label) === 45 || v.charCodeAt(i - 1) === 45 || v.startsWith('xn--', label)) return -1;
      if (length > longestLabel) longestLabel = length;
      if (code !== 46) return letters && length >= 2 && length <= 63 && label > start ? i : -1;
      label = i + 1;
      letters = true;
    } else if (code < 97 || code > 122) {
      if (!isDigit(code) && code !== 45) return -1;
      letters = false;
    }
  }
}

/**
 * Whether the address has a dot segment ("/./", "/../", also written %2e)
 * from `from` (the end of its host) on, which the parser resolves: such an
 * address takes the parser. Looked for in the query and fragment too, which
 * can only send more to the parser. (indexOf, not a regular expression: this
 * runs for every address.)
 */
export function hasDotSegment(v: string, from: number): boolean {
  if (v.indexOf('/.', from) !== -1) return true;
  for (let at = v.indexOf('/%2', from); at !== -1; at = v.indexOf('/%2', at + 1)) {
    const code = v.charCodeAt(at + 3);
    if (code === 101 || code === 69) return true;
  }
  return false;
}

/**
 * A web address as zod's url format checks it (hostname and protocol
 * patterns), normalised when `normalize`. `webHost`: the generator found
 * zod's own http(s) host-name and protocol patterns (see WEB_HOST_PATTERNS
 * in scripts/generate-validators.ts), which every canonical http(s) address
 * with labels of at most 63 characters and a host of at most 253 matches:
 * then those patterns need not run.
 */
export function url(v: string, hostname: RegExp, protocol: RegExp, normalize: boolean, webHost = false): unknown {
  const fast = canonicalUrl(v, hostname, protocol, normalize, webHost);
  if (fast !== undefined) return fast;
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

/** {@link url} for an address already in (or, without its path, next to) the parser's form; undefined for any other. @internal Exported for its tests. */
export function canonicalUrl(v: string, hostname: RegExp, protocol: RegExp, normalize: boolean, webHost: boolean): unknown {
  // The scheme: a lower-case letter, then lower-case letters, digits and + . -, then "://".
  const n = v.length;
  let colon = 0;
  for (let code = v.charCodeAt(0); (code >= 97 && code <= 122) || (colon > 0 && (isDigit(code) || code === 43 || code === 46 || code === 45)); code = v.charCodeAt(++colon));
  if (colon === 0 || colon >= n || !v.startsWith('://', colon)) return undefined;
  const start = colon + 3;
  const end = canonicalHostEnd(v, start);
  if (end === -1) return undefined;
  const canonical = end < n && v.charCodeAt(end) === 47;
  const web = colon === 5 ? v.startsWith('https') : colon === 4 && v.startsWith('http');
  // Nothing after the host, or "/" alone (an organisation's website, as written and as published): what
  // the expressions accept there, and has no dot segment, without running them (they ran for every website).
  if (end === n || (canonical && end === n - 1)) {
    if (!canonical && !web) return undefined;
  } else {
    if (!(canonical ? restMatches(CANONICAL_REST, v, end) : web && restMatches(CANONICAL_QUERY, v, end))) return undefined;
    if (hasDotSegment(v, end)) return undefined;
  }
  const result = canonical || !normalize ? v : `${v.slice(0, end)}/${v.slice(end)}`;
  if (webHost && web && longestLabel <= 63 && end - start <= 253) return result;
  hostname.lastIndex = 0;
  protocol.lastIndex = 0;
  return hostname.test(v.slice(start, end)) && protocol.test(v.slice(0, colon)) ? result : FAIL;
}

/**
 * `v.trim()`, without the call when `v` begins and ends with a printable
 * ASCII character other than a space, which is never white space (nearly
 * every text in a dataset).
 */
export function trim(v: string): string {
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(v.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? v : v.trim();
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
