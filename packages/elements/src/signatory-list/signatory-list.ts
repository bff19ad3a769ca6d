import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { filterOrganisations, organisationFacets, type Dataset, type Organisation, type OrganisationFacets } from '@samverkan/sdk';
import { PagingController } from '../controllers/paging-controller.js';
import type { LoadedDataset } from '../data/dataset-source.js';
import { optionalString } from '../internal/converters.js';
import { isolated } from '../internal/localized.js';
import { SamverkanElement } from '../internal/samverkan-element.js';
import { searchFieldContent } from '../internal/search-field.js';
import { fill, formatNumber, labelOf, messagesFor, plural } from '../translations/catalogue.js';
import { commonMessages, type CommonMessages } from '../translations/common.js';
import { formatDateOnly } from '../utils/format.js';
import { safeHttpUrl } from '../utils/safe-url.js';
import { signatoryListMessages, type SignatoryListMessages } from './messages.js';
import { signatoryListStyles } from './signatory-list.styles.js';

interface ResultKey {
  dataset: Dataset;
  query: string;
  form: string;
  district: string;
  activity: string;
  all: boolean;
}

/**
 * The organisations that have signed the cooperation agreement: a search box
 * (case and accents ignored), filters by form, district and activity, a count
 * announced as the reader types, and the list in Swedish order, a page at a
 * time. `query`, `form`, `district` and `activity` set the first view and
 * follow the reader's choices, so a page can link to a filtered list.
 *
 * @summary Searchable list of the agreement's signatories.
 * @tagname samverkan-signatory-list
 *
 * @fires samverkan-load - The dataset is loaded and shown (`detail.dataset`, `detail.issues`, `detail.stale`).
 * @fires samverkan-error - The dataset could not be loaded (`detail.error`); the element shows why, with a retry button.
 *
 * @csspart base - The wrapper; carries `lang`, `dir` and `aria-busy`.
 * @csspart controls - The search box and filters.
 * @csspart search-input - The search field.
 * @csspart filter - Each filter's select.
 * @csspart count - The live result count.
 * @csspart list - The list of organisations.
 * @csspart item - One organisation.
 * @csspart item-name - An organisation's name.
 * @csspart website - An organisation's website link.
 * @csspart more-button - "Show more".
 * @csspart empty - The message when nothing matches.
 * @csspart status - Loading and error boxes (also `loading`, `error`).
 * @csspart retry-button - The error's retry button.
 * @csspart note - The stale-data and partly-invalid notes (also `stale-note`, `invalid-note`).
 *
 * @cssproperty --samverkan-font-family - Font; inherits the page's by default.
 * @cssproperty --samverkan-color-text - Text colour; inherits the page's by default.
 * @cssproperty --samverkan-color-background - Background of fields; transparent by default.
 * @cssproperty --samverkan-color-surface - Background of each organisation.
 * @cssproperty --samverkan-color-border - Borders of fields and items.
 * @cssproperty --samverkan-color-accent - Links, buttons and the focus ring.
 * @cssproperty --samverkan-color-on-accent - Text on accent-coloured buttons.
 * @cssproperty --samverkan-color-error - The error box's edge.
 * @cssproperty --samverkan-radius - Corner radius.
 * @cssproperty --samverkan-spacing - The base gap; others scale from it.
 */
export class SamverkanSignatoryList extends SamverkanElement {
  static override styles = [...SamverkanElement.styles, signatoryListStyles];

  /** Pages of results behind "show more". */
  protected readonly paging = new PagingController(this, () => this.pageSize);

  /** The search text. Reflects what the reader types. */
  @property({ reflect: true, converter: optionalString }) query = '';

  /** Only this form of organisation (a code such as `foundation`). Reflects the reader's choice. */
  @property({ reflect: true, converter: optionalString }) form = '';

  /** Only organisations active in this district. Reflects the reader's choice. */
  @property({ reflect: true, converter: optionalString }) district = '';

  /** Only organisations with this activity. Reflects the reader's choice. */
  @property({ reflect: true, converter: optionalString }) activity = '';

  /** Show every organisation in the dataset, not only the signatories. */
  @property({ type: Boolean, reflect: true, attribute: 'include-non-signatories' }) includeNonSignatories = false;

  /** How many organisations one page (and each "show more") shows. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  private resultKey?: ResultKey;
  private found: Organisation[] = [];
  private total = 0;
  private facets?: { dataset: Dataset; facets: OrganisationFacets };

  /** The organisations that match the current search and filters, in Swedish order. */
  get filteredOrganisations(): readonly Organisation[] {
    const dataset = this.loadedDataset;
    if (dataset) this.compute(dataset);
    return this.found;
  }

  private compute(dataset: Dataset): void {
    const key: ResultKey = {
      dataset,
      query: this.query.trim(),
      form: this.form,
      district: this.district,
      activity: this.activity,
      all: this.includeNonSignatories,
    };
    const last = this.resultKey;
    if (
      last &&
      last.dataset === key.dataset &&
      last.query === key.query &&
      last.form === key.form &&
      last.district === key.district &&
      last.activity === key.activity &&
      last.all === key.all
    ) {
      return;
    }
    if (last) this.paging.reset();
    this.resultKey = key;
    const signatoriesOnly = !key.all;
    this.found = filterOrganisations(dataset, {
      signatoriesOnly,
      ...(key.query ? { query: key.query } : {}),
      ...(key.form ? { form: key.form } : {}),
      ...(key.district ? { district: key.district } : {}),
      ...(key.activity ? { activity: key.activity } : {}),
    });
    this.total = key.query || key.form || key.district || key.activity ? filterOrganisations(dataset, { signatoriesOnly }).length : this.found.length;
  }

