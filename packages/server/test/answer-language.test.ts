// The HTTP layer's generic answers and the schemas' validation messages, in the caller's language by the one rule
// (src/http/language.ts; the rule itself is tested in language.test.ts, the admin routes' refusals in
// refusal-language.test.ts): Swedish by default, English with `Accept-Language: en`, the body's own language first
// where a route reads one; each answer keeps its status, path and stable code.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import { ChangeRefused } from '../src/content/publish.js';
import { ADMIN_TOKEN, application, demo, offer, postSignup, start } from './helpers.js';
import { ADMIN_TOKEN as ACCOUNTS_ADMIN_TOKEN, start as startAccounts } from './accounts/helpers.js';

type ErrorItem = { path: string; code?: string; params?: Record<string, string>; message: string };

const EN = { 'Accept-Language': 'en-GB,en;q=0.9,sv;q=0.5' };
const SV = { 'Accept-Language': 'sv-SE,sv;q=0.9,en;q=0.5' };
/** No header (Swedish by default), Swedish asked for, English asked for. */
const ASKED = [
  ['no Accept-Language', {}, 'sv'],
  ['Swedish asked for', SV, 'sv'],
  ['English asked for', EN, 'en'],
] as const;

/** The answer's items, after checking its status; each message in one language only. */
async function errorsOf(res: Response, status: number): Promise<ErrorItem[]> {
  const text = await res.text();
  assert.equal(res.status, status, text);
  const { errors } = JSON.parse(text) as { errors: ErrorItem[] };
  assert.ok(errors.length > 0);
  for (const item of errors) assert.doesNotMatch(item.message, / \/ /, 'one language per message');
  return errors;
}

/** The one item of a generic answer: at the request as a whole, with its code. */
async function oneError(res: Response, status: number, code: string): Promise<ErrorItem> {
  const errors = await errorsOf(res, status);
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.deepEqual([errors[0]!.path, errors[0]!.code], ['', code]);
  return errors[0]!;
}

const lenient = { signupRateLimit: { max: 1000, windowSeconds: 60 }, signupCeiling: { max: 1000, windowSeconds: 60 } };

