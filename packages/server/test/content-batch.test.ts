// Many content writes as one version, or none (POST /api/v1/admin/changes, the
// admin page's import): a batch with a refused write stores nothing and names
// every problem at its write; the signatories' rule is judged on the state the
// whole batch makes (moving an organisation's opportunities and removing its
// signature in one batch goes; leaving them does not); a version and its audit
// entries are one transaction, so a failure between them stores neither. On
// SQLite and real PostgreSQL.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ContentWrite, Dataset } from '@samverkan/sdk';
import { openStore } from '../src/store/open.js';
import { ADMIN_TOKEN, demo, start, type Running } from './helpers.js';
import { databaseForThisFile } from './helpers/postgres.js';
import { startOn } from './helpers/on-store.js';

const database = databaseForThisFile();

type Entity = Record<string, unknown> & { id: string };
type Problem = { path: string; code?: string; message: string; params?: Record<string, string> };

const json = { 'Content-Type': 'application/json' };
const opportunities = demo.opportunities as Entity[] & { organisationId: string }[];
const organisations = demo.organisations as (Entity & { name: string; signature?: unknown })[];
const offering = organisations.find((o) => o.signature && opportunities.some((p) => p.organisationId === o.id))!;
const offered = opportunities.filter((p) => p.organisationId === offering.id).map((p) => p.id);
const otherSignatory = organisations.find((o) => o.signature && o.id !== offering.id)!;
const unsigned = organisations.find((o) => !o.signature)!;
const withoutSignature = ({ signature: _signature, ...rest }: Entity) => rest;

async function read(app: Running, collection: string, id: string): Promise<{ value: Entity; etag: string }> {
  const res = await app.admin(`/api/v1/admin/${collection}/${encodeURIComponent(id)}`);
  assert.equal(res.status, 200);
  return { value: await res.json(), etag: res.headers.get('etag')! };
}
const batch = (app: Running, writes: unknown[], extra: Record<string, unknown> = {}) =>
  app.admin('/api/v1/admin/changes', { method: 'POST', headers: json, body: JSON.stringify({ writes, ...extra }) });
/** Everything a refused batch must leave as it was: the versions, the audit log and the published dataset's ETag. */
const snapshot = async (app: Running) => ({
  versions: (await (await app.admin('/api/v1/admin/versions')).json()).versions,
  audit: (await (await app.admin('/api/v1/admin/audit')).json()).entries,
  etag: (await fetch(`${app.base}/api/v1/dataset`)).headers.get('etag'),
});
async function problems(res: Response, status: number): Promise<Problem[]> {
  assert.equal(res.status, status, await res.clone().text());
  return ((await res.json()) as { errors: Problem[] }).errors;
}

