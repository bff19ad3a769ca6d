import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import { ApplicationListQuerySchema, MAX_APPLICATION_PAGE, normaliseReference, RejectBodySchema, type ApplicationListQuery, type Dataset, type Organisation, type RefusalCode } from '@samverkan/sdk';
import * as z from 'zod/mini';
import { requireRole, TOKEN_ACTOR } from './auth/actor.js';
import { ChangeRefused, erasedItem, noSuch, publishDecision, publishErasure } from './content/publish.js';
import { withoutPersonalFacts } from './store/rows.js';
import { methodNotAllowed, sendErrors, type ErrorItem } from './http/errors.js';
import { UNKNOWN_PATH } from './http/generic-answers.js';
import { merge, type PublishedDataset } from './published-dataset.js';
import { opportunitiesOf } from './offered-by-signatories.js';
import { signatoryFromApplication } from './signatory.js';
import type { Awaitable, Decision, ListCursor, ListOptions, SamverkanStore, StoredApplication } from './store/types.js';
import { publishedSignatoryIds, withPublication, type PublicationFacts } from './withdrawal.js';

/** The actions on one application. */
export const ADMIN_ACTIONS = ['approve', 'reject', 'erase'] as const;
/** One of {@link ADMIN_ACTIONS}. */
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/** A page of the list holds this many applications unless `?limit=` says otherwise (at most {@link MAX_PAGE}). */
export const DEFAULT_PAGE = 100;
/** The largest page. */
export const MAX_PAGE = MAX_APPLICATION_PAGE;

/** What the application routes need. */
export interface ApplicationRoutesOptions {
  store: SamverkanStore;
  published: PublishedDataset;
  now: () => Date;
}

/**
 * The routes that decide applications (editor or admin; the admin token is
 * an admin), registered in the admin context (no CORS):
 *
 * - `GET /api/v1/signups[?status=&reference=&limit=&cursor=]` → `{ applications, nextCursor? }`, newest first
 * - `GET /api/v1/signups/{id}` → one application
 * - `POST /api/v1/signups/{id}/approve` → adds the organisation as a signatory (the dataset's ETag changes)
 * - `POST /api/v1/signups/{id}/reject` → rejects (and withdraws a signatory it had added; again, when a restore brought it back)
 * - `POST /api/v1/signups/{id}/erase` → erases the application's personal data
 */
