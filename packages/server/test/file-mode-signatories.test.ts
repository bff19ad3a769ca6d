// File mode (SAMVERKAN_DATASET): the file is the truth, but only signatories
// offer volunteer opportunities, as on every other path. An opportunity whose
// organisation the file lists without a signature is not published (the rest
// is), and the log names each one by id, without personal data, once per
// change; /healthz counts them (`withheldOpportunities`), so the operator's
// monitoring sees them, and the admin API lists them with why
// (`GET /api/v1/admin/withheld`), so the coordinator does. Signing the organisation in the file, or approving its
// application, publishes it. On SQLite and real PostgreSQL (file mode keeps decisions in the store).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WithheldListSchema, type Dataset, type WithheldList } from '@samverkan/sdk';
import { ADMIN_TOKEN, demo, readLog, start, type Running } from './helpers.js';
import { databaseForThisFile } from './helpers/postgres.js';

const database = databaseForThisFile();

type Entity = Record<string, unknown> & { id: string };
const opportunities = demo.opportunities as (Entity & { organisationId: string })[];
const organisations = demo.organisations as (Entity & { name: string; email?: string; phone?: string; signature?: unknown })[];
const offering = organisations.find((o) => o.signature && opportunities.some((p) => p.organisationId === o.id))!;
const offered = opportunities.filter((p) => p.organisationId === offering.id).map((p) => p.id);
const withoutSignature = ({ signature: _signature, ...rest }: Entity) => rest;

/** The demo with `offering` listed without its signature. */
function unsignedFile(): Dataset {
  const file = structuredClone(demo);
  file.organisations = organisations.map((o) => (o.id === offering.id ? withoutSignature(o) : o));
  return file;
}

const dataset = async (app: Running) => (await (await fetch(`${app.base}/api/v1/dataset`)).json()) as Dataset;
/** What /healthz says (the operator's monitoring reads it, not the log). */
const health = async (app: Running) => {
  const res = await fetch(`${app.base}/healthz`);
  assert.equal(res.status, 200);
  return (await res.json()) as { status: string; withheldOpportunities?: number };
};
/** What the admin API says is withheld (the admin page shows it). */
const withheld = async (app: Running) => {
  const res = await app.admin('/api/v1/admin/withheld');
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as WithheldList;
};
const withheldLines = (app: Running) => {
  app.server.logger.flush();
  return readLog(app.logFile).filter((l) => String(l.msg ?? l.message ?? '').includes('offered by organisations without a signature'));
};

for (const store of ['SQLite', 'PostgreSQL'] as const) {
  describe(`file mode publishes only signatories' opportunities (${store})`, { skip: store === 'PostgreSQL' && database.skip }, () => {
    const pg = () => (store === 'PostgreSQL' ? { databaseUrl: database.url(), databaseSchema: `s_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` } : {});

    test('an opportunity of an organisation the file lists without a signature is left out and logged by id; the rest is published; signing it in the file publishes it', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'samverkan-file-signatories-'));
      const file = join(folder, 'dataset.json');
      writeFileSync(file, JSON.stringify(unsignedFile()));
      const app = await start({ datasetFile: file, adminToken: ADMIN_TOKEN, ...pg() });
      try {
        const served = await dataset(app);
        assert.deepEqual(
          served.opportunities.map((o) => o.id),
          opportunities.filter((o) => !offered.includes(o.id)).map((o) => o.id),
          'every other opportunity is published, in the file’s order',
        );
        assert.ok(served.organisations.some((o) => o.id === offering.id && o.signature === undefined), 'the organisation itself is still listed');

        const lines = withheldLines(app);
        assert.equal(lines.length, 1, 'said once');
        assert.equal(lines[0]!.level, 'warn');
        assert.deepEqual(
          lines[0]!.withheld,
          offered.map((id) => `opportunities/${id} (organisations/${offering.id})`),
        );
        // Ids only: nothing of the organisation's or the opportunity's contact details.
        const text = JSON.stringify(lines[0]);
        for (const value of [offering.email, offering.phone, ...opportunities.filter((o) => offered.includes(o.id)).flatMap((o) => Object.values((o.contact ?? {}) as Record<string, string>))]) {
          if (value) assert.ok(!text.includes(value), `the log holds ${value}`);
        }

        // Where the operator looks: /healthz counts them (ids only in the log; nothing of their content there either).
        const healthz = await health(app);
        assert.deepEqual(healthz, { status: 'ok', withheldOpportunities: offered.length });

        // Where the coordinator looks: the admin API lists them with why (editors only; the admin page shows it).
        assert.equal((await fetch(`${app.base}/api/v1/admin/withheld`)).status, 401, 'not public');
        const listed = await withheld(app);
        assert.deepEqual(
          listed.opportunities.map(({ data: _data, ...rest }) => rest),
          offered.map((id) => ({ id, reason: 'organisation-not-signatory', organisationId: offering.id, organisation: offering.name })),
        );
        assert.deepEqual(
          listed.opportunities.map((o) => o.data),
          opportunities.filter((o) => offered.includes(o.id)),
          'each as the file has it',
        );
        assert.ok(WithheldListSchema.safeParse(listed).success, 'the SDK reads it');

        // Signed again in the file: published within a second or so, and nothing more is logged about it.
        writeFileSync(file, JSON.stringify(demo));
        let after: Dataset | undefined;
        for (const deadline = Date.now() + 8000; Date.now() < deadline; ) {
          await new Promise((r) => setTimeout(r, 200));
          after = await dataset(app);
          if (after.opportunities.length === opportunities.length) break;
        }
        assert.deepEqual(
          after!.opportunities.map((o) => o.id),
          opportunities.map((o) => o.id),
        );
        assert.equal(withheldLines(app).length, 1);
        assert.deepEqual(await health(app), { status: 'ok' }, 'none withheld any more');
        assert.deepEqual(await withheld(app), { opportunities: [] }, 'the admin API lists none');
      } finally {
        await app.close();
        rmSync(folder, { recursive: true, force: true });
      }
    });

    test('a file in which every organisation offering opportunities signs publishes them all and logs nothing about it', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'samverkan-file-signatories-'));
      const file = join(folder, 'dataset.json');
      writeFileSync(file, JSON.stringify(demo));
      const app = await start({ datasetFile: file, adminToken: ADMIN_TOKEN, ...pg() });
      try {
        assert.equal((await dataset(app)).opportunities.length, opportunities.length);
        assert.deepEqual(withheldLines(app), []);
        assert.deepEqual(await health(app), { status: 'ok' });
        assert.deepEqual(await withheld(app), { opportunities: [] });
      } finally {
        await app.close();
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });
}
