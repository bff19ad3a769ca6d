// Issue 17.4: what the server accepts is decoded strictly and holds no text
// that is not what it seems.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { ADMIN_TOKEN, application, postSignup, start } from './helpers.js';

/** POSTs raw bytes (fetch would re-encode a string as UTF-8). */
function postBytes(url: string, contentType: string, body: Buffer): Promise<{ status: number; json: { errors: { path: string; message: string; code?: string }[] } }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': contentType, 'Content-Length': body.length } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('strict decoding of application bodies', () => {
  test('invalid UTF-8 is a 400, not silently replaced with U+FFFD; nothing is stored', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const good = Buffer.from(JSON.stringify(application({ message: 'Hej MARKER' })));
      const at = good.indexOf('MARKER');
      const broken = Buffer.concat([good.subarray(0, at), Buffer.from([0xc3, 0x28]), good.subarray(at + 2)]);
      const answer = await postBytes(`${app.base}/api/v1/signups`, 'application/json', broken);
      assert.equal(answer.status, 400);
      assert.equal(answer.json.errors[0]!.code, 'invalid-utf8');
      assert.match(answer.json.errors[0]!.message, /UTF-8/);
      assert.deepEqual((await (await app.admin('/api/v1/signups')).json()).applications, []);
    } finally {
      await app.close();
    }
  });

  test('a charset other than UTF-8 is a 415 that says to send UTF-8; charset=utf-8 is fine', async () => {
    const app = await start();
    try {
      const utf16 = Buffer.from(JSON.stringify(application()), 'utf16le');
      const answer = await postBytes(`${app.base}/api/v1/signups`, 'application/json; charset=utf-16', utf16);
      assert.equal(answer.status, 415);
      assert.match(answer.json.errors[0]!.message, /UTF-8/);
      const latin1 = await postSignup(app.base, application(), { 'Content-Type': 'application/json; charset=ISO-8859-1' });
      assert.equal(latin1.status, 415);
      assert.equal((await postSignup(app.base, application(), { 'Content-Type': 'application/json; charset="UTF-8"' })).status, 201);
    } finally {
      await app.close();
    }
  });

  test('control characters, lone surrogates and unpaired bidi controls are refused at their path; paired ones and line breaks pass', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const cases: [Record<string, unknown>, string, string][] = [
        [{ organisation: { ...application().organisation, name: 'Förening\u0000en' } }, 'organisation.name', 'control-character'],
        [{ organisation: { ...application().organisation, name: 'Förening\u202Eneg' } }, 'organisation.name', 'unpaired-bidi-control'],
        [{ contact: { name: 'Kim \u2067Test', email: 'kim@example.org' } }, 'contact.name', 'unpaired-bidi-control'],
        [{ message: 'Hej \u0007' }, 'message', 'control-character'],
      ];
      for (const [overrides, path, code] of cases) {
        const res = await postSignup(app.base, application(overrides));
        assert.equal(res.status, 400, path);
        const { errors } = await res.json();
        assert.deepEqual(
          errors.map((e: { path: string; code: string }) => [e.path, e.code]),
          [[path, code]],
        );
      }
      // A lone surrogate cannot be written by JSON.stringify of a valid string: send the escape itself.
      const lone = JSON.stringify(application({ message: 'X' })).replace('"message":"X"', '"message":"a\\uD800b"');
      const res = await postSignup(app.base, lone);
      assert.equal(res.status, 400);
      assert.equal((await res.json()).errors[0].code, 'lone-surrogate');
      assert.deepEqual((await (await app.admin('/api/v1/signups')).json()).applications, [], 'none of them was stored');

      // What is legitimate passes: line breaks and tabs in the message, a closed embedding in a name.
      const fine = await postSignup(
        app.base,
        application({ message: 'Rad ett\nRad två\r\n\tindrag', organisation: { ...application().organisation, name: 'Förening \u202Bعربي\u202C' } }),
      );
      assert.equal(fine.status, 201);
    } finally {
      await app.close();
    }
  });

  test('the messages are in Swedish when the request asks for Swedish', async () => {
    const app = await start();
    try {
      const res = await postSignup(app.base, application({ message: 'Hej \u202E' }), { 'Accept-Language': 'sv-SE,sv;q=0.9,en;q=0.5' });
      assert.equal(res.status, 400);
      assert.match((await res.json()).errors[0].message, /höger-till-vänster/);
    } finally {
      await app.close();
    }
  });
});
