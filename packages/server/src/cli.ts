import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { usersCommand } from './accounts/cli-users.js';
import { createApp, type SamverkanServer } from './app.js';
import { ConfigError, loadConfig, type ServerConfig } from './config.js';
import { exportStatic } from './export.js';
import { importDataset } from './import.js';
import { createLogger } from './logger.js';
import { accountsForApp, type AppAccounts } from './accounts/app-plugin.js';
import { loadAccountsConfig } from './accounts/config.js';
import { readTenants } from './tenants/config.js';
import { tenantsCommand, TENANTS_USAGE } from './tenants/cli.js';
import { createTenantServer, type TenantServer } from './tenants/server.js';

// The repository's folders, for the demo. From src/ (tsx) and dist/ alike they are three levels up.
const REPO = new URL('../../../', import.meta.url);
const DEMO_DATASET = fileURLToPath(new URL('examples/data/sodertalje.json', REPO));
const EXAMPLES_DIR = fileURLToPath(new URL('examples/', REPO));
const BUNDLE_DIR = fileURLToPath(new URL('packages/elements/dist/', REPO));
const ADMIN_DIR = fileURLToPath(new URL('packages/admin/dist/', REPO));

const USAGE = `Usage:
  samverkan-server serve [--demo] [--config <file.json>]
      Serves the dataset and receives applications. With SAMVERKAN_DATASET
      the file is the truth (file mode); without it the dataset lives in the
      store as versions (publish one with import).
      --demo: the demo dataset (published into an empty store), the example
      pages and the elements bundle, and a generated admin token when
      SAMVERKAN_ADMIN_TOKEN is not set.
  samverkan-server import <file.json> [--config <file.json>]
      Publishes a dataset file as a new version in the store (checked strictly;
      an invalid file changes nothing and says why).
  samverkan-server export <dir> [--demo] [--config <file.json>]
      Writes the published dataset.json and meetings.ics into <dir>.
  samverkan-server users add EMAIL --role admin|editor [--name NAME] [--tenant ID]
      Adds a person and prints their one-time set-password link
      (also: users list, users link EMAIL, users remove EMAIL), in the
      SQLite file or SAMVERKAN_DATABASE_URL; --tenant with SAMVERKAN_TENANTS.
${TENANTS_USAGE.replace(/^Usage:\n/, '')}

Environment: PORT, HOST, SAMVERKAN_DATA_DIR, SAMVERKAN_DATASET,
SAMVERKAN_ALLOWED_ORIGINS, SAMVERKAN_ADMIN_TOKEN, SAMVERKAN_SIGNUP_RATE_LIMIT,
SAMVERKAN_SIGNUP_RATE_WINDOW, SAMVERKAN_SIGNUP_CEILING, SAMVERKAN_TRUST_PROXY, SAMVERKAN_LOG,
SAMVERKAN_IDEMPOTENCY_HOURS, SAMVERKAN_DATABASE_URL, SAMVERKAN_PUBLIC_URL, SAMVERKAN_TENANTS,
SAMVERKAN_CONFIG (see docs/server.md).`;

interface Args {
  command: string | undefined;
  positional: string[];
  demo: boolean;
  configFile: string | undefined;
}

function parseArgs(args: string[]): Args | string {
  const out: Args = { command: args[0], positional: [], demo: false, configFile: undefined };
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--demo') out.demo = true;
    else if (arg === '--config') {
      out.configFile = args[++i];
      if (!out.configFile) return '--config needs a file';
    } else if (arg.startsWith('--config=')) out.configFile = arg.slice('--config='.length);
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else out.positional.push(arg);
  }
  return out;
}

