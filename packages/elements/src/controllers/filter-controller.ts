import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { searchFieldContent } from '../internal/search-field.js';

/** The host of a {@link FilterController}: an element with a search text. */
export interface FilterHost extends ReactiveControllerHost, HTMLElement {
  /** The search text. */
  query: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** One filter: the host property it reads and writes (its select's `name` is the filter's name). */
export interface FilterBinding {
  get(): string;
  set(value: string): void;
}

/** What a {@link FilterController} needs to know about its host's filters. */
export interface FilterOptions<Name extends string, Data extends object, Facets> {
  /** The filters, by their select's `name`, in the order they are shown. */
  filters: Readonly<Record<Name, FilterBinding>>;
  /** The values each filter offers, from the data (see {@link FilterController.facets}). */
  facets(data: Data): Facets;
  /** The results changed (another query or filter): e.g. back to the first page. */
  resultsChanged(): void;
  /** The reader first reached for the controls (e.g. to start building a search index before the first key). */
  reached?(): void;
}

/** One filter as {@link FilterController.renderControls} shows it. */
export interface FilterView<Name extends string> {
  name: Name;
  label: string;
  /** What the data has; `undefined` while the reader has not reached for the controls. */
  values: readonly string[] | undefined;
  /** How a value reads (a code's label, a language's name); default: as it is. The options are rendered again when it is another function. */
  display?: (value: string) => string;
}

/** A filter value shown as it is (one function, so that a filter's options are not rendered again for a new one). */
const asItIs = (value: string): string => value;

/** The words of the search box and the filters. */
export interface ControlLabels {
  searchLabel: string;
  searchHint: string;
  /** The option that filters nothing ("Alla"). */
  all: string;
}

/**
 * The search box and filter selects of a list (the signatory list, the
 * volunteer board): their state in the host's reflected properties, the
 * handlers that write it, "clear", whether anything narrows the list, when
 * the results must be worked out again, and the filters' values, which are
 * built only when the reader first reaches for the controls (pointer over
 * them, a touch, or focus: before a select can open), not for the first
 * render: sorting every district and activity of 10,000 organisations costs
 * more than showing the first page.
 */
export class FilterController<Name extends string, Data extends object, Facets> implements ReactiveController {
  private readonly host: FilterHost;
  private readonly options: FilterOptions<Name, Data, Facets>;
  private reached = false;
  private built?: { data: Data; day: string; facets: Facets };
  private resultKey?: { data: Data; key: string };

  constructor(host: FilterHost, options: FilterOptions<Name, Data, Facets>) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The query without surrounding white space. */
  get query(): string {
    return this.host.query.trim();
  }

  /** Whether a query or a filter narrows the list. */
  get narrowed(): boolean {
    return Boolean(this.query) || this.names().some((name) => this.options.filters[name].get() !== '');
  }

  /**
   * Whether the results for `data` must be worked out (again): the data, the
   * query or a filter (or what `extra` adds, e.g. the hour) changed since the
   * last call. A change after the first calls `resultsChanged`.
   */
  needsResults(data: Data, extra = ''): boolean {
    const key = JSON.stringify([this.query, ...this.names().map((name) => this.options.filters[name].get()), extra]);
    const last = this.resultKey;
    if (last && last.data === data && last.key === key) return false;
    if (last) this.options.resultsChanged();
    this.resultKey = { data, key };
    return true;
  }

  /**
   * The filters' values for `data`, once the reader has reached for the
   * controls; `undefined` before. Built once per dataset (and `day`, for
   * values that expire).
   */
  facets(data: Data, day = ''): Facets | undefined {
    if (!this.reached) return undefined;
    if (this.built?.data !== data || this.built.day !== day) this.built = { data, day, facets: this.options.facets(data) };
    return this.built.facets;
  }

  /** The reader reached for the controls: build the filters' values (from the next render on). */
  readonly reach = (): void => {
    if (this.reached) return;
    this.reached = true;
    this.options.reached?.();
    this.host.requestUpdate();
  };

  private readonly onSearch = (event: Event): void => {
    this.host.query = (event.target as HTMLInputElement).value;
  };

  private readonly onFilter = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    this.options.filters[select.name as Name]?.set(select.value);
  };

  /** Empties the query and every filter, and puts the focus back in the search box. */
  readonly clear = (): void => {
    this.host.query = '';
    for (const name of this.names()) this.options.filters[name].set('');
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')?.focus());
  };

  /** The search box and the filters (`part="controls"`, a search landmark). */
  renderControls(labels: ControlLabels, filters: readonly FilterView<Name>[]): TemplateResult {
    return html`<div part="controls" role="search" @pointerover=${this.reach} @pointerdown=${this.reach} @focusin=${this.reach}>
      <div class="field search">${searchFieldContent(labels.searchLabel, labels.searchHint, this.host.query, this.onSearch)}</div>
      ${filters.map((filter) => this.renderFilter(filter, labels.all))}
    </div>`;
  }

  /** The message when nothing matches (or the page's own, in the host's `empty` slot), with "clear" when something narrows the list. */
  renderEmpty(message: string, clearLabel: string): TemplateResult {
    return html`<div part="empty" class="empty">
      <p><slot name="empty">${message}</slot></p>
      ${this.narrowed ? html`<button type="button" class="secondary" @click=${this.clear}>${clearLabel}</button>` : nothing}
    </div>`;
  }

  private renderFilter({ name, label, values, display = asItIs }: FilterView<Name>, all: string): TemplateResult {
    const current = this.options.filters[name].get();
    return html`<div class="field">
      <label for=${`filter-${name}`}>${label}</label>
      <select id=${`filter-${name}`} name=${name} part="filter" @change=${this.onFilter}>
        ${
          // The options again only when what they show changed: not on each keystroke in the search box
          // (a list's districts and activities are some 50 options; a host passes the same `display` for that).
          guard([values, current, all, display], () => {
            // A value from a link that the data does not have (or that is not built yet) still shows as chosen.
            const options = current && !values?.includes(current) ? [...(values ?? []), current] : (values ?? []);
            return html`<option value="" ?selected=${!current}>${all}</option>
              ${options.map((value) => html`<option .value=${value} ?selected=${value === current}>${display(value)}</option>`)}`;
          })
        }
      </select>
    </div>`;
  }

  private names(): Name[] {
    return Object.keys(this.options.filters) as Name[];
  }
}
