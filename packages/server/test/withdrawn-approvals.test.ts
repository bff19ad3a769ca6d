// An approved application whose signatory is later taken out of the dataset (deleted, or its
// signature removed, in the content list) on both stores: the application routes say
// `withdrawn: true`, worked out from the published dataset, as the offer routes do. And a
// pending offer whose organisation stopped signing is refused with a clear 409, not published.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AdminApplicationSchema, AdminOfferSchema, createAdminClient, createClient, type OpportunityOfferInput } from '@samverkan/sdk';
import { ADMIN_TOKEN, application, offer, postSignup, signatory, start, type Running } from './helpers.js';
import { databaseForThisFile } from './helpers/postgres.js';

const database = databaseForThisFile();

type Shown = { id: string; status: string; organisationId?: string; withdrawn?: boolean };

async function submitAndApprove(app: Running, name: string): Promise<Shown> {
  const posted = await postSignup(app.base, application({ organisation: { ...application().organisation, name } }));
  assert.equal(posted.status, 201);
  const { id } = await posted.json();
  const approved = await app.admin(`/api/v1/signups/${id}/approve`, { method: 'POST' });
  assert.equal(approved.status, 200);
  return approved.json();
}

/** The organisation as the content API has it, with its ETag. */
async function entity(app: Running, id: string): Promise<{ value: Record<string, unknown>; etag: string }> {
  const res = await app.admin(`/api/v1/admin/organisations/${encodeURIComponent(id)}`);
  assert.equal(res.status, 200);
  return { value: await res.json(), etag: res.headers.get('etag')! };
}

