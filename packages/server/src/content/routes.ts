import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { AuditListQuerySchema, CONTENT_COLLECTIONS, ContentBatchSchema, signs, validateWith, type ContentCollection, type Dataset, type RefusalCode, type WithheldList, type WithheldReason } from '@samverkan/sdk';
import { requireRole, TOKEN_ACTOR, type Actor } from '../auth/actor.js';
import { ifMatchHits } from '../http/conditional.js';
import { methodNotAllowed, saidErrors, sendErrors, type ErrorItem } from '../http/errors.js';
import { answerLanguage } from '../http/language.js';
import { issueItem } from '../http/issue-items.js';
import { applyWrites, auditAction, batchStatus, batchSummary, checkBatch } from './batch.js';
import { diffDatasets } from './diff.js';
import { entityEtag, listOf, newId, withList, type Entity } from './entities.js';
import { ChangeRefused, fileModeRefusal, publishChange, publishChecked, type PublishContext } from './publish.js';
import { newlyUnsigned, notSigning, stillOffered, type TakenAway } from '../offered-by-signatories.js';
import { RestoredVersionErased } from '../store/types.js';

/** What the content routes need. */
export interface ContentRoutesOptions extends PublishContext {
  /** The dataset file in file mode (named in the 409). */
  datasetFile?: string;
}

const BASE = '/api/v1/admin';

/**
 * The content API (editor or admin), as the contract's additions say:
 * collections, the agreement, the versions with their changes and restore,
 * the audit log, and what the dataset holds but is not published (file
 * mode's withheld opportunities, with why). Every write needs `If-Match` (except a create),
 * is validated like `parseDataset(…, { strict: true })` on the dataset it
 * makes, and is published at once as a new version.
 */
