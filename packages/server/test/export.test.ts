import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportStatic } from '@samverkan/server';
import { ADMIN_TOKEN, DEMO_FILE, application, demo, postSignup, start } from './helpers.js';

test('export writes the published dataset, with approved signatories, for static hosting', async () => {
  const out = mkdtempSync(join(tmpdir(), 'samverkan-export-'));
  const app = await start({ adminToken: ADMIN_TOKEN, datasetFile: DEMO_FILE });
  try {
    const { id } = await (await postSignup(app.base, application())).json();
    await app.admin(`/api/v1/signups/${id}/approve`, { method: 'POST' });
    const served = Buffer.from(await (await fetch(`${app.base}/api/v1/dataset`, { headers: { 'Accept-Encoding': 'identity' } })).arrayBuffer());

    // Another process may export while the server runs (WAL readers do not block).
    const written = await exportStatic({ datasetFile: DEMO_FILE, dataDir: join(app.dir, 'data') }, out);
    assert.ok(written.includes(join(out, 'dataset.json')));
    const exported = readFileSync(join(out, 'dataset.json'));
    assert.deepEqual(exported, served, 'the same bytes the server publishes');
    assert.equal(JSON.parse(exported.toString()).organisations.length, demo.organisations.length + 1);
    const calendar = await (await fetch(`${app.base}/api/v1/meetings.ics`)).text();
    assert.equal(readFileSync(join(out, 'meetings.ics'), 'utf8'), calendar, 'the same feed the server publishes');
  } finally {
    await app.close();
    rmSync(out, { recursive: true, force: true });
  }
});

test('export without a data directory publishes the dataset file alone and creates no store', async () => {
  const out = mkdtempSync(join(tmpdir(), 'samverkan-export-'));
  try {
    const dataDir = join(out, 'no-store-here');
    await exportStatic({ datasetFile: DEMO_FILE, dataDir }, join(out, 'site'));
    const dataset = JSON.parse(readFileSync(join(out, 'site', 'dataset.json'), 'utf8'));
    assert.equal(dataset.organisations.length, demo.organisations.length);
    assert.equal(existsSync(dataDir), false);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
