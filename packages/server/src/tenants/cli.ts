import { existsSync } from 'node:fs';
import { AccountEmailSchema, PersonNameSchema } from '@samverkan/sdk';
import { usersCommand } from '../accounts/cli-users.js';
import { accountStoreFor } from '../accounts/open.js';
import { ConfigError, loadConfig } from '../config.js';
import { importDataset } from '../import.js';
import { openStore } from '../store/open.js';
import { isHostName, readTenants, tenantIdFor, tenantStoreLocation, writeTenants, type TenantConfig } from './config.js';

export const TENANTS_USAGE = `Usage:
  samverkan-server tenants add HOST --admin EMAIL --dataset FILE.json [--id ID] [--name NAME]
      Adds an agreement served at https://HOST to the SAMVERKAN_TENANTS file:
      its own store (a folder, or a PostgreSQL schema), its first version
      from FILE.json (checked strictly), and its first admin, whose one-time
      set-password link is printed.
  samverkan-server tenants list
      The agreements and their host names.`;

interface Output {
  out?: (line: string) => void;
  err?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** `samverkan-server tenants …`; answers the exit code. */
export async function tenantsCommand(args: string[], io: Output = {}): Promise<number> {
  const print = io.out ?? ((line: string) => console.log(line));
  const fail = (message: string, code = 2) => {
    (io.err ?? ((line: string) => console.error(line)))(message);
    return code;
  };
  const env = io.env ?? process.env;
  const [command, ...rest] = args;
  if (command !== 'add' && command !== 'list') return fail(TENANTS_USAGE, command === undefined || command === 'help' ? 0 : 2);
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg.startsWith('--')) {
      const [flag, inline] = arg.includes('=') ? [arg.slice(2, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg.slice(2), rest[++i]];
      if (!['admin', 'dataset', 'id', 'name', 'config'].includes(flag) || inline === undefined) return fail(`samverkan-server tenants: unknown or incomplete option ${arg}\n${TENANTS_USAGE}`);
      options[flag] = inline;
    } else positional.push(arg);
  }
  let config;
  try {
    config = loadConfig({ env, configFile: options.config, datasetOptional: true });
  } catch (error) {
    if (error instanceof ConfigError) return fail(`samverkan-server tenants: ${error.message}`);
    throw error;
  }
  const file = config.tenantsFile;
  if (!file) return fail('samverkan-server tenants: set SAMVERKAN_TENANTS to the tenants file (it is created by the first `tenants add`).');
  let tenants: TenantConfig[];
  try {
    tenants = existsSync(file) ? readTenants(file) : [];
  } catch (error) {
    return fail(`samverkan-server tenants: ${(error as Error).message}`, 1);
  }

  if (command === 'list') {
    for (const tenant of tenants) print(`${tenant.id}\t${tenant.hosts.join(', ')}`);
    return 0;
  }

  const host = positional[0]?.toLowerCase();
  if (!host || !isHostName(host)) return fail(`samverkan-server tenants add: give the host name, such as samverkan.sodertalje.example (got ${positional[0] ?? 'nothing'}).\n${TENANTS_USAGE}`);
  if (!options.admin) return fail('samverkan-server tenants add: give the first admin with --admin EMAIL.');
  if (!options.dataset) return fail('samverkan-server tenants add: give the first version of the dataset with --dataset FILE.json (the demo: examples/data/sodertalje.json).');
  const id = options.id ?? tenantIdFor(host);
  if (tenants.some((t) => t.hosts.includes(host))) return fail(`samverkan-server tenants add: ${host} is served already.`, 1);
  if (tenants.some((t) => t.id === id)) return fail(`samverkan-server tenants add: the id ${id} is taken; choose another with --id.`, 1);
  const tenant: TenantConfig = { id, hosts: [host] };
  const location = tenantStoreLocation(tenant, config);

  // The first admin is checked before anything is written, by the rules `users add` applies below:
  // a refusal there after the import would leave the agreement's store with a version and no tenant.
  const admin = AccountEmailSchema.safeParse(options.admin);
  if (!admin.success) return fail(`samverkan-server tenants add: give the first admin's e-mail address with --admin, e.g. anna.andersson@kommun.example (got "${options.admin}"). Nothing was added.`);
  if (options.name !== undefined && !PersonNameSchema.safeParse(options.name).success) return fail(`samverkan-server tenants add: --name must be a person's name of at most 200 characters (got "${options.name}"). Nothing was added.`);

  // The first version, strictly checked: nothing is written when it is invalid.
  const imported = await importDataset(options.dataset, location);
  if (!imported.ok) {
    fail(`samverkan-server tenants add: nothing was added; the dataset file has ${imported.problems.length} problem(s):`, 1);
    for (const problem of imported.problems) fail(`  ${problem}`, 1);
    return 1;
  }

  // The first admin, in the agreement's own store.
  const store = await openStore(location);
  try {
    const accounts = await accountStoreFor(store);
    const code = await usersCommand(['add', options.admin, '--role', 'admin', ...(options.name ? ['--name', options.name] : [])], {
      store: accounts,
      baseUrl: `https://${host}`,
      audit: store,
      env,
      out: print,
      err: (line) => fail(line, 1),
    });
    if (code !== 0) return code;
  } finally {
    await store.close();
  }
  writeTenants(file, [...tenants, tenant]);
  print(`Added the agreement ${id} at https://${host} (version ${imported.version}, ${imported.organisations} organisations) to ${file}. Restart the server to serve it.`);
  return 0;
}
