import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@samverkan/server';

test('reads the environment, with defaults for the rest', () => {
  const config = loadConfig({
    env: {
      PORT: '9090',
      HOST: '0.0.0.0',
      SAMVERKAN_DATASET: 'data/set.json',
      SAMVERKAN_DATA_DIR: 'var',
      SAMVERKAN_ALLOWED_ORIGINS: 'https://kommun.example.org, https://forening.example.org',
      SAMVERKAN_ADMIN_TOKEN: 'a-long-enough-admin-token',
      SAMVERKAN_SIGNUP_RATE_LIMIT: '5',
    },
    cwd: '/srv/samverkan',
  });
  assert.deepEqual(config, {
    port: 9090,
    host: '0.0.0.0',
    dataDir: '/srv/samverkan/var',
    datasetFile: '/srv/samverkan/data/set.json',
    allowedOrigins: ['https://kommun.example.org', 'https://forening.example.org'],
    adminToken: 'a-long-enough-admin-token',
    signupRateLimit: { max: 5, windowSeconds: 60 },
    signupCeiling: { max: 600, windowSeconds: 60 },
    trustProxy: false,
    log: 'stdout',
    idempotencyHours: 24,
  });
});

test('a config file gives values the environment overrides; its relative paths are relative to it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-config-'));
  try {
    const file = join(dir, 'samverkan.json');
    writeFileSync(file, JSON.stringify({ port: 7000, dataset: 'dataset.json', dataDir: 'store', signupRateLimit: { max: 3, windowSeconds: 600 }, trustProxy: true }));
    const config = loadConfig({ env: { PORT: '7001' }, configFile: file, cwd: '/elsewhere' });
    assert.equal(config.port, 7001);
    assert.equal(config.datasetFile, join(dir, 'dataset.json'));
    assert.equal(config.dataDir, join(dir, 'store'));
    assert.deepEqual(config.signupRateLimit, { max: 3, windowSeconds: 600 });
    assert.deepEqual(config.signupCeiling, { max: 600, windowSeconds: 600 }, 'the ceiling counts over the same window');
    assert.deepEqual(loadConfig({ env: { SAMVERKAN_SIGNUP_CEILING: '50' }, configFile: file }).signupCeiling, { max: 50, windowSeconds: 600 });
    assert.equal(config.trustProxy, true);

    writeFileSync(file, JSON.stringify({ prot: 7000 }));
    assert.throws(() => loadConfig({ env: {}, configFile: file }), /invalid/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('names the setting that is wrong', () => {
  assert.throws(() => loadConfig({ env: {} }), /SAMVERKAN_DATASET/);
  assert.throws(() => loadConfig({ env: { SAMVERKAN_DATASET: 'x.json', PORT: 'eighty' } }), /PORT must be a whole number/);
  assert.throws(() => loadConfig({ env: { SAMVERKAN_DATASET: 'x.json', SAMVERKAN_ALLOWED_ORIGINS: 'kommun.example.org' } }), /not an origin/);
  assert.throws(() => loadConfig({ env: { SAMVERKAN_DATASET: 'x.json', SAMVERKAN_IDEMPOTENCY_HOURS: '2' } }), /SAMVERKAN_IDEMPOTENCY_HOURS/);
  assert.equal(loadConfig({ env: { SAMVERKAN_ALLOWED_ORIGINS: '*' }, defaultDataset: '/demo.json' }).allowedOrigins, '*');
});