for (const store of ['SQLite', 'PostgreSQL'] as const) {
  describe(`content batches: all or nothing (${store})`, { skip: store === 'PostgreSQL' && database.skip }, () => {
    const open = () => startOn(store, database);

    test('a batch is one version with one audit entry per write; the answer gives each entity its new ETag', async () => {
      const app = await open();
      try {
        const before = await snapshot(app);
        const contact = await read(app, 'contacts', (demo.contacts as Entity[])[0]!.id);
        const doomed = await read(app, 'meetings', (demo.meetings as Entity[])[0]!.id);
        const res = await batch(app, [
          { op: 'replace', collection: 'contacts', id: contact.value.id, etag: contact.etag, data: { ...contact.value, title: 'Samordnare' } },
          { op: 'create', collection: 'developmentAreas', data: { id: 'ny-plats', title: { sv: 'Mötesplatser' }, description: { sv: 'Fler mötesplatser.' } } },
          { op: 'delete', collection: 'meetings', id: doomed.value.id, etag: doomed.etag },
        ]);
        assert.equal(res.status, 200, await res.clone().text());
        const answer = await res.json();
        assert.equal(answer.version, before.versions[0].version + 1);
        assert.deepEqual(
          answer.items.map((i: Entity) => [i.collection, i.id, typeof i.etag]),
          [
            ['contacts', contact.value.id, 'string'],
            ['developmentAreas', 'ny-plats', 'string'],
            ['meetings', doomed.value.id, 'undefined'],
          ],
        );
        assert.equal(answer.items[0].etag, (await read(app, 'contacts', contact.value.id)).etag);
        const after = await snapshot(app);
        assert.equal(after.versions.length, before.versions.length + 1);
        assert.equal(after.versions[0].summary, 'Imported: 1 added, 1 changed, 1 deleted');
        // The dataset the batch checked (once, with updatedAt = the change's time) is the one published and stored.
        const published = (await (await fetch(`${app.base}/api/v1/dataset`)).json()) as Dataset;
        const stored = (await (await app.admin(`/api/v1/admin/versions/${answer.version}`)).json()) as { at: string; dataset: Dataset };
        assert.deepEqual([published.updatedAt, stored.dataset.updatedAt, stored.at], [answer.at, answer.at, answer.at]);
        assert.deepEqual(published.developmentAreas.find((a) => a.id === 'ny-plats')?.title, { sv: 'Mötesplatser' });
        assert.deepEqual(
          after.audit.slice(0, 3).map((e: Entity) => [e.action, e.target]),
          [
            ['content-deleted', `meetings/${doomed.value.id}`],
            ['content-created', 'developmentAreas/ny-plats'],
            ['content-replaced', `contacts/${contact.value.id}`],
          ],
        );
        const dataset = (await (await fetch(`${app.base}/api/v1/dataset`)).json()) as Dataset;
        assert.equal(dataset.contacts.find((c) => c.id === contact.value.id)!.title, 'Samordnare');
        assert.ok(dataset.developmentAreas.some((d) => d.id === 'ny-plats'));
        assert.ok(!dataset.meetings.some((m) => m.id === doomed.value.id));
      } finally {
        await app.close();
      }
    });

    test('a batch with refused writes stores nothing and names every problem at its write (invalid 400, stale, taken, twice)', async () => {
      const app = await open();
      try {
        const before = await snapshot(app);
        const [first, second] = (demo.contacts as Entity[]).slice(0, 2);
        const a = await read(app, 'contacts', first!.id);
        const b = await read(app, 'contacts', second!.id);
        const res = await batch(app, [
          { op: 'replace', collection: 'contacts', id: a.value.id, etag: a.etag, data: { ...a.value, title: 'Sparas inte' } },
          { op: 'replace', collection: 'contacts', id: b.value.id, etag: '"stale"', data: { ...b.value, title: 'Gammal' } },
          { op: 'create', collection: 'organisations', data: { ...withoutSignature(unsigned), email: 'inte en adress' } },
          { op: 'create', collection: 'contacts', data: { ...a.value, id: 'ny-kontakt', email: 'fel' } },
          { op: 'replace', collection: 'contacts', id: a.value.id, etag: a.etag, data: a.value },
        ]);
        const errors = await problems(res, 400);
        const paths = errors.map((e) => e.path);
        assert.ok(paths.includes('writes[1].etag'), paths.join(' '));
        assert.equal(errors.find((e) => e.path === 'writes[1].etag')!.code, 'stale');
        assert.equal(errors.find((e) => e.path === 'writes[1].etag')!.params!.etag, b.etag);
        assert.ok(paths.some((p) => p.startsWith('writes[2].')), `the taken id or invalid organisation: ${paths.join(' ')}`);
        assert.ok(paths.includes('writes[3].data.email'), paths.join(' '));
        assert.ok(paths.includes('writes[4].id'), `written twice: ${paths.join(' ')}`);
        assert.deepEqual(await snapshot(app), before, 'nothing stored: the same versions, audit log and dataset ETag');
        assert.equal((await read(app, 'contacts', a.value.id)).etag, a.etag);
      } finally {
        await app.close();
      }
    });

    test('moving an organisation’s opportunities to a signatory and removing its signature in one batch goes, in either order; leaving them is 409 organisation-has-opportunities', async () => {
      const app = await open();
      try {
        const organisation = await read(app, 'organisations', offering.id);
        const moves = await Promise.all(offered.map((id) => read(app, 'opportunities', id)));
        const unsign = { op: 'replace', collection: 'organisations', id: offering.id, etag: organisation.etag, data: withoutSignature(organisation.value) };

        // Only the signature: refused, at the organisation's write, naming the opportunities.
        const before = await snapshot(app);
        const refused = await problems(await batch(app, [unsign]), 409);
        assert.equal(refused.length, 1);
        assert.equal(refused[0]!.path, 'writes[0]');
        assert.equal(refused[0]!.code, 'organisation-has-opportunities');
        assert.deepEqual(refused[0]!.params, { organisationId: offering.id, organisation: offering.name, opportunities: offered.join(', '), change: 'signature' });
        // Moving only some of them is still refused, naming those left.
        if (moves.length > 1) {
          const some = await problems(
            await batch(app, [unsign, { op: 'replace', collection: 'opportunities', id: moves[0]!.value.id, etag: moves[0]!.etag, data: { ...moves[0]!.value, organisationId: otherSignatory.id } }]),
            409,
          );
          assert.equal(some[0]!.params!.opportunities, offered.slice(1).join(', '));
        }
        assert.deepEqual(await snapshot(app), before);

        // The signature first, then the moves, in one batch: judged on the state the batch makes.
        const res = await batch(app, [
          unsign,
          ...moves.map((m) => ({ op: 'replace', collection: 'opportunities', id: m.value.id, etag: m.etag, data: { ...m.value, organisationId: otherSignatory.id } })),
        ]);
        assert.equal(res.status, 200, await res.clone().text());
        const dataset = (await (await fetch(`${app.base}/api/v1/dataset`)).json()) as Dataset;
        assert.equal(dataset.organisations.find((o) => o.id === offering.id)!.signature, undefined);
        assert.deepEqual(
          dataset.opportunities.filter((o) => offered.includes(o.id)).map((o) => o.organisationId),
          offered.map(() => otherSignatory.id),
        );
      } finally {
        await app.close();
      }
    });

    test('an opportunity created for an organisation without a signature is 409 not-a-signatory at its organisationId; signing it in the same batch goes', async () => {
      const app = await open();
      try {
        const template = withoutSignature((await read(app, 'opportunities', offered[0]!)).value);
        const create = { op: 'create', collection: 'opportunities', data: { ...template, id: 'nytt-uppdrag', organisationId: unsigned.id } };
        const refused = await problems(await batch(app, [create]), 409);
        assert.deepEqual(
          refused.map((p) => [p.path, p.code, p.params]),
          [['writes[0].data.organisationId', 'not-a-signatory', { organisationId: unsigned.id, organisation: unsigned.name }]],
        );
        const organisation = await read(app, 'organisations', unsigned.id);
        const signed = { op: 'replace', collection: 'organisations', id: unsigned.id, etag: organisation.etag, data: { ...organisation.value, signature: { signedOn: '2026-12-01', via: 'written-application' } } };
        assert.equal((await batch(app, [create, signed])).status, 200);
      } finally {
        await app.close();
      }
    });

    test('deleting an organisation that offers opportunities is 409 (change "organisation"); deleting them in the same batch goes', async () => {
      const app = await open();
      try {
        const organisation = await read(app, 'organisations', offering.id);
        // Contacts and others may point at it too; a dataset-wide reference problem is named as well, at the dataset's path.
        const remove = { op: 'delete', collection: 'organisations', id: offering.id, etag: organisation.etag };
        const refused = await problems(await batch(app, [remove]), 400);
        const mine = refused.find((p) => p.code === 'organisation-has-opportunities')!;
        assert.equal(mine.path, 'writes[0]');
        assert.equal(mine.params!.change, 'organisation');
        assert.ok(refused.some((p) => p.path.startsWith('opportunities[') && p.path.endsWith('.organisationId')), JSON.stringify(refused));

        // With its opportunities deleted in the same batch (and nothing else pointing at it), it goes.
        const withdrawn = await Promise.all(offered.map((id) => read(app, 'opportunities', id)));
        const res = await batch(app, [remove, ...withdrawn.map((w) => ({ op: 'delete', collection: 'opportunities', id: w.value.id, etag: w.etag }))]);
        // (In the demo only its opportunities point at it: its id is in the demo once per opportunity, and once as its own.)
        assert.equal(JSON.stringify(demo).split(`"${offering.id}"`).length - 1, offered.length + 1);
        assert.equal(res.status, 200, await res.clone().text());
        const dataset = (await (await fetch(`${app.base}/api/v1/dataset`)).json()) as Dataset;
        assert.ok(!dataset.organisations.some((o) => o.id === offering.id));
      } finally {
        await app.close();
      }
    });

    test('a version and its audit entries are one transaction: a failure while recording stores neither', async () => {
      const app = await open();
      try {
        const side = await openStore(app.where);
        try {
          const latest = (await side.latestVersion())!;
          const audit = (await side.listAudit({ limit: 1000 })).entries.length;
          await assert.rejects(async () =>
            side.publishVersion(
              { dataset: latest.dataset, at: new Date(), by: 'test', summary: 'half', audit: [{ at: new Date(), by: 'test', action: 'content-replaced', target: 'x' }, { at: new Date(NaN), by: 'test', action: 'content-replaced', target: 'y' }] },
              latest.version,
            ),
          );
          assert.equal((await side.latestVersion())!.version, latest.version, 'no version');
          assert.equal((await side.listAudit({ limit: 1000 })).entries.length, audit, 'no audit entry');
        } finally {
          await side.close();
        }
      } finally {
        await app.close();
      }
    });

    test('a malformed batch is 400 with the path of each problem; in file mode a batch is 409', async () => {
      const app = await open();
      try {
        const errors = await problems(await batch(app, [{ op: 'upsert', collection: 'contacts' }, { op: 'create', collection: 'nothing', data: {} }]), 400);
        assert.deepEqual(errors.map((e) => e.path).sort(), ['writes[0].op', 'writes[1].collection']);
        assert.equal((await problems(await batch(app, []), 400))[0]!.path, 'writes');
      } finally {
        await app.close();
      }
      const { DEMO_FILE } = await import('./helpers.js');
      const fileMode = await start({ adminToken: ADMIN_TOKEN, datasetFile: DEMO_FILE });
      try {
        const errors = await problems(await batch(fileMode, [{ op: 'create', collection: 'developmentAreas', data: { title: { sv: 'x' }, description: { sv: 'y' } } }] satisfies ContentWrite[]), 409);
        assert.match(errors[0]!.message, /SAMVERKAN_DATASET/);
      } finally {
        await fileMode.close();
      }
    });
  });
}
