import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as z from 'zod/mini';
import type { AllowedOrigins } from './cors.js';
import type { RateLimit } from './rate-limiter.js';

/** Everything the server needs to run, after the environment and the config file are read. */
export interface ServerConfig {
  port: number;
  host: string;
  /** The folder of the SQLite file (`samverkan.sqlite`). */
  dataDir: string;
  /** Keep everything in PostgreSQL instead (`postgres://…`); several processes may share it. */
  databaseUrl?: string;
  /** `SAMVERKAN_TENANTS`: the file that maps host names to agreements (several agreements on one installation). */
  tenantsFile?: string;
  /** The server's public address (`https://samverkan.kommun.example`), for absolute links (DCAT); else taken from each request. */
  publicUrl?: string;
  /** The dataset file to publish (file mode); absent when the dataset lives in the store. */
  datasetFile?: string;
  allowedOrigins: AllowedOrigins;
  /** Enables the admin routes; without it they answer 404. */
  adminToken?: string;
  /** The limit on `POST /api/v1/signups` per client (an IPv4 address or an IPv6 /64). */
  signupRateLimit: RateLimit;
  /** The limit on `POST /api/v1/signups` for the whole server, whoever sends. */
  signupCeiling: RateLimit;
  /** Take the client address from the last `X-Forwarded-For` entry (behind a reverse proxy). */
  trustProxy: boolean;
  /** `stdout` (default), `stderr` or a file to append the JSON log lines to. */
  log: string;
  /** How long an `Idempotency-Key` is remembered; at least 24 hours. */
  idempotencyHours: number;
}

/** The defaults for what is not configured. */
export const DEFAULTS = {
  port: 8080,
  host: '127.0.0.1',
  dataDir: 'data',
  allowedOrigins: '*' as AllowedOrigins,
  signupRateLimit: { max: 10, windowSeconds: 60 },
  signupCeiling: { max: 600, windowSeconds: 60 },
  trustProxy: false,
  log: 'stdout',
  idempotencyHours: 24,
} as const;

/** The config file's keys (JSON); the environment overrides them. Relative paths are relative to the file. */
export const ConfigFileSchema = z.strictObject({
  port: z.optional(z.int().check(z.minimum(0), z.maximum(65535))),
  host: z.optional(z.string()),
  dataDir: z.optional(z.string()),
  databaseUrl: z.optional(z.string()),
  publicUrl: z.optional(z.string()),
  tenants: z.optional(z.string()),
  dataset: z.optional(z.string()),
  allowedOrigins: z.optional(z.union([z.literal('*'), z.array(z.string())])),
  adminToken: z.optional(z.string()),
  signupRateLimit: z.optional(z.strictObject({ max: z.int().check(z.positive()), windowSeconds: z.number().check(z.positive()) })),
  signupCeiling: z.optional(z.strictObject({ max: z.int().check(z.positive()), windowSeconds: z.number().check(z.positive()) })),
  trustProxy: z.optional(z.boolean()),
  log: z.optional(z.string()),
  idempotencyHours: z.optional(z.number().check(z.gte(24, 'must be at least 24 (hours)'))),
});

/** The configuration is unusable; the message says which setting and why. */
export class ConfigError extends Error {
  override name = 'ConfigError' as const;
}

/** Where configuration comes from. */
export interface ConfigSources {
  env?: NodeJS.ProcessEnv;
  /** A JSON config file (also `SAMVERKAN_CONFIG`). */
  configFile?: string;
  /** Used when neither the file nor `SAMVERKAN_DATASET` names a dataset (the demo's). */
  defaultDataset?: string;
  /** The folder relative paths from the environment resolve against (default: the working directory). */
  cwd?: string;
  /** Do not require a dataset file (serve and import: the dataset lives in the store). */
  datasetOptional?: boolean;
}

/**
 * Reads the configuration: defaults, then the config file, then the
 * environment (`PORT`, `HOST`, `SAMVERKAN_DATA_DIR`, `SAMVERKAN_DATASET`,
 * `SAMVERKAN_ALLOWED_ORIGINS`, `SAMVERKAN_ADMIN_TOKEN`,
 * `SAMVERKAN_SIGNUP_RATE_LIMIT`, `SAMVERKAN_SIGNUP_RATE_WINDOW`, `SAMVERKAN_SIGNUP_CEILING`,
 * `SAMVERKAN_TRUST_PROXY`, `SAMVERKAN_LOG`, `SAMVERKAN_IDEMPOTENCY_HOURS`, `SAMVERKAN_DATABASE_URL`,
 * `SAMVERKAN_PUBLIC_URL`, `SAMVERKAN_TENANTS`).
 */
