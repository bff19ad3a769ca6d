import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Dataset, DatasetCheck, Organisation, OrganisationFilter } from '@samverkan/sdk';
import { afterNextPaint } from '../controllers/dataset-controller.js';
import { FilterController } from '../controllers/filter-controller.js';
import { PagingController } from '../controllers/paging-controller.js';
import { deferredModule } from '../data/deferred-module.js';
import type { LoadedDataset } from '../data/dataset-source.js';
import { optionalString } from '../internal/converters.js';
import { joinedIsolated, joinedText } from '../internal/localized.js';
import { SamverkanElement } from '../internal/samverkan-element.js';
import { searchableListStyles } from '../styles/layout.js';
import { fill, formatNumber, labelOf, messagesFor, plural } from '../translations/catalogue.js';
import { commonMessages, type CommonMessages } from '../translations/common.js';
import { formatDateOnly } from '../utils/format.js';
import { displayUrl, safeHttpUrl } from '../utils/safe-url.js';
import { signatoryListMessages, type SignatoryListMessages } from './messages.js';

/** What the list shows a dataset with (the SDK's organisation helpers): imported when the element is defined (SamverkanElement.finalize), beside its first render, not before it. */
const parts = deferredModule(() => import('./signatory-list-parts.js'));

/**
 * About how many cards fill the window (a card is at least some 90 CSS
 * pixels tall), at least 8: what a dataset's first render shows while it is
 * checked (the rest of the page follows once these are painted).
 */
function firstScreenful(): number {
  return Math.max(8, Math.ceil((globalThis.innerHeight || 0) / 90));
}

/** A card without districts (hidden) keeps one empty list, so its directive sees nothing new. */
const NO_DISTRICTS: readonly string[] = [];

/** What a card shows of one organisation, worked out once per language. */
interface CardFacts {
  lang: string;
  m: SignatoryListMessages;
  form: string;
  districts: readonly string[] | undefined;
  website: string | undefined;
  websiteText: string;
  signed: string;
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
 * @slot empty - Text of the page's own for when no organisation matches the search and filters (instead of "Ingen organisation matchar sökningen."); the "clear" button stays.
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
  static override styles = [
    ...SamverkanElement.styles,
    searchableListStyles,
    // A fact a card does not have is hidden (the cards keep one shape: see renderItem).
    css`
      .card dl > [hidden] {
        display: none;
      }
      /*
       * The cards one below the other as plain blocks, not a grid: a keystroke
       * that changes the page lays out the 50 cards again, and block layout is
       * the cheapest there is.
       */
      .cards {
        display: block;
      }
      .cards > li + li {
        margin-block-start: calc(var(--_space) * 0.75);
      }
    `,
  ];

  protected static override readonly datasetParts = parts;

  /** Pages of results behind "show more". */
  protected readonly paging = new PagingController(this, () => this.pageSize);

  /** The search box and filters; their values are built when the reader first reaches for them. */
  protected readonly filters = new FilterController(this, {
    filters: {
      form: { get: () => this.form, set: (value) => (this.form = value) },
      district: { get: () => this.district, set: (value) => (this.district = value) },
      activity: { get: () => this.activity, set: (value) => (this.activity = value) },
    },
    facets: (dataset: Dataset) => parts.current.organisationFacets(dataset),
    resultsChanged: () => this.paging.reset(),
    // A reader at the search box is about to type: the search index (and the whole order) is built now,
    // a slice at a time between tasks, so the first key does not wait for it. The filters' values
    // need every entry: a dataset still being checked is finished first.
    reached: () => {
      this.data$.finishNow();
      const dataset = this.loadedDataset;
      if (dataset) void parts.current.prepareOrganisationSearch(dataset);
    },
  });

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

  /** The first page is shown while the rest of a dataset given as `data` is checked. */
  readonly showsWhileChecking = true;

  // What is shown, worked out in willUpdate: the first pages, how many match, and how many there are in all.
  private shown: Organisation[] = [];
  /** While the dataset is checked: the first page, from the check. */
  private checkingKey?: { check: DatasetCheck; filter: string; pages: number };
  private matching = 0;
  private total = 0;
  /** How many there are in all (signatories, or every organisation), once per dataset: not once per keystroke. */
  private totals?: { dataset: Dataset; all: boolean; count: number };
  private shownKey?: { dataset: Dataset; filter: string; pages: number };
  private found?: { dataset: Dataset; filter: string; organisations: Organisation[] };

  /** The organisations that match the current search and filters, in Swedish order (all of them, not only those shown). */
  get filteredOrganisations(): readonly Organisation[] {
    const dataset = this.loadedDataset;
    if (!dataset) return [];
    const filter = this.filter();
    const key = JSON.stringify(filter);
    if (this.found?.dataset !== dataset || this.found.filter !== key) this.found = { dataset, filter: key, organisations: parts.current.filterOrganisations(dataset, filter) };
    return this.found.organisations;
  }

