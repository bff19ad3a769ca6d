/**
 * `@samverkan/server`: the reference HTTP API for a Samverkan dataset.
 *
 * @packageDocumentation
 */
export { createApp, type AppOptions } from './app.js';
