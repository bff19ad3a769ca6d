/**
 * The session cookie outside a browser. A browser keeps cookies itself and
 * hides `Set-Cookie` from scripts; Node's `fetch` keeps none, so a script
 * that signs in with a password would lose its session at once. This keeps
 * the cookies one server sets for one client, in memory, and sends them back
 * to that server only. It is not a general cookie jar: the admin client
 * talks to one origin, and the session cookie is all it needs.
 */
export class SessionCookies {
  private readonly cookies = new Map<string, { value: string; expires: number }>();

  constructor(private readonly origin: string) {}

  /** Takes the cookies a response from `url` sets (nothing in a browser, where `getSetCookie` gives none). */
  store(url: string, response: Response, now = Date.now()): void {
    if (new URL(url).origin !== this.origin) return;
    const headers = response.headers as Headers & { getSetCookie?: () => string[] };
    for (const line of headers.getSetCookie?.() ?? []) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      let expires = Number.POSITIVE_INFINITY;
      for (const attribute of attributes) {
        const [key = '', raw = ''] = attribute.split('=');
        const k = key.trim().toLowerCase();
        if (k === 'max-age') expires = now + Number(raw.trim()) * 1000;
        else if (k === 'expires' && expires === Number.POSITIVE_INFINITY) expires = Date.parse(raw.trim());
      }
      // A cookie set to expire (sign-out clears it so) or empty is removed.
      if (value === '' || !(expires > now)) this.cookies.delete(name);
      else this.cookies.set(name, { value, expires });
    }
  }

  /** The `Cookie` header for a request to `url`, or `undefined` when there is none to send. */
  header(url: string, now = Date.now()): string | undefined {
    if (new URL(url).origin !== this.origin) return undefined;
    const pairs: string[] = [];
    for (const [name, cookie] of this.cookies) {
      if (cookie.expires > now) pairs.push(`${name}=${cookie.value}`);
      else this.cookies.delete(name);
    }
    return pairs.length > 0 ? pairs.join('; ') : undefined;
  }

  clear(): void {
    this.cookies.clear();
  }
}