describe("the HTTP layer's generic answers", () => {
  test('404 (an unknown address, an action a route does not have) and 405', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      for (const [why, headers, lang] of ASKED) {
        const missing = await oneError(await fetch(`${app.base}/api/v1/nothing-here`, { headers }), 404, 'unknown-path');
        assert.match(missing.message, lang === 'sv' ? /^Det finns ingenting på den här adressen\. Kontrollera att den är rätt skriven\.$/ : /^There is nothing at this address\. Check that it is spelt right\.$/, why);
        const outside = await oneError(await fetch(`${app.base}/not-the-api`, { headers }), 404, 'unknown-path');
        assert.equal(outside.message, missing.message, why);
        const action = await oneError(await app.admin('/api/v1/signups/00000000-0000-4000-8000-000000000000/frobnicate', { method: 'POST', headers }), 404, 'unknown-path');
        assert.equal(action.message, missing.message, why);

        const put = await fetch(`${app.base}/api/v1/meetings.ics`, { method: 'PUT', headers });
        assert.equal(put.headers.get('allow'), 'GET, HEAD');
        const method = await oneError(put, 405, 'method-not-allowed');
        assert.deepEqual(method.params, { allow: 'GET, HEAD' });
        assert.equal(method.message, lang === 'sv' ? 'Den här adressen tar inte emot PUT; använd GET, HEAD.' : 'This address does not take PUT; use GET, HEAD.', why);
      }
    } finally {
      await app.close();
    }
  });

  test('413, 415 (not JSON, another charset), a body that is not JSON, not UTF-8 or empty: the header decides (the body is not read)', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN, ...lenient });
    try {
      for (const [why, headers, lang] of ASKED) {
        // The body says it is Swedish, but it is never read: Accept-Language decides.
        const big = await oneError(await postSignup(app.base, application({ language: 'sv', message: 'x'.repeat(40 * 1024) }), headers), 413, 'too-large');
        assert.deepEqual(big.params, { limitBytes: String(32 * 1024) });
        assert.match(big.message, lang === 'sv' ? /^Ansökan är större än 32 KiB, gränsen för vad servern tar emot här\. Korta texterna/ : /^The application is larger than 32 KiB, the most this server takes here\. Shorten the texts/, why);
        const bigOffer = await oneError(await fetch(`${app.base}/api/v1/opportunities`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(offer({ description: 'x'.repeat(40 * 1024) })) }), 413, 'too-large');
        assert.match(bigOffer.message, lang === 'sv' ? /^Erbjudandet är större än 32 KiB/ : /^The offer is larger than 32 KiB/, why);

        const text = await oneError(await fetch(`${app.base}/api/v1/signups`, { method: 'POST', headers: { ...headers, 'Content-Type': 'text/plain' }, body: 'hej' }), 415, 'not-json');
        assert.equal(text.message, lang === 'sv' ? 'Förfrågan är inte av typen JSON: skicka ansökan med Content-Type: application/json.' : 'The request is not of type JSON: send the application with Content-Type: application/json.', why);
        // A route without words of its own for its body (the content API's) names it generally.
        const adminText = await oneError(await app.admin('/api/v1/admin/organisations', { method: 'POST', headers: { ...headers, 'Content-Type': 'text/plain' }, body: 'hej' }), 415, 'not-json');
        assert.equal(adminText.message, lang === 'sv' ? 'Förfrågan är inte av typen JSON: skicka förfrågans innehåll med Content-Type: application/json.' : 'The request is not of type JSON: send the request body with Content-Type: application/json.', why);

        const latin1 = await oneError(await postSignup(app.base, application(), { ...headers, 'Content-Type': 'application/json; charset=iso-8859-1' }), 415, 'unsupported-charset');
        assert.match(latin1.message, lang === 'sv' ? /^Innehållet är märkt som iso-8859-1; skicka det som UTF-8/ : /^The body is marked as iso-8859-1; send it as UTF-8/, why);

        const broken = await oneError(await postSignup(app.base, '{"organisation": ', headers), 400, 'invalid-json');
        assert.match(broken.message, lang === 'sv' ? /^Innehållet är inte giltig JSON: leta efter/ : /^The body is not valid JSON: look for/, why);

        const notUtf8 = await oneError(await fetch(`${app.base}/api/v1/signups`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]) }), 400, 'invalid-utf8');
        assert.match(notUtf8.message, lang === 'sv' ? /^Innehållet är inte giltig UTF-8/ : /^The body is not valid UTF-8/, why);

        const empty = await oneError(await postSignup(app.base, '', headers), 400, 'invalid-json');
        assert.equal(empty.message, lang === 'sv' ? 'Innehållet är tomt: skicka den JSON som adressen väntar sig.' : 'The body is empty: send the JSON this address expects.', why);
      }
    } finally {
      await app.close();
    }
  });

  test('Idempotency-Key: a key that is not one (the header decides), and one reused with another body (the body\'s language first)', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN, ...lenient });
    try {
      for (const [why, headers, lang] of ASKED) {
        const bad = await oneError(await postSignup(app.base, application(), { ...headers, 'Idempotency-Key': 'x'.repeat(300) }), 400, 'invalid-idempotency-key');
        assert.equal(bad.message, lang === 'sv' ? 'Idempotency-Key måste vara 1 till 255 synliga ASCII-tecken, till exempel ett UUID.' : 'Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.', why);
      }
      assert.equal((await postSignup(app.base, application(), { 'Idempotency-Key': 'reused' })).status, 201);
      // [the application's language, Accept-Language, the answer's language]
      for (const [language, headers, lang] of [
        ['en', SV, 'en'],
        ['sv', EN, 'sv'],
        ['sv-FI', EN, 'sv'],
        ['fi', EN, 'en'],
        ['fi', {}, 'sv'],
      ] as const) {
        const reused = await oneError(await postSignup(app.base, application({ language, message: `Ett annat meddelande (${language}).` }), { ...headers, 'Idempotency-Key': 'reused' }), 422, 'idempotency-key-reused');
        assert.equal(
          reused.message,
          lang === 'sv'
            ? 'Den här Idempotency-Key har redan använts med en annan ansökan; ingenting sparades. Använd en ny nyckel: en nyckel per inskick.'
            : 'This Idempotency-Key was already used with a different application; nothing was saved. Use a new key: one key per submission.',
          `${language} with ${JSON.stringify(headers)}`,
        );
      }
      assert.equal((await postSignup(app.base, offer(), { 'Idempotency-Key': 'offer-reused' })).status, 400, 'an offer is not an application');
      const offers = (body: unknown, headers: Record<string, string>) => fetch(`${app.base}/api/v1/opportunities`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'offer-reused', ...headers }, body: JSON.stringify(body) });
      assert.equal((await offers(offer(), {})).status, 201);
      const reusedOffer = await oneError(await offers(offer({ title: 'Ett annat uppdrag' }), {}), 422, 'idempotency-key-reused');
      assert.match(reusedOffer.message, /med ett annat erbjudande; ingenting sparades/);
      assert.equal((await (await app.admin('/api/v1/signups')).json()).applications.length, 1, 'nothing more was stored');
    } finally {
      await app.close();
    }
  });

  test('403 for a website that may not send, 429 with the seconds to wait', async () => {
    const app = await start({ allowedOrigins: ['https://kommun.example.org'], signupRateLimit: { max: 1, windowSeconds: 60 } });
    try {
      for (const [why, headers, lang] of ASKED) {
        const refused = await oneError(await postSignup(app.base, application(), { ...headers, Origin: 'https://annan.example.org' }), 403, 'origin-not-allowed');
        assert.match(refused.message, lang === 'sv' ? /^Den här webbplatsen får inte skicka till servern .*ingenting sparades\. De som driver servern kan tillåta den/ : /^This website may not send to this server .*nothing was saved\. The people who run the server can allow it/, why);
      }
      assert.equal((await postSignup(app.base, application())).status, 201);
      for (const [why, headers, lang] of ASKED) {
        const limited = await postSignup(app.base, application(), headers);
        const seconds = limited.headers.get('retry-after')!;
        const item = await oneError(limited, 429, 'rate-limited');
        assert.deepEqual(item.params, { retryAfter: seconds });
        assert.equal(item.message, lang === 'sv' ? `För många inskick just nu; ingenting sparades. Försök igen om ${seconds} sekunder.` : `Too many submissions just now; nothing was saved. Try again in ${seconds} seconds.`, why);
      }
    } finally {
      await app.close();
    }
  });

  test('500: the generic answer in the caller\'s language (the cause is only in the log); a refusal thrown past its route is said too', async () => {
    const failing: FastifyPluginAsync = async (app) => {
      app.get('/api/v1/fails', async () => {
        throw new Error('the disk is on fire');
      });
      app.get('/api/v1/refuses', async () => {
        throw new ChangeRefused(409, [{ path: 'id', code: 'id-taken', params: { id: 'x' }, message: { en: 'Nothing was saved: taken.', sv: 'Ingenting sparades: upptaget.' } }], { etag: '"e"' });
      });
    };
    const app = await start({ plugins: [failing] });
    try {
      for (const [why, headers, lang] of ASKED) {
        const failed = await oneError(await fetch(`${app.base}/api/v1/fails`, { headers }), 500, 'server-error');
        assert.match(failed.message, lang === 'sv' ? /^Något gick fel på servern\. Försök igen senare/ : /^Something went wrong on the server\. Try again later/, why);
        assert.doesNotMatch(failed.message, /disk/);
        const refused = await fetch(`${app.base}/api/v1/refuses`, { headers });
        assert.equal(refused.status, 409);
        assert.deepEqual(await refused.json(), { errors: [{ path: 'id', code: 'id-taken', params: { id: 'x' }, message: lang === 'sv' ? 'Ingenting sparades: upptaget.' : 'Nothing was saved: taken.' }], etag: '"e"' }, why);
      }
    } finally {
      await app.close();
    }
  });

  test('400 from the DCAT catalogue for a Host that is not a host name', async () => {
    const app = await start();
    try {
      const { port } = new URL(app.base);
      for (const [why, headers, lang] of ASKED) {
        const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = httpRequest({ host: '127.0.0.1', port, path: '/datasets/dcat', headers: { ...headers, Host: 'not a host!' } }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          });
          req.on('error', reject);
          req.end();
        });
        assert.equal(answer.status, 400, answer.body);
        const [item] = (JSON.parse(answer.body) as { errors: ErrorItem[] }).errors;
        assert.equal(item!.code, 'invalid-host');
        assert.match(item!.message, lang === 'sv' ? /^Huvudet Host är inget värdnamn.*SAMVERKAN_PUBLIC_URL/ : /^The Host header is not a host name.*SAMVERKAN_PUBLIC_URL/, why);
      }
    } finally {
      await app.close();
    }
  });
});

