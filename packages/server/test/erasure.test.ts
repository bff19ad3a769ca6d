// Issue 17.1: erasure while another reader (a backup) holds the database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ADMIN_TOKEN, application, postSignup, start } from './helpers.js';
import type { Store } from '@samverkan/server';

test('erase answers at once while a backup reads, the server stays responsive, and the WAL is emptied once the reader is done', async () => {
  const app = await start({ adminToken: ADMIN_TOKEN });
  const file = join(app.dir, 'data', 'samverkan.sqlite');
  const backup = new Database(file, { readonly: true });
  try {
    const { id } = await (await postSignup(app.base, application())).json();
    // A minute, not the server's 5 s: waiting for it (the bug) then takes far longer than any busy machine takes to
    // answer, so the bound below tells the two apart at load 20 as on a quiet machine.
    (app.server.store as Store).db.pragma('busy_timeout = 60000');
    // What a running backup does: a read transaction held open.
    backup.exec('BEGIN');
    backup.prepare('SELECT count(*) FROM applications').get();

    const started = Date.now();
    const erased = await app.admin(`/api/v1/signups/${id}/erase`, { method: 'POST' });
    const eraseMs = Date.now() - started;
    assert.equal(erased.status, 200);
    const health = Date.now();
    assert.equal((await fetch(`${app.base}/healthz`)).status, 200);
    const healthMs = Date.now() - health;
    // Before the fix each waited for the busy timeout (a minute here).
    assert.ok(eraseMs < 20_000 && healthMs < 20_000, `erase ${eraseMs} ms, healthz ${healthMs} ms`);
    assert.equal((app.server.store as Store).checkpointPending, true, 'the checkpoint waits for the reader');

    backup.exec('COMMIT');
    const wal = `${file}-wal`;
    const deadline = Date.now() + 5000;
    while ((app.server.store as Store).checkpointPending && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal((app.server.store as Store).checkpointPending, false, 'the checkpoint completed once the reader was done');
    for (const path of [file, wal].filter((p) => existsSync(p))) {
      assert.equal(readFileSync(path).includes(Buffer.from('kim.testperson@example.org')), false, `not in ${path}`);
    }
    app.server.logger.flush();
    assert.match(readFileSync(app.logFile, 'utf8'), /"level":"warn","message":"a reader \(a backup\?\) holds the database/);
  } finally {
    if (backup.open) backup.close();
    await app.close();
  }
});
