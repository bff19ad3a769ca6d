import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import * as z from 'zod/mini';
import {
  RejectBodySchema,
  signatoryByOrganisationNumber,
  validateOpportunityOffer,
  type Dataset,
  type LocalizedText,
  type Opportunity,
  type OpportunityOffer,
  type RefusalCode,
} from '@samverkan/sdk';
import { registerListRoute } from './admin-routes.js';
import { requireRole, TOKEN_ACTOR } from './auth/actor.js';
import { ChangeRefused, erasedItem, noSuch, publishDecision, publishErasure } from './content/publish.js';
import { methodNotAllowed, sendErrors, type ErrorItem } from './http/errors.js';
import { UNKNOWN_PATH } from './http/generic-answers.js';
import type { PublishedDataset } from './published-dataset.js';
import { dateInTimeZone, slugify } from './signatory.js';
import type { Decision, SamverkanStore, StoredOffer } from './store/types.js';
import { registerSubmissionRoute, type SubmissionGate } from './submission-route.js';
import { publishedOpportunityIds, publishedSignatoryIds, withPublication, withSigning, type PublicationFacts } from './withdrawal.js';

/** The actions on one offer. */
export const OFFER_ACTIONS = ['approve', 'reject', 'erase'] as const;

/** The signatory an offer comes from: the SDK's rule (the form checks with it too), on the published dataset. */
const signatoryOf = (dataset: Dataset, organisationNumber: string) => signatoryByOrganisationNumber(dataset, organisationNumber);

/** The refusal when the number is not a signatory's (said in the request's language). */
export function notASignatory(): ErrorItem {
  return {
    path: 'organisationNumber',
    code: 'not-a-signatory' satisfies RefusalCode,
    message: {
      sv: 'tillhör ingen organisation som har undertecknat överenskommelsen: bara undertecknare kan erbjuda volontäruppdrag. Kontrollera numret, eller ansök först om att underteckna.',
      en: 'is not the number of an organisation that has signed the agreement: only signatories may offer volunteer opportunities. Check the number, or apply to sign first.',
    },
  };
}

/** The refusal to approve an offer whose organisation no longer signs (said in the request's language; `params` for a client's own words). */
export function noLongerASignatory(organisationId: string): ErrorItem {
  return {
    path: 'organisationId',
    code: 'not-a-signatory' satisfies RefusalCode,
    params: { organisationId },
    message: {
      en: `The organisation that offered this (${organisationId}) is no longer a signatory: it was deleted, or its signature removed, after it offered. Nothing changed. Restore it under History (or sign it again under Organisations) and approve, or reject the offer.`,
      sv: `Organisationen som erbjöd uppdraget (${organisationId}) har inte längre undertecknat: den har tagits bort, eller dess underskrift strukits. Ingenting ändrades. Återställ den under Historik (eller lägg till underskriften igen under Organisationer) och godkänn, eller avslå erbjudandet.`,
    },
  };
}

/**
 * `POST /api/v1/opportunities` (public, under the `/api/v1` prefix): a
 * signatory offers a volunteer opportunity. The same limits, idempotency
 * and answers as `POST /signups`, checked with the SDK's
 * `OpportunityOfferSchema`; the organisation number must belong to a
 * signatory of the agreement (`400` at `organisationNumber` otherwise).
 */
export function registerOpportunityOfferRoute(app: FastifyInstance, options: SubmissionGate & { store: SamverkanStore; published: PublishedDataset }): void {
  const { store, published } = options;
  registerSubmissionRoute<OpportunityOffer>(app, {
    ...options,
    url: '/opportunities',
    bodyName: { en: 'The offer', sv: 'Erbjudandet' },
    otherBody: { en: 'a different offer', sv: 'ett annat erbjudande' },
    keyPrefix: 'opportunities:',
    validate: validateOpportunityOffer,
    check: (offer) => (signatoryOf(published.current().dataset, offer.organisationNumber) ? [] : [notASignatory()]),
    findIdempotency: (key) => store.offers.findIdempotency(key),
    insert: ({ id, receivedAt, data }, idempotency) => {
      const organisation = signatoryOf(published.current().dataset, data.organisationNumber);
      // The dataset changed between the check and here (a signatory withdrawn): refused the same way.
      if (!organisation) throw new ChangeRefused(400, [notASignatory()]);
      return store.offers.insert({ id, receivedAt, offer: data, organisationId: organisation.id }, idempotency);
    },
  });
}

