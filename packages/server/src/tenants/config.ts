import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';

/**
 * One agreement on a shared installation. Each has its own store: with
 * SQLite its own file (`<dataDir>/tenants/<id>/samverkan.sqlite`), with
 * PostgreSQL its own schema (`tenant_<id>`) in the one database. Everything
 * an agreement keeps (dataset versions, applications, idempotency keys,
 * users, sessions, links, audit) is in its store, so no query of one can
 * see another's rows: isolation does not depend on every query remembering
 * a tenant column.
 */
export interface TenantConfig {
  /** Lower-case letters, digits and `_` (it names a folder and a schema). */
  id: string;
  /** The host names (without port) its requests arrive for. */
  hosts: string[];
  /** This agreement's admin token (at least 16 characters), if it uses one. */
  adminToken?: string;
}

const ID = /^[a-z][a-z0-9_]{0,40}$/;
const HOST = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*$/;

export const TenantsFileSchema = z.strictObject({
  tenants: z.array(
    z.strictObject({
      id: z.string().check(z.regex(ID, 'must be lower-case letters, digits and _ (starting with a letter, at most 41)')),
      hosts: z.array(z.string().check(z.regex(HOST, 'must be a host name such as samverkan.sodertalje.example (lower case, no port)'))).check(z.minLength(1)),
      adminToken: z.optional(z.string().check(z.minLength(16, 'must be at least 16 characters'))),
    }),
  ),
});

/** The tenants file is unusable; the message says where and why. */
export class TenantsError extends Error {
  override name = 'TenantsError' as const;
}

/** Reads and checks `SAMVERKAN_TENANTS`: ids and host names unique across agreements. */
export function readTenants(file: string): TenantConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TenantsError(`The tenants file ${file} cannot be read: ${(error as Error).message}`);
  }
  const parsed = TenantsFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new TenantsError(`The tenants file ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ')}`);
  }
  const ids = new Set<string>();
  const hosts = new Set<string>();
  for (const tenant of parsed.data.tenants) {
    if (ids.has(tenant.id)) throw new TenantsError(`The tenants file ${file} names the agreement "${tenant.id}" twice.`);
    ids.add(tenant.id);
    for (const host of tenant.hosts) {
      if (hosts.has(host)) throw new TenantsError(`The tenants file ${file} gives the host ${host} to two agreements.`);
      hosts.add(host);
    }
  }
  return parsed.data.tenants.map((t) => ({ id: t.id, hosts: t.hosts, ...(t.adminToken && { adminToken: t.adminToken }) }));
}

/** Writes the tenants file whole (a new file renamed over the old, so a reader never sees half of it). */
export function writeTenants(file: string, tenants: TenantConfig[]): void {
  const next = `${file}.${process.pid}.tmp`;
  writeFileSync(next, `${JSON.stringify({ tenants }, null, 2)}\n`, { mode: 0o600 });
  renameSync(next, file);
}

/** An agreement id from its host name: `samverkan.sodertalje.example` → `samverkan_sodertalje_example` (cut to 41). */
export function tenantIdFor(host: string): string {
  const id = host.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^[^a-z]+/, '').slice(0, 41).replace(/_+$/, '');
  return id || 't';
}

/** Where an agreement's store is. */
export function tenantStoreLocation(tenant: Pick<TenantConfig, 'id'>, base: { dataDir: string; databaseUrl?: string | undefined }) {
  return base.databaseUrl
    ? { dataDir: base.dataDir, databaseUrl: base.databaseUrl, databaseSchema: `tenant_${tenant.id}` }
    : { dataDir: join(base.dataDir, 'tenants', tenant.id) };
}

/** Whether `host` is a host name we could list (for `tenants add`). */
export function isHostName(host: string): boolean {
  return HOST.test(host);
}
