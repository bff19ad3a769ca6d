import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AdminAuth } from './admin-auth.js';
import type { PublishedDataset } from './published-dataset.js';
import { sendErrors, sendJson } from './respond.js';
import { signatoryFromApplication } from './signatory.js';
import type { ApplicationStatus, Store } from './store.js';

/** The actions on one application. */
export const ADMIN_ACTIONS = ['approve', 'reject', 'erase'] as const;
/** One of {@link ADMIN_ACTIONS}. */
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

const STATUSES: readonly ApplicationStatus[] = ['pending', 'approved', 'rejected'];

/** What the admin routes need. */
export interface AdminRoutesOptions {
  auth: AdminAuth | undefined;
  store: Store;
  published: PublishedDataset;
  now: () => Date;
}

/**
 * The admin routes, behind `Authorization: Bearer <SAMVERKAN_ADMIN_TOKEN>`:
 *
 * - `GET /api/v1/signups[?status=pending|approved|rejected]` → `{ applications }`
 * - `GET /api/v1/signups/{id}` → one application
 * - `POST /api/v1/signups/{id}/approve` → adds the organisation as a signatory (the dataset's ETag changes)
 * - `POST /api/v1/signups/{id}/reject` → rejects (and withdraws a signatory it had added)
 * - `POST /api/v1/signups/{id}/erase` → erases the application's personal data
 *
 * Without a configured token they do not exist (404), so a server that is
 * not administered over HTTP shows no login surface at all.
 */
export function createAdminRoutes(options: AdminRoutesOptions) {
  const { auth, store, published, now } = options;

  /** Returns `false` when the route does not exist (no token configured). */
  function authorize(req: IncomingMessage, res: ServerResponse): boolean | 'answered' {
    if (!auth) return false;
    if (!auth.verify(req.headers.authorization)) {
      sendErrors(res, 401, 'This route needs the admin token: Authorization: Bearer <token>.', { 'WWW-Authenticate': 'Bearer realm="samverkan-admin"' });
      return 'answered';
    }
    return true;
  }

  return {
    /** `GET /api/v1/signups`. Returns `false` when admin routes are off. */
    list(req: IncomingMessage, res: ServerResponse, search: URLSearchParams): boolean {
      const allowed = authorize(req, res);
      if (allowed !== true) return allowed === 'answered';
      const status = search.get('status');
      if (status !== null && !STATUSES.includes(status as ApplicationStatus)) {
        sendErrors(res, 400, [{ path: 'status', message: `must be one of ${STATUSES.join(', ')}` }]);
        return true;
      }
      sendJson(res, 200, { applications: store.list((status as ApplicationStatus | null) ?? undefined) });
      return true;
    },

    /** `GET /api/v1/signups/{id}` and `POST /api/v1/signups/{id}/{action}`. Returns `false` when admin routes are off. */
    one(req: IncomingMessage, res: ServerResponse, id: string, action: AdminAction | undefined): boolean {
      const allowed = authorize(req, res);
      if (allowed !== true) return allowed === 'answered';
      const expected = action ? 'POST' : 'GET';
      if (req.method !== expected && !(expected === 'GET' && req.method === 'HEAD')) {
        sendErrors(res, 405, `Use ${expected} here.`, { Allow: expected === 'GET' ? 'GET, HEAD' : 'POST' });
        return true;
      }
      const application = store.get(id);
      if (!application) {
        sendErrors(res, 404, 'There is no application with this id.');
        return true;
      }
      const at = now();
      switch (action) {
        case undefined:
          sendJson(res, 200, application);
          return true;
        case 'approve': {
          if (application.status !== 'approved') {
            if (!application.application) {
              sendErrors(res, 409, 'This application was erased; there is nothing left to approve.');
              return true;
            }
            store.approve(id, signatoryFromApplication(id, application.application, published.current().dataset, at), at);
          }
          break;
        }
        case 'reject':
          if (application.status !== 'rejected') store.reject(id, at);
          break;
        case 'erase':
          store.erase(id, at);
          break;
      }
      sendJson(res, 200, store.get(id));
      return true;
    },
  };
}
