import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createApp } from '@samverkan/server';

const demo = JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));

test('GET /api/v1/dataset answers the dataset with an ETag, and 304 when it has not changed', async () => {
  const server = createApp({ dataset: demo });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const first = await fetch(`${base}/api/v1/dataset`);
    assert.equal(first.status, 200);
    const etag = first.headers.get('etag');
    assert.match(etag ?? '', /^"[\w-]+"$/);
    const body = await first.json();
    assert.equal(body.schemaVersion, '1');
    assert.equal(body.principles.length, 7);

    const second = await fetch(`${base}/api/v1/dataset`, { headers: { 'If-None-Match': etag! } });
    assert.equal(second.status, 304);

    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    assert.equal((await fetch(`${base}/nothing-here`)).status, 404);
  } finally {
    server.close();
  }
});