  private filter(): OrganisationFilter {
    const query = this.filters.query;
    return {
      signatoriesOnly: !this.includeNonSignatories,
      ...(query ? { query } : {}),
      ...(this.form ? { form: this.form } : {}),
      ...(this.district ? { district: this.district } : {}),
      ...(this.activity ? { activity: this.activity } : {}),
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A page's first Intl collator and date format cost 10-40 ms each to make (ICU loads the language's
    // data then); later ones, and using them, cost microseconds. The first page needs both (the Swedish
    // order and its table of letters, the signing dates), the districts' "och" and the count's number:
    // they are made in a task of their own right after the one that added the element, so a dataset
    // that comes later (a request for src, a page's own fetch for data) does not wait for them. Data
    // given in the same task as the element makes them first; this task then finds them made.
    // The Swedish order (and its table of letters) is made once the helpers that sort have arrived
    // (they come beside the dataset).
    setTimeout(() => this.prepareFormats(), 0);
    void parts.load().then(
      (loaded) => {
        loaded.compareSwedish('a', 'b');
        // The sort keys' table of letters (read off a second collator): the first page's pick needs it.
        loaded.sortBySwedishName([{ name: 'b' }, { name: 'a' }]);
      },
      () => {},
    );
  }

  /** Makes (in the SDK's shared Intl cache) what the first page formats with, in the element's language. */
  private prepareFormats(): void {
    if (!this.isConnected) return;
    const lang = this.language.lang;
    formatDateOnly('2026-01-01', lang);
    joinedText(['a', 'b'], lang);
    formatNumber(1, lang);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.data$.state.status === 'checking') this.checkingPage(this.data$.state.check);
    const dataset = this.loadedDataset;
    if (!dataset) return;
    this.filters.needsResults(dataset, String(this.includeNonSignatories));
    // Only the pages shown are picked out in order: the first render does not sort all 10,000 (see firstOrganisations).
    const filter = this.filter();
    const key = { dataset, filter: JSON.stringify(filter), pages: this.paging.shown };
    const last = this.shownKey;
    if (last && last.dataset === key.dataset && last.filter === key.filter && last.pages === key.pages) return;
    this.shownKey = key;
    const { firstOrganisations } = parts.current;
    const { organisations, count } = firstOrganisations(dataset, filter, this.paging.shown);
    this.shown = organisations;
    this.matching = count;
    const all = this.includeNonSignatories;
    if (this.totals?.dataset !== dataset || this.totals.all !== all) {
      this.totals = { dataset, all, count: firstOrganisations(dataset, { signatoriesOnly: !all }, 0).count };
    }
    this.total = this.totals.count;
  }

  /**
   * The first page while the dataset is checked: only the organisations that
   * may be on it are checked (firstCheckedOrganisations). A search needs
   * every entry, and so does a name that parsing changed: then the check is
   * finished now.
   */
  private checkingPage(check: DatasetCheck): void {
    const filter = this.filter();
    const whole = this.paging.shown;
    // The first render of a dataset being checked shows about a screenful (see firstScreenful), the rest
    // of the page once that is painted: the first rows do not wait for cards below the window.
    const limit = this.wholePageOf === check ? whole : Math.min(whole, firstScreenful());
    const key = { check, filter: JSON.stringify(filter), pages: limit };
    const last = this.checkingKey;
    if (last && last.check === key.check && last.filter === key.filter && last.pages === key.pages) return;
    const page = parts.current.firstCheckedOrganisations(check.list('organisations'), filter, limit);
    if (!page) {
      this.data$.finishNow();
      return;
    }
    this.checkingKey = key;
    this.shown = page.organisations;
    if (limit < whole) this.showWholePageAfterPaint(check);
  }

  /** The check whose whole first page is shown; before that, its first screenful. */
  private wholePageOf?: DatasetCheck;
  private wholePageAsked?: DatasetCheck;

  /**
   * Shows the whole first page of `check` in the first task after the
   * screenful is painted, at background priority: input and rendering come
   * first (the rest of the check also runs at that priority, after it).
   */
  private showWholePageAfterPaint(check: DatasetCheck): void {
    if (this.wholePageAsked === check) return;
    this.wholePageAsked = check;
    void afterNextPaint()
      .then(() => parts.current.nextBackgroundTask())
      .then(() => {
        this.wholePageOf = check;
        this.requestUpdate();
      });
  }

  protected override renderChecking(): TemplateResult {
    return this.renderList(undefined, undefined);
  }

