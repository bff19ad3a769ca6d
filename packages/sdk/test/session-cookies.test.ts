import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SessionCookies } from '../src/client/session-cookies.js';

const answer = (...cookies: string[]) => {
  const headers = new Headers();
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(null, { headers });
};

test('keeps the cookies one origin sets and sends them back to it only', () => {
  const jar = new SessionCookies('http://127.0.0.1:8080');
  jar.store('http://127.0.0.1:8080/api/v1/session', answer('samverkan_session=abc; Path=/; HttpOnly; SameSite=Strict', 'other=1; Max-Age=60'), 0);
  assert.equal(jar.header('http://127.0.0.1:8080/api/v1/admin/contacts', 1000), 'samverkan_session=abc; other=1');
  assert.equal(jar.header('http://127.0.0.1:9090/api/v1/admin/contacts', 1000), undefined, 'another origin gets nothing');
  jar.store('http://evil.example.org/', answer('samverkan_session=stolen'), 0);
  assert.equal(jar.header('http://127.0.0.1:8080/', 1000), 'samverkan_session=abc; other=1', 'another origin cannot set them');
});

test('a cookie cleared by the server (empty, Max-Age=0 or Expires in the past) or expired is dropped', () => {
  const jar = new SessionCookies('https://kommun.example.org');
  const url = 'https://kommun.example.org/api/v1/session';
  jar.store(url, answer('a=1', 'b=2; Max-Age=10', 'c=3', 'd=4'), 0);
  jar.store(url, answer('a=; Max-Age=0', 'c=3; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'd='), 1000);
  assert.equal(jar.header(url, 5_000), 'b=2');
  assert.equal(jar.header(url, 11_000), undefined, 'b expired after 10 s');
  jar.store(url, answer('e=5'), 0);
  jar.clear();
  assert.equal(jar.header(url), undefined);
});
