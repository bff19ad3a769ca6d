// What the admin routes say about what a decision published when the history brings it back,
// on both stores: a rejection whose approval's signatory or opportunity is published again by a
// restore says `republished: true` (not just "rejected"), and can be approved (nothing new is
// published) or rejected again (taken out again). Also: a pending offer says `noLongerSigns`; a
// rejection that would only remove a signature is refused while the organisation offers
// opportunities; and deleting an organisation that offers opportunities is a clear 409.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAdminClient, isConflictError, type AdminOffer } from '@samverkan/sdk';
import { ADMIN_TOKEN, application, demo, offer, postSignup, signatory, start, type Running } from './helpers.js';
import { databaseForThisFile } from './helpers/postgres.js';

const database = databaseForThisFile();

type Shown = { id: string; status: string; organisationId?: string; opportunityId?: string; withdrawn?: boolean; republished?: boolean; noLongerSigns?: boolean; rejectReason?: string };
type Published = { organisations: { id: string; organisationNumber?: string; signature?: unknown }[]; opportunities?: { id: string; organisationId: string }[] };

const json = { 'Content-Type': 'application/json' };
const dataset = async (app: Running): Promise<Published> => (await fetch(`${app.base}/api/v1/dataset`)).json();
const latestVersion = async (app: Running) => (await (await app.admin('/api/v1/admin/versions')).json()).versions[0] as { version: number; summary: string };
const restore = async (app: Running, version: number) => assert.equal((await app.admin(`/api/v1/admin/versions/${version}/restore`, { method: 'POST' })).status, 200);
const decide = async (app: Running, path: string, body?: unknown): Promise<Shown> => {
  const res = await app.admin(path, { method: 'POST', ...(body !== undefined && { headers: json, body: JSON.stringify(body) }) });
  assert.equal(res.status, 200, await res.clone().text());
  return res.json();
};
const get = async (app: Running, path: string): Promise<Shown> => (await app.admin(path)).json();

async function submitApplication(app: Running, organisation: Record<string, unknown>): Promise<string> {
  const posted = await postSignup(app.base, application({ organisation: { ...application().organisation, ...organisation } }));
  assert.equal(posted.status, 201);
  return (await posted.json()).id;
}

async function submitOffer(app: Running, overrides: Record<string, unknown>): Promise<string> {
  const posted = await fetch(`${app.base}/api/v1/opportunities`, { method: 'POST', headers: json, body: JSON.stringify(offer(overrides)) });
  assert.equal(posted.status, 201, await posted.clone().text());
  return (await posted.json()).id;
}

async function etagOf(app: Running, collection: string, id: string): Promise<{ value: Record<string, unknown>; etag: string }> {
  const res = await app.admin(`/api/v1/admin/${collection}/${encodeURIComponent(id)}`);
  assert.equal(res.status, 200);
  return { value: await res.json(), etag: res.headers.get('etag')! };
}

