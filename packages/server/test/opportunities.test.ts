// POST /api/v1/opportunities and its decisions (contract additions, December 2026).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isReference } from '@samverkan/sdk';
import { ADMIN_TOKEN, DEMO_FILE, demo, offer, signatory, start } from './helpers.js';
import { databaseForThisFile } from './helpers/postgres.js';

const unsigned = demo.organisations.find((o: { signature?: unknown; organisationNumber?: string }) => !o.signature && o.organisationNumber);

const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/v1/opportunities`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('POST /api/v1/opportunities', () => {
  test('the refusal is said in the language the request asks for (http/language.ts): the form\'s own first, then Accept-Language, else Swedish', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const unsigned = demo.organisations.find((o: { signature?: unknown; organisationNumber?: string }) => !o.signature && o.organisationNumber)!;
      const said = async (language: string, headers: Record<string, string> = {}) =>
        ((await (await post(app.base, offer({ organisationNumber: unsigned.organisationNumber, language }), headers)).json()) as { errors: { message: string }[] }).errors[0]!.message;
      // Node's fetch sends `Accept-Language: *`: Swedish, the default.
      assert.match(await said('fi'), /^tillhör ingen organisation/);
      assert.match(await said('fi', { 'Accept-Language': 'fi, en;q=0.5' }), /^is not the number of an organisation/);
      // The form was filled in English: English, whatever the browser prefers.
      assert.match(await said('en', { 'Accept-Language': 'sv' }), /^is not the number of an organisation/);
      assert.match(await said('sv-FI', { 'Accept-Language': 'en' }), /^tillhör ingen organisation/);
    } finally {
      await app.close();
    }
  });

  test('a signatory offers an opportunity: 201 { id, status, reference }; the same key replays; only signatories may offer; the usual refusals', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN });
    try {
      const preflight = await fetch(`${app.base}/api/v1/opportunities`, { method: 'OPTIONS', headers: { Origin: 'https://forening.example.org', 'Access-Control-Request-Method': 'POST' } });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-methods'), 'POST, OPTIONS');

      const created = await post(app.base, offer(), { 'Idempotency-Key': 'offer-1', Origin: 'https://forening.example.org' });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('access-control-allow-origin'), '*');
      const receipt = await created.json();
      assert.equal(receipt.status, 'pending');
      assert.ok(isReference(receipt.reference));
      const again = await post(app.base, offer(), { 'Idempotency-Key': 'offer-1' });
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await again.json(), receipt);
      // The same key with another offer is refused.
      assert.equal((await post(app.base, offer({ title: 'Annat' }), { 'Idempotency-Key': 'offer-1' })).status, 422);

      const notSigned = await post(app.base, offer({ organisationNumber: unsigned.organisationNumber, language: 'fi' }), { 'Accept-Language': 'en-GB,en;q=0.9' });
      assert.equal(notSigned.status, 400);
      const refusal = (await notSigned.json()).errors;
      assert.deepEqual(refusal.map((e: { path: string; code: string }) => [e.path, e.code]), [['organisationNumber', 'not-a-signatory']]);
      assert.match(refusal[0].message, /^is not the number of an organisation that has signed the agreement/);
      // In the request's language: Swedish for Accept-Language sv, and when it names neither (Node's fetch sends `*`).
      const swedish = await post(app.base, offer({ organisationNumber: unsigned.organisationNumber, language: 'fi' }), { 'Accept-Language': 'sv-SE,sv;q=0.9,en;q=0.5' });
      assert.match((await swedish.json()).errors[0].message, /^tillhör ingen organisation som har undertecknat överenskommelsen/);
      // A number that is no organisation's at all gets the same answer.
      assert.equal((await (await post(app.base, offer({ organisationNumber: '802456-8977' }))).json()).errors[0].code, 'not-a-signatory');
      const invalid = await post(app.base, offer({ contact: {}, validThrough: 'snart' }));
      assert.equal(invalid.status, 400);
      assert.deepEqual((await invalid.json()).errors.map((e: { path: string }) => e.path).sort(), ['contact', 'validThrough']);
      const bidi = await post(app.base, offer({ title: 'Hjälp\u202E' }));
      assert.equal(bidi.status, 400);
      assert.equal((await bidi.json()).errors[0].code, 'unpaired-bidi-control');
      assert.equal((await fetch(`${app.base}/api/v1/opportunities`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' })).status, 415);

      const list = await (await app.admin('/api/v1/opportunities')).json();
      assert.deepEqual(list.offers.map((o: { id: string }) => o.id), [receipt.id], 'only the accepted offer is stored');
      assert.equal((await fetch(`${app.base}/api/v1/opportunities`)).status, 401, 'the list is for editors and admins');
      assert.equal((await fetch(`${app.base}/api/v1/opportunities/${receipt.id}`, { method: 'OPTIONS', headers: { Origin: 'https://x.example.org', 'Access-Control-Request-Method': 'POST' } })).headers.get('access-control-allow-origin'), null);
    } finally {
      await app.close();
    }
  });

  test('approve publishes the opportunity (a version, a new dataset ETag), reject withdraws it, erase removes the offer and its contact', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN, now: () => new Date('2026-12-01T23:30:00Z') });
    try {
      const { id, reference } = await (await post(app.base, offer())).json();
      const found = await (await app.admin(`/api/v1/opportunities?reference=${reference.toLowerCase()}`)).json();
      assert.deepEqual(found.offers.map((o: { id: string }) => o.id), [id]);
      const before = await fetch(`${app.base}/api/v1/dataset`);
      const etag = before.headers.get('etag')!;
      await before.arrayBuffer();

      const approved = await app.admin(`/api/v1/opportunities/${id}/approve`, { method: 'POST' });
      assert.equal(approved.status, 200);
      const decided = await approved.json();
      assert.equal(decided.status, 'approved');
      const after = await fetch(`${app.base}/api/v1/dataset`, { headers: { 'If-None-Match': etag } });
      assert.equal(after.status, 200);
      const dataset = await after.json();
      const published = dataset.opportunities.find((o: { id: string }) => o.id === decided.opportunityId);
      assert.equal(published.organisationId, signatory.id);
      assert.equal(published.title, 'Läxhjälpare på tisdagar');
      assert.equal(published.publishedOn, '2026-12-02', 'today in the dataset time zone');
      assert.deepEqual(published.contact, { email: 'volontar@forening.example.org' });
      assert.match((await (await app.admin('/api/v1/admin/versions')).json()).versions[0].summary, /Approved an offered opportunity/);

      const rejected = await app.admin(`/api/v1/opportunities/${id}/reject`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: 'Dubblett.' }) });
      assert.equal((await rejected.json()).rejectReason, 'Dubblett.');
      const withdrawn = await (await fetch(`${app.base}/api/v1/dataset`)).json();
      assert.equal(withdrawn.opportunities.length, demo.opportunities.length);

      const erased = await (await app.admin(`/api/v1/opportunities/${id}/erase`, { method: 'POST' })).json();
      assert.equal(erased.offer, undefined);
      assert.equal(erased.rejectReason, undefined);
      assert.match(erased.erasedAt, /^\d{4}-/);
      const audit = await (await app.admin('/api/v1/admin/audit?limit=3')).json();
      assert.deepEqual(audit.entries.map((e: { action: string }) => e.action), ['opportunity-erased', 'opportunity-rejected', 'opportunity-approved']);
    } finally {
      await app.close();
    }
  });

  test('file mode: an approved opportunity is merged on top of the file, as approved signatories are', async () => {
    const app = await start({ adminToken: ADMIN_TOKEN, datasetFile: DEMO_FILE });
    try {
      const { id } = await (await post(app.base, offer())).json();
      const decided = await (await app.admin(`/api/v1/opportunities/${id}/approve`, { method: 'POST' })).json();
      const dataset = await (await fetch(`${app.base}/api/v1/dataset`)).json();
      assert.equal(dataset.opportunities.length, demo.opportunities.length + 1);
      assert.ok(dataset.opportunities.some((o: { id: string }) => o.id === decided.opportunityId));
    } finally {
      await app.close();
    }
  });
});

// Withdrawing a published opportunity in the content list, on both stores (issue 13's named gap).
const database = databaseForThisFile();

for (const store of ['SQLite', 'PostgreSQL'] as const) {
  describe(`an approved offer whose opportunity is withdrawn (${store})`, { skip: store === 'PostgreSQL' && database.skip }, () => {
    test('stays approved and says withdrawn: true; a restore brings the opportunity back and the flag goes; rejecting it then says it was already withdrawn', async () => {
      const app = await start({
        adminToken: ADMIN_TOKEN,
        ...(store === 'PostgreSQL' && { databaseUrl: database.url(), databaseSchema: `w_${Date.now().toString(36)}` }),
      });
      try {
        const { id } = await (await post(app.base, offer())).json();
        const approved = await (await app.admin(`/api/v1/opportunities/${id}/approve`, { method: 'POST' })).json();
        assert.equal(approved.status, 'approved');
        assert.equal(approved.withdrawn, undefined, 'published: not withdrawn');
        const opportunityId: string = approved.opportunityId;
        const { version: approvedVersion } = (await (await app.admin('/api/v1/admin/versions')).json()).versions[0];

        // The officer withdraws it from the volunteer board, as the admin page does.
        const entity = await app.admin(`/api/v1/admin/opportunities/${opportunityId}`);
        assert.equal(entity.status, 200);
        await entity.arrayBuffer();
        const deleted = await app.admin(`/api/v1/admin/opportunities/${opportunityId}`, { method: 'DELETE', headers: { 'If-Match': entity.headers.get('etag')! } });
        assert.equal(deleted.status, 204);
        const dataset = await (await fetch(`${app.base}/api/v1/dataset`)).json();
        assert.ok(!dataset.opportunities.some((o: { id: string }) => o.id === opportunityId), 'no longer published');

        const one = await (await app.admin(`/api/v1/opportunities/${id}`)).json();
        assert.equal(one.status, 'approved', 'the decision stands');
        assert.equal(one.opportunityId, opportunityId, 'and still names what it published, for the history');
        assert.equal(one.withdrawn, true);
        const listed = await (await app.admin('/api/v1/opportunities?status=approved')).json();
        assert.deepEqual(listed.offers.map((o: { id: string; withdrawn?: boolean }) => [o.id, o.withdrawn]), [[id, true]]);
        // Approving again changes nothing: the way back is the history.
        const again = await (await app.admin(`/api/v1/opportunities/${id}/approve`, { method: 'POST' })).json();
        assert.equal(again.withdrawn, true);

        // Restoring the version the approval published brings it back, and the offer says so at once.
        const restored = await app.admin(`/api/v1/admin/versions/${approvedVersion}/restore`, { method: 'POST' });
        assert.equal(restored.status, 200);
        const back = await (await app.admin(`/api/v1/opportunities/${id}`)).json();
        assert.equal(back.status, 'approved');
        assert.equal(back.withdrawn, undefined);
        assert.ok((await (await fetch(`${app.base}/api/v1/dataset`)).json()).opportunities.some((o: { id: string }) => o.id === opportunityId));

        // Withdrawn once more, then rejected: the version's summary says what happened.
        const entity2 = await app.admin(`/api/v1/admin/opportunities/${opportunityId}`);
        await entity2.arrayBuffer();
        assert.equal((await app.admin(`/api/v1/admin/opportunities/${opportunityId}`, { method: 'DELETE', headers: { 'If-Match': entity2.headers.get('etag')! } })).status, 204);
        const rejected = await (await app.admin(`/api/v1/opportunities/${id}/reject`, { method: 'POST' })).json();
        assert.equal(rejected.status, 'rejected');
        assert.equal(rejected.withdrawn, undefined);
        const summary = (await (await app.admin('/api/v1/admin/versions')).json()).versions[0].summary;
        assert.equal(summary, `Rejected an offered opportunity (its opportunity ${opportunityId} had already been withdrawn)`);
      } finally {
        await app.close();
      }
    });
  });
}
