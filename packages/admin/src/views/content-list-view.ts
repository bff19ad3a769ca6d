import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { compareSwedish, filterOrganisations, isOpportunityCurrent, isOrganisationSearchReady, isoToZonedParts, prepareOrganisationSearch, signs, type Dataset } from '@samverkan/sdk';
import type { CollectionName, Versioned, WithheldOpportunity } from '../api.js';
import { entityName, searchKey, searchKeys } from '../content/entity-text.js';
import { AdminView, errorText } from './admin-view.js';
import { pageCount, pageOf, pager } from './pager.js';

type Entity = Record<string, unknown>;

/**
 * One content collection as a searchable list: a page of rows at a time (so
 * 10,000 organisations cost what 50 do), each a link to its form, and a link
 * to add a new one. The search text of every entry is folded once when the
 * list arrives; a keystroke compares strings and renders one page.
 */
export class AdminContentListView extends AdminView {
  @property({ attribute: false }) collection: CollectionName = 'organisations';
  /** The entities in name order (Å, Ä, Ö after Z). */
  @state() private entries?: Entity[];
  @state() private failed = '';
  @state() private query = '';
  @state() private page = 0;
  /** The opportunities the dataset file holds and the server does not publish (the opportunities' list only; none elsewhere). */
  @state() private withheld: WithheldOpportunity[] = [];
  /** Organisations are searched by the SDK's own index, the one the public signatory list uses. */
  private searchable?: Dataset;
  /** Other collections (hundreds at most): folded search text per entry, made at the first search. */
  private keys?: string[];
  /**
   * The organisations' word index being finished for a search typed before
   * it was built in idle time (a long task if the search built it): until
   * then the rows found last stay, marked as being searched.
   */
  private preparing?: Dataset;
  private lastFound?: Entity[];
  private readonly gone = new AbortController();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.gone.abort();
  }

  async load(): Promise<void> {
    this.failed = '';
    if (this.collection === 'opportunities') void this.loadWithheld();
    try {
      this.show((await this.api.list(this.collection)) as unknown as Versioned<Entity>[]);
    } catch (error) {
      this.failed = errorText(error, this.m);
    }
  }

  /**
   * What the server withholds from the volunteer board. A failure leaves the
   * section out (the list itself says when the server cannot be reached); a
   * server that withholds nothing, the usual case, shows nothing extra.
   */
  private async loadWithheld(): Promise<void> {
    try {
      this.withheld = await this.api.withheld();
    } catch {
      this.withheld = [];
    }
  }

  /** Shows a list already fetched (the benchmark times this: data received → rows shown). */
  show(entries: Versioned<Entity>[]): void {
    const values = entries.map((e) => e.value);
    this.keys = undefined;
    if (this.collection === 'organisations') {
      this.searchable = { organisations: values, defaultLanguage: this.info?.defaultLanguage ?? 'sv', languages: this.info?.languages ?? ['sv'] } as unknown as Dataset;
      this.entries = filterOrganisations(this.searchable) as unknown as Entity[];
    } else {
      this.searchable = undefined;
      const lang = this.m.lang;
      const named = values.map((value) => ({ value, name: entityName(value, lang, this.info) }));
      named.sort((a, b) => compareSwedish(a.name, b.name));
      this.entries = named.map((n) => n.value);
    }
  }

  /** The entries that match the search, in name order; `undefined` while the organisations' word index is being finished. */
  private found(entries: Entity[]): Entity[] | undefined {
    const query = this.query.trim();
    if (!query) return entries;
    if (this.searchable) {
      if (!isOrganisationSearchReady(this.searchable)) {
        this.prepareSearch(this.searchable);
        return undefined;
      }
      return filterOrganisations(this.searchable, { query }) as unknown as Entity[];
    }
    this.keys ??= entries.map((e) => searchKey(e));
    return searchKeys(this.keys, query).map((i) => entries[i]!);
  }

  private prepareSearch(dataset: Dataset): void {
    if (this.preparing === dataset) return;
    this.preparing = dataset;
    void prepareOrganisationSearch(dataset, { signal: this.gone.signal }).then(() => {
      if (this.searchable === dataset) this.requestUpdate();
    });
  }

  private onSearch(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    this.page = 0;
  }

  protected override render() {
    const m = this.m;
    const title = m.nav[this.collection];
    const singular = m.singular[this.collection] ?? '';
    return html`<h1 tabindex="-1">${title}</h1>
      ${this.renderWithheld()}
      <p><a class="create" href="#/content/${this.collection}/new">${m.content.create(singular)}</a></p>
      ${this.renderBody()}`;
  }

  /**
   * The opportunities the dataset file has and the board does not show, why,
   * and what to do, above the list (where the coordinator looks for them).
   * Absent when there are none: no write can make one, so outside file mode
   * a sentence saying "none" would only puzzle.
   */
  private renderWithheld() {
    const m = this.m;
    const withheld = this.withheld;
    if (withheld.length === 0) return nothing;
    const known = withheld.some((w) => w.reason in m.withheld.reasons);
    return html`<section class="panel withheld" aria-labelledby="withheld-heading">
      <h2 id="withheld-heading">${m.withheld.heading(withheld.length)}</h2>
      <p>${m.withheld.intro}</p>
      <ul class="withheld-list">
        ${withheld.map(
          (w) => html`<li data-id=${w.id}>
            <strong><bdi>${entityName(w.value as unknown as Entity, m.lang, this.info)}</bdi></strong>, ${m.withheld.offeredBy} <bdi>${w.organisation}</bdi>.
            ${m.withheld.reasons[w.reason] ?? m.withheld.otherReason}
          </li>`,
        )}
      </ul>
      ${known
        ? html`<h3 id="withheld-fix">${m.withheld.fixHeading}</h3>
            <ul aria-labelledby="withheld-fix">
              ${m.withheld.fix.map((step) => html`<li>${step}</li>`)}
            </ul>`
        : nothing}
    </section>`;
  }

  private renderBody() {
    const m = this.m;
    if (this.failed && !this.entries) return this.renderLoadFailed(this.failed, () => this.load());
    if (!this.entries) return html`<p role="status">${m.loading}</p>`;
    const searched = this.found(this.entries);
    const searching = searched === undefined;
    const found = searched ?? this.lastFound ?? this.entries;
    this.lastFound = found;
    const count = found.length;
    const pages = pageCount(count);
    const page = Math.min(this.page, pages - 1);
    const rows = pageOf(found, page);
    return html`<div class="toolbar">
        <div class="field">
          <label for="content-search">${m.content.search}</label>
          <input id="content-search" type="search" .value=${this.query} @input=${this.onSearch} aria-describedby="content-count" />
        </div>
      </div>
      <p id="content-count" role="status">${searching ? m.content.searching : m.content.count(count, this.entries.length)}</p>
      ${count === 0
        ? html`<p>${this.entries.length === 0 ? m.content.empty : m.content.noMatch}</p>`
        : html`<ul class="rows" aria-labelledby="content-count" aria-busy=${searching ? 'true' : 'false'}>
            ${rows.map((entity) => this.renderRow(entity, entityName(entity, m.lang, this.info)))}
          </ul>`}
      ${pager(m, page, count, (p) => (this.page = p))}`;
  }

  private renderRow(entity: Entity, name: string) {
    const m = this.m;
    const id = String(entity['id']);
    return html`<li class="row">
      <span class="grow"><a href="#/content/${this.collection}/${encodeURIComponent(id)}"><bdi>${name}</bdi></a></span>
      ${this.facts(entity)}
      ${'confirmedOn' in entity || this.collection === 'organisations' || this.collection === 'contacts'
        ? html`<span class="hint">${m.fields.confirmedOn}: ${entity['confirmedOn'] ? html`<time datetime=${String(entity['confirmedOn'])}>${entity['confirmedOn']}</time>` : m.freshness.never}</span>`
        : nothing}
    </li>`;
  }

  private facts(entity: Entity) {
    const m = this.m;
    switch (this.collection) {
      case 'organisations':
        return html`<span>${m.forms[String(entity['form'])] ?? ''}</span>${signs(entity) ? html`<span class="status-tag">${m.content.signatory}</span>` : nothing}`;
      case 'meetings': {
        const zone = this.info?.timeZone;
        if (!zone || typeof entity['start'] !== 'string') return nothing;
        try {
          const p = isoToZonedParts(entity['start'], zone);
          return html`<span><time datetime=${entity['start']}>${p.date} ${p.time}</time></span><span class="status-tag">${m.statuses[String(entity['status'] ?? 'scheduled')]}</span>`;
        } catch {
          return nothing;
        }
      }
      case 'opportunities': {
        // Expired ones stay in the list (to edit or withdraw) but the board no longer shows them: say so.
        const through = typeof entity['validThrough'] === 'string' ? entity['validThrough'] : '';
        const expired = Boolean(through && this.info && !isOpportunityCurrent({ validThrough: through }, this.info.timeZone));
        return html`<span>${m.fields.validThrough} <time datetime=${through}>${through}</time></span>${expired ? html`<span class="status-tag">${m.withdraw.expired}</span>` : nothing}`;
      }
      default:
        return nothing;
    }
  }
}
