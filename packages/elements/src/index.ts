/**
 * `@samverkan/elements`: Lit web components for a Samverkan dataset. This
 * module only exports; import `@samverkan/elements/define/<tag>.js` (or load
 * `samverkan.min.js`) to register the tags.
 *
 * @packageDocumentation
 */
export { mailtoUrl, safeHttpUrl, telUrl } from './utils/safe-url.js';
