import { html, nothing } from 'lit';
import type { Messages } from '../i18n/messages.js';

/** How many rows a list shows at once: enough to scan, few enough that 10,000 rows cost no more than 50. */
export const PAGE_SIZE = 50;

/** The rows of page `page` (0-based) of `items`. */
export function pageOf<T>(items: readonly T[], page: number): readonly T[] {
  return items.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
}

/** The number of pages `count` rows make (at least one). */
export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / PAGE_SIZE));
}

/** Previous / "page n of m" / next, as a labelled navigation. */
export function pager(m: Messages, page: number, count: number, go: (page: number) => void) {
  const pages = pageCount(count);
  if (pages <= 1) return nothing;
  return html`<nav class="pager" aria-label=${m.applications.page(page + 1, pages)}>
    <button type="button" class="secondary" ?disabled=${page === 0} @click=${() => go(page - 1)}>${m.applications.previous}</button>
    <span aria-live="polite">${m.applications.page(page + 1, pages)}</span>
    <button type="button" class="secondary" ?disabled=${page >= pages - 1} @click=${() => go(page + 1)}>${m.applications.next}</button>
  </nav>`;
}
