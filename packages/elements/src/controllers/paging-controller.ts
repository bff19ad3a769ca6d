import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Shows a long list a page at a time behind a "show more" button, so 10,000
 * entries never reach the DOM at once while every one stays reachable by
 * keyboard and screen reader. After "show more", focus moves to the first
 * newly shown entry (the element marks it with `data-page-item=<index>` and
 * `tabindex="-1"`), so the reader carries on where the list grew.
 */
export class PagingController implements ReactiveController {
  /** How many pages are shown. */
  pages = 1;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly pageSize: () => number;
  private focusIndex: number | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, pageSize: () => number) {
    this.host = host;
    this.pageSize = pageSize;
    host.addController(this);
  }

  /** Back to the first page (the query or a filter changed). */
  reset(): void {
    this.pages = 1;
    this.focusIndex = undefined;
  }

  /** One page more; focus goes to its first entry after the render. */
  more(): void {
    this.focusIndex = this.shown;
    this.pages++;
    this.host.requestUpdate();
  }

  /** How many entries are shown. */
  get shown(): number {
    return this.pages * this.size();
  }

  /** The entries to render. */
  slice<T>(items: readonly T[]): readonly T[] {
    return items.length <= this.shown ? items : items.slice(0, this.shown);
  }

  hostUpdated(): void {
    if (this.focusIndex === undefined) return;
    const target = this.host.shadowRoot?.querySelector<HTMLElement>(`[data-page-item="${this.focusIndex}"]`);
    this.focusIndex = undefined;
    target?.focus();
  }

  private size(): number {
    const size = Math.floor(this.pageSize());
    return size > 0 ? size : 50;
  }
}
