import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ConflictError, type Versioned } from '../api.js';
import { isStale, today } from '../content/freshness.js';
import { AdminView, errorText } from './admin-view.js';

type Entity = Record<string, unknown>;
type Stale = { collection: 'organisations' | 'contacts'; entry: Versioned<Entity> };

/**
 * What has not been confirmed as current in twelve months (organisations and
 * contact people), oldest first; "Confirmed" is one click, which saves
 * today's date as `confirmedOn`.
 */
export class AdminFreshnessView extends AdminView {
  @state() private stale?: Stale[];
  @state() private failed = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.info ??= await this.api.datasetInfo();
      const date = today(this.info.timeZone);
      const [organisations, contacts] = await Promise.all([this.api.list('organisations'), this.api.list('contacts')]);
      const all: Stale[] = [
        ...(organisations as unknown as Versioned<Entity>[]).map((entry) => ({ collection: 'organisations' as const, entry })),
        ...(contacts as unknown as Versioned<Entity>[]).map((entry) => ({ collection: 'contacts' as const, entry })),
      ];
      this.stale = all
        .filter((s) => isStale(s.entry.value['confirmedOn'], date))
        .sort((a, b) => String(a.entry.value['confirmedOn'] ?? '').localeCompare(String(b.entry.value['confirmedOn'] ?? '')));
      this.failed = '';
    } catch (error) {
      this.failed = errorText(error, this.m);
    }
  }

  private async confirm(item: Stale, index: number): Promise<void> {
    const f = this.m.freshness;
    const name = String(item.entry.value['name'] ?? item.entry.value['id']);
    try {
      const value = { ...item.entry.value, confirmedOn: today(this.info!.timeZone) };
      await this.api.replace(item.collection, String(item.entry.value['id']), value as never, item.entry.etag);
      this.announce(f.confirmed(name));
      await this.load();
      // Focus stays in the list: on the next row's button, or the heading when none is left.
      await this.updateComplete;
      const buttons = this.querySelectorAll<HTMLButtonElement>('button.confirm');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.querySelector<HTMLElement>('h1'))?.focus();
    } catch (error) {
      this.failed = error instanceof ConflictError ? this.m.content.conflictTitle : errorText(error, this.m);
      await this.load();
    }
  }

  protected override render() {
    const f = this.m.freshness;
    return html`<h1 tabindex="-1">${f.title}</h1>
      <p>${f.intro}</p>
      ${this.failed && !this.stale ? this.renderLoadFailed(this.failed, () => this.load()) : nothing}
      ${this.failed && this.stale ? html`<p role="alert" class="field-error">${this.failed}</p>` : nothing}
      ${!this.stale
        ? this.failed
          ? nothing
          : html`<p role="status">${this.m.loading}</p>`
        : this.stale.length === 0
          ? html`<p role="status">${f.allFresh}</p>`
          : html`<p role="status" id="fresh-count">${f.count(this.stale.length)}</p>
              <ul class="rows" aria-labelledby="fresh-count">
                ${this.stale.map((item, i) => {
                  const v = item.entry.value;
                  const name = String(v['name'] ?? v['id']);
                  return html`<li class="row">
                    <span class="grow"><a href="#/content/${item.collection}/${encodeURIComponent(String(v['id']))}"><bdi>${name}</bdi></a>
                      <span class="hint">(${this.m.singular[item.collection]})</span></span>
                    <span>${this.m.fields.confirmedOn}: ${v['confirmedOn'] ? html`<time datetime=${String(v['confirmedOn'])}>${v['confirmedOn']}</time>` : f.never}</span>
                    <button type="button" class="confirm" aria-label=${f.confirm(name)} @click=${() => this.confirm(item, i)}>${f.confirmLabel}</button>
                  </li>`;
                })}
              </ul>`}`;
  }
}
