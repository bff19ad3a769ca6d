// The SDK's admin client (createAdminClient().opportunities) against the real
// server: the offers' list, paging, approval into the dataset, rejection and
// erasure, and its errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAdminClient, createClient, NotFoundError, AuthenticationError } from '@samverkan/sdk';
import { ADMIN_TOKEN, demo, start } from './helpers.js';

const signatory = demo.organisations.find((o: { signature?: unknown; organisationNumber?: string }) => o.signature && o.organisationNumber);

const offer = (title: string) => ({
  organisationNumber: signatory.organisationNumber,
  title,
  description: 'Följ med på skogsutflykter med scouterna en lördag i månaden.',
  districts: ['Hovsjö'],
  validThrough: '2027-06-30',
  contact: { phone: '08-123 456 78' },
  consent: true as const,
  language: 'sv',
});

test('admin client: list, page, approve into the dataset, reject with a reason, erase; clear errors', async () => {
  const app = await start({ adminToken: ADMIN_TOKEN });
  try {
    const client = createClient({ apiUrl: `${app.base}/api/v1` });
    const receipts = [];
    for (const title of ['Skogsutflykt A', 'Skogsutflykt B', 'Skogsutflykt C']) receipts.push(await client.submitOpportunity(offer(title)));
    const admin = createAdminClient({ apiUrl: `${app.base}/api/v1`, token: ADMIN_TOKEN });

    const page = await admin.opportunities.list({ status: 'pending', limit: 2 });
    assert.equal(page.offers.length, 2);
    assert.ok(page.nextCursor, 'a second page');
    const every = [];
    for await (const o of admin.opportunities.all({ limit: 1 })) every.push(o);
    assert.deepEqual(every.map((o) => o.id).sort(), receipts.map((r) => r.id).sort());
    const byReference = await admin.opportunities.list({ reference: receipts[1]!.reference!.toLowerCase().replace('-', ' ') });
    assert.deepEqual(byReference.offers.map((o) => (o.offer as { title: string }).title), ['Skogsutflykt B']);

    const one = await admin.opportunities.get(receipts[0]!.id);
    assert.equal(one.status, 'pending');
    assert.equal(one.organisationId, signatory.id);
    assert.deepEqual((one.offer as { contact: unknown }).contact, { phone: '08-123 456 78' });

    const approved = await admin.opportunities.approve(receipts[0]!.id);
    assert.equal(approved.status, 'approved');
    const { dataset } = await client.getDataset();
    const published = dataset.opportunities?.find((o) => o.id === approved.opportunityId);
    assert.ok(published, 'the approved opportunity is in the dataset');
    assert.equal(published.organisationId, signatory.id);

    const rejected = await admin.opportunities.reject(receipts[1]!.id, { reason: 'Finns redan.' });
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.rejectReason, 'Finns redan.');
    const erased = await admin.opportunities.erase(receipts[1]!.id);
    assert.equal(erased.offer, undefined);
    assert.ok(erased.erasedAt);

    assert.deepEqual((await admin.opportunities.list({ status: 'pending' })).offers.map((o) => o.id), [receipts[2]!.id]);
    await assert.rejects(admin.opportunities.get('no-such-offer'), NotFoundError);
    await assert.rejects(createAdminClient({ apiUrl: `${app.base}/api/v1` }).opportunities.list(), AuthenticationError);
  } finally {
    await app.close();
  }
});