/** `samverkan-server serve|export …`; resolves to the exit code once the command is done (serve: after SIGTERM/SIGINT). */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'users') return usersCommand(argv.slice(1));
  if (argv[0] === 'tenants') return tenantsCommand(argv.slice(1));
  const args = parseArgs(argv);
  if (typeof args === 'string' || (args.command !== 'serve' && args.command !== 'export' && args.command !== 'import')) {
    if (typeof args === 'string') console.error(`samverkan-server: ${args}`);
    console.error(USAGE);
    return argv[0] === '--help' || argv[0] === 'help' ? 0 : 2;
  }
  let config: ServerConfig;
  try {
    // Without a dataset file the dataset lives in the store (serve, import, and export of the latest version).
    config = loadConfig({ configFile: args.configFile, datasetOptional: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`samverkan-server: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (args.command === 'import') {
    const file = args.positional[0];
    if (!file) {
      console.error(USAGE);
      return 2;
    }
    const result = await importDataset(file, config);
    if (!result.ok) {
      console.error(`samverkan-server: nothing was imported; the file has ${result.problems.length} problem(s):`);
      for (const problem of result.problems) console.error(`  ${problem}`);
      return 1;
    }
    console.log(`Published version ${result.version} (${result.organisations} organisations) into ${config.databaseUrl ? 'the PostgreSQL database' : config.dataDir}.`);
    return 0;
  }
  if (args.command === 'export') {
    const dir = args.positional[0];
    if (!dir) {
      console.error(USAGE);
      return 2;
    }
    const written = await exportStatic(config, dir);
    for (const file of written) console.log(`wrote ${file}`);
    return 0;
  }
  return serve(config, args.demo);
}

async function serve(config: ServerConfig, demo: boolean): Promise<number> {
  let generatedToken: string | undefined;
  if (demo && !config.adminToken) {
    generatedToken = randomBytes(24).toString('base64url');
    config.adminToken = generatedToken;
  }
  const logger = createLogger(config.log);
  let server: SamverkanServer | TenantServer;
  // Sessions, users, OpenID Connect and e-mail for the admin page (and the admin token on the account routes),
  // in the store's own database (the SQLite file or PostgreSQL); with several agreements each app makes its own.
  const accounts: AppAccounts | undefined = config.tenantsFile ? undefined : accountsForApp({ ...loadAccountsConfig(), adminToken: config.adminToken });
  try {
    server = config.tenantsFile
      ? createTenantServer({
          // Several agreements: each its own store, seeded by `tenants add`; the host picks the agreement.
          tenants: readTenants(config.tenantsFile),
          dataDir: config.dataDir,
          databaseUrl: config.databaseUrl,
          trustProxy: config.trustProxy,
          app: {
            allowedOrigins: config.allowedOrigins,
            signupRateLimit: config.signupRateLimit,
            signupCeiling: config.signupCeiling,
            idempotencyHours: config.idempotencyHours,
            logger,
            static: { bundleDir: BUNDLE_DIR },
            adminPage: { dir: ADMIN_DIR },
          },
        })
      : createApp({
      ...(config.datasetFile !== undefined
        ? { datasetFile: config.datasetFile }
        : demo
          ? { dataset: readFileSync(DEMO_DATASET, 'utf8'), datasetLabel: 'the demo (examples/data/sodertalje.json)' }
          : {}),
      dataDir: config.dataDir,
      ...(config.databaseUrl && { databaseUrl: config.databaseUrl }),
      ...(config.publicUrl && { publicUrl: config.publicUrl }),
      ...(config.adminToken && { adminToken: config.adminToken }),
      allowedOrigins: config.allowedOrigins,
      signupRateLimit: config.signupRateLimit,
      signupCeiling: config.signupCeiling,
      trustProxy: config.trustProxy,
      idempotencyHours: config.idempotencyHours,
      logger,
      static: demo ? { examplesDir: EXAMPLES_DIR, bundleDir: BUNDLE_DIR } : { bundleDir: BUNDLE_DIR },
      adminPage: { dir: ADMIN_DIR },
      ...(accounts && { plugins: [accounts.plugin], onApplication: accounts.onApplication }),
      adminRoutes: true,
    });
  } catch (error) {
    console.error(`samverkan-server: cannot start: ${(error as Error).message}`);
    return 1;
  }
  try {
    await server.ready();
  } catch (error) {
    console.error(`samverkan-server: cannot start: ${(error as Error).message}`);
    server.close();
    return 1;
  }
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    console.error(`samverkan-server: cannot start on ${config.host}:${config.port}: ${(error as Error).message}`);
    server.close();
    return 1;
  }
  const { port } = server.address() as AddressInfo;
  const shownHost = ['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost'].includes(config.host) ? 'localhost' : config.host;
  const base = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  console.log(banner(base, config, demo, generatedToken));
  if (demo && accounts && existsSync(ADMIN_DIR + 'index.html')) {
    const account = await accounts.demoAccount();
    console.log(
      [
        '',
        `The admin page: ${base}/admin`,
        `  E-mail:   ${account.email}`,
        account.password ? `  Password: ${account.password}` : '  Password: the one printed when this data directory was first started (or: samverkan-server users link EMAIL)',
      ].join('\n'),
    );
  }

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  logger.event('info', `${signal}: finishing open requests, then stopping`);
  await shutdown(server);
  logger.close();
  return 0;
}

/**
 * Stops accepting connections, lets requests in progress finish (10 s at
 * most), then closes the store. Idle keep-alive connections are closed at
 * once so they do not hold the shutdown open.
 */
async function shutdown(server: import('node:http').Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), 10_000);
  await closed;
  clearTimeout(timer);
}

function banner(base: string, config: ServerConfig, demo: boolean, generatedToken: string | undefined): string {
  const lines = [
    `Samverkan server${demo ? ' (demo)' : ''} is running.`,
    ...(demo ? [`  Example pages:  ${base}/`] : []),
    `  Dataset:        ${base}/api/v1/dataset`,
    `  Calendar feed:  ${base}/api/v1/meetings.ics`,
    `  Applications:   POST ${base}/api/v1/signups`,
    ...(existsSync(BUNDLE_DIR + 'samverkan.min.js') ? [`  Elements:       ${base}/samverkan.min.js`] : []),
    ...(existsSync(ADMIN_DIR + 'index.html') ? [`  Admin page:     ${base}/admin`] : []),
    `  Health:         ${base}/healthz`,
    config.databaseUrl ? `  Data:           PostgreSQL (SAMVERKAN_DATABASE_URL)` : `  Data:           ${config.dataDir}`,
    ...(config.tenantsFile ? [`  Agreements:     by host name, from ${config.tenantsFile} (SAMVERKAN_TENANTS)`] : []),
    config.datasetFile ? `  Dataset file:   ${config.datasetFile} (file mode: the file is the truth)` : `  Kept:           the dataset is in the store as versions (samverkan-server import FILE.json publishes a file)`,
  ];
  if (generatedToken) {
    lines.push(
      '',
      `Admin token for this run (set SAMVERKAN_ADMIN_TOKEN to choose your own):`,
      `  ${generatedToken}`,
      `  curl -H "Authorization: Bearer ${generatedToken}" ${base}/api/v1/signups`,
    );
  } else if (!config.adminToken) {
    // The admin routes are there for people who sign in (no token is needed any more).
    lines.push('', 'To sign in at /admin, add yourself (prints a one-time link to choose a password):', '  samverkan-server users add you@example.org --role admin');
  }
  return lines.join('\n');
}

// Run when started as a script (`node dist/cli.js serve`); the bin imports `main` instead.
function startedAsScript(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
if (startedAsScript()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
