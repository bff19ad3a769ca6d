/**
 * The one conditional-GET rule of the server (RFC 9110 §13.1.2): whether an
 * `If-None-Match` header names a representation we hold. The header may list
 * several tags (`"a", W/"b"`) or be `*`; the comparison is weak, so `W/"h"`
 * matches `"h"`. `current` is the ETags (quoted, as sent) that count as
 * "not modified": one per encoding of the same content, for instance.
 */
export function ifNoneMatchHits(ifNoneMatch: string | undefined, current: readonly string[]): boolean {
  if (ifNoneMatch === undefined) return false;
  // The common case first: a client sends back exactly the tag it got.
  if (current.includes(ifNoneMatch)) return true;
  for (const raw of ifNoneMatch.split(',')) {
    const tag = raw.trim();
    if (tag === '*') return true;
    const opaque = tag.startsWith('W/') ? tag.slice(2) : tag;
    if (opaque.length < 2 || !opaque.startsWith('"') || !opaque.endsWith('"')) continue;
    for (const etag of current) {
      const mine = etag.startsWith('W/') ? etag.slice(2) : etag;
      if (mine === opaque) return true;
    }
  }
  return false;
}

/**
 * `If-Match` for writes (RFC 9110 §13.1.1), strong comparison: the write goes
 * ahead only when the header names the entity's current ETag (or is `*`
 * while the entity exists). `undefined` means the header is missing.
 */
export function ifMatchHits(ifMatch: string | undefined, current: string | undefined): boolean | undefined {
  if (ifMatch === undefined) return undefined;
  if (current === undefined) return false;
  for (const raw of ifMatch.split(',')) {
    const tag = raw.trim();
    if (tag === '*' || tag === current) return true;
  }
  return false;
}
