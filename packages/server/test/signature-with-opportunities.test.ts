// No volunteer opportunities from an organisation that does not sign, whatever
// the path: removing a signature by editing the organisation (PUT), creating an
// opportunity for, or moving one to, an organisation without a signature,
// restoring a version that had such a state, and importing a file that has it
// are refused with a code and params naming what is in the way; nothing is
// stored. On SQLite and real PostgreSQL.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '@samverkan/sdk';
import { importDataset } from '../src/import.js';
import { openStore, type StoreLocation } from '../src/store/open.js';
import { demo, type Running } from './helpers.js';
import { databaseForThisFile } from './helpers/postgres.js';
import { freshSchema, startOn } from './helpers/on-store.js';

const database = databaseForThisFile();

type Entity = Record<string, unknown> & { id: string };
type Refusal = { path: string; code?: string; message: string; params?: Record<string, string> };

const json = { 'Content-Type': 'application/json' };
const opportunities = demo.opportunities as { id: string; organisationId: string }[];
const organisations = demo.organisations as (Entity & { name: string; signature?: unknown })[];
/** A demo signatory that publishes opportunities, and those opportunities. */
const offering = organisations.find((o) => o.signature && opportunities.some((p) => p.organisationId === o.id))!;
const offered = opportunities.filter((p) => p.organisationId === offering.id).map((p) => p.id);
/** A demo organisation listed without a signature. */
const unsigned = organisations.find((o) => !o.signature)!;

async function read(app: Running, collection: string, id: string): Promise<{ value: Entity; etag: string }> {
  const res = await app.admin(`/api/v1/admin/${collection}/${encodeURIComponent(id)}`);
  assert.equal(res.status, 200);
  return { value: await res.json(), etag: res.headers.get('etag')! };
}
const put = (app: Running, collection: string, id: string, etag: string, body: unknown) =>
  app.admin(`/api/v1/admin/${collection}/${encodeURIComponent(id)}`, { method: 'PUT', headers: { ...json, 'If-Match': etag }, body: JSON.stringify(body) });
const versions = async (app: Running) => (await (await app.admin('/api/v1/admin/versions')).json()).versions as { version: number; summary: string }[];
const published = async (app: Running) => {
  const res = await fetch(`${app.base}/api/v1/dataset`);
  return { etag: res.headers.get('etag'), dataset: (await res.json()) as Dataset };
};
async function refusal(res: Response, status: number): Promise<Refusal> {
  assert.equal(res.status, status, await res.clone().text());
  const { errors } = (await res.json()) as { errors: Refusal[] };
  assert.equal(errors.length, 1);
  return errors[0]!;
}
const withoutSignature = ({ signature: _signature, ...rest }: Entity) => rest;