export function registerApplicationRoutes(app: FastifyInstance, options: ApplicationRoutesOptions): void {
  const { store, published, now } = options;
  const editor = requireRole('editor');

  registerListRoute(app, '/api/v1/signups', 'applications', async (options) => {
    const page = await store.list(options);
    const signatories = publishedSignatoryIds(published.current().dataset);
    return { ...page, applications: page.applications.map((application) => shownApplication(application, signatories)) };
  });

  app.get<{ Params: { id: string } }>('/api/v1/signups/:id', { preHandler: editor }, async (request, reply) => {
    const application = await store.get(request.params.id);
    if (!application) return sendErrors(reply, 404, [noSuch('application')]);
    return reply.send(shownApplication(application, publishedSignatoryIds(published.current().dataset)));
  });
  methodNotAllowed(app, '/api/v1/signups/:id', ['GET', 'HEAD']);

  /**
   * A decision with what it publishes, all or nothing (publishDecision): in store mode a version of its own (with
   * who and when; `always`: even when nothing published changes, so the history shows the decision); in file mode
   * the approved signatories are merged on top of the file.
   */
  const decide = (request: FastifyRequest, summary: string, action: string, target: string, change: (dataset: Dataset) => Dataset, always: boolean, decision?: Decision) =>
    publishDecision({ store, published, now }, request.actor ?? TOKEN_ACTOR, { summary, action, target, change, always }, decision);

  // The body is optional; only a rejection reads it (`{ reason }`).
  const decisionBody = z.nullable(RejectBodySchema) as unknown as FastifySchema['body'];
  app.post<{ Params: { id: string; action: string }; Body: z.infer<typeof RejectBodySchema> | null }>('/api/v1/signups/:id/:action', { preHandler: editor, schema: { body: decisionBody } }, async (request, reply) => {
    const { id } = request.params;
    const action = request.params.action as AdminAction;
    if (!ADMIN_ACTIONS.includes(action)) return sendErrors(reply, 404, [UNKNOWN_PATH]);
    const application = await store.get(id);
    if (!application) return sendErrors(reply, 404, [noSuch('application')]);
    const at = now();
    const target = `signups/${id}`;
    try {
      switch (action) {
        case 'approve': {
          if (application.status === 'approved') break;
          const earlier = await store.approvalOf(id);
          const current = published.current().dataset;
          // Rejected, but a restore brought its signatory back: approving makes the decision say what is published, and publishes nothing new.
          if (application.status === 'rejected' && earlier && publishedSignatoryIds(current).has(earlier.organisation.id)) {
            const listed = current.organisations.find((o) => o.id === earlier.organisation.id)!;
            await decide(request, `Approved an application again: ${listed.name} signs (its signature had been published again)`, 'application-approved', target, (d) => d, true, {
              on: 'application',
              id,
              at,
              status: 'approved',
              organisation: listed,
              signedListed: earlier.signedListed,
              republished: true,
            });
            break;
          }
          if (!application.application) return sendErrors(reply, 409, [erasedItem('application', 'approve')]);
          const dataset = published.current().dataset;
          const signatory = signatoryFromApplication(id, application.application, dataset, at);
          const listed = dataset.organisations.some((o) => o.id === signatory.id);
          await decide(request, `Approved an application: ${signatory.name} signs the agreement`, 'application-approved', target, (current) => merge(current, [signatory]), false, {
            on: 'application',
            id,
            at,
            status: 'approved',
            organisation: signatory,
            signedListed: listed,
          });
          break;
        }
        case 'reject': {
          const approval = await store.approvalOf(id);
          // Its signatory already gone (deleted, or its signature removed, in the content list): the dataset stays as the officer left it.
          const signs = approval !== undefined && publishedSignatoryIds(published.current().dataset).has(approval.organisation.id);
          // Rejected already: again only when a restore brought its signatory back (`republished`), to take it out again.
          if (application.status === 'rejected' && !signs) break;
          // Erased: nothing of the application is left to decide on, and a reason would be new text about it. Only
          // withdrawing the signatory its approval publishes now stays possible (what is published is the municipality's
          // to take back), recorded without a reason.
          const erased = application.erasedAt !== undefined;
          if (erased && !signs) return sendErrors(reply, 409, [erasedItem('application', 'reject')]);
          if (erased && request.body?.reason !== undefined) return sendErrors(reply, 409, [erasedReason()]);
          // Its opportunities would be left pointing at nothing (the organisation taken out), or offered by an organisation
          // that no longer signs (only its signature taken out): either way say so and change nothing.
          if (signs) {
            const offered = opportunitiesOf(published.current().dataset, approval.organisation.id);
            if (offered.length > 0) return sendErrors(reply, 409, [stillOffering(approval.organisation, offered, approval.signedListed)]);
          }
          const again = application.status === 'rejected';
          await decide(
            request,
            signs
              ? `Withdrew ${approval.organisation.name}'s signature${again ? ' again (the application was rejected; a restore had published it again)' : ' (application rejected)'}`
              : approval
                ? `Rejected an application (${approval.organisation.name}'s signature had already been withdrawn)`
                : 'Rejected an application (nothing published changes)',
            'application-rejected',
            target,
            (current) => (signs ? withdraw(current, approval.organisation, approval.signedListed) : current),
            true,
            // Taken out again without a new reason: the reason given with the rejection stays.
            erased
              ? { on: 'application', id, at, status: 'rejected', withdrawsErased: true }
              : { on: 'application', id, at, status: 'rejected', reason: request.body?.reason ?? (again ? application.rejectReason : undefined) },
          );
          break;
        }
        case 'erase': {
          const approval = await store.approvalOf(id);
          // One transaction (publishErasure): the version without the signatory's e-mail and phone (when it changes what is
          // published), the application's row and idempotency records, and every earlier version scrubbed of the e-mail
          // and phone too (store mode); or none of it.
          await publishErasure(
            { store, published, now },
            request.actor ?? TOKEN_ACTOR,
            {
              summary: "Erased an application's personal data",
              action: 'application-erased',
              target,
              change: (current) => (approval ? { ...current, organisations: current.organisations.map((o) => (o.id === approval.organisation.id ? withoutPersonalFacts(o) : o)) } : current),
            },
            { on: 'application', id, at, ...(approval && published.mode === 'store' && { scrubOrganisation: approval.organisation.id }) },
          );
          break;
        }
      }
    } catch (error) {
      if (error instanceof ChangeRefused) return sendErrors(reply, error.status, error.errors);
      throw error;
    }
    // What is published changed (a signatory added, withdrawn or without e-mail and phone): answer after it is.
    await published.refresh();
    const decided = await store.get(id);
    return reply.send(decided && shownApplication(decided, publishedSignatoryIds(published.current().dataset)));
  });
  methodNotAllowed(app, '/api/v1/signups/:id/:action', ['POST']);
}

/**
 * Why an application cannot be rejected yet: its signatory publishes
 * volunteer opportunities, which would be left without their organisation
 * or (when the approval only signed one already listed) offered by one that
 * no longer signs. Said in the request's language; `params` lets a client say
 * it in its own words.
 */
