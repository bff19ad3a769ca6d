/**
 * How the offered opportunities are named, DOM-free: by the title the
 * organisation wrote (or the reference once erased), with the offering
 * organisation's name looked up in the content (an offer carries only its
 * id).
 */
import type { AdminApi, Offer } from '../api.js';

/** The title of an offer, or its reference once what was sent is erased. */
export function offerName(offer: Offer): string {
  return offer.offer?.title ?? offer.reference ?? offer.id;
}

/** The organisations' names by id. A failure leaves the names out (the ids show instead): the offers matter more. */
export async function organisationNames(api: AdminApi): Promise<Map<string, string>> {
  try {
    return new Map((await api.list('organisations')).map((o) => [o.value.id, o.value.name]));
  } catch {
    return new Map();
  }
}
