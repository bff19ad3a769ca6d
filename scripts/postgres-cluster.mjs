// A throwaway PostgreSQL cluster for the tests: Debian's `postgresql` binaries,
// run as an unprivileged user (PostgreSQL refuses root), listening on loopback
// on a free port, its files in a fresh temporary folder.
//
//   node scripts/postgres-cluster.mjs start   prints shell exports:
//       SAMVERKAN_TEST_DATABASE_URL=postgres://…  SAMVERKAN_TEST_PGDATA=/tmp/…
//   node scripts/postgres-cluster.mjs stop    stops the cluster in $SAMVERKAN_TEST_PGDATA and removes it
//
// `.ci/run` starts one for the whole test run; the store tests also start their
// own through `startPostgres()` when no URL is given and the binaries exist.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The newest installed PostgreSQL's bin folder, or undefined. */
export function postgresBinDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary as the unprivileged `postgres` user when we are root. */
function run(bin, args) {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${bin} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/** Starts a cluster; resolves to `{ url, dataDir, stop() }`. */
export async function startPostgres() {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql).');
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dataDir, uid, gid);
  }
  const port = await freePort();
  run(join(bin, 'initdb'), ['-D', join(dataDir, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  // fsync off: the tests kill server processes, never PostgreSQL, and the cluster is thrown away.
  run(join(bin, 'pg_ctl'), [
    '-D', join(dataDir, 'data'), '-l', join(dataDir, 'log'), '-w', '-o',
    `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`,
    'start',
  ]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return { url, dataDir, stop: () => stopPostgres(dataDir) };
}

/** Stops the cluster in `dataDir` and removes its files. */
export function stopPostgres(dataDir) {
  const bin = postgresBinDir();
  if (bin && existsSync(join(dataDir, 'data', 'postmaster.pid'))) {
    try {
      run(join(bin, 'pg_ctl'), ['-D', join(dataDir, 'data'), '-m', 'fast', '-w', 'stop']);
    } catch (error) {
      console.error(String(error));
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2];
  if (command === 'start') {
    const { url, dataDir } = await startPostgres();
    console.log(`export SAMVERKAN_TEST_DATABASE_URL='${url}'`);
    console.log(`export SAMVERKAN_TEST_PGDATA='${dataDir}'`);
  } else if (command === 'stop') {
    const dataDir = process.argv[3] ?? process.env.SAMVERKAN_TEST_PGDATA;
    if (!dataDir) {
      console.error('usage: node scripts/postgres-cluster.mjs stop [DATA_DIR] (or set SAMVERKAN_TEST_PGDATA)');
      process.exit(2);
    }
    stopPostgres(dataDir);
  } else {
    console.error('usage: node scripts/postgres-cluster.mjs start|stop');
    process.exit(2);
  }
}
