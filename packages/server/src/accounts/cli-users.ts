import { randomUUID } from 'node:crypto';
import { AccountEmailSchema, PersonNameSchema, RoleSchema } from '@samverkan/sdk';
import { ConfigError, loadConfig, type ServerConfig } from '../config.js';
import { openStore, type StoreLocation } from '../store/open.js';
import type { SamverkanStore } from '../store/types.js';
import { readTenants, tenantStoreLocation, TenantsError } from '../tenants/config.js';
import type { AuditSink } from './audit-sink.js';
import { loadAccountsConfig } from './config.js';
import { issuePasswordLink } from './links.js';
import { accountStoreFor } from './open.js';
import { DuplicateEmailError, type AccountStore } from './types.js';

export const USERS_USAGE = `Usage:
  samverkan-server users add EMAIL --role admin|editor [--name NAME] [--notify]
      Adds a person and prints a one-time link (valid 72 hours) where they
      choose a password. --notify: e-mail them about new applications.
  samverkan-server users link EMAIL
      Prints a new one-time link (a forgotten password); earlier links stop working.
  samverkan-server users list
  samverkan-server users remove EMAIL
      Removes the person and ends their sessions.
  Options: --config <file.json> (the server's config: where the data is:
  the SQLite file in SAMVERKAN_DATA_DIR, or SAMVERKAN_DATABASE_URL).
  --tenant ID: with SAMVERKAN_TENANTS, the agreement (\`tenants list\` shows them).
  The links use SAMVERKAN_PUBLIC_URL (else http://localhost:PORT; for an
  agreement https://its first host name).`;

/** Where the users command reads and writes, and what it prints to. */
export interface UsersCommandContext {
  /** The account store to use; by default the server's (SQLite in the data folder, or SAMVERKAN_DATABASE_URL; with --tenant an agreement's). */
  store?: AccountStore;
  /** The base of the printed links; by default SAMVERKAN_PUBLIC_URL, else http://localhost:PORT. */
  baseUrl?: string;
  audit?: AuditSink;
  env?: NodeJS.ProcessEnv;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

interface Parsed {
  command: string | undefined;
  email: string | undefined;
  role: string | undefined;
  name: string | undefined;
  notify: boolean;
  configFile: string | undefined;
  tenant: string | undefined;
}

function parse(args: string[]): Parsed | string {
  const out: Parsed = { command: args[0], email: undefined, role: undefined, name: undefined, notify: false, configFile: undefined, tenant: undefined };
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--role') out.role = value();
    else if (flag === '--name') out.name = value();
    else if (flag === '--config') out.configFile = value();
    else if (flag === '--tenant') out.tenant = value();
    else if (flag === '--notify') out.notify = true;
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (out.email === undefined) out.email = arg;
    else return `unexpected ${arg}`;
  }
  return out;
}

/**
 * `samverkan-server users …`: adds people (printing their one-time
 * set-password link), lists them, makes new links and removes people, on the
 * server's own database. Answers the exit code.
 */
export async function usersCommand(args: string[], context: UsersCommandContext = {}): Promise<number> {
  const print = context.out ?? ((line: string) => console.log(line));
  const fail = (message: string, code = 2) => {
    (context.err ?? ((line: string) => console.error(line)))(message);
    return code;
  };
  const parsed = parse(args);
  if (typeof parsed === 'string') return fail(`samverkan-server users: ${parsed}\n${USERS_USAGE}`);
  if (!['add', 'link', 'list', 'remove'].includes(parsed.command ?? '')) return fail(USERS_USAGE, parsed.command === undefined || parsed.command === 'help' ? 0 : 2);

  const env = context.env ?? process.env;
  let store = context.store;
  let audit = context.audit;
  let opened: SamverkanStore | undefined;
  let baseUrl = context.baseUrl;
  try {
    if (!store || !baseUrl) {
      // The dataset is not needed here; a placeholder keeps loadConfig from asking for it.
      const config = loadConfig({ env, configFile: parsed.configFile, defaultDataset: '(not used by the users command)' });
      const place = where(config, parsed.tenant);
      if (typeof place === 'string') return fail(`samverkan-server users: ${place}`);
      baseUrl ??= loadAccountsConfig(env).publicUrl ?? place.baseUrl ?? `http://localhost:${config.port}`;
      if (!store) {
        // The server's own database (the SQLite file, or PostgreSQL and the agreement's schema), opened and
        // migrated as the server does; its audit log records what is done here.
        opened = await openStore(place.location);
        store = await accountStoreFor(opened);
        audit ??= opened;
      }
    }
  } catch (error) {
    await opened?.close();
    if (error instanceof ConfigError || error instanceof TenantsError) return fail(`samverkan-server users: ${error.message}`);
    return fail(`samverkan-server users: cannot open the database: ${(error as Error).message}`, 1);
  }
  try {
    return await run(parsed, store, baseUrl, audit, print, fail);
  } finally {
    await opened?.close();
  }
}

