// What the generated validators (generated.ts) share: web addresses, lengths
// and the start of a record's copy, written once (objects, arrays and records
// are written out per schema, as straight-line code). No zod here: this and generated.ts
// are what a browser runs on a valid dataset.

/** A value the generated code does not accept; zod then decides, and names the problem. */
export const FAIL: unique symbol = Symbol('samverkan: ask zod');
/**
 * A generated entity validator (`organisationValidator`, …): the entry as zod
 * would return it, or FAIL. `defaultLanguage` is the dataset's: its texts
 * must include it.
 */
export type GeneratedValidator = (value: unknown, defaultLanguage: string) => unknown;

/** Object.prototype.hasOwnProperty, for `own.call(object, key)`. */
export const own = Object.prototype.hasOwnProperty;

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
// microseconds; anything else takes the URL parser below. Tested, not
// executed: a match array per address was a third of what parseDataset
// allocated on a published dataset.
const CANONICAL_URL =
  /^[a-z][a-z0-9+.-]*:\/\/(?:(?!xn--)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?!xn--)[a-z]{2,63}\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$/;
// The same for http(s) without a path (`https://forening.example.org`, as
// people write it): the parser's form is the same with "/" after the host.
const CANONICAL_BUT_PATH =
  /^https?:\/\/(?:(?!xn--)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?!xn--)[a-z]{2,63}(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$/;
// Dot segments ("/./", "/../", also written %2e) are resolved by the parser:
// looked for in the whole address, which can only send more to the parser.
const DOT_SEGMENT = /\/(?:\.|%2e)/i;

/**
 * A web address as zod's url format checks it (hostname and protocol
 * patterns), normalised when `normalize`. `webHost`: the generator found
 * zod's own http(s) host-name and protocol patterns (see WEB_HOST_PATTERNS
 * in scripts/generate-validators.ts), which every canonical http(s) address
 * with labels of at most 63 characters and a host of at most 253 matches:
 * then those patterns need not run.
 */
export function url(v: string, hostname: RegExp, protocol: RegExp, normalize: boolean, webHost = false): unknown {
  const canonical = CANONICAL_URL.test(v);
  if ((canonical || CANONICAL_BUT_PATH.test(v)) && !DOT_SEGMENT.test(v)) {
    const colon = v.indexOf(':');
    const start = colon + 3;
    let end = start;
    let label = 0;
    let longest = 0;
    // The host ends at the path's "/" (or, without a path, at "?", "#" or the end).
    for (; end < v.length; end++) {
      const code = v.charCodeAt(end);
      if (code === 47 || code === 63 || code === 35) break;
      if (code === 46) label = 0;
      else if (++label > longest) longest = label;
    }
    const web = colon === 5 ? v.startsWith('https') : colon === 4 && v.startsWith('http');
    if (webHost && web && longest <= 63 && end - start <= 253) return canonical || !normalize ? v : `${v.slice(0, end)}/${v.slice(end)}`;
    hostname.lastIndex = 0;
    protocol.lastIndex = 0;
    if (!hostname.test(v.slice(start, end)) || !protocol.test(v.slice(0, colon))) return FAIL;
    return canonical || !normalize ? v : `${v.slice(0, end)}/${v.slice(end)}`;
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