export function loadConfig(sources: ConfigSources = {}): ServerConfig {
  const env = sources.env ?? process.env;
  const cwd = sources.cwd ?? process.cwd();
  const configFile = sources.configFile ?? env.SAMVERKAN_CONFIG;
  let file: z.output<typeof ConfigFileSchema> = {};
  let fileDir = cwd;
  if (configFile) {
    const path = resolve(cwd, configFile);
    fileDir = dirname(path);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ConfigError(`The config file ${path} cannot be read: ${(error as Error).message}`);
    }
    const parsed = ConfigFileSchema.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ');
      throw new ConfigError(`The config file ${path} is invalid: ${problems}`);
    }
    file = parsed.data;
  }

  const datasetFromEnv = nonEmpty(env.SAMVERKAN_DATASET);
  const datasetFile = datasetFromEnv
    ? resolve(cwd, datasetFromEnv)
    : file.dataset
      ? resolve(fileDir, file.dataset)
      : sources.defaultDataset;
  if (!datasetFile && !sources.datasetOptional) throw new ConfigError('No dataset configured: set SAMVERKAN_DATASET to the dataset file (or `dataset` in the config file).');

  const dataDirFromEnv = nonEmpty(env.SAMVERKAN_DATA_DIR);
  const config: ServerConfig = {
    port: env.PORT !== undefined && env.PORT !== '' ? integer('PORT', env.PORT, 0, 65535) : (file.port ?? DEFAULTS.port),
    host: nonEmpty(env.HOST) ?? file.host ?? DEFAULTS.host,
    dataDir: dataDirFromEnv ? resolve(cwd, dataDirFromEnv) : file.dataDir ? resolve(fileDir, file.dataDir) : resolve(cwd, DEFAULTS.dataDir),
    ...(datasetFile !== undefined && { datasetFile }),
    allowedOrigins: env.SAMVERKAN_ALLOWED_ORIGINS !== undefined ? origins(env.SAMVERKAN_ALLOWED_ORIGINS) : (file.allowedOrigins ?? DEFAULTS.allowedOrigins),
    signupRateLimit: {
      max: env.SAMVERKAN_SIGNUP_RATE_LIMIT
        ? integer('SAMVERKAN_SIGNUP_RATE_LIMIT', env.SAMVERKAN_SIGNUP_RATE_LIMIT, 1, 1e9)
        : (file.signupRateLimit?.max ?? DEFAULTS.signupRateLimit.max),
      windowSeconds: env.SAMVERKAN_SIGNUP_RATE_WINDOW
        ? integer('SAMVERKAN_SIGNUP_RATE_WINDOW', env.SAMVERKAN_SIGNUP_RATE_WINDOW, 1, 86400 * 7)
        : (file.signupRateLimit?.windowSeconds ?? DEFAULTS.signupRateLimit.windowSeconds),
    },
    signupCeiling: {
      max: env.SAMVERKAN_SIGNUP_CEILING
        ? integer('SAMVERKAN_SIGNUP_CEILING', env.SAMVERKAN_SIGNUP_CEILING, 1, 1e9)
        : (file.signupCeiling?.max ?? DEFAULTS.signupCeiling.max),
      // The ceiling counts over the same window as the per-client limit unless the file says otherwise.
      windowSeconds:
        file.signupCeiling?.windowSeconds ??
        (env.SAMVERKAN_SIGNUP_RATE_WINDOW
          ? integer('SAMVERKAN_SIGNUP_RATE_WINDOW', env.SAMVERKAN_SIGNUP_RATE_WINDOW, 1, 86400 * 7)
          : (file.signupRateLimit?.windowSeconds ?? DEFAULTS.signupCeiling.windowSeconds)),
    },
    trustProxy: env.SAMVERKAN_TRUST_PROXY !== undefined ? /^(1|true|yes)$/i.test(env.SAMVERKAN_TRUST_PROXY) : (file.trustProxy ?? DEFAULTS.trustProxy),
    log: nonEmpty(env.SAMVERKAN_LOG) ?? (file.log ? (/^std(out|err)$/.test(file.log) ? file.log : resolve(fileDir, file.log)) : DEFAULTS.log),
    idempotencyHours: env.SAMVERKAN_IDEMPOTENCY_HOURS
      ? integer('SAMVERKAN_IDEMPOTENCY_HOURS', env.SAMVERKAN_IDEMPOTENCY_HOURS, 24, 24 * 365)
      : (file.idempotencyHours ?? DEFAULTS.idempotencyHours),
  };
  const databaseUrl = nonEmpty(env.SAMVERKAN_DATABASE_URL) ?? file.databaseUrl;
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\/./.test(databaseUrl)) throw new ConfigError('SAMVERKAN_DATABASE_URL must be a PostgreSQL URL such as postgres://samverkan:secret@localhost:5432/samverkan (or leave it unset for SQLite).');
    config.databaseUrl = databaseUrl;
  }
  const tenants = nonEmpty(env.SAMVERKAN_TENANTS) ?? (file.tenants ? resolve(fileDir, file.tenants) : undefined);
  if (tenants) config.tenantsFile = resolve(cwd, tenants);
  const publicUrl = nonEmpty(env.SAMVERKAN_PUBLIC_URL) ?? file.publicUrl;
  if (publicUrl) {
    if (!/^https?:\/\/[^/\s?#]+\/?$/.test(publicUrl)) throw new ConfigError(`SAMVERKAN_PUBLIC_URL must be the server's address such as https://samverkan.kommun.example (got "${publicUrl}").`);
    config.publicUrl = publicUrl.replace(/\/$/, '');
  }
  const token = nonEmpty(env.SAMVERKAN_ADMIN_TOKEN) ?? file.adminToken;
  if (token) config.adminToken = token;
  return config;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${value}").`);
  return n;
}

/** `"*"` or a comma-separated list of origins such as `https://kommun.example, https://forening.example`. */
function origins(value: string): AllowedOrigins {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0 || list.includes('*')) return '*';
  for (const origin of list) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin.replace(/\/$/, ''))) {
      throw new ConfigError(`SAMVERKAN_ALLOWED_ORIGINS: "${origin}" is not an origin such as https://kommun.example`);
    }
  }
  return list;
}