/** Whose accounts: the one agreement's store, or with SAMVERKAN_TENANTS the one `--tenant` names (and its address for links). */
function where(config: ServerConfig, tenantId: string | undefined): { location: StoreLocation; baseUrl?: string } | string {
  if (!config.tenantsFile) {
    if (tenantId !== undefined) return '--tenant needs SAMVERKAN_TENANTS (the agreements of this installation).';
    return { location: config };
  }
  const tenants = readTenants(config.tenantsFile);
  const tenant = tenants.find((t) => t.id === tenantId);
  if (!tenant) {
    const known = tenants.map((t) => t.id).join(', ') || 'none yet';
    return `${tenantId === undefined ? 'give the agreement with --tenant ID' : `there is no agreement ${tenantId}`} (SAMVERKAN_TENANTS has: ${known}).`;
  }
  return { location: tenantStoreLocation(tenant, config), baseUrl: `https://${tenant.hosts[0]}` };
}

async function run(
  parsed: Parsed,
  store: AccountStore,
  baseUrl: string,
  auditSink: AuditSink | undefined,
  print: (line: string) => void,
  fail: (message: string, code?: number) => number,
): Promise<number> {
  const audit = async (action: string, target: string) => auditSink?.record({ at: new Date(), by: 'command line', action, target });
  if (parsed.command === 'list') {
    for (const user of await store.listUsers()) {
      print(`${user.email}\t${user.role}\t${user.name}${user.passwordHash ? '' : '\t(no password yet)'}${user.notifyApplications ? '\t(notified of applications)' : ''}`);
    }
    return 0;
  }
  const email = AccountEmailSchema.safeParse(parsed.email ?? '');
  if (!email.success) return fail(`samverkan-server users ${parsed.command}: give the person's e-mail address, e.g. anna.andersson@kommun.example (got "${parsed.email ?? ''}").`);

  if (parsed.command === 'add') {
    const role = RoleSchema.safeParse(parsed.role);
    if (!role.success) return fail('samverkan-server users add: --role must be admin or editor.');
    const name = PersonNameSchema.safeParse(parsed.name ?? email.data.split('@')[0]);
    if (!name.success) return fail('samverkan-server users add: --name must be a name of at most 200 characters.');
    const id = randomUUID();
    try {
      await store.createUser({ id, email: email.data, name: name.data, role: role.data, notifyApplications: parsed.notify, createdAt: Date.now() });
    } catch (error) {
      if (error instanceof DuplicateEmailError) return fail(`samverkan-server users add: ${email.data} has an account already; \`users link ${email.data}\` makes a new link.`, 1);
      throw error;
    }
    const link = await issuePasswordLink(store, id, baseUrl, Date.now());
    await audit('user-invited', `user:${id}`);
    print(`Added ${email.data} (${role.data}). Send them this link to choose a password; it works once, until ${new Date(link.expiresAt).toISOString()}:`);
    print(link.setPasswordUrl);
    return 0;
  }

  const user = await store.findUserByEmail(email.data);
  if (!user) return fail(`samverkan-server users ${parsed.command}: there is no account for ${email.data} (\`users list\` shows them).`, 1);
  if (parsed.command === 'link') {
    const link = await issuePasswordLink(store, user.id, baseUrl, Date.now());
    await audit('user-link-issued', `user:${user.id}`);
    print(`A new link for ${user.email}; it works once, until ${new Date(link.expiresAt).toISOString()}:`);
    print(link.setPasswordUrl);
    return 0;
  }
  const result = await store.deleteUser(user.id);
  if (result === 'last-admin') return fail(`samverkan-server users remove: ${user.email} is the last admin; make someone else an admin first.`, 1);
  await audit('user-removed', `user:${user.id}`);
  print(`Removed ${user.email}; their sessions have ended.`);
  return 0;
}