/**
 * The opportunity an approved offer publishes: the offer's texts (in the
 * form's language; when that is not the dataset's default language the text
 * stands under both, since a LocalizedText must have the default), published
 * today in the dataset's time zone.
 */
export function opportunityFromOffer(offerId: string, offer: OpportunityOffer, organisationId: string, dataset: Pick<Dataset, 'defaultLanguage' | 'timeZone' | 'opportunities'>, at: Date): Opportunity {
  const text = (value: string): LocalizedText => (offer.language === dataset.defaultLanguage ? value : { [dataset.defaultLanguage]: value, [offer.language]: value });
  const taken = new Set((dataset.opportunities ?? []).map((o) => o.id));
  const base = slugify(offer.title);
  let id = `${base}-${offerId.replace(/[^a-z0-9]/gi, '').slice(0, 8).toLowerCase()}`;
  if (taken.has(id)) id = `${base}-${offerId.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
  const out: Opportunity = {
    id,
    organisationId,
    title: text(offer.title),
    description: text(offer.description),
    districts: offer.districts ?? [],
    activities: offer.activities ?? [],
    languages: offer.languages ?? [offer.language],
    publishedOn: dateInTimeZone(at, dataset.timeZone),
    validThrough: offer.validThrough,
    contact: offer.contact,
  } as Opportunity;
  if (offer.timeCommitment) out.timeCommitment = text(offer.timeCommitment);
  if (offer.start) out.start = offer.start;
  if (offer.end) out.end = offer.end;
  return out;
}

/** What {@link shownOffer} checks an offer against: the published opportunities and signatories, worked out once per answer. */
function publishedFacts(dataset: Dataset) {
  return { opportunities: publishedOpportunityIds(dataset), signatories: publishedSignatoryIds(dataset) };
}

/** An offer as the admin routes show it: `withdrawn` or `republished` by what its approval published, and `noLongerSigns` (withdrawal.ts). */
function shownOffer(offer: StoredOffer, facts: ReturnType<typeof publishedFacts>): StoredOffer & PublicationFacts & { noLongerSigns?: true } {
  return withSigning(withPublication(offer, 'opportunityId', facts.opportunities), facts.signatories);
}

/**
 * The routes that decide offered opportunities (editor or admin), like the
 * signup routes: `GET /api/v1/opportunities[?status=&reference=&limit=&cursor=]`,
 * `GET …/{id}`, `POST …/{id}/approve` (publishes the opportunity),
 * `…/reject` (optional `{ reason }`; withdraws it), `…/erase`.
 */
export function registerOfferDecisionRoutes(app: FastifyInstance, options: { store: SamverkanStore; published: PublishedDataset; now: () => Date }): void {
  const { store, published, now } = options;
  const editor = requireRole('editor');

  registerListRoute(app, '/api/v1/opportunities', 'offers', async (options) => {
    const page = await store.offers.list(options);
    const facts = publishedFacts(published.current().dataset);
    return { ...page, offers: page.offers.map((offer) => shownOffer(offer, facts)) };
  });

  app.get<{ Params: { id: string } }>('/api/v1/opportunities/:id', { preHandler: editor }, async (request, reply) => {
    const offer = await store.offers.get(request.params.id);
    if (!offer) return sendErrors(reply, 404, [noSuch('offer')]);
    return reply.send(shownOffer(offer, publishedFacts(published.current().dataset)));
  });
  methodNotAllowed(app, '/api/v1/opportunities/:id', ['GET', 'HEAD'], ['OPTIONS']);

  /** A decision with what it publishes, all or nothing (publishDecision). */
  const publish = (request: FastifyRequest, summary: string, action: string, target: string, change: (dataset: Dataset) => Dataset, always: boolean, decision?: Decision) =>
    publishDecision({ store, published, now }, request.actor ?? TOKEN_ACTOR, { summary, action, target, change, always }, decision);

  const decisionBody = z.nullable(RejectBodySchema) as unknown as FastifySchema['body'];
  app.post<{ Params: { id: string; action: string }; Body: z.infer<typeof RejectBodySchema> | null }>(
    '/api/v1/opportunities/:id/:action',
    { preHandler: editor, schema: { body: decisionBody } },
    async (request, reply) => {
      const { id } = request.params;
      const action = request.params.action as (typeof OFFER_ACTIONS)[number];
      if (!OFFER_ACTIONS.includes(action)) return sendErrors(reply, 404, [UNKNOWN_PATH]);
      const stored = await store.offers.get(id);
      if (!stored) return sendErrors(reply, 404, [noSuch('offer')]);
      const at = now();
      const target = `opportunities/offers/${id}`;
      try {
        switch (action) {
          case 'approve': {
            if (stored.status === 'approved') break;
            if (!stored.offer) return sendErrors(reply, 409, [erasedItem('offer', 'approve')]);
            // The organisation may have been deleted, or its signature removed, since it offered: only signatories' offers are published.
            if (!publishedSignatoryIds(published.current().dataset).has(stored.organisationId)) return sendErrors(reply, 409, [noLongerASignatory(stored.organisationId)]);
            const earlier = await store.offers.approvalOf(id);
            const listed = earlier && (published.current().dataset.opportunities ?? []).find((o) => o.id === earlier.id);
            // Rejected, but a restore brought its opportunity back: approving makes the decision say what is published, and publishes nothing new.
            if (stored.status === 'rejected' && listed) {
              await publish(request, `Approved an offered opportunity again: ${listed.id} (it had been published again)`, 'opportunity-approved', target, (d) => d, true, {
                on: 'offer',
                id,
                at,
                status: 'approved',
                opportunity: listed,
              });
              break;
            }
            const opportunity = opportunityFromOffer(id, stored.offer, stored.organisationId, published.current().dataset, at);
            const add = (d: Dataset): Dataset => ({ ...d, opportunities: [...(d.opportunities ?? []), opportunity] });
            await publish(request, `Approved an offered opportunity: ${opportunity.id}`, 'opportunity-approved', target, add, true, { on: 'offer', id, at, status: 'approved', opportunity });
            break;
          }
          case 'reject': {
            const approval = await store.offers.approvalOf(id);
            const listed = approval !== undefined && publishedOpportunityIds(published.current().dataset).has(approval.id);
            // Rejected already: again only when a restore brought its opportunity back (`republished`), to take it off again.
            if (stored.status === 'rejected' && !listed) break;
            // Erased: nothing left to decide on, nor to keep a reason with (an erased offer's opportunity is forgotten, so it is never listed).
            if (stored.erasedAt !== undefined) return sendErrors(reply, 409, [erasedItem('offer', 'reject')]);
            const again = stored.status === 'rejected';
            await publish(
              request,
              listed
                ? `Withdrew the opportunity ${approval.id}${again ? ' again (the offer was rejected; a restore had published it again)' : ' (offer rejected)'}`
                : approval
                  ? `Rejected an offered opportunity (its opportunity ${approval.id} had already been withdrawn)`
                  : 'Rejected an offered opportunity (nothing published changes)',
              'opportunity-rejected',
              target,
              (d) => (listed ? { ...d, opportunities: (d.opportunities ?? []).filter((o) => o.id !== approval.id) } : d),
              true,
              // Taken off again without a new reason: the reason given with the rejection stays.
              { on: 'offer', id, at, status: 'rejected', reason: request.body?.reason ?? (again ? stored.rejectReason : undefined) },
            );
            break;
          }
          case 'erase': {
            // A published opportunity's contact was given to be published; erasing the offer withdraws it too, from the
            // earlier versions as well (store mode).
            const approval = await store.offers.approvalOf(id);
            const listed = approval !== undefined && publishedOpportunityIds(published.current().dataset).has(approval.id);
            // One transaction (publishErasure): the version without the opportunity, an approved offer recorded as
            // rejected, the offer's content and idempotency records gone and, in store mode, the opportunity its
            // approval published taken out of every earlier version too (its contact is personal data); or none of it.
            await publishErasure(
              { store, published, now },
              request.actor ?? TOKEN_ACTOR,
              { summary: 'Erased an offered opportunity', action: 'opportunity-erased', target, change: (d) => (listed ? { ...d, opportunities: (d.opportunities ?? []).filter((o) => o.id !== approval.id) } : d) },
              { on: 'offer', id, at, reject: stored.status === 'approved', ...(approval && published.mode === 'store' && { scrubOpportunity: approval.id }) },
            );
            break;
          }
        }
      } catch (error) {
        if (error instanceof ChangeRefused) return sendErrors(reply, error.status, error.errors);
        throw error;
      }
      await published.refresh();
      const decided = await store.offers.get(id);
      return reply.send(decided && shownOffer(decided, publishedFacts(published.current().dataset)));
    },
  );
  methodNotAllowed(app, '/api/v1/opportunities/:id/:action', ['POST'], ['OPTIONS']);
}