export function registerContentRoutes(app: FastifyInstance, options: ContentRoutesOptions): void {
  const { store, published, datasetFile } = options;
  const editor = requireRole('editor');
  const actorOf = (request: FastifyRequest): Actor => request.actor ?? TOKEN_ACTOR;

  const current = async (): Promise<{ version: number; dataset: Dataset }> => {
    if (published.mode === 'file') return { version: 0, dataset: published.current().dataset };
    const latest = await store.latestVersion();
    return latest ? { version: latest.version, dataset: latest.dataset } : { version: 0, dataset: published.current().dataset };
  };

  /** Runs a write: 409 in file mode, the error shape for a refused change. */
  const write = async (request: FastifyRequest, reply: FastifyReply, run: () => Promise<FastifyReply>) => {
    if (published.mode === 'file') return sendErrors(reply, 409, [fileModeRefusal(datasetFile)]);
    try {
      return await run();
    } catch (error) {
      if (error instanceof ChangeRefused) return reply.code(error.status).send({ errors: saidErrors(error.errors, answerLanguage(request)), ...error.extra });
      throw error;
    }
  };

  /** `If-Match` against the entity's ETag: 428 without, 412 (with the entity as it is now) when stale. */
  const precondition = (request: FastifyRequest, entity: unknown): void => {
    const etag = entity === undefined ? undefined : entityEtag(entity);
    const hit = ifMatchHits(request.headers['if-match'], etag);
    if (hit === undefined) throw new ChangeRefused(428, [PRECONDITION_REQUIRED]);
    if (!hit) throw new ChangeRefused(412, [staleItem(etag)], { ...(etag && { etag, current: entity }) });
  };

  const collectionOf = (request: FastifyRequest<{ Params: { collection: string } }>): ContentCollection | undefined =>
    (CONTENT_COLLECTIONS as readonly string[]).includes(request.params.collection) ? (request.params.collection as ContentCollection) : undefined;

  const bodyObject = (body: unknown): Record<string, unknown> => {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ChangeRefused(400, [{ path: '', code: 'invalid_type', message: { en: 'must be a JSON object (the entity)', sv: 'måste vara ett JSON-objekt (posten)' } }]);
    }
    return body as Record<string, unknown>;
  };

  /**
   * Issues at the written entity's own path become paths inside the body
   * (`organisations[3].email` → `email`). When the entity itself is invalid,
   * the strict check also reports the references to it as dangling (the
   * invalid entry is left out first); those echoes are dropped, so the
   * answer names what to fix.
   */
  const relative = (error: unknown, prefix: string, candidate?: Dataset, id?: string): never => {
    if (error instanceof ChangeRefused && error.status === 400) {
      const own = (path: string) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
      const hasOwn = error.errors.some((e) => own(e.path));
      const echoes = (path: string) => hasOwn && id !== undefined && candidate !== undefined && valueAt(candidate, path) === id;
      throw new ChangeRefused(
        400,
        error.errors
          .filter((e) => own(e.path) || !echoes(e.path))
          .map((e) => (e.path === prefix ? { ...e, path: '' } : own(e.path) ? { ...e, path: e.path.slice(prefix.length).replace(/^\./, '') } : e)),
      );
    }
    throw error;
  };

  // Collections.
  app.get<{ Params: { collection: string } }>(`${BASE}/:collection`, { preHandler: editor }, async (request, reply) => {
    const collection = collectionOf(request);
    if (!collection) return reply.callNotFound();
    const { dataset } = await current();
    return reply.send({ items: listOf(dataset, collection).map((data) => ({ id: data.id, etag: entityEtag(data), data })) });
  });

  app.get<{ Params: { collection: string; id: string } }>(`${BASE}/:collection/:id`, { preHandler: editor }, async (request, reply) => {
    const collection = collectionOf(request);
    if (!collection) return reply.callNotFound();
    const { dataset } = await current();
    const entity = listOf(dataset, collection).find((e) => e.id === request.params.id);
    if (!entity) return sendErrors(reply, 404, [notFoundItem(collection, request.params.id, 'read')]);
    return reply.header('ETag', entityEtag(entity)).send(entity);
  });

  app.post<{ Params: { collection: string } }>(`${BASE}/:collection`, { preHandler: editor }, async (request, reply) => {
    const collection = collectionOf(request);
    if (!collection) return reply.callNotFound();
    return write(request, reply, async () => {
      const body = bodyObject(request.body);
      const { version, dataset } = await current();
      const list = listOf(dataset, collection);
      const taken = new Set(list.map((e) => e.id));
      const id = typeof body.id === 'string' && body.id !== '' ? body.id : newId(body, taken, dataset);
      if (taken.has(id)) throw new ChangeRefused(409, [idTakenItem(collection, id)]);
      const entity = { ...body, id } as Entity;
      if (collection === 'opportunities') refuseUnsignedOfferer(dataset, entity);
      const index = list.length;
      const candidate = withList(dataset, collection, [...list, entity]);
      const result = await publishChange(options, actorOf(request), version, {
        dataset: candidate,
        summary: `Added ${collection}/${id}`,
        action: 'content-created',
        target: `${collection}/${id}`,
      }).catch((error: unknown) => relative(error, `${collection}[${index}]`, candidate, id));
      const stored = listOf(result.dataset, collection).find((e) => e.id === id)!;
      return reply.code(201).header('ETag', entityEtag(stored)).header('Location', `${BASE}/${collection}/${encodeURIComponent(id)}`).send(stored);
    });
  });

  app.put<{ Params: { collection: string; id: string } }>(`${BASE}/:collection/:id`, { preHandler: editor }, async (request, reply) => {
    const collection = collectionOf(request);
    if (!collection) return reply.callNotFound();
    return write(request, reply, async () => {
      const { version, dataset } = await current();
      const list = listOf(dataset, collection);
      const index = list.findIndex((e) => e.id === request.params.id);
      if (index === -1) return sendErrors(reply, 404, [notFoundItem(collection, request.params.id)]);
      precondition(request, list[index]);
      const body = bodyObject(request.body);
      if (body.id !== undefined && body.id !== request.params.id) {
        throw new ChangeRefused(400, [
          { path: 'id', code: 'id-changed', message: { en: 'must be the id in the URL (ids do not change; create a new entry instead)', sv: 'måste vara id:t i adressen (id ändras inte; skapa en ny post i stället)' } },
        ]);
      }
      const entity = { ...body, id: request.params.id } as Entity;
      if (collection === 'organisations') refuseUnsigning(dataset, list[index]!, entity);
      if (collection === 'opportunities' && entity.organisationId !== list[index]!.organisationId) refuseUnsignedOfferer(dataset, entity);
      const fields = Object.keys({ ...list[index], ...entity }).filter((k) => JSON.stringify(list[index]![k]) !== JSON.stringify(entity[k]));
      const candidate = withList(dataset, collection, list.map((e, i) => (i === index ? entity : e)));
      const result = await publishChange(options, actorOf(request), version, {
        dataset: candidate,
        summary: `Changed ${collection}/${entity.id}${fields.length ? ` (${fields.slice(0, 5).join(', ')}${fields.length > 5 ? ', …' : ''})` : ''}`,
        action: 'content-replaced',
        target: `${collection}/${entity.id}`,
      }).catch((error: unknown) => relative(error, `${collection}[${index}]`, candidate, entity.id));
      const stored = listOf(result.dataset, collection).find((e) => e.id === entity.id)!;
      return reply.header('ETag', entityEtag(stored)).send(stored);
    });
  });

  app.delete<{ Params: { collection: string; id: string } }>(`${BASE}/:collection/:id`, { preHandler: editor }, async (request, reply) => {
    const collection = collectionOf(request);
    if (!collection) return reply.callNotFound();
    return write(request, reply, async () => {
      const { version, dataset } = await current();
      const list = listOf(dataset, collection);
      const entity = list.find((e) => e.id === request.params.id);
      if (!entity) return sendErrors(reply, 404, [notFoundItem(collection, request.params.id)]);
      precondition(request, entity);
      if (collection === 'organisations') refuseWhileOffering(dataset, entity, 'organisation');
      await publishChange(options, actorOf(request), version, {
        dataset: withList(
          dataset,
          collection,
          list.filter((e) => e !== entity),
        ),
        summary: `Deleted ${collection}/${entity.id}`,
        action: 'content-deleted',
        target: `${collection}/${entity.id}`,
      });
      return reply.code(204).send();
    });
  });

  // Many writes as one version, or none (the admin page's import; scripts).
  app.post(`${BASE}/changes`, { preHandler: editor, bodyLimit: 16 * 1024 * 1024 }, async (request, reply) =>
    write(request, reply, async () => {
      const parsed = validateWith(ContentBatchSchema, request.body);
      if (!parsed.success) throw new ChangeRefused(400, parsed.issues.map(issueItem));
      const { writes, summary } = parsed.data;
      const { version, dataset } = await current();
      const applied = applyWrites(dataset, writes);
      const at = options.now();
      const checked = checkBatch(dataset, applied, at.toISOString());
      if (!checked.dataset) {
        throw new ChangeRefused(
          batchStatus(checked.problems),
          checked.problems.map(({ status: _status, ...problem }) => problem),
        );
      }
      // Checked once, above (with updatedAt = at): published as it is.
      const result = await publishChecked(
        options,
        actorOf(request),
        version,
        {
          dataset: checked.dataset,
          summary: summary ?? batchSummary(applied.written),
          action: 'content-imported',
          target: '',
          audit: applied.written.map((w) => ({ action: auditAction(w.op), target: `${w.collection}/${w.id}` })),
        },
        at,
      );
      const items = applied.written.map(({ collection, id, op }) => {
        const stored = op === 'delete' ? undefined : listOf(result.dataset, collection).find((e) => e.id === id);
        return { collection, id, ...(stored && { etag: entityEtag(stored) }) };
      });
      return reply.send({ version: result.version, at: result.at.toISOString(), items });
    }),
  );
  methodNotAllowed(app, `${BASE}/changes`, ['POST']);

  // The agreement.
  app.get(`${BASE}/agreement`, { preHandler: editor }, async (_request, reply) => {
    const { dataset } = await current();
    return reply.header('ETag', entityEtag(dataset.agreement)).send(dataset.agreement);
  });
  app.put(`${BASE}/agreement`, { preHandler: editor }, async (request, reply) =>
    write(request, reply, async () => {
      const { version, dataset } = await current();
      precondition(request, dataset.agreement);
      const body = bodyObject(request.body);
      const fields = Object.keys({ ...dataset.agreement, ...body }).filter(
        (k) => JSON.stringify((dataset.agreement as unknown as Record<string, unknown>)[k]) !== JSON.stringify(body[k]),
      );
      const result = await publishChange(options, actorOf(request), version, {
        dataset: { ...dataset, agreement: body as unknown as Dataset['agreement'] },
        summary: `Changed the agreement${fields.length ? ` (${fields.slice(0, 5).join(', ')})` : ''}`,
        action: 'agreement-replaced',
        target: 'agreement',
      }).catch((error: unknown) => relative(error, 'agreement'));
      return reply.header('ETag', entityEtag(result.dataset.agreement)).send(result.dataset.agreement);
    }),
  );
  methodNotAllowed(app, `${BASE}/agreement`, ['GET', 'HEAD', 'PUT']);

  // What the dataset holds and is not published, with why: only file mode can have any (opportunities of an organisation
  // the file lists without a signature, published-dataset.ts). /healthz only counts them (it is public); editors see them here.
  app.get(`${BASE}/withheld`, { preHandler: editor }, async (_request, reply) =>
    reply.send({
      opportunities: published.withheld().map((w) => ({
        id: w.opportunityId,
        reason: 'organisation-not-signatory' satisfies WithheldReason,
        organisationId: w.organisationId,
        organisation: w.organisationName,
        data: w.opportunity,
      })),
    } satisfies WithheldList),
  );
  methodNotAllowed(app, `${BASE}/withheld`, ['GET', 'HEAD']);

  // Versions.
  app.get(`${BASE}/versions`, { preHandler: editor }, async (_request, reply) => reply.send({ versions: await store.listVersions() }));
  const versionParam = (request: FastifyRequest<{ Params: { n: string } }>): number | undefined => {
    const n = Number(request.params.n);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  app.get<{ Params: { n: string } }>(`${BASE}/versions/:n`, { preHandler: editor }, async (request, reply) => {
    const n = versionParam(request);
    const version = n === undefined ? undefined : await store.getVersion(n);
    if (!version) return sendErrors(reply, 404, NO_SUCH_VERSION);
    return reply.send(version);
  });
  app.get<{ Params: { n: string } }>(`${BASE}/versions/:n/changes`, { preHandler: editor }, async (request, reply) => {
    const n = versionParam(request);
    const version = n === undefined ? undefined : await store.getVersion(n);
    if (!version) return sendErrors(reply, 404, NO_SUCH_VERSION);
    const previous = version.version > 1 ? await store.getVersion(version.version - 1) : undefined;
    return reply.send({ version: version.version, previous: previous?.version ?? null, changes: diffDatasets(previous?.dataset, version.dataset) });
  });
  app.post<{ Params: { n: string } }>(`${BASE}/versions/:n/restore`, { preHandler: editor }, async (request, reply) =>
    write(request, reply, async () => {
      const n = versionParam(request);
      const version = n === undefined ? undefined : await store.getVersion(n);
      if (!version) return sendErrors(reply, 404, NO_SUCH_VERSION);
      const { version: latest, dataset } = await current();
      // A version from before this rule could hold opportunities offered by an organisation that does not sign.
      const unsigned = newlyUnsigned(dataset, version.dataset);
      if (unsigned.length > 0) throw new ChangeRefused(409, unsigned);
      const result = await publishChange(options, actorOf(request), latest, {
        dataset: version.dataset,
        summary: `Restored version ${version.version}`,
        action: 'version-restored',
        target: `versions/${version.version}`,
        // Checked again inside the write's transaction: an erasure that committed since this read scrubbed the version
        // (409 version-erased, saying why and that restoring again gives it without the erased data).
        restores: { version: version.version, dataset: version.dataset },
      }).catch((error: unknown) => {
        if (error instanceof RestoredVersionErased) throw new ChangeRefused(409, [versionErased(error.version)]);
        throw error;
      });
      return reply.send({ version: result.version, at: (await store.getVersion(result.version))!.at });
    }),
  );

  // The audit log.
  app.get<{ Querystring: { limit?: number; cursor?: string } }>(
    `${BASE}/audit`,
    { preHandler: editor, schema: { querystring: AuditListQuerySchema as unknown as FastifySchema['querystring'] } },
    async (request, reply) => {
      const { limit = 100, cursor } = request.query;
      const page = await store.listAudit({ limit, ...(cursor !== undefined && { before: Number(cursor) }) });
      return reply.send({ entries: page.entries, ...(page.next !== undefined && { nextCursor: String(page.next) }) });
    },
  );
}