function stillOffering(organisation: Pick<Organisation, 'id' | 'name'>, opportunityIds: string[], signatureOnly: boolean): ErrorItem {
  const ids = opportunityIds.join(', ');
  const what = signatureOnly
    ? 'rejecting the application would remove its signature and leave them offered by an organisation that no longer signs'
    : 'rejecting the application would take the organisation out of the dataset and leave them without it';
  const vad = signatureOnly
    ? 'Avslår du ansökan tas underskriften bort, och uppdragen skulle ligga kvar från en organisation som inte längre har undertecknat.'
    : 'Avslår du ansökan tas organisationen bort, och uppdragen skulle stå utan organisation.';
  return {
    path: '',
    code: 'signatory-has-opportunities' satisfies RefusalCode,
    message: {
      en: `${organisation.name} has published volunteer opportunities (${ids}); ${what}. Nothing changed. Withdraw them first (reject their offers, or withdraw them under Volunteer opportunities), then reject the application.`,
      sv: `${organisation.name} har publicerade volontäruppdrag (${ids}). ${vad} Ingenting ändrades. Dra tillbaka dem först (avslå erbjudandena, eller dra tillbaka dem under Volontäruppdrag) och avslå sedan ansökan.`,
    },
    params: { organisationId: organisation.id, organisation: organisation.name, opportunities: ids, change: signatureOnly ? 'signature' : 'organisation' },
  };
}

/**
 * Why a rejection of an erased application with a reason is refused: the
 * rejection can still withdraw its signatory, but keeps no text about an
 * application whose personal data was erased. Send it without `reason`.
 */
function erasedReason(): ErrorItem {
  return {
    ...erasedItem('application', 'reject'),
    path: 'reason',
    params: { action: 'reject', reason: 'not-kept' },
    message: {
      en: 'This application was erased: rejecting it now only withdraws its signatory from the dataset, and no reason is kept. Nothing changed. Send the rejection without a reason.',
      sv: 'Ansökan har raderats: ett avslag nu tar bara bort organisationens underskrift ur datasetet, och inget skäl sparas. Ingenting ändrades. Skicka avslaget utan skäl.',
    },
  };
}

/** An application as the admin routes show it: `withdrawn` or `republished` by what its approval published (withdrawal.ts). */
function shownApplication(application: StoredApplication, signatories: ReadonlySet<string>): StoredApplication & PublicationFacts {
  return withPublication(application, 'organisationId', signatories);
}

/** The dataset without what an approval added: the whole organisation, or only its signature when it was listed before. */
function withdraw(dataset: Dataset, organisation: Organisation, signedListed: boolean): Dataset {
  if (!signedListed) return { ...dataset, organisations: dataset.organisations.filter((o) => o.id !== organisation.id) };
  return {
    ...dataset,
    organisations: dataset.organisations.map((o) => {
      if (o.id !== organisation.id) return o;
      const { signature: _signature, ...rest } = o;
      return rest;
    }),
  };
}

/** A cursor as the client sees it: opaque (base64url of the last row's date and id). */
/**
 * `GET <url>` for editors: a page of applications or offers, newest first
 * (`status`, `reference` in any case with or without its dash, `limit`,
 * `cursor`), answered as `{ <key>: [...], nextCursor? }`.
 */
export function registerListRoute<K extends string>(
  app: FastifyInstance,
  url: string,
  key: K,
  list: (options: ListOptions) => Awaitable<{ [P in K]: unknown[] } & { next?: ListCursor }>,
): void {
  app.get<{ Querystring: ApplicationListQuery }>(
    url,
    { preHandler: requireRole('editor'), schema: { querystring: ApplicationListQuerySchema as unknown as FastifySchema['querystring'] } },
    async (request, reply) => {
      const { status, reference, limit, cursor } = request.query;
      const after = cursor === undefined ? undefined : decodeCursor(cursor);
      if (cursor !== undefined && after === undefined) return sendErrors(reply, 400, [{ path: 'cursor', message: { en: 'is not a cursor this server gave; start again without it', sv: 'är ingen markör som den här servern har gett; börja om utan den' } }]);
      const wanted = reference === undefined ? undefined : normaliseReference(reference);
      const page = await list({ ...(status && { status }), ...(wanted && { reference: wanted }), ...(after && { cursor: after }), limit: limit ?? DEFAULT_PAGE });
      return reply.send({ [key]: page[key], ...(page.next && { nextCursor: encodeCursor(page.next) }) });
    },
  );
}

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.receivedAt, cursor.id])).toString('base64url');
}

/** The cursor a client sent back, or `undefined` when it is not one of ours. */
export function decodeCursor(text: string): ListCursor | undefined {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return { receivedAt: value[0], id: value[1] };
  } catch {
    // Not ours.
  }
  return undefined;
}
