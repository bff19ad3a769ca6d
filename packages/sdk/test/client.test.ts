import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  clearDatasetCache,
  createClient,
  createFetchClient,
  isHttpError,
  isNetworkError,
  isTimeoutError,
  isValidationError,
  memoryDatasetStorage,
  type ClientOptions,
  type SamverkanClient,
  type SignupApplicationInput,
  type StoredDataset,
} from '@samverkan/sdk';
import { minimalDataset } from './fixtures/minimal.js';
import { sendJson, startServer, type TestServer } from './helpers/http-server.js';

const demoText = readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8');

function application(): SignupApplicationInput {
  return {
    organisation: { name: 'Exempelföreningen', form: 'non-profit-association', email: 'info@forening.example.org' },
    contact: { name: 'Kim Exempel', email: 'kim@forening.example.org' },
    acceptsPrinciples: true,
    consent: true,
    language: 'sv',
  };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  assert.fail('expected the promise to reject');
}

/** A closed port: nothing listens there any more. */
async function deadUrl(): Promise<string> {
  const server = await startServer(() => {});
  await server.close();
  return server.url;
}

// One contract, two clients: the ky-based createClient and the fetch-based
// createFetchClient (the elements' lean path) must agree on everything but
// retries, which only createClient makes.
const clients: { name: string; makeClient: (options?: ClientOptions) => SamverkanClient; retries: boolean }[] = [
  { name: 'createClient', makeClient: createClient, retries: true },
  { name: 'createFetchClient', makeClient: createFetchClient, retries: false },
];

