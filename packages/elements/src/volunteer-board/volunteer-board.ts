import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Dataset, ListedOpportunity } from '@samverkan/sdk';
import { FilterController } from '../controllers/filter-controller.js';
import { PagingController } from '../controllers/paging-controller.js';
import { deferredModule } from '../data/deferred-module.js';
import type { LoadedDataset } from '../data/dataset-source.js';
import { optionalString } from '../internal/converters.js';
import { languageName } from '../internal/language-names.js';
import { joinedList, joinedText, localized } from '../internal/localized.js';
import { SamverkanElement } from '../internal/samverkan-element.js';
import { searchableListStyles } from '../styles/layout.js';
import { fill, formatNumber, messagesFor, plural, uiLanguage } from '../translations/catalogue.js';
import { commonMessages } from '../translations/common.js';
import { formatDateOnly } from '../utils/format.js';
import { displayUrl, mailtoUrl, safeHttpUrl, telUrl } from '../utils/safe-url.js';
import { volunteerBoardMessages, type VolunteerBoardMessages } from './messages.js';
import { volunteerBoardStyles } from './volunteer-board.styles.js';

/** What the board shows a dataset with (the SDK's opportunity helpers): imported when the element is defined (SamverkanElement.finalize), beside its first render, not before it. */
const parts = deferredModule(() => import('./volunteer-board-parts.js'));

/**
 * The volunteer board (the agreement's *frivilligdatabas*): the current
 * volunteer opportunities of the organisations that have signed, newest
 * first, with a search box (case and accents ignored: "alder" finds
 * "Äldre") and filters by district, activity and language. Each shows the
 * organisation, what, where, when, how much time, and how to get in touch
 * (e-mail and phone links built by the element, web links only http(s)).
 * An opportunity whose `validThrough` day has passed in the dataset's time
 * zone is not shown. `query`, `district`, `activity` and `language` set the
 * first view and follow the reader's choices.
 *
 * @summary Searchable board of volunteer opportunities in signatory organisations.
 * @tagname samverkan-volunteer-board
 *
 * @slot empty - Text of the page's own for when no opportunity matches the search and filters; the "clear" button stays.
 * @slot none - Text of the page's own for when no opportunity is offered at all (instead of the element's "no opportunities right now").
 *
 * @fires samverkan-load - The dataset is loaded and shown (`detail.dataset`, `detail.issues`, `detail.stale`).
 * @fires samverkan-error - The dataset could not be loaded (`detail.error`); the element shows why, with a retry button.
 *
 * @csspart base - The wrapper; carries `lang`, `dir` and `aria-busy`.
 * @csspart controls - The search box and filters.
 * @csspart search-input - The search field.
 * @csspart filter - Each filter's select.
 * @csspart count - The live result count.
 * @csspart list - The list of opportunities.
 * @csspart item - One opportunity.
 * @csspart item-title - An opportunity's title.
 * @csspart organisation - The organisation offering it.
 * @csspart contact - How to get in touch.
 * @csspart more-button - "Show more".
 * @csspart empty - The message when nothing matches (or nothing is offered).
 * @csspart status - Loading and error boxes (also `loading`, `error`).
 * @csspart retry-button - The error's retry button.
 * @csspart note - The stale-data and partly-invalid notes (also `stale-note`, `invalid-note`).
 *
 * @cssproperty --samverkan-font-family - Font; inherits the page's by default.
 * @cssproperty --samverkan-color-text - Text colour; inherits the page's by default.
 * @cssproperty --samverkan-color-background - Background of fields; transparent by default.
 * @cssproperty --samverkan-color-surface - Background of each opportunity.
 * @cssproperty --samverkan-color-border - Borders of fields and items.
 * @cssproperty --samverkan-color-accent - Links, buttons and the focus ring.
 * @cssproperty --samverkan-color-on-accent - Text on accent-coloured buttons.
 * @cssproperty --samverkan-radius - Corner radius.
 * @cssproperty --samverkan-spacing - The base gap; others scale from it.
 */
export class SamverkanVolunteerBoard extends SamverkanElement {
  static override styles = [...SamverkanElement.styles, searchableListStyles, volunteerBoardStyles];

  protected static override readonly datasetParts = parts;

  /** Pages of results behind "show more". */
  protected readonly paging = new PagingController(this, () => this.pageSize);

  /** The search box and filters; their values are built when the reader first reaches for them. */
  protected readonly filters = new FilterController(this, {
    filters: {
      district: { get: () => this.district, set: (value) => (this.district = value) },
      activity: { get: () => this.activity, set: (value) => (this.activity = value) },
      language: { get: () => this.volunteerLanguage, set: (value) => (this.volunteerLanguage = value) },
    },
    facets: (dataset: Dataset) => parts.current.opportunityFacets(dataset),
    resultsChanged: () => this.paging.reset(),
  });