/** Removes the organisation's signature through the content API, as an officer's edit does; it stays listed. */
async function unsign(app: Running, id: string): Promise<void> {
  const { value, etag } = await entity(app, id);
  const { signature: _signature, ...unsigned } = value;
  const put = await app.admin(`/api/v1/admin/organisations/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': etag }, body: JSON.stringify(unsigned) });
  assert.equal(put.status, 200);
}

const dataset = async (app: Running) => (await fetch(`${app.base}/api/v1/dataset`)).json() as Promise<{ organisations: { id: string; signature?: unknown }[] }>;
const one = async (app: Running, id: string): Promise<Shown> => (await app.admin(`/api/v1/signups/${id}`)).json();
const latestVersion = async (app: Running) => (await (await app.admin('/api/v1/admin/versions')).json()).versions[0] as { version: number; summary: string };

for (const store of ['SQLite', 'PostgreSQL'] as const) {
  describe(`an approved application whose signatory is withdrawn (${store})`, { skip: store === 'PostgreSQL' && database.skip }, () => {
    const open = () =>
      start({
        adminToken: ADMIN_TOKEN,
        ...(store === 'PostgreSQL' && { databaseUrl: database.url(), databaseSchema: `a_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` }),
      });

    test('deleted: stays approved and says withdrawn: true in the list, the item and a repeated approval; a restore brings it back and the flag goes', async () => {
      const app = await open();
      try {
        const approved = await submitAndApprove(app, 'Föreningen Ängsbacken');
        assert.equal(approved.status, 'approved');
        assert.equal(approved.withdrawn, undefined, 'published: not withdrawn');
        const organisationId = approved.organisationId!;
        const { version: approvedVersion } = await latestVersion(app);

        // The officer deletes the organisation in the content list, as the admin page does.
        const { etag } = await entity(app, organisationId);
        assert.equal((await app.admin(`/api/v1/admin/organisations/${organisationId}`, { method: 'DELETE', headers: { 'If-Match': etag } })).status, 204);
        assert.ok(!(await dataset(app)).organisations.some((o) => o.id === organisationId), 'no longer published');

        const shown = await one(app, approved.id);
        assert.equal(shown.status, 'approved', 'the decision stands');
        assert.equal(shown.organisationId, organisationId, 'and still names what it published');
        assert.equal(shown.withdrawn, true);
        const listed = await (await app.admin('/api/v1/signups?status=approved')).json();
        assert.deepEqual(
          listed.applications.map((a: Shown) => [a.id, a.withdrawn]),
          [[approved.id, true]],
        );
        // Approving again changes nothing: the way back is the history.
        const again = await (await app.admin(`/api/v1/signups/${approved.id}/approve`, { method: 'POST' })).json();
        assert.deepEqual([again.status, again.withdrawn], ['approved', true]);

        const restored = await app.admin(`/api/v1/admin/versions/${approvedVersion}/restore`, { method: 'POST' });
        assert.equal(restored.status, 200);
        const back = await one(app, approved.id);
        assert.deepEqual([back.status, back.withdrawn], ['approved', undefined]);
        assert.ok((await dataset(app)).organisations.some((o) => o.id === organisationId && o.signature), 'a signatory again');
      } finally {
        await app.close();
      }
    });

    test('its signature removed: withdrawn: true; rejecting then records the rejection and leaves the listed organisation as the officer left it', async () => {
      const app = await open();
      try {
        const approved = await submitAndApprove(app, 'Föreningen Björkhagen');
        const organisationId = approved.organisationId!;
        await unsign(app, organisationId);
        assert.equal((await one(app, approved.id)).withdrawn, true);

        const rejected = await app.admin(`/api/v1/signups/${approved.id}/reject`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: 'Föreningen har upphört.' }) });
        assert.equal(rejected.status, 200);
        const decided: Shown = await rejected.json();
        assert.deepEqual([decided.status, decided.withdrawn, decided.organisationId], ['rejected', undefined, undefined]);
        const stillListed = (await dataset(app)).organisations.find((o) => o.id === organisationId);
        assert.ok(stillListed, 'the organisation the officer kept is kept');
        assert.equal(stillListed.signature, undefined);
        assert.equal((await latestVersion(app)).summary, "Rejected an application (Föreningen Björkhagen's signature had already been withdrawn)");
      } finally {
        await app.close();
      }
    });

    test("the SDK's admin client reads the flag, typed, on applications and offers", async () => {
      const app = await open();
      try {
        const approved = await submitAndApprove(app, 'Föreningen Lindhagen');
        const admin = createAdminClient({ apiUrl: `${app.base}/api/v1`, token: ADMIN_TOKEN });
        const receipt = await createClient({ apiUrl: `${app.base}/api/v1` }).submitOpportunity(offer({ title: 'Språkcafé på onsdagar' }) as OpportunityOfferInput);
        const opportunityId = (await admin.opportunities.approve(receipt.id)).opportunityId!;
        // Typed: a boolean or absent, not `unknown` as an unnamed field of a loose schema would be.
        const before: [boolean | undefined, boolean | undefined] = [(await admin.applications.get(approved.id)).withdrawn, (await admin.opportunities.get(receipt.id)).withdrawn];
        assert.deepEqual(before, [undefined, undefined]);

        for (const [collection, id] of [['organisations', approved.organisationId!], ['opportunities', opportunityId]] as const) {
          const current = await admin.content.get(collection, id);
          await admin.content.remove(collection, id, { etag: current.etag });
        }
        const after: [boolean | undefined, boolean | undefined] = [(await admin.applications.get(approved.id)).withdrawn, (await admin.opportunities.get(receipt.id)).withdrawn];
        assert.deepEqual(after, [true, true]);
        const page = await admin.applications.list({ status: 'approved' });
        assert.deepEqual(page.applications.map((a) => a.withdrawn), [true]);

        // Anything but a boolean is not the server's answer: the schemas refuse it.
        for (const schema of [AdminApplicationSchema, AdminOfferSchema]) {
          assert.equal(schema.safeParse({ id: 'x', reference: 'ABCD-2345', status: 'approved', receivedAt: '2026-12-01T10:00:00Z', language: 'sv', organisationId: 'o', withdrawn: 'yes' }).success, false);
        }
      } finally {
        await app.close();
      }
    });

    test('a pending offer whose organisation no longer signs: approving answers 409 at organisationId and publishes nothing; after a restore it can be approved', async () => {
      const app = await open();
      try {
        const posted = await fetch(`${app.base}/api/v1/opportunities`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(offer({ title: 'Skogsutflykt på lördagar' })) });
        assert.equal(posted.status, 201);
        const { id } = await posted.json();
        const before = await latestVersion(app);
        await unsign(app, signatory.id);
        const unsignedVersion = (await latestVersion(app)).version;

        const refused = await app.admin(`/api/v1/opportunities/${id}/approve`, { method: 'POST' });
        assert.equal(refused.status, 409);
        const { errors } = await refused.json();
        assert.equal(errors.length, 1);
        assert.equal(errors[0].path, 'organisationId');
        assert.equal(errors[0].code, 'not-a-signatory');
        // Swedish by default (Node's fetch asks for any language): what is wrong and the ways forward.
        assert.match(errors[0].message, /har inte längre undertecknat.*Ingenting ändrades.*Historik.*avslå erbjudandet/s);
        assert.equal((await latestVersion(app)).version, unsignedVersion, 'no version published');
        assert.equal((await (await app.admin(`/api/v1/opportunities/${id}`)).json()).status, 'pending');

        assert.equal((await app.admin(`/api/v1/admin/versions/${before.version}/restore`, { method: 'POST' })).status, 200);
        const approved = await app.admin(`/api/v1/opportunities/${id}/approve`, { method: 'POST' });
        assert.equal(approved.status, 200);
        const shown = await approved.json();
        assert.deepEqual([shown.status, shown.withdrawn], ['approved', undefined]);
      } finally {
        await app.close();
      }
    });

    test('rejecting an application whose signatory publishes opportunities answers 409 naming them and changes nothing; once they are withdrawn it is rejected', async () => {
      const app = await open();
      try {
        const approved = await submitAndApprove(app, 'Föreningen Sjöudden');
        const organisationNumber = application().organisation.organisationNumber;
        const posted = await fetch(`${app.base}/api/v1/opportunities`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(offer({ organisationNumber, title: 'Kanotpaddling med unga' })) });
        assert.equal(posted.status, 201);
        const { id: offerId } = await posted.json();
        const { opportunityId } = await (await app.admin(`/api/v1/opportunities/${offerId}/approve`, { method: 'POST' })).json();
        const before = await latestVersion(app);

        const refused = await app.admin(`/api/v1/signups/${approved.id}/reject`, { method: 'POST' });
        assert.equal(refused.status, 409);
        const { errors } = await refused.json();
        assert.equal(errors[0].code, 'signatory-has-opportunities');
        assert.ok(errors[0].message.includes(opportunityId), errors[0].message);
        assert.match(errors[0].message, /Ingenting ändrades\. Dra tillbaka dem först/);
        assert.equal((await latestVersion(app)).version, before.version, 'nothing published');
        assert.equal((await one(app, approved.id)).status, 'approved');

        assert.equal((await app.admin(`/api/v1/opportunities/${offerId}/reject`, { method: 'POST' })).status, 200);
        const rejected = await app.admin(`/api/v1/signups/${approved.id}/reject`, { method: 'POST' });
        assert.equal(rejected.status, 200);
        assert.equal((await rejected.json()).status, 'rejected');
        assert.ok(!(await dataset(app)).organisations.some((o) => o.id === approved.organisationId));
      } finally {
        await app.close();
      }
    });

    test('a signatory still published is not withdrawn, and rejecting it withdraws the signature as before', async () => {
      const app = await open();
      try {
        const approved = await submitAndApprove(app, 'Föreningen Ekbacken');
        const listed = await (await app.admin('/api/v1/signups')).json();
        assert.deepEqual(
          listed.applications.map((a: Shown) => [a.id, a.status, 'withdrawn' in a]),
          [[approved.id, 'approved', false]],
        );
        const rejected = await (await app.admin(`/api/v1/signups/${approved.id}/reject`, { method: 'POST' })).json();
        assert.equal(rejected.status, 'rejected');
        assert.ok(!(await dataset(app)).organisations.some((o) => o.id === approved.organisationId));
        assert.equal((await latestVersion(app)).summary, "Withdrew Föreningen Ekbacken's signature (application rejected)");
      } finally {
        await app.close();
      }
    });
  });
}
