/** The page's base URL in a browser, `undefined` in Node. */
function pageBase(): string | undefined {
  const g = globalThis as { document?: { baseURI?: string }; location?: { href?: string } };
  return g.document?.baseURI ?? g.location?.href;
}

/**
 * An absolute URL from an absolute or relative one. Relative URLs resolve
 * against the page that embeds the element (`document.baseURI`), not against
 * the script, which is what a web editor expects of a `src` attribute.
 */
export function resolveUrl(value: string | URL, what: string): string {
  if (value instanceof URL) return value.href;
  try {
    return new URL(value).href;
  } catch {
    // Relative: resolved below.
  }
  const base = pageBase();
  if (base) {
    try {
      return new URL(value, base).href;
    } catch {
      // Fall through to the error below.
    }
  }
  throw new TypeError(
    `${what} "${value}" is not an absolute URL${base ? '' : ', and there is no page to resolve it against'}. Give an absolute URL such as https://kommun.example/api/v1/dataset.`,
  );
}

/** `base` + `/` + `path`, keeping the base's own path (`…/api/v1` + `signups` → `…/api/v1/signups`). */
export function joinUrl(base: string, path: string): string {
  const withSlash = base.endsWith('/') ? base : `${base}/`;
  return new URL(path, withSlash).href;
}

/**
 * Whether a conditional GET (`If-None-Match`) may be sent: always outside a
 * browser, and for same-origin URLs in one. Cross-origin, that header would
 * force a CORS preflight that many servers refuse; there the browser's own
 * HTTP cache revalidates instead.
 */
export function mayRevalidateItself(url: string): boolean {
  const g = globalThis as { document?: unknown; location?: { origin?: string } };
  if (g.document === undefined) return true;
  try {
    return new URL(url).origin === g.location?.origin;
  } catch {
    return false;
  }
}

/** The absolute API and dataset URLs of a client's options: `datasetUrl`, else `<apiUrl>/dataset`. */
export function clientUrls(options: { apiUrl?: string | URL | undefined; datasetUrl?: string | URL | undefined }): { apiUrl: string | undefined; datasetUrl: string | undefined } {
  const apiUrl = options.apiUrl === undefined ? undefined : resolveUrl(options.apiUrl, 'apiUrl');
  const datasetUrl =
    options.datasetUrl !== undefined ? resolveUrl(options.datasetUrl, 'datasetUrl') : apiUrl !== undefined ? joinUrl(apiUrl, 'dataset') : undefined;
  return { apiUrl, datasetUrl };
}
