import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { isReference } from '@samverkan/sdk';
import { ADMIN_TOKEN, application, postSignup, readLog, start } from './helpers.js';
import type { Store } from '@samverkan/server';

/** Sends a raw request (fetch cannot lie about Content-Length) and reads the answer. */
function rawPost(url: string, headers: Record<string, string | number>, body: Buffer | string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('POST /api/v1/signups', () => {
  test('stores a valid application and answers 201 { id, status: "pending" }, with the privacy notice shown', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const res = await postSignup(app.base, application());
      assert.equal(res.status, 201);
      const body = await res.json();
      assert.match(body.id, /^[0-9a-f-]{36}$/);
      assert.equal(body.status, 'pending');
      assert.equal(res.headers.get('cache-control'), 'no-store');
      // Issue 17.15: a short reference to read out on the phone, kept with the application.
      assert.deepEqual(Object.keys(body).sort(), ['id', 'reference', 'status']);
      assert.ok(isReference(body.reference), body.reference);

      const stored = await (await app.admin(`/api/v1/signups/${body.id}`)).json();
      assert.equal(stored.status, 'pending');
      assert.equal(stored.application.organisation.name, 'Föreningen Ängsbacken');
      assert.equal(stored.application.contact.email, 'kim.testperson@example.org');
      assert.deepEqual(stored.privacyNotice, { url: 'https://kommun.example.org/integritet', version: '2026-03', shownAt: '2026-11-20T10:15:00+01:00' });
      assert.match(stored.receivedAt, /^\d{4}-\d\d-\d\dT/);
      assert.equal(stored.reference, body.reference);
    } finally {
      await app.close();
    }
  });

  test('answers 400 with every problem and its path, and stores nothing', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const bad = application({ consent: false, contact: { name: '', email: 'not-an-address' } });
      const res = await postSignup(app.base, bad);
      assert.equal(res.status, 400);
      const { errors } = await res.json();
      const paths = errors.map((e: { path: string }) => e.path).sort();
      assert.deepEqual(paths, ['consent', 'contact.email', 'contact.name']);
      for (const error of errors) assert.ok(error.message.length > 3, `a readable message for ${error.path}`);

      const notJson = await postSignup(app.base, '{"organisation": ');
      assert.equal(notJson.status, 400);
      assert.deepEqual((await notJson.json()).errors.map((e: { path: string }) => e.path), ['']);

      const list = await (await app.admin('/api/v1/signups')).json();
      assert.deepEqual(list.applications, []);
    } finally {
      await app.close();
    }
  });

  test('answers 415 unless the body is JSON', async () => {
    const app = await start();
    try {
      const form = await fetch(`${app.base}/api/v1/signups`, { method: 'POST', body: new URLSearchParams({ a: 'b' }) });
      assert.equal(form.status, 415);
      const text = await fetch(`${app.base}/api/v1/signups`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(application()) });
      assert.equal(text.status, 415);
      const withCharset = await postSignup(app.base, application(), { 'Content-Type': 'application/json; charset=utf-8' });
      assert.equal(withCharset.status, 201);
    } finally {
      await app.close();
    }
  });

  test('answers 413 above 32 KiB, by Content-Length and for chunked bodies', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const big = JSON.stringify(application({ message: 'x'.repeat(33 * 1024) }));
      const declared = await rawPost(`${app.base}/api/v1/signups`, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(big) }, big);
      assert.equal(declared.status, 413);

      // Chunked: no Content-Length, the server must count as it reads.
      const chunks = [Buffer.from('{"message":"'), Buffer.alloc(40 * 1024, 'y'), Buffer.from('"}')];
      const stream = new ReadableStream({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      });
      const chunked = await fetch(`${app.base}/api/v1/signups`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      assert.equal(chunked.status, 413);
      assert.equal((await chunked.json()).errors[0].path, '');

      // Just under the limit is read and validated (then rejected for its content, not its size).
      const under = JSON.stringify(application({ message: 'z'.repeat(30 * 1024) }));
      const ok = await postSignup(app.base, under);
      assert.equal(ok.status, 400);
      assert.equal((await ok.json()).errors[0].path, 'message');

      const list = await (await app.admin('/api/v1/signups')).json();
      assert.equal(list.applications.length, 0);
    } finally {
      await app.close();
    }
  });

  test('answers 429 with Retry-After above the rate limit per client', async () => {
    const app = await start({ signupRateLimit: { max: 3, windowSeconds: 60 } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await postSignup(app.base, application())).status, 201);
      const limited = await postSignup(app.base, application());
      assert.equal(limited.status, 429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      // One request comes back every 20 s at 3 per minute.
      assert.ok(retryAfter >= 1 && retryAfter <= 20, `Retry-After ${retryAfter}`);
      assert.equal(limited.headers.get('access-control-expose-headers')?.includes('Retry-After'), true);
    } finally {
      await app.close();
    }
  });

  test('counts clients by X-Forwarded-For only when told to trust the proxy', async () => {
    const trusting = await start({ signupRateLimit: { max: 1, windowSeconds: 60 }, trustProxy: true });
    try {
      assert.equal((await postSignup(trusting.base, application(), { 'X-Forwarded-For': '192.0.2.1' })).status, 201);
      assert.equal((await postSignup(trusting.base, application(), { 'X-Forwarded-For': '192.0.2.1' })).status, 429);
      assert.equal((await postSignup(trusting.base, application(), { 'X-Forwarded-For': '192.0.2.2' })).status, 201);
    } finally {
      await trusting.close();
    }
    const direct = await start({ signupRateLimit: { max: 1, windowSeconds: 60 } });
    try {
      assert.equal((await postSignup(direct.base, application(), { 'X-Forwarded-For': '192.0.2.1' })).status, 201);
      assert.equal((await postSignup(direct.base, application(), { 'X-Forwarded-For': '192.0.2.2' })).status, 429, 'a spoofed header does not escape the limit');
    } finally {
      await direct.close();
    }
  });

  test('a filled honeypot is answered like success and stored nowhere', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const res = await postSignup(app.base, { ...application(), website_confirm: 'http://spam.example' }, { 'Idempotency-Key': 'bot-key-1' });
      assert.equal(res.status, 201);
      const body = await res.json();
      assert.equal(body.status, 'pending');
      assert.match(body.id, /^[0-9a-f-]{36}$/);
      assert.equal((await app.admin(`/api/v1/signups/${body.id}`)).status, 404);
      assert.deepEqual((await (await app.admin('/api/v1/signups')).json()).applications, []);
      assert.equal(app.server.store.findIdempotency('bot-key-1'), undefined);

      // An empty honeypot is what people send: stored as usual.
      const person = await postSignup(app.base, { ...application(), website_confirm: '' });
      assert.equal(person.status, 201);
      assert.equal((await (await app.admin('/api/v1/signups')).json()).applications.length, 1);
    } finally {
      await app.close();
    }
  });

  test('__proto__ and unknown keys never reach the store', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const raw = JSON.stringify(application()).replace(
        /^\{/,
        '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"isAdmin":true,',
      );
      const withOrgExtra = raw.replace('"organisation":{', '"organisation":{"__proto__":{"x":1},"secret":"s",');
      const res = await postSignup(app.base, withOrgExtra);
      assert.equal(res.status, 201);
      const { id } = await res.json();
      const row = (app.server.store as Store).db.prepare('SELECT application FROM applications WHERE id = ?').get(id) as { application: string };
      assert.doesNotMatch(row.application, /__proto__|polluted|isAdmin|secret|constructor|privacyNotice/);
      assert.deepEqual(Object.keys(JSON.parse(row.application)).sort(), ['acceptsPrinciples', 'consent', 'contact', 'language', 'message', 'organisation']);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    } finally {
      await app.close();
    }
  });

  test('the request log has one JSON line per request and no personal data', async () => {
    const app = await start();
    try {
      assert.equal((await postSignup(app.base, application())).status, 201);
      await (await fetch(`${app.base}/api/v1/dataset?email=kim.testperson@example.org`)).arrayBuffer();
      // Paths nobody serves are whatever someone typed: no e-mail address or number from them is kept.
      await (await fetch(`${app.base}/api/v1/signups/kim.testperson%40example.org/status`)).arrayBuffer();
      await (await fetch(`${app.base}/members/19121212-1212`)).arrayBuffer();
      app.server.logger.flush();
      const lines = readLog(app.logFile);
      const requests = lines.filter((l) => 'status' in l);
      // Issue 17.8: a path nobody serves is not kept at all, not even in part.
      assert.deepEqual(
        requests.map((l) => [l.method, l.path, l.status]),
        [
          ['POST', '/api/v1/signups', 201],
          ['GET', '/api/v1/dataset', 200],
          ['GET', '(unmatched)', 404],
          ['GET', '(unmatched)', 404],
        ],
      );
      const text = readFileSync(app.logFile, 'utf8');
      for (const personal of ['Kim', 'kim.testperson', '127.0.0.1', 'Ängsbacken', '08-123', '1212']) assert.ok(!text.includes(personal), `no "${personal}" in the log`);
    } finally {
      await app.close();
    }
  });
});

