// The admin routes' refusals in the caller's language by the one rule (src/http/language.ts): each in one language
// (never English and Swedish in one message), Swedish unless English is preferred, with its stable code and params,
// saying what is wrong, that nothing was saved, and what to do. The rule itself is tested in language.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { REFUSAL_CODES } from '@samverkan/sdk';
import { ADMIN_TOKEN, DEMO_FILE, demo, start, type Running } from './helpers.js';

type ErrorItem = { path: string; code?: string; params?: Record<string, string>; message: string };

const ENGLISH = { 'Accept-Language': 'sv;q=0.4, en-GB;q=0.9' };
const SWEDISH = { 'Accept-Language': 'en;q=0.5, sv-SE' };

async function refusal(res: Response, status: number): Promise<ErrorItem> {
  assert.equal(res.status, status, await res.clone().text());
  const { errors } = (await res.json()) as { errors: ErrorItem[] };
  assert.equal(errors.length, 1);
  const [item] = errors;
  assert.doesNotMatch(item!.message, / \/ /, 'one language per message');
  if (item!.code !== undefined && !['invalid_type', 'id-changed'].includes(item!.code)) assert.ok((REFUSAL_CODES as readonly string[]).includes(item!.code), `${item!.code} is in REFUSAL_CODES`);
  return item!;
}

const send = (app: Running, path: string, method: string, headers: Record<string, string>, body?: unknown) =>
  app.admin(path, { method, headers: { ...headers, ...(body !== undefined && { 'Content-Type': 'application/json' }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });

describe("the admin routes' refusals, in the caller's language", () => {
  test('428, 412, 404, 409 id-taken: Swedish by default and when preferred, English when preferred; the same code and params', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const org = demo.organisations[0]!;
      const path = `/api/v1/admin/organisations/${org.id}`;
      const read = await app.admin(path);
      const etag = read.headers.get('etag')!;

      for (const [headers, lang] of [[{}, 'sv'], [SWEDISH, 'sv'], [ENGLISH, 'en']] as const) {
        const noIfMatch = await refusal(await send(app, path, 'PUT', headers, org), 428);
        assert.equal(noIfMatch.code, 'precondition-required');
        assert.match(noIfMatch.message, lang === 'en' ? /^Nothing was saved: .*send its ETag as If-Match/ : /^Ingenting sparades: .*skicka dess ETag som If-Match/);

        const stale = await refusal(await send(app, path, 'PUT', { ...headers, 'If-Match': '"not-it"' }, org), 412);
        assert.deepEqual([stale.code, stale.params], ['stale', { etag }]);
        assert.match(stale.message, lang === 'en' ? /^Nothing was saved: someone changed this entry .*save again\.$/ : /^Ingenting sparades: någon ändrade posten .*spara igen\.$/);

        const gone = await refusal(await send(app, '/api/v1/admin/organisations/finns-inte', 'DELETE', { ...headers, 'If-Match': etag }), 404);
        assert.deepEqual([gone.code, gone.params], ['not-found', { id: 'finns-inte' }]);
        assert.match(gone.message, lang === 'en' ? /^There is no entry in organisations with the id "finns-inte": .*nothing was saved\. Reload the list/ : /^Det finns ingen post i organisations med id "finns-inte": .*ingenting sparades\. Ladda om listan/);

        const taken = await refusal(await send(app, '/api/v1/admin/organisations', 'POST', headers, { ...org }), 409);
        assert.deepEqual([taken.path, taken.code, taken.params], ['id', 'id-taken', { id: org.id }]);
        assert.match(taken.message, lang === 'en' ? /^Nothing was saved: there is already an entry .*Choose another id/ : /^Ingenting sparades: det finns redan en post .*Välj ett annat id/);
      }
      // Nothing of it was stored.
      assert.equal((await app.admin(path)).headers.get('etag'), etag);
    } finally {
      await app.close();
    }
  });

  test('file mode: 409 file-mode naming the file and what to do instead, in either language', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN, datasetFile: DEMO_FILE });
    try {
      const org = demo.organisations[0]!;
      const etag = (await app.admin(`/api/v1/admin/organisations/${org.id}`)).headers.get('etag')!;
      for (const [headers, words] of [
        [ENGLISH, /^Nothing was saved: this server publishes the dataset from a file \(.+\) \(SAMVERKAN_DATASET\).*Change the file instead/],
        [{}, /^Ingenting sparades: den här servern publicerar datasetet från en fil \(.+\) \(SAMVERKAN_DATASET\).*Ändra filen i stället/],
      ] as const) {
        const refused = await refusal(await send(app, `/api/v1/admin/organisations/${org.id}`, 'PUT', { ...headers, 'If-Match': etag }, org), 409);
        assert.equal(refused.code, 'file-mode');
        assert.equal(refused.params?.file, DEMO_FILE);
        assert.match(refused.message, words);
      }
    } finally {
      await app.close();
    }
  });

  test('a decision on something that is not there, and not signed in: in the caller\'s language too', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const missing = await refusal(await send(app, '/api/v1/signups/00000000-0000-4000-8000-000000000000/approve', 'POST', ENGLISH), 404);
      assert.match(missing.message, /^There is no application with this id\. .*reload the list\.$/);
      const saknas = await refusal(await send(app, '/api/v1/opportunities/00000000-0000-4000-8000-000000000000/reject', 'POST', {}), 404);
      assert.match(saknas.message, /^Det finns inget erbjudet uppdrag med det id:t\./);
      const anonymous = await fetch(`${app.base}/api/v1/admin/organisations`, { headers: ENGLISH });
      assert.match((await refusal(anonymous, 401)).message, /^You are not signed in/);
      const anonym = await fetch(`${app.base}/api/v1/admin/organisations`);
      assert.match((await refusal(anonym, 401)).message, /^Du är inte inloggad/);
    } finally {
      await app.close();
    }
  });
});
