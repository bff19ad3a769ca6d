/**
 * Web addresses as people write them. One rule for the signup form and the
 * CSV import (and anything else that takes an address from a person): an
 * address written without its scheme, `www.roddsallskap.example.org`, means
 * `https://www.roddsallskap.example.org`; the schema (`HttpUrl`) needs the scheme.
 */

// A host name of two or more labels (letters in any script, digits, hyphens),
// an optional port, then a path, query or fragment: what people type for a
// site. Anything else (a scheme already, `mailto:`, a bare word, spaces) is
// left for the schema to judge.
const HOST_FIRST = /^[\p{L}\d-]+(\.[\p{L}\d-]+)+(:\d+)?([/?#].*)?$/u;

/**
 * `www.forening.example.org` → `https://www.forening.example.org`; an address
 * that has a scheme, or is not an address at all, is returned trimmed and
 * otherwise as it is.
 */
export function withHttpsScheme(website: string): string {
  const value = website.trim();
  return HOST_FIRST.test(value) ? `https://${value}` : value;
}