for (const store of ['SQLite', 'PostgreSQL'] as const) {
  describe(`decisions brought back by the history (${store})`, { skip: store === 'PostgreSQL' && database.skip }, () => {
    const open = () =>
      start({
        adminToken: ADMIN_TOKEN,
        ...(store === 'PostgreSQL' && { databaseUrl: database.url(), databaseSchema: `r_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` }),
      });

    test('an erased application whose signatory a restore brings back is rejected again through the API (no page needed): taken out again, still erased', async () => {
      const app = await open();
      try {
        const id = await submitApplication(app, { name: 'Föreningen Raderade Eken' });
        const organisationId = (await decide(app, `/api/v1/signups/${id}/approve`)).organisationId!;
        const approvedVersion = (await latestVersion(app)).version;
        await decide(app, `/api/v1/signups/${id}/reject`);
        const erased = await decide(app, `/api/v1/signups/${id}/erase`);
        assert.ok((erased as Shown & { erasedAt?: string }).erasedAt);

        await restore(app, approvedVersion);
        const shown = await get(app, `/api/v1/signups/${id}`);
        assert.deepEqual([shown.status, shown.republished, shown.organisationId], ['rejected', true, organisationId]);

        // The same call the page makes, with the admin token (a script): taken out again.
        const again = await decide(app, `/api/v1/signups/${id}/reject`);
        assert.deepEqual([again.status, again.republished, again.organisationId], ['rejected', undefined, undefined]);
        assert.ok((again as Shown & { erasedAt?: string }).erasedAt, 'still erased');
        assert.ok(!(await dataset(app)).organisations.some((o) => o.id === organisationId));
        assert.match((await latestVersion(app)).summary, /again/);
        // And through the SDK's admin client, as a script would: nothing left to reject, no error.
        const client = createAdminClient({ apiUrl: `${app.base}/api/v1`, token: ADMIN_TOKEN });
        assert.equal((await client.applications.reject(id)).status, 'rejected');

        // The other order: published again first, erased while it is, then rejected again.
        await restore(app, approvedVersion);
        assert.equal((await get(app, `/api/v1/signups/${id}`)).republished, true);
        await decide(app, `/api/v1/signups/${id}/erase`);
        assert.equal((await get(app, `/api/v1/signups/${id}`)).republished, true, 'erasing does not change what is published, only its personal facts');
        const last = await client.applications.reject(id);
        assert.deepEqual([last.status, (last as Shown).republished], ['rejected', undefined]);
        assert.ok(!(await dataset(app)).organisations.some((o) => o.id === organisationId));
      } finally {
        await app.close();
      }
    });

    test('a rejected application whose signatory a restore brings back says republished: true and names it; rejecting again takes it out again and keeps the reason; approving after another restore publishes nothing new', async () => {
      const app = await open();
      try {
        const id = await submitApplication(app, { name: 'Föreningen Hagtornet' });
        const approved = await decide(app, `/api/v1/signups/${id}/approve`);
        const organisationId = approved.organisationId!;
        const approvedVersion = (await latestVersion(app)).version;

        const rejected = await decide(app, `/api/v1/signups/${id}/reject`, { reason: 'Fel organisation.' });
        assert.deepEqual([rejected.status, rejected.organisationId, rejected.republished], ['rejected', undefined, undefined]);
        assert.ok(!(await dataset(app)).organisations.some((o) => o.id === organisationId));

        // The officer restores a version from before the rejection: the signatory is published again.
        await restore(app, approvedVersion);
        assert.ok((await dataset(app)).organisations.some((o) => o.id === organisationId && o.signature));
        const shown = await get(app, `/api/v1/signups/${id}`);
        assert.deepEqual([shown.status, shown.republished, shown.organisationId, shown.withdrawn], ['rejected', true, organisationId, undefined]);
        const listed = await (await app.admin('/api/v1/signups?status=rejected')).json();
        assert.deepEqual(
          listed.applications.map((a: Shown) => [a.id, a.republished, a.organisationId]),
          [[id, true, organisationId]],
        );

        // Rejecting again takes it out again (a version of its own) and keeps the reason given before.
        const again = await decide(app, `/api/v1/signups/${id}/reject`);
        assert.deepEqual([again.status, again.republished, again.organisationId, again.rejectReason], ['rejected', undefined, undefined, 'Fel organisation.']);
        assert.ok(!(await dataset(app)).organisations.some((o) => o.id === organisationId));
        assert.match((await latestVersion(app)).summary, /^Withdrew Föreningen Hagtornet's signature again/);

        // Restored once more, then approved: the decision says what is published, and nothing is added twice.
        await restore(app, approvedVersion);
        const before = await latestVersion(app);
        const reapproved = await decide(app, `/api/v1/signups/${id}/approve`);
        assert.deepEqual([reapproved.status, reapproved.organisationId, reapproved.republished, reapproved.withdrawn], ['approved', organisationId, undefined, undefined]);
        assert.equal((await dataset(app)).organisations.filter((o) => o.organisationNumber === application().organisation.organisationNumber).length, 1, 'one organisation, not a copy');
        const after = await latestVersion(app);
        assert.equal(after.version, before.version + 1, 'the decision is in the history');
        assert.match(after.summary, /^Approved an application again: Föreningen Hagtornet signs/);
        // And rejecting it now withdraws the signatory as any approved application's.
        assert.equal((await decide(app, `/api/v1/signups/${id}/reject`)).status, 'rejected');
        assert.ok(!(await dataset(app)).organisations.some((o) => o.id === organisationId));
      } finally {
        await app.close();
      }
    });

    test('a rejected offer whose opportunity a restore brings back says republished: true; approving it publishes no second copy; rejecting again takes it off', async () => {
      const app = await open();
      try {
        const id = await submitOffer(app, { title: 'Fotbollstränare för unga' });
        const approved = await decide(app, `/api/v1/opportunities/${id}/approve`);
        const opportunityId = approved.opportunityId!;
        const approvedVersion = (await latestVersion(app)).version;
        const rejected = await decide(app, `/api/v1/opportunities/${id}/reject`, { reason: 'Dubblett.' });
        assert.deepEqual([rejected.status, rejected.opportunityId, rejected.republished], ['rejected', undefined, undefined]);

        await restore(app, approvedVersion);
        const shown = await get(app, `/api/v1/opportunities/${id}`);
        assert.deepEqual([shown.status, shown.republished, shown.opportunityId], ['rejected', true, opportunityId]);
        const page = await (await app.admin('/api/v1/opportunities')).json();
        assert.deepEqual(
          page.offers.filter((o: Shown) => o.id === id).map((o: Shown) => [o.republished, o.opportunityId]),
          [[true, opportunityId]],
        );

        const again = await decide(app, `/api/v1/opportunities/${id}/reject`);
        assert.deepEqual([again.republished, again.opportunityId, again.rejectReason], [undefined, undefined, 'Dubblett.']);
        assert.ok(!((await dataset(app)).opportunities ?? []).some((o) => o.id === opportunityId));

        await restore(app, approvedVersion);
        const reapproved = await decide(app, `/api/v1/opportunities/${id}/approve`);
        assert.deepEqual([reapproved.status, reapproved.opportunityId, reapproved.republished], ['approved', opportunityId, undefined]);
        assert.equal(((await dataset(app)).opportunities ?? []).filter((o) => o.id.startsWith('fotbollstranare-for-unga')).length, 1, 'one opportunity, not a copy');
        assert.match((await latestVersion(app)).summary, /^Approved an offered opportunity again/);
      } finally {
        await app.close();
      }
    });

    test('an erased offer forgets what it published: rejected and erased, a restore does not make it republished', async () => {
      const app = await open();
      try {
        const id = await submitOffer(app, { title: 'Cykelreparationer i Hovsjö' });
        await decide(app, `/api/v1/opportunities/${id}/approve`);
        const approvedVersion = (await latestVersion(app)).version;
        await decide(app, `/api/v1/opportunities/${id}/reject`);
        await decide(app, `/api/v1/opportunities/${id}/erase`);
        await restore(app, approvedVersion);
        const shown = await get(app, `/api/v1/opportunities/${id}`);
        assert.deepEqual([shown.status, shown.republished, shown.opportunityId], ['rejected', undefined, undefined]);
      } finally {
        await app.close();
      }
    });

    test('noLongerSigns on offers that are not approved, typed in the admin client; it goes when the organisation signs again; an approved offer never has it', async () => {
      const app = await open();
      try {
        const admin = createAdminClient({ apiUrl: `${app.base}/api/v1`, token: ADMIN_TOKEN });
        const pending = await submitOffer(app, { title: 'Högläsning för barn' });
        const approvedId = await submitOffer(app, { title: 'Promenadvän' });
        await admin.opportunities.approve(approvedId);
        const signedVersion = (await latestVersion(app)).version;
        const fresh: boolean | undefined = (await admin.opportunities.get(pending)).noLongerSigns;
        assert.equal(fresh, undefined);

        // The officer withdraws its opportunities (a signature is not removed while they are up), then removes the signature; the organisation stays listed.
        for (const opportunity of (await dataset(app)).opportunities!.filter((o) => o.organisationId === signatory.id)) {
          const { etag: opportunityEtag } = await etagOf(app, 'opportunities', opportunity.id);
          assert.equal((await app.admin(`/api/v1/admin/opportunities/${opportunity.id}`, { method: 'DELETE', headers: { 'If-Match': opportunityEtag } })).status, 204);
        }
        const { value, etag } = await etagOf(app, 'organisations', signatory.id);
        const { signature: _signature, ...unsigned } = value;
        assert.equal((await app.admin(`/api/v1/admin/organisations/${signatory.id}`, { method: 'PUT', headers: { ...json, 'If-Match': etag }, body: JSON.stringify(unsigned) })).status, 200);

        const byId = (offers: AdminOffer[]) => Object.fromEntries(offers.filter((o) => [pending, approvedId].includes(o.id)).map((o) => [o.id, o.noLongerSigns]));
        assert.deepEqual(byId((await admin.opportunities.list()).offers), { [pending]: true, [approvedId]: undefined });
        assert.equal((await admin.opportunities.get(pending)).noLongerSigns, true);
        // What the flag says is what the server does: approving is refused.
        await assert.rejects(admin.opportunities.approve(pending), (error: unknown) => isConflictError(error) && error.issues?.[0]?.code === 'not-a-signatory' && error.issues[0].params?.organisationId === signatory.id);
        // Rejected, it still says so (approving it would still be refused).
        assert.equal((await admin.opportunities.reject(pending)).noLongerSigns, true);

        await restore(app, signedVersion);
        assert.deepEqual(byId((await admin.opportunities.list()).offers), { [pending]: undefined, [approvedId]: undefined });
      } finally {
        await app.close();
      }
    });

    test('rejecting an application that signed an organisation already listed, which now offers opportunities, answers 409 signatory-has-opportunities with params and changes nothing', async () => {
      const app = await open();
      try {
        const listed = demo.organisations.find((o: { signature?: unknown; organisationNumber?: string }) => !o.signature && o.organisationNumber);
        const id = await submitApplication(app, { name: listed.name, organisationNumber: listed.organisationNumber });
        const approved = await decide(app, `/api/v1/signups/${id}/approve`);
        assert.equal(approved.organisationId, listed.id, 'the listed organisation signed, not a copy');
        const offerId = await submitOffer(app, { organisationNumber: listed.organisationNumber, title: 'Paddling för nybörjare' });
        const { opportunityId } = await decide(app, `/api/v1/opportunities/${offerId}/approve`);
        const before = await latestVersion(app);

        const admin = createAdminClient({ apiUrl: `${app.base}/api/v1`, token: ADMIN_TOKEN });
        const refused = await admin.applications.reject(id, { reason: 'Föreningen finns inte.' }).then(
          () => assert.fail('the rejection must be refused'),
          (error: unknown) => error,
        );
        assert.ok(isConflictError(refused));
        const [issue] = refused.issues!;
        assert.equal(issue!.code, 'signatory-has-opportunities');
        assert.deepEqual(issue!.params, { organisationId: listed.id, organisation: listed.name, opportunities: opportunityId!, change: 'signature' });
        // In the caller's language (Swedish: Node's fetch asks for any).
        assert.match(issue!.message, /tas underskriften bort.*inte längre har undertecknat/s);
        assert.equal((await latestVersion(app)).version, before.version, 'nothing published');
        assert.equal((await get(app, `/api/v1/signups/${id}`)).status, 'approved');
        assert.ok((await dataset(app)).organisations.some((o) => o.id === listed.id && o.signature), 'still signs');

        // Once the opportunity is withdrawn, the rejection removes the signature and keeps the organisation listed.
        await decide(app, `/api/v1/opportunities/${offerId}/reject`);
        assert.equal((await decide(app, `/api/v1/signups/${id}/reject`)).status, 'rejected');
        const after = (await dataset(app)).organisations.find((o) => o.id === listed.id);
        assert.ok(after);
        assert.equal(after.signature, undefined);
      } finally {
        await app.close();
      }
    });

    test('deleting an organisation that offers opportunities answers 409 organisation-has-opportunities naming them, publishes nothing; once they are deleted it goes', async () => {
      const app = await open();
      try {
        const data = await dataset(app);
        const organisationId = data.opportunities![0]!.organisationId;
        const offered = data.opportunities!.filter((o) => o.organisationId === organisationId).map((o) => o.id);
        const name = data.organisations.find((o) => o.id === organisationId) as unknown as { name: string };
        const before = await latestVersion(app);
        const { etag } = await etagOf(app, 'organisations', organisationId);
        const refused = await app.admin(`/api/v1/admin/organisations/${organisationId}`, { method: 'DELETE', headers: { 'If-Match': etag } });
        assert.equal(refused.status, 409);
        const { errors } = await refused.json();
        assert.equal(errors.length, 1);
        assert.equal(errors[0].code, 'organisation-has-opportunities');
        assert.deepEqual(errors[0].params, { organisationId, organisation: name.name, opportunities: offered.join(', '), change: 'organisation' });
        assert.match(errors[0].message, /Dra tillbaka eller ta bort dem först.*Inget sparades/s);
        assert.doesNotMatch(errors[0].message, /Withdraw/, 'one language per message');
        assert.equal((await latestVersion(app)).version, before.version, 'nothing published');
        assert.ok((await dataset(app)).organisations.some((o) => o.id === organisationId));

        for (const id of offered) {
          const current = await etagOf(app, 'opportunities', id);
          assert.equal((await app.admin(`/api/v1/admin/opportunities/${id}`, { method: 'DELETE', headers: { 'If-Match': current.etag } })).status, 204);
        }
        assert.equal((await app.admin(`/api/v1/admin/organisations/${organisationId}`, { method: 'DELETE', headers: { 'If-Match': etag } })).status, 204);
        assert.ok(!(await dataset(app)).organisations.some((o) => o.id === organisationId));
      } finally {
        await app.close();
      }
    });
  });
}
