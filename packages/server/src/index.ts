/**
 * `@samverkan/server`: the reference HTTP API for a Samverkan dataset.
 *
 * @packageDocumentation
 */
export { createApp, type AppOptions, type SamverkanServer, type ServedRoute } from './app.js';
export { loadConfig, ConfigError, DEFAULTS, type ServerConfig, type ConfigSources } from './config.js';
export { createLogger, type Logger, type LogDestination, type RequestLogEntry } from './logger.js';
export { exportStatic } from './export.js';
export { precompressFiles } from './static/precompress.js';
export { isBundleFile, type StaticFilesOptions } from './static-files.js';
export { Store, DATABASE_FILE } from './store/sqlite/store.js';
export { PostgresStore, SchemaTooNewError, type PostgresStoreOptions } from './store/postgres/store.js';
export type { SamverkanStore, StoredApplication, ApplicationStatus, StoredVersion, AuditSink, NewAuditEntry, Awaitable } from './store/types.js';
export { PublishedDataset, type DatasetSnapshot, type DatasetSource } from './published-dataset.js';
export type { AllowedOrigins } from './cors.js';
export type { RateLimit } from './rate-limiter.js';
export { SIGNUP_BODY_LIMIT, HONEYPOT_FIELD } from './signup-route.js';
export * from './accounts/index.js';