/**
 * Why a restore was refused because of an erasure (`409 version-erased`,
 * `params.version`): personal data in the version was erased while it was
 * being restored, and publishing what the restore had read would bring it
 * back. Said in the request's language; the admin page says it in its own
 * words by the code.
 */
function versionErased(version: number): ErrorItem {
  return {
    path: '',
    code: 'version-erased' satisfies RefusalCode,
    params: { version: String(version) },
    message: {
      en: `Version ${version} was not restored: while it was being restored, personal data in it was erased (an application's or an offered opportunity's, as someone asked), and restoring what had been read would have published that data again. Nothing changed. Restore the version again to get it as it is now, without the erased data, or choose another version. Erased data cannot be brought back: if an organisation wants its e-mail or phone published again, add them under Organisations.`,
      sv: `Version ${version} återställdes inte: medan den återställdes raderades personuppgifter i den (en ansökans eller ett erbjudet uppdrags, på någons begäran), och att återställa det som hade lästs skulle ha publicerat uppgifterna igen. Ingenting ändrades. Återställ versionen igen för att få den som den är nu, utan de raderade uppgifterna, eller välj en annan version. Raderade uppgifter går inte att få tillbaka: vill en organisation ha sin e-postadress eller sitt telefonnummer publicerade igen, lägg till dem under Organisationer.`,
    },
  };
}