describe("the schemas' validation messages", () => {
  test("a route schema's 400 (the application list's query, a decision's body): the SDK's messages, never zod's \"Invalid input\"", async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      for (const [why, headers, lang] of ASKED) {
        const query = await errorsOf(await app.admin('/api/v1/signups?status=maybe&limit=0&reference=zz', { headers }), 400);
        assert.deepEqual(
          query.map((e) => [e.path, e.message]),
          lang === 'sv'
            ? [
                ['status', 'måste vara en av pending, approved, rejected'],
                ['reference', 'måste vara en referens som K7QM-2X9C'],
                ['limit', 'måste vara ett heltal från 1 till 500'],
              ]
            : [
                ['status', 'must be one of pending, approved, rejected'],
                ['reference', 'must be a reference such as K7QM-2X9C'],
                ['limit', 'must be a whole number from 1 to 500'],
              ],
          why,
        );
        const decision = await errorsOf(
          await app.admin('/api/v1/signups/00000000-0000-4000-8000-000000000000/reject', { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: 5 }) }),
          400,
        );
        assert.deepEqual(decision, [{ path: 'reason', code: 'invalid_type', message: lang === 'sv' ? 'måste vara en text' : 'must be a text' }], why);
      }
    } finally {
      await app.close();
    }
  });

  test("an application's and an offer's schema problems: the form's own language first, then the header", async () => {
    const app = await start({ ...lenient });
    try {
      const broken = (language: string) => application({ language, contact: { name: '', email: 'nope' } });
      // [the application's language, Accept-Language, the answer's language]
      for (const [language, headers, lang] of [
        ['sv', EN, 'sv'],
        ['en', SV, 'en'],
        ['en', {}, 'en'],
        ['ar', {}, 'sv'],
        ['ar', EN, 'en'],
      ] as const) {
        const errors = await errorsOf(await postSignup(app.base, broken(language), headers), 400);
        assert.deepEqual(
          errors.map((e) => [e.path, e.message]),
          lang === 'sv'
            ? [
                ['contact.name', 'får inte vara tomt'],
                ['contact.email', 'måste vara en e-postadress som namn@example.org'],
              ]
            : [
                ['contact.name', 'must not be empty'],
                ['contact.email', 'must be an e-mail address such as name@example.org'],
              ],
          `${language} with ${JSON.stringify(headers)}`,
        );
      }
      const offerErrors = await errorsOf(await fetch(`${app.base}/api/v1/opportunities`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...EN }, body: JSON.stringify(offer({ language: 'sv', consent: false })) }), 400);
      assert.deepEqual(offerErrors.map((e) => [e.path, e.message]), [['consent', 'måste lämnas']]);
    } finally {
      await app.close();
    }
  });

  test('a content write and a batch of writes (the admin page shows these messages): the header decides', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const org = demo.organisations[0]!;
      const path = `/api/v1/admin/organisations/${org.id}`;
      const etag = (await app.admin(path)).headers.get('etag')!;
      for (const [why, headers, lang] of ASKED) {
        const write = await errorsOf(await app.admin(path, { method: 'PUT', headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': etag }, body: JSON.stringify({ ...org, email: 'nope', name: 'A\u202Eb' }) }), 400);
        assert.deepEqual(
          write.map((e) => [e.path, e.message]),
          lang === 'sv'
            ? [['name', 'innehåller en höger-till-vänster-åsidosättning (U+202E) vid tecken 2 som aldrig avslutas; ta bort den eller avsluta den med U+202C']]
            : [['name', 'contains a right-to-left override (U+202E) at character 2 that is never closed; remove it, or close it with U+202C']],
          `${why}: unsafe text is found first`,
        );
        const email = await errorsOf(await app.admin(path, { method: 'PUT', headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': etag }, body: JSON.stringify({ ...org, email: 'nope' }) }), 400);
        assert.deepEqual(email.map((e) => [e.path, e.message]), [['email', lang === 'sv' ? 'måste vara en e-postadress som namn@example.org' : 'must be an e-mail address such as name@example.org']], why);

        const batch = (body: unknown) => app.admin('/api/v1/admin/changes', { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        const empty = await errorsOf(await batch({ writes: [] }), 400);
        assert.deepEqual(empty.map((e) => [e.path, e.message]), [['writes', lang === 'sv' ? 'måste ha minst en post' : 'must have at least one entry']], why);
        const twice = await errorsOf(
          await batch({
            writes: [
              { op: 'replace', collection: 'organisations', id: org.id, etag, data: org },
              { op: 'replace', collection: 'organisations', id: org.id, data: org },
            ],
          }),
          400,
        );
        assert.deepEqual(
          twice.map((e) => [e.path, e.message]),
          [['writes[1].id', lang === 'sv' ? `organisations/${org.id} skrivs två gånger i den här omgången (även i writes[0]); skriv varje post en gång.` : `organisations/${org.id} is written twice in this batch (also at writes[0]); write each entry once.`]],
          why,
        );
        const noEtag = await errorsOf(await batch({ writes: [{ op: 'delete', collection: 'organisations', id: org.id }] }), 400);
        assert.deepEqual(noEtag.map((e) => [e.path, e.message]), [['writes[0].etag', lang === 'sv' ? 'måste vara den ETag du läste, så att en ändring som gjorts under tiden inte skrivs över' : 'must be the ETag you read, so a change made meanwhile is not overwritten']], why);
      }
      assert.equal((await app.admin(path)).headers.get('etag'), etag, 'nothing was stored');
    } finally {
      await app.close();
    }
  });
});

describe("the accounts' validation answers (through sendErrors)", () => {
  test('sign-in, a new user, a new password: the body\'s lang first, then Accept-Language, else Swedish', async () => {
    const app = await startAccounts();
    try {
      const post = (path: string, body: Record<string, unknown>, headers: Record<string, string> = {}, admin = false) =>
        fetch(`${app.base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers, ...(admin && { Authorization: `Bearer ${ACCOUNTS_ADMIN_TOKEN}` }) }, body: JSON.stringify(body) });
      // [the body's lang, Accept-Language, the answer's language]
      for (const [lang, headers, said] of [
        [undefined, {}, 'sv'],
        [undefined, EN, 'en'],
        ['en', SV, 'en'],
        ['sv', EN, 'sv'],
        ['not a tag', EN, 'en'],
      ] as const) {
        const why = `lang ${lang} with ${JSON.stringify(headers)}`;
        const signIn = await errorsOf(await post('/api/v1/session', { email: 'nope', ...(lang && { lang }) }, headers), 400);
        const expected =
          said === 'sv'
            ? [
                ['email', 'invalid_format', 'måste vara en e-postadress som namn@example.org'],
                ['password', 'invalid_type', 'måste vara ett lösenord'],
              ]
            : [
                ['email', 'invalid_format', 'must be an e-mail address such as name@example.org'],
                ['password', 'invalid_type', 'must be a password'],
              ];
        if (lang === 'not a tag') expected.push(['lang', 'invalid_format', 'must be a language tag such as "sv", "en" or "ar"']);
        assert.deepEqual(signIn.map((e) => [e.path, e.code, e.message]), expected, why);

        const user = await errorsOf(await post('/api/v1/admin/users', { email: 'ny@example.org', name: '', role: 'boss', ...(lang && { lang }) }, headers, true), 400);
        assert.deepEqual(
          user.map((e) => [e.path, e.message]).filter(([p]) => p !== 'lang'),
          said === 'sv'
            ? [
                ['name', 'får inte vara tomt'],
                ['role', 'måste vara "admin" eller "editor"'],
              ]
            : [
                ['name', 'must not be empty'],
                ['role', 'must be "admin" or "editor"'],
              ],
          why,
        );

        const setPassword = await errorsOf(await post('/api/v1/set-password', { ...(lang && { lang }) }, headers), 400);
        assert.deepEqual(
          setPassword.map((e) => [e.path, e.message]).filter(([p]) => p !== 'lang'),
          said === 'sv'
            ? [
                ['token', 'måste vara koden (token) från länken'],
                ['password', 'måste vara ett lösenord'],
              ]
            : [
                ['token', 'must be the token from the link'],
                ['password', 'must be a password'],
              ],
          why,
        );
      }
    } finally {
      await app.close();
    }
  });
});

