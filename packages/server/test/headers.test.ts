import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { application, postSignup, stableHeaders, start } from './helpers.js';

const SECURITY = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};
const ANY_ORIGIN = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Retry-After, Idempotent-Replayed',
};

describe('header snapshots', () => {
  test('200 dataset, 404, 413 and 429 carry exactly these headers', async () => {
    const app = await start({ signupRateLimit: { max: 1, windowSeconds: 60 } });
    try {
      const ok = await fetch(`${app.base}/api/v1/dataset`, { headers: { 'Accept-Encoding': 'identity' } });
      await ok.arrayBuffer();
      assert.deepEqual(stableHeaders(ok, ['etag', 'content-length']), {
        ...SECURITY,
        ...ANY_ORIGIN,
        'cross-origin-resource-policy': 'cross-origin',
        'cache-control': 'public, max-age=60, stale-while-revalidate=3600, stale-if-error=86400',
        vary: 'Accept-Encoding',
        'content-type': 'application/json; charset=utf-8',
        connection: 'keep-alive',
      });

      const missing = await fetch(`${app.base}/nothing-here`);
      assert.deepEqual(stableHeaders(missing, ['content-length']), {
        ...SECURITY,
        'cross-origin-resource-policy': 'same-origin',
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      const missingBody = await missing.text();
      assert.equal(Number(missing.headers.get('content-length')), Buffer.byteLength(missingBody));
      assert.deepEqual(JSON.parse(missingBody), { errors: [{ path: '', code: 'unknown-path', message: 'Det finns ingenting på den här adressen. Kontrollera att den är rätt skriven.' }] });

      const big = await postSignup(app.base, application({ message: 'x'.repeat(40 * 1024) }));
      assert.equal(big.status, 413);
      assert.deepEqual(stableHeaders(big, ['content-length']), {
        ...SECURITY,
        ...ANY_ORIGIN,
        'cross-origin-resource-policy': 'same-origin',
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'close',
      });
      const bigBody = await big.text();
      assert.equal(Number(big.headers.get('content-length')), Buffer.byteLength(bigBody));
      assert.match(JSON.parse(bigBody).errors[0].message, /^Ansökan är större än 32 KiB/);

      // The 413 counted against the limit of one, so this one is limited.
      const limited = await postSignup(app.base, application());
      assert.equal(limited.status, 429);
      assert.deepEqual(stableHeaders(limited, ['retry-after', 'content-length']), {
        ...SECURITY,
        ...ANY_ORIGIN,
        'cross-origin-resource-policy': 'same-origin',
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      assert.match(limited.headers.get('retry-after')!, /^\d+$/);
      const limitedBody = await limited.text();
      assert.equal(Number(limited.headers.get('content-length')), Buffer.byteLength(limitedBody));
    } finally {
      await app.close();
    }
  });
});

describe('CORS', () => {
  test('404 and 405 answers carry CORS where their route family does: the public API yes, admin routes and other paths no', async () => {
    const app = await start({ adminToken: 'test-admin-token-0123456789abcdef' });
    try {
      const origin = { Origin: 'https://forening.example.org' };
      const put = await fetch(`${app.base}/api/v1/dataset`, { method: 'PUT', headers: origin, body: '{}' });
      assert.equal(put.status, 405);
      assert.equal(put.headers.get('access-control-allow-origin'), '*');
      const calendarPost = await fetch(`${app.base}/api/v1/meetings.ics`, { method: 'POST', headers: origin });
      assert.equal(calendarPost.status, 405);
      assert.equal(calendarPost.headers.get('allow'), 'GET, HEAD');
      assert.equal(calendarPost.headers.get('access-control-allow-origin'), '*');
      const missing = await fetch(`${app.base}/api/v1/nothing-here`, { headers: origin });
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('access-control-allow-origin'), '*');
      assert.deepEqual(await missing.json(), { errors: [{ path: '', code: 'unknown-path', message: 'Det finns ingenting på den här adressen. Kontrollera att den är rätt skriven.' }] });
      const admin = await fetch(`${app.base}/api/v1/admin/nonsense`, { headers: origin });
      assert.equal(admin.status, 401);
      assert.equal(admin.headers.get('access-control-allow-origin'), null);
      const adminPreflight = await fetch(`${app.base}/api/v1/admin/organisations`, { method: 'OPTIONS', headers: { ...origin, 'Access-Control-Request-Method': 'POST' } });
      assert.equal(adminPreflight.headers.get('access-control-allow-origin'), null, 'no preflight lets another site write to the admin API');
      // Nor under /api/v1 beyond the public routes (the accounts' routes will live there).
      const otherPreflight = await fetch(`${app.base}/api/v1/session`, { method: 'OPTIONS', headers: { ...origin, 'Access-Control-Request-Method': 'POST' } });
      assert.equal(otherPreflight.headers.get('access-control-allow-methods'), null);
      assert.notEqual(otherPreflight.status, 204);
      const elsewhere = await fetch(`${app.base}/nothing-here`, { headers: origin });
      assert.equal(elsewhere.headers.get('access-control-allow-origin'), null);
    } finally {
      await app.close();
    }
  });

  test('any origin by default: the public routes answer with *, and a preflight for POST /signups allows Idempotency-Key', async () => {
    const app = await start();
    try {
      const preflight = await fetch(`${app.base}/api/v1/signups`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://forening.example.org', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
      assert.equal(preflight.headers.get('access-control-allow-methods'), 'POST, OPTIONS');
      assert.match(preflight.headers.get('access-control-allow-headers')!, /Idempotency-Key/);
      assert.match(preflight.headers.get('access-control-allow-headers')!, /Content-Type/);
      assert.ok(Number(preflight.headers.get('access-control-max-age')) > 0);

      const posted = await postSignup(app.base, application(), { Origin: 'https://forening.example.org' });
      assert.equal(posted.status, 201);
      assert.equal(posted.headers.get('access-control-allow-origin'), '*');
      assert.deepEqual(posted.headers.get('access-control-expose-headers')!.split(', ').sort(), ['ETag', 'Idempotent-Replayed', 'Retry-After']);
    } finally {
      await app.close();
    }
  });

  test('with configured origins: an allowed origin is reflected with Vary: Origin; another gets no CORS headers and cannot post', async () => {
    const app = await start({ allowedOrigins: ['https://kommun.example.org', 'https://forening.example.org'] });
    try {
      const allowed = await fetch(`${app.base}/api/v1/dataset`, { headers: { Origin: 'https://kommun.example.org' } });
      await allowed.arrayBuffer();
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://kommun.example.org');
      assert.equal(allowed.headers.get('vary'), 'Accept-Encoding, Origin');
      assert.match(allowed.headers.get('access-control-expose-headers')!, /ETag/);

      const preflight = await fetch(`${app.base}/api/v1/dataset`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://forening.example.org', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
      });
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://forening.example.org');
      assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET, HEAD, OPTIONS');
      assert.match(preflight.headers.get('access-control-allow-headers')!, /If-None-Match/);

      const other = await fetch(`${app.base}/api/v1/dataset`, { headers: { Origin: 'https://elsewhere.example.org' } });
      await other.arrayBuffer();
      assert.equal(other.headers.get('access-control-allow-origin'), null);
      assert.match(other.headers.get('vary')!, /Origin/);

      const otherPreflight = await fetch(`${app.base}/api/v1/signups`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://elsewhere.example.org', 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(otherPreflight.headers.get('access-control-allow-origin'), null);
      assert.equal(otherPreflight.headers.get('access-control-allow-methods'), null);

      const otherPost = await postSignup(app.base, application(), { Origin: 'https://elsewhere.example.org' });
      assert.equal(otherPost.status, 403);
      const allowedPost = await postSignup(app.base, application(), { Origin: 'https://forening.example.org' });
      assert.equal(allowedPost.status, 201);
      assert.equal(allowedPost.headers.get('access-control-allow-origin'), 'https://forening.example.org');
      // Without Origin (a server-side client), CORS does not apply.
      assert.equal((await postSignup(app.base, application())).status, 201);
    } finally {
      await app.close();
    }
  });
});