  private onSearch(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
  }

  private onFilter(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const name = select.name as 'form' | 'district' | 'activity';
    this[name] = select.value;
  }

  private clear(): void {
    this.query = '';
    this.form = '';
    this.district = '';
    this.activity = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')?.focus());
  }

  protected renderDataset({ dataset }: LoadedDataset): TemplateResult {
    const m = messagesFor(signatoryListMessages, this.language.ui);
    const common = messagesFor(commonMessages, this.language.ui);
    const lang = this.language.lang;
    this.compute(dataset);
    if (this.facets?.dataset !== dataset) this.facets = { dataset, facets: organisationFacets(dataset) };
    const { facets } = this.facets;
    const results = this.found;
    const shown = this.paging.slice(results);
    const narrowed = this.resultKey!.query || this.form || this.district || this.activity;
    const count = narrowed
      ? plural(lang, results.length, m.count).replace('{total}', formatNumber(this.total, lang))
      : plural(lang, results.length, m.countAll);
    const remaining = results.length - shown.length;

    return html`<section aria-label=${m.label}>
      <div part="controls" role="search">
        <div class="field search">${searchFieldContent(m.searchLabel, m.searchHint, this.query, this.onSearch)}</div>
        ${this.renderFilter('form', m.formLabel, facets.forms, this.form, (code) => labelOf(common.forms, code))}
        ${this.renderFilter('district', m.districtLabel, facets.districts, this.district)}
        ${this.renderFilter('activity', m.activityLabel, facets.activities, this.activity)}
      </div>
      <p part="count" role="status" aria-live="polite" aria-atomic="true">${count}</p>
      ${results.length === 0
        ? html`<div part="empty" class="empty">
            <p>${m.empty}</p>
            ${narrowed ? html`<button type="button" class="secondary" @click=${this.clear}>${m.clear}</button>` : nothing}
          </div>`
        : html`<ul part="list" class="list cards">
            ${shown.map((organisation, index) => this.renderItem(organisation, index, m, common.forms, lang))}
          </ul>`}
      ${remaining > 0
        ? html`<button part="more-button" type="button" class="secondary" @click=${() => this.paging.more()}>
            ${plural(lang, Math.min(remaining, this.pageSize > 0 ? this.pageSize : 50), common.showMore)}
          </button>`
        : nothing}
    </section>`;
  }

  private renderFilter(
    name: 'form' | 'district' | 'activity',
    label: string,
    values: readonly string[],
    current: string,
    display: (value: string) => string = (value) => value,
  ): TemplateResult {
    const all = messagesFor(commonMessages, this.language.ui).all;
    // A value from a link that the data does not have still shows as chosen.
    const options = current && !values.includes(current) ? [...values, current] : values;
    return html`<div class="field">
      <label for=${`filter-${name}`}>${label}</label>
      <select id=${`filter-${name}`} name=${name} part="filter" @change=${this.onFilter}>
        <option value="" ?selected=${!current}>${all}</option>
        ${options.map((value) => html`<option .value=${value} ?selected=${value === current}>${display(value)}</option>`)}
      </select>
    </div>`;
  }

  private renderItem(organisation: Organisation, index: number, m: SignatoryListMessages, forms: CommonMessages['forms'], lang: string): TemplateResult {
    const website = safeHttpUrl(organisation.website);
    const signature = organisation.signature;
    return html`<li part="item" class="item card">
      <h3 part="item-name" data-page-item=${index} tabindex="-1">${isolated(organisation.name)}</h3>
      <dl>
        <div>
          <dt>${m.form}</dt>
          <dd>${labelOf(forms, organisation.form)}</dd>
        </div>
        ${organisation.districts.length
          ? html`<div>
              <dt>${m.districts}</dt>
              <dd>${listParts(lang, organisation.districts)}</dd>
            </div>`
          : nothing}
        ${website
          ? html`<div>
              <dt>${m.website}</dt>
              <dd><a part="website" href=${website} rel="noopener noreferrer" dir="ltr">${displayUrl(website)}</a></dd>
            </div>`
          : nothing}
      </dl>
      <p class="signature">
        ${signature
          ? fill(m.signed, { date: formatDateOnly(signature.signedOn, lang), via: labelOf(m.via, signature.via) })
          : m.notSigned}
      </p>
    </li>`;
  }
}

const listFormats = new Map<string, Intl.ListFormat>();

/** `items` joined the way the language joins a list ("Centrum, Hovsjö och Järna"), each item isolated for direction. */
function listParts(lang: string, items: readonly string[]): unknown[] {
  let format = listFormats.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' });
    listFormats.set(lang, format);
  }
  let next = 0;
  return format.formatToParts(items).map((part) => (part.type === 'element' ? isolated(items[next++]!) : part.value));
}

/** A website as a reader recognises it: host and path, without the scheme or a trailing slash. */
function displayUrl(url: string): string {
  const { host, pathname } = new URL(url);
  return host.replace(/^www\./, '') + (pathname === '/' ? '' : pathname);
}