/** `428 precondition-required`: a replace or delete without `If-Match`. */
const PRECONDITION_REQUIRED: ErrorItem = {
  path: '',
  code: 'precondition-required' satisfies RefusalCode,
  message: {
    en: 'Nothing was saved: the change did not say which version of the entry it was made to. Read the entry first and send its ETag as If-Match with the change, so a change someone made meanwhile is not overwritten.',
    sv: 'Ingenting sparades: ändringen angav inte vilken version av posten den gjordes på. Läs posten först och skicka dess ETag som If-Match med ändringen, så att en ändring som någon gjort under tiden inte skrivs över.',
  },
};

/** `412 stale`: someone changed the entry since it was read (`params.etag`: its ETag now; the answer also carries the entry as it is). */
function staleItem(etag: string | undefined): ErrorItem {
  return {
    path: '',
    code: 'stale' satisfies RefusalCode,
    ...(etag && { params: { etag } }),
    message: {
      en: 'Nothing was saved: someone changed this entry after you opened it. Here it is as it is now: make your change to it and save again.',
      sv: 'Ingenting sparades: någon ändrade posten efter att du öppnade den. Här är den som den är nu: gör din ändring i den och spara igen.',
    },
  };
}

/** `409 id-taken` at `id`: a created entry's id is in use. */
function idTakenItem(collection: ContentCollection, id: string): ErrorItem {
  return {
    path: 'id',
    code: 'id-taken' satisfies RefusalCode,
    params: { id },
    message: {
      en: `Nothing was saved: there is already an entry in ${collection} with the id "${id}". Choose another id, or leave it out and one is made; or change the entry that has it.`,
      sv: `Ingenting sparades: det finns redan en post i ${collection} med id "${id}". Välj ett annat id, eller utelämna det så skapas ett; eller ändra posten som har det.`,
    },
  };
}