  /** The search text. Reflects what the reader types. */
  @property({ reflect: true, converter: optionalString }) query = '';

  /** Only opportunities in this district. Reflects the reader's choice. */
  @property({ reflect: true, converter: optionalString }) district = '';

  /** Only opportunities with this activity. Reflects the reader's choice. */
  @property({ reflect: true, converter: optionalString }) activity = '';

  /**
   * Only opportunities where a volunteer can use this language (a tag such
   * as `ar`; attribute `language`, not `lang`, which is the UI's language).
   * Reflects the reader's choice.
   */
  @property({ attribute: 'language', reflect: true, converter: optionalString }) volunteerLanguage = '';

  /** How many opportunities one page (and each "show more") shows. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /**
   * Writes the current opportunities as schema.org `JobPosting`s
   * (`employmentType: "VOLUNTEER"`) into a `<script type="application/ld+json">`
   * child of the element, for search engines. Off by default.
   */
  @property({ type: Boolean, reflect: true, attribute: 'json-ld' }) jsonLd = false;

  private found: ListedOpportunity[] = [];
  private total = 0;
  private jsonLdScript?: HTMLScriptElement;
  private jsonLdWriting?: Promise<void>;

  /** The opportunities that match the current search and filters (current ones of signatories only). */
  get filteredOpportunities(): readonly ListedOpportunity[] {
    const dataset = this.loadedDataset;
    if (dataset) this.compute(dataset);
    return this.found;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const dataset = this.loadedDataset;
    if (dataset) this.compute(dataset);
  }

  private compute(dataset: Dataset): void {
    // The hour is part of the key: a page left open past midnight drops what expired.
    const now = new Date();
    if (!this.filters.needsResults(dataset, now.toISOString().slice(0, 13))) return;
    const query = this.filters.query;
    const { currentOpportunities, filterOpportunities } = parts.current;
    this.found = filterOpportunities(dataset, {
      now,
      ...(query ? { query } : {}),
      ...(this.district ? { district: this.district } : {}),
      ...(this.activity ? { activity: this.activity } : {}),
      ...(this.volunteerLanguage ? { language: this.volunteerLanguage } : {}),
    });
    this.total = this.filters.narrowed ? currentOpportunities(dataset, now).length : this.found.length;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.writeJsonLd();
  }

