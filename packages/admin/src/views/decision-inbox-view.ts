import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminChangedEvent, AdminView, errorText } from './admin-view.js';
import { itemHref, type DecisionKind } from './decision-kind.js';
import { makeInbox, searchInbox, type Decision, type Inbox } from './decision-list.js';
import { formatDateTime } from './format.js';
import { pageCount, pageOf, pager } from './pager.js';

/**
 * An inbox of things to decide (applications, offered opportunities):
 * pending first, a search, one page of rows at a time (so 5,000 cost what
 * 50 do), and "approve the selected" for several pending ones at once. A
 * subclass gives its kind (decision-kind.ts); the ids of the controls
 * start with the kind's route (`#applications-search`).
 */
export abstract class AdminDecisionInboxView<T extends Decision> extends AdminView {
  @state() protected inbox?: Inbox<T>;
  @state() private failed = '';
  @state() private query = '';
  @state() private page = 0;
  @state() private selected = new Set<string>();
  @state() private busy = false;

  protected abstract readonly kind: DecisionKind<T>;
  private get words() {
    return this.kind.words(this.m);
  }
  /** More facts on a row (the organisation offering), after the name. */
  protected rowExtra(_item: T): TemplateResult | typeof nothing {
    return nothing;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Loads the list again (also after a decision). */
  async load(): Promise<void> {
    this.failed = '';
    try {
      this.show(await this.kind.list(this.api));
    } catch (error) {
      this.failed = errorText(error, this.m);
    }
  }

  /** Shows a list already fetched (the benchmark times this: data received → rows shown). */
  show(items: readonly T[]): void {
    this.inbox = makeInbox(items, this.kind.searchWords);
    this.selected = new Set([...this.selected].filter((id) => items.some((a) => a.id === id && a.status === 'pending')));
  }

  private onSearch(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    this.page = 0;
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private async approveSelected(): Promise<void> {
    const items = this.inbox?.items.filter((item) => this.selected.has(item.id)) ?? [];
    this.busy = true;
    let done = 0;
    let problem = '';
    try {
      for (const item of items) {
        await this.kind.decide(this.api, 'approve', item);
        done++;
      }
    } catch (error) {
      problem = errorText(error, this.m);
    } finally {
      this.busy = false;
      this.selected = new Set();
      this.dispatchEvent(new AdminChangedEvent());
      await this.load();
      // Reloading clears the message: a refusal part way must still say why, and how many were approved before it.
      if (problem) this.failed = problem;
      if (done > 0 || !problem) this.announce(this.words.approvedMany(done));
    }
  }

  // The heading stays one element across loading and loaded (a focused heading that is replaced loses focus).
  protected override render() {
    const a = this.words;
    return html`<h1 tabindex="-1">${a.title}</h1>
      <p>${a.intro}</p>
      ${this.renderBody()}`;
  }

  private renderBody() {
    const a = this.words;
    const p = this.kind.route;
    if (this.failed && !this.inbox) return this.renderLoadFailed(this.failed, () => this.load());
    if (!this.inbox) return html`<p role="status">${this.m.loading}</p>`;
    const found = searchInbox(this.inbox, this.query);
    const pages = pageCount(found.length);
    const page = Math.min(this.page, pages - 1);
    const rows = pageOf(found, page);
    return html`
      ${this.failed ? html`<p role="alert" class="field-error">${this.failed}</p>` : nothing}
      <div class="toolbar">
        <div class="field">
          <label for="${p}-search">${a.search}</label>
          <span class="hint" id="${p}-search-hint">${a.searchHint}</span>
          <input id="${p}-search" type="search" .value=${this.query} @input=${this.onSearch} aria-describedby="${p}-search-hint ${p}-count" />
        </div>
        <button type="button" class="approve-selected" ?disabled=${this.selected.size === 0 || this.busy} @click=${this.approveSelected}>${a.approveSelected(this.selected.size)}</button>
      </div>
      <p id="${p}-count" role="status">${a.count(found.length, this.inbox.items.length)}</p>
      ${found.length === 0
        ? html`<p>${this.inbox.items.length === 0 ? a.empty : a.noMatch}</p>`
        : html`<ul class="rows" aria-labelledby="${p}-count">
            ${rows.map((item) => this.renderRow(item))}
          </ul>`}
      ${pager(this.m, page, found.length, (next) => {
        this.page = next;
        this.querySelector<HTMLElement>(`#${p}-count`)?.scrollIntoView?.();
      })}`;
  }

  private renderRow(item: T) {
    const a = this.words;
    const name = this.kind.name(item);
    const checkId = `select-${item.id}`;
    return html`<li class="row" data-id=${item.id}>
      ${item.status === 'pending' && (this.kind.approvable?.(item) ?? true)
        ? html`<input type="checkbox" id=${checkId} .checked=${this.selected.has(item.id)} @change=${(e: Event) => this.toggle(item.id, (e.target as HTMLInputElement).checked)} /><label for=${checkId} class="visually-hidden">${a.select(name)}</label>`
        : nothing}
      <span class="grow"><a href=${itemHref(this.kind, item.id)}><bdi>${name}</bdi></a>
        ${item.erasedAt ? html`<span class="hint">(${a.erased})</span>` : nothing}</span>
      ${this.rowExtra(item)}
      <span class="status-tag">${a.status[item.status] ?? item.status}</span>
      ${item.withdrawn ? html`<span class="status-tag withdrawn">${a.withdrawnTag}</span>` : nothing}
      ${item.republished ? html`<span class="status-tag republished">${a.republishedTag}</span>` : nothing}
      <span>${a.received} <time datetime=${item.receivedAt}>${formatDateTime(item.receivedAt, this.m.lang)}</time></span>
      ${item.reference ? html`<span>${a.reference} <bdi>${item.reference}</bdi></span>` : nothing}
    </li>`;
  }
}
