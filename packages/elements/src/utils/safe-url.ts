/**
 * The one gate every URL from a dataset passes before it reaches an `href`
 * or `src`: only absolute `http:` and `https:` URLs get through, normalised by
 * the platform's URL parser. Anything else (`javascript:`, `data:`,
 * `vbscript:`, relative paths, garbage) gives `undefined`, and the element
 * renders the text without a link.
 */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/** A `mailto:` link built by us from an address that looks like one; `undefined` otherwise. */
export function mailtoUrl(email: unknown): string | undefined {
  if (typeof email !== 'string' || !/^[^\s@<>()"',;:?&#/\\%]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(email)) return undefined;
  return `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}`;
}

/** A `tel:` link built by us from the digits of a phone number (`+` kept); `undefined` when it has too few. */
export function telUrl(phone: unknown): string | undefined {
  if (typeof phone !== 'string') return undefined;
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return digits.replace('+', '').length >= 5 ? `tel:${digits}` : undefined;
}

/** A web address (from {@link safeHttpUrl}) as a reader recognises it: host and path, without the scheme or a trailing slash. */
export function displayUrl(url: string): string {
  const { host, pathname } = new URL(url);
  return host.replace(/^www\./, '') + (pathname === '/' ? '' : pathname);
}