/** `404 not-found`: no entry in the collection has the id in the address (someone may have deleted it); a write says nothing was saved. */
function notFoundItem(collection: ContentCollection, id: string, on: 'read' | 'write' = 'write'): ErrorItem {
  const [saved, sparades] = on === 'write' ? [', and nothing was saved', ', och ingenting sparades'] : ['', ''];
  return {
    path: '',
    code: 'not-found' satisfies RefusalCode,
    params: { id },
    message: {
      en: `There is no entry in ${collection} with the id "${id}": someone may have deleted it${saved}. Reload the list; if the entry is still needed, add it again.`,
      sv: `Det finns ingen post i ${collection} med id "${id}": någon kan ha tagit bort den${sparades}. Ladda om listan; behövs posten fortfarande, lägg till den igen.`,
    },
  };
}

/** `404`: no version has the number in the address. */
const NO_SUCH_VERSION: ErrorItem[] = [
  { path: '', message: { en: 'There is no version with this number. Reload History to see the versions there are.', sv: 'Det finns ingen version med det numret. Ladda om Historik för att se vilka versioner som finns.' } },
];

/**
 * An organisation that publishes volunteer opportunities is not deleted
 * (they would point at nothing; the strict check would report an
 * `unknown-reference` at the opportunity, which names the wrong thing) and
 * does not lose its signature (they would stay up, offered by an
 * organisation that no longer signs): `409 organisation-has-opportunities`
 * naming them and the way forward (offered-by-signatories.ts). Nothing is
 * removed with it silently.
 */
function refuseWhileOffering(dataset: Dataset, organisation: Entity, change: TakenAway): void {
  const refusal = stillOffered(dataset, organisation, change);
  if (refusal) throw new ChangeRefused(409, [refusal]);
}

/** A replaced organisation that signed and would not: refused while it publishes opportunities. */
function refuseUnsigning(dataset: Dataset, before: Entity, after: Entity): void {
  // (A signature sent as something else, null included, is the strict check's 400 at `signature`.)
  if (signs(before as { signature?: unknown }) && !signs(after as { signature?: unknown })) refuseWhileOffering(dataset, before, 'signature');
}

/**
 * An opportunity created for, or moved to, an organisation the dataset lists
 * without a signature: `409 not-a-signatory` at `organisationId`, as for
 * approving an offer from one (its words say what to do here). (An id that names no organisation is the
 * strict check's `400 unknown-reference`.)
 */
function refuseUnsignedOfferer(dataset: Dataset, opportunity: Entity): void {
  const organisation = dataset.organisations.find((o) => o.id === opportunity.organisationId);
  if (organisation && !signs(organisation)) throw new ChangeRefused(409, [notSigning(organisation)]);
}

/** The value at a path such as `opportunities[4].organisationId` (or `contacts[2].principles[0]`) in a dataset. */
function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