  /**
   * While the list has no dataset (the data not set yet, or on its way): its
   * search box and filters, busy, with no organisations and no count yet,
   * which the data then fills in (the same elements, SamverkanElement's
   * frame). What is on screen stays when the data comes (only the loading line above it goes), a reader can start
   * typing a search meanwhile (it applies once the data is here), and the
   * controls are laid out before the data comes. Its code is all in the
   * list's first download: the frame is its first render.
   */
  protected override get showsFrame(): boolean {
    return true;
  }

  protected override renderFrame(): TemplateResult {
    return this.renderList(undefined, undefined);
  }

  protected renderDataset({ dataset }: LoadedDataset): TemplateResult {
    return this.renderList(dataset, this.matching);
  }

  /** The list: `matching` (and the count, and "show more") once the whole dataset is checked. */
  private renderList(dataset: Dataset | undefined, matching: number | undefined): TemplateResult {
    const m = messagesFor(signatoryListMessages, this.language.ui);
    const common = messagesFor(commonMessages, this.language.ui);
    const lang = this.language.lang;
    const facets = dataset ? this.filters.facets(dataset) : undefined;
    const shown = this.shown;
    // Until every entry is checked the count is not known: the status region stays empty (and is read once it is filled).
    const count =
      matching === undefined
        ? ''
        : this.filters.narrowed
          ? plural(lang, matching, m.count).replace('{total}', formatNumber(this.total, lang))
          : plural(lang, matching, m.countAll);
    const remaining = matching === undefined ? 0 : matching - shown.length;

    return html`<section aria-label=${m.label}>
      ${this.filters.renderControls({ searchLabel: m.searchLabel, searchHint: m.searchHint, all: common.all }, [
        { name: 'form', label: m.formLabel, values: facets?.forms, display: this.formLabel(common.forms) },
        { name: 'district', label: m.districtLabel, values: facets?.districts },
        { name: 'activity', label: m.activityLabel, values: facets?.activities },
      ])}
      <p part="count" role="status" aria-live="polite" aria-atomic="true">${count}</p>
      ${matching === 0
        ? this.filters.renderEmpty(m.empty, m.clear)
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

  /**
   * One card. Its shape is the same for every organisation (a fact that is
   * missing is hidden, not left out), so that a keystroke that brings other
   * organisations onto the page changes texts, not elements; what is worked
   * out from an organisation is kept per organisation and language. The
   * name is isolated for direction as `isolated()` does it, but in the
   * card's own template: 50 nested templates fewer per keystroke.
   */
  private renderItem(organisation: Organisation, index: number, m: SignatoryListMessages, forms: CommonMessages['forms'], lang: string): TemplateResult {
    const facts = this.factsOf(organisation, m, forms, lang);
    return html`<li part="item" class="item card">
      <h3 part="item-name" data-page-item=${index} tabindex="-1"><bdi>${organisation.name}</bdi></h3>
      <dl>
        <div>
          <dt>${m.form}</dt>
          <dd>${facts.form}</dd>
        </div>
        <div ?hidden=${facts.districts === undefined}>
          <dt>${m.districts}</dt>
          <dd ${joinedIsolated(facts.districts ?? NO_DISTRICTS, lang)}></dd>
        </div>
        <div ?hidden=${facts.website === undefined}>
          <dt>${m.website}</dt>
          <dd><a part="website" href=${facts.website ?? nothing} rel="noopener noreferrer" dir="ltr">${facts.websiteText}</a></dd>
        </div>
      </dl>
      <p class="signature">${facts.signed}</p>
    </li>`;
  }

  private formLabels?: { forms: CommonMessages['forms']; label: (code: string) => string };

  /** A form's label in the language of `forms`: one function per language, so the form filter's options are rendered once, not per keystroke. */
  private formLabel(forms: CommonMessages['forms']): (code: string) => string {
    if (this.formLabels?.forms !== forms) this.formLabels = { forms, label: (code) => labelOf(forms, code) };
    return this.formLabels.label;
  }

  private readonly facts = new WeakMap<Organisation, CardFacts>();

  private factsOf(organisation: Organisation, m: SignatoryListMessages, forms: CommonMessages['forms'], lang: string): CardFacts {
    const known = this.facts.get(organisation);
    if (known && known.lang === lang && known.m === m) return known;
    const website = safeHttpUrl(organisation.website);
    const signature = organisation.signature;
    const facts: CardFacts = {
      lang,
      m,
      form: labelOf(forms, organisation.form),
      districts: organisation.districts.length ? organisation.districts : undefined,
      website,
      websiteText: website ? displayUrl(website) : '',
      signed: signature ? fill(m.signed, { date: formatDateOnly(signature.signedOn, lang), via: labelOf(m.via, signature.via) }) : m.notSigned,
    };
    this.facts.set(organisation, facts);
    return facts;
  }

}