  // updateComplete also waits for the JSON-LD, so that after it the page's data matches what is shown.
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    await this.jsonLdWriting;
    return complete;
  }

  /** Keeps a `<script type="application/ld+json">` child in step with the current opportunities (only with `json-ld`). */
  private writeJsonLd(): void {
    const dataset = this.loadedDataset;
    if (!this.jsonLd) {
      this.jsonLdScript?.remove();
      this.jsonLdScript = undefined;
      return;
    }
    if (!dataset) return;
    const listed = parts.current.currentOpportunities(dataset);
    const lang = this.language.lang;
    const writing = import('./json-ld-script.js').then(
      ({ opportunitiesJsonLd }) => {
        if (this.jsonLdWriting !== writing || !this.jsonLd || this.loadedDataset !== dataset) return;
        // textContent, never innerHTML; opportunitiesJsonLd escapes < > & so no text can end the script.
        const content = opportunitiesJsonLd(listed, lang, dataset.defaultLanguage);
        if (!this.jsonLdScript || this.jsonLdScript.parentNode !== this) {
          this.jsonLdScript = document.createElement('script');
          this.jsonLdScript.type = 'application/ld+json';
          this.jsonLdScript.dataset['samverkan'] = 'volunteer-board';
          this.append(this.jsonLdScript);
        }
        if (this.jsonLdScript.textContent !== content) this.jsonLdScript.textContent = content;
      },
      (error: unknown) => console.warn('Samverkan: the volunteer board could not load its JSON-LD writer, so the page has no schema.org data for the opportunities.', error),
    );
    this.jsonLdWriting = writing;
  }

  /**
   * While the board has no dataset (the data not set yet, or on its way):
   * its search box and filters, busy, with no opportunities and no count yet
   * (a count of 0 would be false), which the data then fills in (the same
   * elements, SamverkanElement's frame). The filters offer "all" until the
   * data names their choices. What is on screen stays when the data comes (only the loading line above it goes),
   * and a search typed meanwhile is kept and applies once the data is here.
   * Its code is all in the board's first download.
   */
  protected override get showsFrame(): boolean {
    return true;
  }

  protected override renderFrame(): TemplateResult {
    return this.renderBoard(undefined);
  }

  protected renderDataset({ dataset }: LoadedDataset): TemplateResult {
    return this.renderBoard(dataset);
  }

  /**
   * The search box, the filters, the count and the opportunities; without a
   * dataset (the frame) no count, no opportunities, and neither "nothing
   * matches" nor "nothing is offered" (nothing is known yet).
   */
  private renderBoard(dataset: Dataset | undefined): TemplateResult {
    const m = messagesFor(volunteerBoardMessages, this.language.ui);
    const common = messagesFor(commonMessages, this.language.ui);
    const lang = this.language.lang;
    const ui = uiLanguage(this.language.ui);
    const facets = dataset ? this.filters.facets(dataset, new Date().toISOString().slice(0, 10)) : undefined;
    const results = dataset ? this.found : [];
    const shown = this.paging.slice(results);
    const narrowed = this.filters.narrowed;
    // Until the data is here the number is not known: the status region stays empty (and is read once it is filled).
    const count = !dataset
      ? ''
      : narrowed
        ? plural(lang, results.length, m.count).replace('{total}', formatNumber(this.total, lang))
        : plural(lang, results.length, m.countAll);
    const remaining = results.length - shown.length;
    if (dataset && this.total === 0 && !narrowed) {
      return html`<section aria-label=${m.label}><p part="empty" class="empty"><slot name="none">${m.none}</slot></p></section>`;
    }
    return html`<section aria-label=${m.label}>
      ${this.filters.renderControls({ searchLabel: m.searchLabel, searchHint: m.searchHint, all: common.all }, [
        { name: 'district', label: m.districtLabel, values: facets?.districts },
        { name: 'activity', label: m.activityLabel, values: facets?.activities },
        { name: 'language', label: m.languageLabel, values: facets?.languages, display: (tag) => languageName(tag, ui) },
      ])}
      <p part="count" role="status" aria-live="polite" aria-atomic="true">${count}</p>
      ${dataset && results.length === 0
        ? this.filters.renderEmpty(m.empty, m.clear)
        : html`<ul part="list" class="list cards">
            ${dataset ? shown.map((entry, index) => this.renderItem(entry, index, dataset, m, lang)) : nothing}
          </ul>`}
      ${remaining > 0
        ? html`<button part="more-button" type="button" class="secondary" @click=${() => this.paging.more()}>
            ${plural(lang, Math.min(remaining, this.pageSize > 0 ? this.pageSize : 20), common.showMore)}
          </button>`
        : nothing}
    </section>`;
  }

  private renderWhen({ opportunity: o }: ListedOpportunity, m: VolunteerBoardMessages, lang: string): string {
    if (o.start && o.end) return fill(m.range, { start: formatDateOnly(o.start, lang), end: formatDateOnly(o.end, lang) });
    if (o.start) return fill(m.from, { date: formatDateOnly(o.start, lang) });
    if (o.end) return fill(m.until, { date: formatDateOnly(o.end, lang) });
    return m.ongoing;
  }

  private renderItem(entry: ListedOpportunity, index: number, dataset: Dataset, m: VolunteerBoardMessages, lang: string): TemplateResult {
    const { opportunity: o, organisation } = entry;
    const d = dataset.defaultLanguage;
    const ui = uiLanguage(this.language.ui);
    const email = mailtoUrl(o.contact.email);
    const phone = telUrl(o.contact.phone);
    const website = safeHttpUrl(o.contact.url);
    return html`<li part="item" class="item card" data-opportunity=${o.id}>
      <h3 part="item-title" data-page-item=${index} tabindex="-1" dir="auto">${localized(o.title, lang, d)}</h3>
      <p part="organisation" class="organisation"><span class="visually-hidden">${m.organisation}: </span><bdi>${organisation.name}</bdi></p>
      <p class="description" dir="auto">${localized(o.description, lang, d)}</p>
      <dl>
        ${o.districts.length ? html`<div><dt>${m.where}</dt><dd>${joinedList(o.districts, lang)}</dd></div>` : nothing}
        <div><dt>${m.when}</dt><dd>${this.renderWhen(entry, m, lang)}</dd></div>
        ${o.timeCommitment ? html`<div><dt>${m.time}</dt><dd dir="auto">${localized(o.timeCommitment, lang, d)}</dd></div>` : nothing}
        ${o.languages.length ? html`<div><dt>${m.languages}</dt><dd>${joinedText(o.languages.map((tag) => languageName(tag, ui)), lang)}</dd></div>` : nothing}
      </dl>
      <div part="contact" class="contact">
        <h4 class="contact-heading">${m.contact}</h4>
        <ul>
          ${email ? html`<li><span class="contact-label">${m.email}:</span> <a href=${email} dir="ltr">${o.contact.email}</a></li>` : nothing}
          ${phone ? html`<li><span class="contact-label">${m.phone}:</span> <a href=${phone} dir="ltr">${o.contact.phone}</a></li>` : nothing}
          ${website
            ? html`<li><span class="contact-label">${m.website}:</span> <a href=${website} rel="noopener noreferrer" dir="ltr">${displayUrl(website)}</a></li>`
            : nothing}
        </ul>
      </div>
      <p class="valid-through">${fill(m.validThrough, { date: formatDateOnly(o.validThrough, lang) })}</p>
    </li>`;
  }
}
