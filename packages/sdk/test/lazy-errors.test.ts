// The clients load their failure messages (http-errors.ts) only with the first
// failure. These tests check both outcomes: the rules load and give the same
// error http-errors.ts gives, or they cannot be loaded (the network that just
// failed may be down) and the error is still of the right kind, with its
// status, URL and cause, so that the elements' messages, the forms' choices
// and the fall-back to a stale copy work the same.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpError, NetworkError, TimeoutError, ValidationError, isHttpError, isNetworkError, isTimeoutError } from '../src/errors.js';
import { httpError, timeoutError, toSamverkanError, withSource } from '../src/client/http-errors.js';
import { httpErrorOf, samverkanErrorOf, timeoutErrorOf, withSourceOf, type RulesLoader } from '../src/client/lazy-errors.js';

const unreachable: RulesLoader = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: http-errors.js'));
const url = 'https://kommun.example/api/v1/dataset';
const context = { url, timeout: 2500, subject: 'dataset' as const };

describe('failure rules loaded with the first failure', () => {
  test('loaded: the same errors and messages as http-errors.ts', async () => {
    const answer = () => new Response('{"message":"nope"}', { status: 503, statusText: 'Service Unavailable', headers: { 'retry-after': '7', 'content-type': 'application/json' } });
    const lazy = await httpErrorOf(answer(), context);
    const direct = await httpError(answer(), context);
    assert.ok(lazy instanceof HttpError);
    assert.equal(lazy.message, direct.message);
    assert.equal(lazy.status, 503);
    assert.equal(lazy.retryAfter, 7);
    assert.equal((await timeoutErrorOf(context)).message, timeoutError(context).message);
    const cause = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    assert.equal(((await samverkanErrorOf(cause, context)) as Error).message, (toSamverkanError(cause, context) as Error).message);
    const invalid = new ValidationError('The dataset cannot be read:', []);
    assert.equal((await withSourceOf(invalid, url)).message, withSource(invalid, url).message);
  });

  test('not loadable: an HttpError with its status and URL', async () => {
    const error = await httpErrorOf(new Response('', { status: 429 }), context, unreachable);
    assert.ok(isHttpError(error));
    assert.equal(error.status, 429);
    assert.equal(error.url, url);
    assert.match(error.message, /HTTP 429/);
  });

  test('not loadable: a TimeoutError with its time limit', async () => {
    const error = await timeoutErrorOf(context, unreachable);
    assert.ok(isTimeoutError(error));
    assert.ok(error instanceof TimeoutError);
    assert.equal(error.timeout, 2500);
    assert.equal(error.url, url);
  });

  test('not loadable: what fetch threw becomes a NetworkError with its cause; SDK errors and aborts pass unchanged', async () => {
    const cause = new TypeError('Failed to fetch');
    const error = await samverkanErrorOf(cause, context, unreachable);
    assert.ok(isNetworkError(error));
    assert.ok(error instanceof NetworkError);
    assert.equal(error.cause, cause);
    assert.equal(error.url, url);
    const sdkError = new HttpError('gone', { status: 410, url });
    assert.equal(await samverkanErrorOf(sdkError, context, unreachable), sdkError);
    const abort = new DOMException('The element left the page.', 'AbortError');
    assert.equal(await samverkanErrorOf(abort, context, unreachable), abort);
  });

  test('not loadable: a ValidationError is kept as it is', async () => {
    const invalid = new ValidationError('The dataset cannot be read:', []);
    assert.equal(await withSourceOf(invalid, url, unreachable), invalid);
  });
});
