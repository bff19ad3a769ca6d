/**
 * What differs between the two kinds of thing an officer decides
 * (applications to join, offered volunteer opportunities), as data: where
 * they come from, the calls that decide them, their words, and how one is
 * named and found. The inbox (decision-inbox-view.ts) and the page of one
 * (decision-view.ts) read it; each kind is described once, beside its
 * naming rules (application-list.ts, opportunity-offer-names.ts).
 */
import type { AdminApi } from '../api.js';
import type { Messages } from '../i18n/messages.js';
import type { Decision } from './decision-list.js';

/** The decisions on one item. */
export type DecisionAction = 'approve' | 'reject' | 'erase';

/** The words the inbox and the page of one show (the applications' and the offers' have this shape). */
export type DecisionWords = Messages['applications'] | Messages['offers'];

export interface DecisionKind<T extends Decision> {
  /** The route of the inbox (`applications`, `offers`); an item's page is below it. */
  route: string;
  words(m: Messages): DecisionWords;
  list(api: AdminApi): Promise<T[]>;
  /** Makes a decision on `item` and answers with it as it is then; `reason` only for `reject`. */
  decide(api: AdminApi, action: DecisionAction, item: T, reason?: string): Promise<T>;
  /** The name a row and the page's heading show. */
  name(item: T): string;
  /** What a search finds an item by, besides its reference. */
  searchWords(item: T): readonly string[];
  /** Whether what was sent is still there (not erased): only then can it be approved or erased. */
  hasContent(item: T): boolean;
  /** Whether the server would approve it now, besides that (absent: always); neither the page nor the inbox offers what it would refuse. */
  approvable?(item: T): boolean;
}

/** The page of one item of a kind. */
export function itemHref(kind: DecisionKind<Decision>, id: string): string {
  return `#/${kind.route}/${encodeURIComponent(id)}`;
}
