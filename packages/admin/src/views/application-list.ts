/**
 * The inbox's order and search, DOM-free: pending applications first, then
 * the newest; a search finds words in the organisation's name, its number
 * and the short reference, case and accents ignored. Each application's
 * search text is folded once, when the list arrives, so a keystroke only
 * compares strings.
 */
import { foldForSearch } from '@samverkan/sdk';
import type { Application } from '../api.js';

/** The applications in inbox order, each with its folded search text. */
export interface Inbox {
  items: readonly Application[];
  keys: readonly string[];
}

const rank = { pending: 0, approved: 1, rejected: 1 } as const;

/** Sorts and indexes a fresh list. */
export function makeInbox(applications: readonly Application[]): Inbox {
  const items = [...applications].sort((a, b) => rank[a.status] - rank[b.status] || (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
  const keys = items.map((a) =>
    foldForSearch([a.application?.organisation.name ?? '', a.application?.organisation.organisationNumber ?? '', a.reference ?? '', (a.reference ?? '').replace('-', '')].join(' ')),
  );
  return { items, keys };
}

/** The applications whose search text holds every word of `query`, in inbox order. */
export function searchInbox(inbox: Inbox, query: string): readonly Application[] {
  const terms = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return inbox.items;
  const out: Application[] = [];
  for (let i = 0; i < inbox.items.length; i++) {
    const key = inbox.keys[i]!;
    if (terms.every((t) => key.includes(t))) out.push(inbox.items[i]!);
  }
  return out;
}

/** The name to show for an application (an erased one has none left). */
export function applicationName(application: Application): string {
  return application.application?.organisation.name ?? application.reference ?? application.id;
}
