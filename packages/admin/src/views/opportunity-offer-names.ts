/**
 * Offered volunteer opportunities as a kind of decision (decision-kind.ts):
 * named by the title the organisation wrote (or the reference once erased),
 * found by it, the offering organisation's name and number; the name is
 * looked up in the content when the list is fetched (an offer carries only
 * the organisation's id).
 */
import type { AdminApi, Offer } from '../api.js';
import type { DecisionKind } from './decision-kind.js';

/**
 * An offer with the name of the organisation that made it, when the content
 * has it. Whether that organisation still signs is the server's
 * `noLongerSigns`, not worked out here.
 */
export type NamedOffer = Offer & { organisationName?: string };

/** The title of an offer, or its reference once what was sent is erased. */
export function offerName(offer: Offer): string {
  return offer.offer?.title ?? offer.reference ?? offer.id;
}

/** The organisations' names by id. A failure leaves them out (the ids show instead): the offers matter more. */
async function organisations(api: AdminApi): Promise<Map<string, string> | undefined> {
  try {
    return new Map((await api.list('organisations')).map((o) => [o.value.id, o.value.name]));
  } catch {
    return undefined;
  }
}

/** The offers, each with its organisation's name. */
async function namedOffers(api: AdminApi): Promise<NamedOffer[]> {
  const [offers, known] = await Promise.all([api.offers(), organisations(api)]);
  return offers.map((o) => ({ ...o, organisationName: known?.get(o.organisationId) }));
}

export const OFFERS: DecisionKind<NamedOffer> = {
  route: 'offers',
  words: (m) => m.offers,
  list: namedOffers,
  // A decision answers with the offer alone: the organisation's name stays the one it had.
  decide: async (api, action, offer, reason) => {
    const made = action === 'approve' ? await api.approveOffer(offer.id) : action === 'reject' ? await api.rejectOffer(offer.id, reason) : await api.eraseOffer(offer.id);
    return { ...made, organisationName: offer.organisationName };
  },
  name: offerName,
  searchWords: (o) => [offerName(o), o.organisationName ?? '', o.offer?.organisationNumber ?? ''],
  hasContent: (o) => Boolean(o.offer),
  // The server refuses to publish an opportunity from an organisation that no longer signs (409), and says so beforehand.
  approvable: (o) => !o.noLongerSigns,
};

/** The organisation of an offer, by name when known. */
export function offeredBy(offer: NamedOffer): string {
  return offer.organisationName ?? offer.organisationId;
}