describe('Idempotency-Key', () => {
  test('the same key and body replays the answer with Idempotent-Replayed and stores one row', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const body = JSON.stringify(application());
      const first = await postSignup(app.base, body, { 'Idempotency-Key': 'key-1' });
      assert.equal(first.status, 201);
      assert.equal(first.headers.get('idempotent-replayed'), null);
      const firstBody = await first.json();
      const second = await postSignup(app.base, body, { 'Idempotency-Key': 'key-1' });
      assert.equal(second.status, 201);
      assert.equal(second.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await second.json(), firstBody);
      assert.equal((await (await app.admin('/api/v1/signups')).json()).applications.length, 1);
    } finally {
      await app.close();
    }
  });

  test('the same key with another body is 422 and stores nothing new', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      assert.equal((await postSignup(app.base, application(), { 'Idempotency-Key': 'key-2' })).status, 201);
      const other = await postSignup(app.base, application({ message: 'Ett annat meddelande.' }), { 'Idempotency-Key': 'key-2' });
      assert.equal(other.status, 422);
      // The application's own language (sv) says it; the code is stable.
      const [reused] = (await other.json()).errors;
      assert.equal(reused.code, 'idempotency-key-reused');
      assert.match(reused.message, /^Den här Idempotency-Key har redan använts med en annan ansökan; ingenting sparades/);
      assert.equal((await (await app.admin('/api/v1/signups')).json()).applications.length, 1);
      const badKey = await postSignup(app.base, application(), { 'Idempotency-Key': 'x'.repeat(300) });
      assert.equal(badKey.status, 400);
    } finally {
      await app.close();
    }
  });

  test('50 concurrent requests with one key give one row and the same answer', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN, signupRateLimit: { max: 100, windowSeconds: 60 } });
    try {
      const body = JSON.stringify(application());
      const answers = await Promise.all(Array.from({ length: 50 }, () => postSignup(app.base, body, { 'Idempotency-Key': 'key-concurrent' })));
      assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([201]));
      const ids = new Set(await Promise.all(answers.map(async (a) => (await a.json()).id)));
      assert.equal(ids.size, 1);
      assert.equal(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true').length, 49);
      assert.equal((await (await app.admin('/api/v1/signups')).json()).applications.length, 1);
    } finally {
      await app.close();
    }
  });

  test('keys are kept at least 24 hours, then forgotten', async () => {
    let now = new Date('2026-11-26T12:00:00Z');
    const app = await start({ adminToken: ADMIN_TOKEN, now: () => now });
    try {
      const body = JSON.stringify(application());
      assert.equal((await postSignup(app.base, body, { 'Idempotency-Key': 'key-ttl' })).status, 201);
      const store = app.server.store;
      now = new Date('2026-11-27T11:59:00Z');
      assert.equal(store.purgeIdempotency(24 * 3600_000, now.getTime()), 0, 'kept for 23 h 59 min');
      assert.equal((await postSignup(app.base, body, { 'Idempotency-Key': 'key-ttl' })).headers.get('idempotent-replayed'), 'true');
      assert.equal(store.purgeIdempotency(24 * 3600_000, new Date('2026-11-27T12:00:01Z').getTime()), 1);
      assert.equal(store.findIdempotency('key-ttl'), undefined);
    } finally {
      await app.close();
    }
  });
});
