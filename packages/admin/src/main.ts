/**
 * The admin page's entry (admin.js): registers the tags and gives
 * `<samverkan-admin>` its operations on this server's API (`/api/v1`).
 */
import './define.js';
import { createAdminApi } from './api-client.js';

const app = document.querySelector('samverkan-admin');
if (app) {
  app.api = createAdminApi({ apiUrl: new URL('/api/v1', location.href).pathname, lang: () => app.lang || 'sv' });
}
