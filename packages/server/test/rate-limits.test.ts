// Issue 17.9: clients counted as they are (IPv6 by /64), a ceiling for the
// whole server, and the admin list in pages.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { clientKey } from '../src/rate-limiter.js';
import { ADMIN_TOKEN, application, postSignup, start } from './helpers.js';

describe('rate limits', () => {
  test('clientKey: IPv4 as it is, IPv6 by its /64 whatever the notation, IPv4-mapped as IPv4', () => {
    assert.equal(clientKey('192.0.2.7'), '192.0.2.7');
    assert.equal(clientKey('2001:db8:1:2::1'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:fffe'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:DB8:1:2:0:0:0:9'), '2001:db8:1:2::/64');
    assert.equal(clientKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.notEqual(clientKey('2001:db8:1:3::1'), clientKey('2001:db8:1:2::1'));
    assert.equal(clientKey('::ffff:192.0.2.7'), '192.0.2.7');
    assert.equal(clientKey('::1'), '0:0:0:0::/64');
  });

  test('two IPv6 addresses in one /64 share a bucket; another /64 has its own', async () => {
    const app = await start({ signupRateLimit: { max: 1, windowSeconds: 60 }, trustProxy: true });
    try {
      assert.equal((await postSignup(app.base, application(), { 'X-Forwarded-For': '2001:db8:1:2::1' })).status, 201);
      assert.equal((await postSignup(app.base, application(), { 'X-Forwarded-For': '2001:db8:1:2:ffff::9' })).status, 429);
      assert.equal((await postSignup(app.base, application(), { 'X-Forwarded-For': '2001:db8:1:3::1' })).status, 201);
    } finally {
      await app.close();
    }
  });

  test('the whole server has a ceiling, whatever the number of addresses', async () => {
    const app = await start({ signupRateLimit: { max: 100, windowSeconds: 60 }, signupCeiling: { max: 3, windowSeconds: 60 }, trustProxy: true });
    try {
      for (let i = 1; i <= 3; i++) assert.equal((await postSignup(app.base, application(), { 'X-Forwarded-For': `192.0.2.${i}` })).status, 201);
      const limited = await postSignup(app.base, application(), { 'X-Forwarded-For': '192.0.2.200' });
      assert.equal(limited.status, 429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(retryAfter >= 1 && retryAfter <= 20, `Retry-After ${retryAfter}`);
    } finally {
      await app.close();
    }
  });
});

describe('GET /api/v1/signups in pages', () => {
  test('?limit= and the nextCursor it gives walk every application once, newest first; ?reference= finds one', async () => {
    let clock = Date.parse('2026-11-26T12:00:00Z');
    const app = await start({ adminToken: ADMIN_TOKEN, now: () => new Date((clock += 1000)) });
    try {
      const receipts = [];
      for (let i = 0; i < 5; i++) receipts.push(await (await postSignup(app.base, application())).json());
      const seen: string[] = [];
      let url = '/api/v1/signups?limit=2';
      const sizes: number[] = [];
      for (;;) {
        const page = await (await app.admin(url)).json();
        sizes.push(page.applications.length);
        seen.push(...page.applications.map((a: { id: string }) => a.id));
        if (!page.nextCursor) break;
        url = `/api/v1/signups?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`;
      }
      assert.deepEqual(sizes, [2, 2, 1]);
      assert.deepEqual(seen, receipts.map((r) => r.id).reverse());

      const wanted = receipts[2];
      for (const typed of [wanted.reference, wanted.reference.toLowerCase().replace('-', '')]) {
        const found = await (await app.admin(`/api/v1/signups?reference=${encodeURIComponent(typed)}`)).json();
        assert.deepEqual(found.applications.map((a: { id: string }) => a.id), [wanted.id], typed);
      }
      for (const bad of ['limit=0', 'limit=501', 'limit=x', 'cursor=nonsense', 'reference=abc']) {
        const res = await app.admin(`/api/v1/signups?${bad}`);
        assert.equal(res.status, 400, bad);
        assert.equal((await res.json()).errors[0].path, bad.split('=')[0]);
      }
    } finally {
      await app.close();
    }
  });
});
