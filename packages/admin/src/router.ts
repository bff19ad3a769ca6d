/**
 * The admin page's routes, in the URL's hash (`/admin#/applications/…`): the
 * server serves one page at /admin whatever the route, the back button and
 * bookmarks work, and no server-side route table has to mirror this one.
 * DOM-free, so it is tested on its own.
 */
import type { CollectionName } from './api.js';

/** The content collections the page edits, in menu order. */
export const CONTENT_COLLECTIONS: readonly CollectionName[] = ['organisations', 'contacts', 'meetings', 'principles', 'developmentAreas', 'opportunities', 'followUps'];

/** Where the page is. */
export type Route =
  | { name: 'sign-in'; error?: string }
  | { name: 'set-password'; token: string }
  | { name: 'applications' }
  | { name: 'application'; id: string }
  | { name: 'offers' }
  | { name: 'offer'; id: string }
  | { name: 'content'; collection: CollectionName }
  | { name: 'entity'; collection: CollectionName; id: string | undefined }
  | { name: 'agreement' }
  | { name: 'freshness' }
  | { name: 'history' }
  | { name: 'users' }
  | { name: 'import' }
  | { name: 'not-found' };

const isCollection = (value: string | undefined): value is CollectionName => CONTENT_COLLECTIONS.includes(value as CollectionName);

/** The route a hash (`#/content/meetings/m1`) names. An empty hash is the applications inbox. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  const params = new URLSearchParams(query);
  const [first, second, third] = parts;
  switch (first) {
    case undefined:
    case 'applications':
      if (second) return parts.length === 2 ? { name: 'application', id: second } : { name: 'not-found' };
      return { name: 'applications' };
    case 'offers':
      if (second) return parts.length === 2 ? { name: 'offer', id: second } : { name: 'not-found' };
      return { name: 'offers' };
    case 'sign-in': {
      // The OpenID Connect callback comes back here with `?error=oidc-no-account` or `oidc-failed`.
      const error = params.get('error');
      return error ? { name: 'sign-in', error } : { name: 'sign-in' };
    }
    case 'set-password':
      return { name: 'set-password', token: params.get('token') ?? '' };
    case 'content':
      if (!isCollection(second) || parts.length > 3) return { name: 'not-found' };
      if (third === undefined) return { name: 'content', collection: second };
      return { name: 'entity', collection: second, id: third === 'new' ? undefined : third };
    case 'agreement':
    case 'freshness':
    case 'history':
    case 'users':
    case 'import':
      return parts.length === 1 ? { name: first } : { name: 'not-found' };
    default:
      return { name: 'not-found' };
  }
}

/** The hash of a route, the inverse of {@link parseRoute}. */
export function routeHash(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'set-password':
      return `#/set-password?token=${e(route.token)}`;
    case 'application':
      return `#/applications/${e(route.id)}`;
    case 'offer':
      return `#/offers/${e(route.id)}`;
    case 'content':
      return `#/content/${route.collection}`;
    case 'entity':
      return `#/content/${route.collection}/${route.id === undefined ? 'new' : e(route.id)}`;
    case 'not-found':
      return '#/';
    case 'sign-in':
      return route.error ? `#/sign-in?error=${e(route.error)}` : '#/sign-in';
    default:
      return `#/${route.name}`;
  }
}

/** Routes that need no one signed in. */
export function isPublicRoute(route: Route): boolean {
  return route.name === 'sign-in' || route.name === 'set-password';
}

/**
 * The set-password link may point at `/admin/set-password?token=…` (a path the
 * server also answers with this page) as well as at the hash route: the token
 * from either.
 */
export function setPasswordTokenFromLocation(location: Pick<Location, 'pathname' | 'search'>): string | undefined {
  if (!/\/set-password\/?$/.test(location.pathname)) return undefined;
  return new URLSearchParams(location.search).get('token') ?? undefined;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