for (const { name, makeClient, retries } of clients) {
describe(name, () => {
  // The copies are page-wide per URL: each client starts from none.
  beforeEach(() => clearDatasetCache());

  describe('getDataset', () => {
    let server: TestServer;
    let etag = '"v1"';
    before(async () => {
      server = await startServer(async (req, res) => {
        if (req.url.startsWith('/dataset.json')) {
          // Slow enough that concurrent callers overlap.
          await new Promise((r) => setTimeout(r, 50));
          if (req.headers['if-none-match'] === etag) {
            res.writeHead(304, { etag });
            res.end();
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json', etag });
          res.end(demoText);
          return;
        }
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
      });
    });
    after(() => server.close());

    test('five clients for the same URL make one request and share one copy', async () => {
      const url = `${server.url}/dataset.json`;
      const before = server.requests.length;
      const clients = Array.from({ length: 5 }, () => makeClient({ datasetUrl: url }));
      const results = await Promise.all(clients.map((c) => c.getDataset()));
      assert.equal(server.requests.length - before, 1);
      for (const result of results) {
        assert.equal(result.dataset, results[0]!.dataset);
        assert.equal(result.stale, false);
        assert.equal(result.url, url);
      }
      assert.equal(results[0]!.dataset.organisations.length, 69);
      assert.deepEqual(results[0]!.issues, []);
      // Within maxAge, a later call is answered from memory.
      await makeClient({ datasetUrl: new URL(url) }).getDataset();
      assert.equal(server.requests.length - before, 1);
    });

    test('revalidates with If-None-Match and keeps the copy on 304', async () => {
      const url = `${server.url}/dataset.json?revalidate`;
      const client = makeClient({ datasetUrl: url, maxAge: 0 });
      const first = await client.getDataset();
      await new Promise((r) => setTimeout(r, 5));
      const second = await client.getDataset();
      const requests = server.requests.filter((r) => r.url === '/dataset.json?revalidate');
      assert.equal(requests.length, 2);
      assert.equal(requests[0]!.headers['if-none-match'], undefined);
      assert.equal(requests[1]!.headers['if-none-match'], '"v1"');
      assert.equal(second.dataset, first.dataset);
      assert.equal(second.stale, false);
      assert.ok(second.fetchedAt.getTime() > first.fetchedAt.getTime(), 'a 304 confirms the copy, so fetchedAt moves on');
    });

    test('an aborted caller stops waiting, while the shared request goes on for the others', async () => {
      const url = `${server.url}/dataset.json?abort`;
      const controller = new AbortController();
      const a = makeClient({ datasetUrl: url }).getDataset({ signal: controller.signal });
      const b = makeClient({ datasetUrl: url }).getDataset();
      controller.abort();
      const error = await rejection(a);
      assert.equal(error.name, 'AbortError');
      assert.equal((await b).dataset.organisations.length, 69);
    });

    test('a 404 is an HttpError that names the address', async () => {
      const url = `${server.url}/missing.json`;
      const error = await rejection(makeClient({ datasetUrl: url, retry: 0 }).getDataset());
      assert.ok(isHttpError(error), String(error));
      assert.equal(error.status, 404);
      assert.equal(error.body, 'not here');
      assert.match(error.message, /not found at http:\/\/127\.0\.0\.1:\d+\/missing\.json \(HTTP 404/);
    });
  });

  describe('getDataset: failures', () => {
    let server: TestServer;
    let mode: 'ok' | 'error' | 'bad-json' | 'bad-data' | 'slow' = 'ok';
    before(async () => {
      server = await startServer(async (req, res) => {
        if (mode === 'ok') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(minimalDataset()));
        if (mode === 'error') return sendJson(res, 500, { error: 'database down' });
        if (mode === 'bad-json') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"schemaVersion": "1", ');
        if (mode === 'bad-data') return sendJson(res, 200, { ...minimalDataset(), timeZone: 'Mars/Olympus' });
        await new Promise((r) => setTimeout(r, 500));
        res.end('{}');
        void req;
      });
    });
    after(() => server.close());

    test(`a 500 is an HttpError with the parsed body${retries ? ', after the retries' : ' at once (no retries)'}`, async () => {
      mode = 'error';
      const url = `${server.url}/500`;
      const before = server.requests.length;
      const error = await rejection(makeClient({ datasetUrl: url, retry: 1 }).getDataset());
      assert.ok(isHttpError(error), String(error));
      assert.equal(error.status, 500);
      assert.deepEqual(error.body, { error: 'database down' });
      assert.match(error.message, /had a problem with the dataset \(HTTP 500 Internal Server Error\)\. Try again later\./);
      assert.equal(server.requests.length - before, retries ? 2 : 1, retries ? 'one try and one retry' : 'one try');
    });

    test('invalid JSON is a ValidationError saying so and naming the source', async () => {
      mode = 'bad-json';
      const url = `${server.url}/bad-json`;
      const error = await rejection(makeClient({ datasetUrl: url }).getDataset());
      assert.ok(isValidationError(error), String(error));
      assert.equal(error.issues[0]!.code, 'invalid-json');
      assert.match(error.message, new RegExp(`^The dataset is not valid JSON\\. \\(from ${url.replace(/[.?]/g, '\\$&')}\\):`));
    });

    test('a dataset whose top level is invalid is a ValidationError with the path', async () => {
      mode = 'bad-data';
      const error = await rejection(makeClient({ datasetUrl: `${server.url}/bad-data` }).getDataset());
      assert.ok(isValidationError(error), String(error));
      assert.deepEqual(error.issues.map((i) => i.path), ['timeZone']);
      assert.match(error.message, /timeZone: must be a time zone/);
    });

    test('a server that does not answer in time is a TimeoutError', async () => {
      mode = 'slow';
      const error = await rejection(makeClient({ datasetUrl: `${server.url}/slow`, timeout: 100, retry: 0 }).getDataset());
      assert.ok(isTimeoutError(error), String(error));
      assert.equal(error.timeout, 100);
      assert.match(error.message, /did not answer within 100 ms/);
    });

    test('a refused connection is a NetworkError, not a bare "fetch failed"', async () => {
      const url = `${await deadUrl()}/dataset.json`;
      const error = await rejection(makeClient({ datasetUrl: url, retry: 0 }).getDataset());
      assert.ok(isNetworkError(error), String(error));
      assert.equal(error.url, url);
      assert.match(error.message, /^Could not reach http:\/\/127\.0\.0\.1:\d+\/dataset\.json \(connection refused\)/);
      assert.ok(error.cause instanceof Error);
    });

    test('the last good copy comes back stale when the server answers 5xx', async () => {
      mode = 'ok';
      const url = `${server.url}/stale-5xx`;
      const client = makeClient({ datasetUrl: url, maxAge: 0, retry: 0 });
      const fresh = await client.getDataset();
      mode = 'error';
      const stale = await client.getDataset();
      assert.equal(stale.stale, true);
      assert.equal(stale.dataset, fresh.dataset);
      assert.equal(stale.fetchedAt, fresh.fetchedAt);
      assert.ok(isHttpError(stale.error));
    });

    test('a persistent copy is shown stale when the server is down, with its age', async () => {
      mode = 'ok';
      const store = new Map<string, StoredDataset>();
      const url = `${server.url}/persist`;
      await makeClient({ datasetUrl: url, cache: memoryDatasetStorage(store) }).getDataset();
      const saved = store.get(url);
      assert.ok(saved, 'the copy was stored under its URL');
      // A new page load: the in-memory copy is gone, the stored one is a day old, the server is down.
      clearDatasetCache();
      const dayAgo = new Date(Date.now() - 86_400_000);
      const dead = `${await deadUrl()}/persist`;
      store.set(dead, { ...saved, fetchedAt: dayAgo.toISOString() });
      const result = await makeClient({ datasetUrl: dead, cache: memoryDatasetStorage(store), retry: 0 }).getDataset();
      assert.equal(result.stale, true);
      assert.equal(result.fetchedAt.getTime(), dayAgo.getTime());
      assert.equal(result.dataset.organisations[0]!.name, 'Alfa Idrottsförening');
      assert.ok(isNetworkError(result.error));
    });

    test('without a copy, a refused connection throws', async () => {
      const error = await rejection(makeClient({ datasetUrl: `${await deadUrl()}/x`, retry: 0, cache: memoryDatasetStorage() }).getDataset());
      assert.ok(isNetworkError(error));
    });
  });

  describe('submitSignup', () => {
    let server: TestServer;
    const stored = new Map<string, { id: string; body: unknown }>();
    let dropFirst = true;
    before(async () => {
      server = await startServer((req, res) => {
        if (req.url === '/api/v1/signups' && req.method === 'POST') {
          const key = String(req.headers['idempotency-key']);
          const body = JSON.parse(req.body) as { organisation: { name: string } };
          if (body.organisation.name === 'With reference') return sendJson(res, 201, { id: 'app-ref', status: 'pending', reference: 'K7QM-2XPD' });
          if (body.organisation.name === 'Rate limited') return sendJson(res, 429, { error: 'too many' }, { 'retry-after': '30' });
          if (body.organisation.name === 'Rejected') {
            return sendJson(res, 400, { errors: [{ path: 'organisation.email', message: 'is already registered' }, { path: 'organisation.districts[1]', message: 'is unknown' }] });
          }
          if (!stored.has(key)) stored.set(key, { id: `app-${stored.size + 1}`, body });
          if (dropFirst) {
            // The application arrived and was stored, but the answer is lost on the way back.
            dropFirst = false;
            res.socket?.destroy();
            return;
          }
          return sendJson(res, 201, { id: stored.get(key)!.id, status: 'pending' });
        }
        sendJson(res, 404, { error: 'not found' });
      });
    });
    after(() => server.close());

    test(`${retries ? 'retries' : 'a second call retries'} after a dropped connection with the same Idempotency-Key; the server stores once`, async () => {
      const client = makeClient({ apiUrl: `${server.url}/api/v1` });
      const input = application();
      let receipt;
      if (retries) receipt = await client.submitSignup(input);
      else {
        // No retry of its own: the lost answer is a NetworkError, and the caller (the form's "try again") sends the same key.
        const error = await rejection(client.submitSignup(input, { idempotencyKey: 'b2c3d4e5-0000-4000-8000-000000000001' }));
        assert.ok(isNetworkError(error), String(error));
        assert.match(error.message, /^Could not reach http:\/\/127\.0\.0\.1:\d+\/api\/v1\/signups \(/);
        receipt = await client.submitSignup(input, { idempotencyKey: 'b2c3d4e5-0000-4000-8000-000000000001' });
      }
      assert.deepEqual(receipt, { id: 'app-1', status: 'pending' });
      const posts = server.requests.filter((r) => r.method === 'POST');
      assert.equal(posts.length, 2);
      const keys = posts.map((r) => r.headers['idempotency-key']);
      assert.equal(keys[0], keys[1]);
      assert.match(String(keys[0]), /^[0-9a-f-]{36}$/);
      assert.equal(stored.size, 1);
      assert.equal(posts[0]!.headers['content-type'], 'application/json');
    });

    test('passes on the short reference when the server gives one (issue 17.15); without one the receipt is { id, status } (the test above)', async () => {
      const client = makeClient({ apiUrl: `${server.url}/api/v1` });
      const app = application();
      const receipt = await client.submitSignup({ ...app, organisation: { ...app.organisation, name: 'With reference' } });
      assert.deepEqual(receipt, { id: 'app-ref', status: 'pending', reference: 'K7QM-2XPD' });
    });

    test('sends the key it is given', async () => {
      const client = makeClient({ apiUrl: `${server.url}/api/v1/` });
      await client.submitSignup(application(), { idempotencyKey: 'form-123' });
      assert.equal(server.requests.at(-1)!.headers['idempotency-key'], 'form-123');
    });

    test('extra top-level keys (the form\'s honeypot) are sent beside the validated application, which they cannot override', async () => {
      const client = makeClient({ apiUrl: `${server.url}/api/v1` });
      await client.submitSignup({ ...application(), unknownKey: 'dropped' } as ReturnType<typeof application>, {
        idempotencyKey: 'form-extra',
        extra: { website_confirm: '', consent: false },
      });
      const body = JSON.parse(server.requests.at(-1)!.body) as Record<string, unknown>;
      assert.equal(body.website_confirm, '');
      assert.equal(body.consent, true);
      assert.equal('unknownKey' in body, false);
    });

    test('an invalid application is a ValidationError before anything is sent', async () => {
      const before = server.requests.length;
      const input = application();
      (input.organisation as { email: string }).email = 'not an address';
      (input as { consent: unknown }).consent = false;
      const error = await rejection(makeClient({ apiUrl: `${server.url}/api/v1` }).submitSignup(input));
      assert.ok(isValidationError(error));
      assert.deepEqual(error.issues.map((i) => i.path).sort(), ['consent', 'organisation.email']);
      assert.equal(server.requests.length, before);
    });

    test('a 400 { errors } answer is mapped to field paths', async () => {
      const input = application();
      input.organisation.name = 'Rejected';
      const error = await rejection(makeClient({ apiUrl: `${server.url}/api/v1` }).submitSignup(input));
      assert.ok(isHttpError(error));
      assert.equal(error.status, 400);
      assert.deepEqual(
        error.issues!.map((i) => [i.path, i.segments, i.message]),
        [
          ['organisation.email', ['organisation', 'email'], 'is already registered'],
          ['organisation.districts[1]', ['organisation', 'districts', 1], 'is unknown'],
        ],
      );
      assert.match(error.message, /organisation\.email: is already registered/);
    });

    test('a 429 gives Retry-After in seconds and is not retried when the wait is long', async () => {
      const before = server.requests.length;
      const input = application();
      input.organisation.name = 'Rate limited';
      const error = await rejection(makeClient({ apiUrl: `${server.url}/api/v1` }).submitSignup(input));
      assert.ok(isHttpError(error));
      assert.equal(error.status, 429);
      assert.equal(error.retryAfter, 30);
      assert.match(error.message, /Try again in 30 seconds\./);
      assert.equal(server.requests.length - before, 1);
    });

    test('a wrong API address is a 404 HttpError that says to check it', async () => {
      const error = await rejection(makeClient({ apiUrl: `${server.url}/wrong` }).submitSignup(application()));
      assert.ok(isHttpError(error));
      assert.match(error.message, /The signup application was not found at .*\/wrong\/signups \(HTTP 404 Not Found\)\. Check the address/);
    });
  });
});
}

describe('createClient: URLs', () => {
  test('the dataset URL defaults to <apiUrl>/dataset', () => {
    const client = createClient({ apiUrl: 'https://kommun.example/api/v1' });
    assert.equal(client.datasetUrl, 'https://kommun.example/api/v1/dataset');
  });

  test('a relative URL without a page is a TypeError that says what to give', () => {
    assert.throws(() => createClient({ datasetUrl: '/data.json' }), /"\/data\.json" is not an absolute URL, and there is no page to resolve it against/);
  });
});
