/**
 * Headers on every API answer: no MIME sniffing, no referrer, and a CSP that
 * lets an answer do nothing if someone opens it as a page (JSON and
 * iCalendar are data, never documents). `Cross-Origin-Resource-Policy`
 * defaults to same-origin; the routes meant for other sites override it.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
});

/**
 * Headers for the demo's HTML pages and files: scripts and styles from this
 * origin (plus inline ones, which the example pages use to show the markup),
 * data from this origin or any https source (an example may point an element
 * at another dataset), no framing by other sites.
 */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' https:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'",
  'Cross-Origin-Resource-Policy': 'same-origin',
});

/** For resources other sites load directly: the dataset, the calendar feed and the elements bundle. */
export const SHARED_RESOURCE = Object.freeze({ 'Cross-Origin-Resource-Policy': 'cross-origin' });
