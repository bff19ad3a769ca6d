/**
 * `@samverkan/admin`: the admin page served at /admin. This module only
 * exports; `define.js` registers the tags and `main.js` starts the page.
 *
 * @packageDocumentation
 */
export { SamverkanAdmin } from './admin-app.js';
export * from './api.js';
export { parseRoute, routeHash, type Route } from './router.js';
export { messagesFor, ADMIN_LANGUAGES, type AdminLanguage, type Messages } from './i18n/catalogue.js';
