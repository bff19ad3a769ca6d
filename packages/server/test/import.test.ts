// `samverkan-server import FILE.json` (issue 13): strict, nothing changes on a
// broken file, and a running server publishes the new version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnServer } from './child-server.js';
import { ADMIN_TOKEN, DEMO_FILE, demo } from './helpers.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

function cli(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=samverkan-source', '--import', 'tsx', 'packages/server/src/cli.ts', ...args],
      { cwd: REPO, env: { ...process.env, SAMVERKAN_DATA_DIR: dataDir, SAMVERKAN_DATASET: '' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

test('import: broken JSON is reported by line and column, an invalid dataset by path; neither changes anything; a valid file is published, also to a running server', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-import-'));
  try {
    const dataDir = join(dir, 'data');
    const text = readFileSync(DEMO_FILE, 'utf8');
    const lines = text.split('\n');
    const broken = join(dir, 'broken.json');
    // Drop the comma at the end of line 3.
    writeFileSync(broken, [...lines.slice(0, 2), lines[2]!.replace(/,\s*$/, ''), ...lines.slice(3)].join('\n'));
    const a = await cli(['import', broken], dataDir);
    assert.equal(a.code, 1);
    assert.match(a.stderr, /nothing was imported/);
    assert.match(a.stderr, /line 4, column \d+/);

    const invalid = join(dir, 'invalid.json');
    const bad = structuredClone(demo);
    bad.organisations[3].website = 'ftp://example.org';
    writeFileSync(invalid, JSON.stringify(bad, null, 2));
    const b = await cli(['import', invalid], dataDir);
    assert.equal(b.code, 1);
    assert.match(b.stderr, /organisations\[3\]\.website/);

    // Nothing in the store yet: serving without a dataset file refuses to start, and says what to do.
    const refused = await cli(['serve'], dataDir);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /samverkan-server import/);

    const good = join(dir, 'good.json');
    writeFileSync(good, text);
    const c = await cli(['import', good], dataDir);
    assert.equal(c.code, 0, c.stderr);
    assert.match(c.stdout, /Published version 1/);

    const server = await spawnServer(dataDir, { SAMVERKAN_DATASET: '', SAMVERKAN_ADMIN_TOKEN: ADMIN_TOKEN });
    try {
      const first = await fetch(`${server.base}/api/v1/dataset`);
      const etag = first.headers.get('etag')!;
      assert.equal((await first.json()).organisations.length, demo.organisations.length);
      const changed = structuredClone(demo);
      changed.meetings = changed.meetings.slice(2);
      writeFileSync(good, JSON.stringify(changed));
      const d = await cli(['import', good], dataDir);
      assert.match(d.stdout, /Published version 2/);
      let after: Response | undefined;
      for (const deadline = Date.now() + 6000; Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 250));
        after = await fetch(`${server.base}/api/v1/dataset`, { headers: { 'If-None-Match': etag } });
        if (after.status === 200) break;
      }
      assert.equal(after!.status, 200, 'the running server published the imported version');
      assert.equal((await after!.json()).meetings.length, demo.meetings.length - 2);
      const versions = await (await fetch(`${server.base}/api/v1/admin/versions`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
      assert.deepEqual(versions.versions.map((v: { by: string }) => v.by), ['import', 'import']);
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