for (const store of ['SQLite', 'PostgreSQL'] as const) {
  describe(`no opportunities from an organisation that does not sign (${store})`, { skip: store === 'PostgreSQL' && database.skip }, () => {
    const location = (dataDir: string): StoreLocation => (store === 'PostgreSQL' ? { dataDir, databaseUrl: database.url(), databaseSchema: freshSchema() } : { dataDir });
    /** A server on the demo, and where its store is (for a second connection). */
    const open = () => startOn(store, database);

    test('removing the signature of an organisation that publishes opportunities (PUT) answers 409 organisation-has-opportunities naming them, publishes nothing; other edits go; once they are withdrawn it goes', async () => {
      const app = await open();
      try {
        const before = await published(app);
        const history = await versions(app);
        const { value, etag } = await read(app, 'organisations', offering.id);

        const refused = await refusal(await put(app, 'organisations', offering.id, etag, { ...withoutSignature(value), phone: '08-555 000 00' }), 409);
        assert.equal(refused.code, 'organisation-has-opportunities');
        assert.deepEqual(refused.params, { organisationId: offering.id, organisation: offering.name, opportunities: offered.join(', '), change: 'signature' });
        // In the caller's language only (Swedish: Node's fetch asks for any), never both.
        assert.match(refused.message, new RegExp(`${offered[0]}.*inte längre har undertecknat.*Dra tillbaka dem eller flytta dem`, 's'));
        assert.doesNotMatch(refused.message, / \/ /);

        // Nothing stored: the same ETag for the entity and the dataset, no new version, still signing.
        assert.equal((await read(app, 'organisations', offering.id)).etag, etag);
        assert.deepEqual(await versions(app), history);
        const after = await published(app);
        assert.equal(after.etag, before.etag);
        assert.ok(after.dataset.organisations.find((o) => o.id === offering.id)!.signature);

        // An edit that keeps the signature is not refused.
        const kept = await put(app, 'organisations', offering.id, etag, { ...value, phone: '08-555 000 00' });
        assert.equal(kept.status, 200, await kept.clone().text());
        const edited = await read(app, 'organisations', offering.id);

        // Withdraw the opportunities first, then the signature goes.
        for (const id of offered) {
          const { etag: opportunityEtag } = await read(app, 'opportunities', id);
          assert.equal((await app.admin(`/api/v1/admin/opportunities/${id}`, { method: 'DELETE', headers: { 'If-Match': opportunityEtag } })).status, 204);
        }
        const done = await put(app, 'organisations', offering.id, edited.etag, withoutSignature(edited.value));
        assert.equal(done.status, 200, await done.clone().text());
        assert.equal((await published(app)).dataset.organisations.find((o) => o.id === offering.id)!.signature, undefined);
      } finally {
        await app.close();
      }
    });

    test('an opportunity created for, or moved to, an organisation without a signature answers 409 not-a-signatory at organisationId; nothing stored', async () => {
      const app = await open();
      try {
        const before = await published(app);
        const { value, etag } = await read(app, 'opportunities', offered[0]!);
        const created = await refusal(
          await app.admin('/api/v1/admin/opportunities', { method: 'POST', headers: json, body: JSON.stringify({ ...value, id: 'nytt-uppdrag', organisationId: unsigned.id }) }),
          409,
        );
        assert.equal(created.code, 'not-a-signatory');
        assert.equal(created.path, 'organisationId');
        assert.deepEqual(created.params, { organisationId: unsigned.id, organisation: unsigned.name });
        assert.match(created.message, /bara undertecknare erbjuder volontäruppdrag.*Inget sparades/s);

        const moved = await refusal(await put(app, 'opportunities', offered[0]!, etag, { ...value, organisationId: unsigned.id }), 409);
        assert.equal(moved.code, 'not-a-signatory');
        assert.equal((await published(app)).etag, before.etag);
        assert.equal((await read(app, 'opportunities', offered[0]!)).etag, etag);

        // Moving it to a signatory is fine (the way forward the refusal above names).
        const other = organisations.find((o) => o.signature && o.id !== offering.id)!;
        assert.equal((await put(app, 'opportunities', offered[0]!, etag, { ...value, organisationId: other.id })).status, 200);
      } finally {
        await app.close();
      }
    });

    test('restoring a version in which an organisation offers opportunities without signing is refused (409, naming them); a state the dataset already has does not block other changes', async () => {
      const app = await open();
      const { where } = app;
      try {
        // A version from before the rule (published past the API, as an older server could have).
        const legacy = structuredClone(demo) as Dataset;
        legacy.organisations = legacy.organisations.map((o) => (o.id === offering.id ? (withoutSignature(o as unknown as Entity) as unknown as typeof o) : o));
        const side = await openStore(where);
        const latest = (await side.latestVersion())!;
        const legacyVersion = (await side.publishVersion({ dataset: legacy, at: new Date(), by: 'test', summary: 'legacy' }, latest.version))!;
        await side.close();

        // While it is the latest, other changes go, and so does an edit of that organisation that leaves it as it is.
        const contact = await read(app, 'contacts', (demo.contacts as Entity[])[0]!.id);
        assert.equal((await put(app, 'contacts', contact.value.id, contact.etag, { ...contact.value, title: 'Samordnare' })).status, 200);
        // Mend it: sign again.
        const { value, etag } = await read(app, 'organisations', offering.id);
        assert.equal(value.signature, undefined);
        assert.equal((await put(app, 'organisations', offering.id, etag, { ...value, signature: offering.signature })).status, 200);

        const history = await versions(app);
        const refused = await refusal(await app.admin(`/api/v1/admin/versions/${legacyVersion}/restore`, { method: 'POST' }), 409);
        assert.equal(refused.code, 'organisation-has-opportunities');
        assert.deepEqual(refused.params, { organisationId: offering.id, organisation: offering.name, opportunities: offered.join(', '), change: 'signature' });
        assert.deepEqual(await versions(app), history, 'nothing published');
      } finally {
        await app.close();
      }
    });

    test('samverkan-server import: a file in which an organisation offers opportunities without signing is refused with each one named; nothing is published', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'samverkan-signature-import-'));
      try {
        const where = location(join(dir, 'data'));
        const file = join(dir, 'dataset.json');
        const bad = structuredClone(demo);
        bad.organisations = organisations.map((o) => (o.id === offering.id ? withoutSignature(o) : o));
        writeFileSync(file, JSON.stringify(bad));
        const first = await importDataset(file, where);
        assert.equal(first.ok, false);
        assert.deepEqual(!first.ok && first.problems, [
          `organisations: ${offering.name} (${offering.id}) has no signature in the file but offers volunteer opportunities (${offered.join(', ')}); only signatories offer them. Add its signature, or take those opportunities out of the file (or point them at a signatory).`,
        ]);
        const check = await openStore(where);
        assert.equal(await check.latestVersion(), undefined, 'nothing published');
        await check.close();

        // The same file with the opportunities taken out goes.
        bad.opportunities = opportunities.filter((p) => p.organisationId !== offering.id);
        writeFileSync(file, JSON.stringify(bad));
        const second = await importDataset(file, where);
        assert.equal(second.ok, true, JSON.stringify(second));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
