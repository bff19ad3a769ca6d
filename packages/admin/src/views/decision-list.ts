/**
 * What the two inboxes share, DOM-free: applications to join and offered
 * volunteer opportunities are both decided (pending → approved or
 * rejected), shown pending first and then the newest, and searched by words
 * folded once when the list arrives, so a keystroke only compares strings.
 */
import { foldForSearch } from '@samverkan/sdk';
import type { Decision } from '../api.js';

export type { Decision };

/** The items in inbox order, each with its folded search text. */
export interface Inbox<T extends Decision> {
  items: readonly T[];
  keys: readonly string[];
}

const rank = { pending: 0, approved: 1, rejected: 1 } as const;

/** Sorts and indexes a fresh list; `words` gives what a search finds an item by (the reference is always among them). */
export function makeInbox<T extends Decision>(list: readonly T[], words: (item: T) => readonly string[]): Inbox<T> {
  const items = [...list].sort((a, b) => rank[a.status] - rank[b.status] || (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
  const keys = items.map((item) => foldForSearch([...words(item), item.reference ?? '', (item.reference ?? '').replace('-', '')].join(' ')));
  return { items, keys };
}

/** The items whose search text holds every word of `query`, in inbox order. */
export function searchInbox<T extends Decision>(inbox: Inbox<T>, query: string): readonly T[] {
  const terms = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return inbox.items;
  const out: T[] = [];
  for (let i = 0; i < inbox.items.length; i++) {
    const key = inbox.keys[i]!;
    if (terms.every((t) => key.includes(t))) out.push(inbox.items[i]!);
  }
  return out;
}

/** How many are waiting for a decision (the menu's count). */
export function pendingCount(items: readonly Decision[]): number {
  let n = 0;
  for (const item of items) if (item.status === 'pending') n++;
  return n;
}
