import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { pickText, type ContactFieldMatch, type ContactMatch, type Dataset, type LocalizedText } from '@samverkan/sdk';
import { PagingController } from '../controllers/paging-controller.js';
import { deferredModule } from '../data/deferred-module.js';
import type { LoadedDataset } from '../data/dataset-source.js';
import { optionalString } from '../internal/converters.js';
import { languageName, languageNamer } from '../internal/language-names.js';
import { inItsLanguage, isolated, joinedList, localized } from '../internal/localized.js';
import { SamverkanElement } from '../internal/samverkan-element.js';
import { searchFieldContent } from '../internal/search-field.js';
import { fillParts, messagesFor, plural } from '../translations/catalogue.js';
import { commonMessages } from '../translations/common.js';
import { mailtoUrl, safeHttpUrl, telUrl } from '../utils/safe-url.js';
import { contactFinderMessages, type ContactFinderMessages } from './messages.js';
import { contactFinderStyles } from './contact-finder.styles.js';

/** What the finder shows a dataset with (the SDK's contact search, the marking): imported when the element is defined (SamverkanElement.finalize), beside its first render, not before it. */
const parts = deferredModule(() => import('./contact-finder-parts.js'));

/**
 * The agreement's "one way in": search the municipality's contact people by
 * need or topic ("bidrag", "lokaler", "volontärer"), name, unit or a language
 * they speak. Results are cards, best matches first, with the matched words
 * marked; when nothing matches, the municipality's general contact from the
 * dataset. With no search, everyone in Swedish name order.
 *
 * @summary Search box and cards of the municipality's contact people.
 * @tagname samverkan-contact-finder
 *
 * @slot empty - Text of the page's own for when no contact person matches (instead of the element's message); the general contact is still shown under it.
 *
 * @fires samverkan-load - The dataset is loaded and shown (`detail.dataset`, `detail.issues`, `detail.stale`).
 * @fires samverkan-error - The dataset could not be loaded (`detail.error`); the element shows why, with a retry button.
 *
 * @csspart base - The wrapper; carries `lang`, `dir` and `aria-busy`.
 * @csspart search-input - The search field.
 * @csspart count - The live result count.
 * @csspart list - The list of cards.
 * @csspart card - One contact person.
 * @csspart card-name - A contact person's name.
 * @csspart email - An e-mail link.
 * @csspart phone - A phone link.
 * @csspart website - The general contact's website link (in the empty state).
 * @csspart more-button - "Show more".
 * @csspart empty - The message (and the general contact) when nothing matches.
 * @csspart status - Loading and error boxes (also `loading`, `error`).
 * @csspart retry-button - The error's retry button.
 * @csspart note - The stale-data and partly-invalid notes (also `stale-note`, `invalid-note`).
 *
 * @cssproperty --samverkan-font-family - Font; inherits the page's by default.
 * @cssproperty --samverkan-color-text - Text colour; inherits the page's by default.
 * @cssproperty --samverkan-color-background - Background of fields; transparent by default.
 * @cssproperty --samverkan-color-surface - Background of each card.
 * @cssproperty --samverkan-color-border - Borders of fields and cards.
 * @cssproperty --samverkan-color-accent - Links, buttons and the focus ring.
 * @cssproperty --samverkan-color-on-accent - Text on accent-coloured buttons.
 * @cssproperty --samverkan-color-error - The error box's edge.
 * @cssproperty --samverkan-color-mark - Background of matched words.
 * @cssproperty --samverkan-radius - Corner radius.
 * @cssproperty --samverkan-spacing - The base gap; others scale from it.
 */
export class SamverkanContactFinder extends SamverkanElement {
  static override styles = [...SamverkanElement.styles, contactFinderStyles];

  protected static override readonly datasetParts = parts;

  /** Pages of results behind "show more". */
  protected readonly paging = new PagingController(this, () => this.pageSize);

  /** The search text. Reflects what the reader types, so a page can link to a search. */
  @property({ reflect: true, converter: optionalString }) query = '';

  /** How many cards one page (and each "show more") shows. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  private last?: { dataset: Dataset; query: string; lang: string };
  private found: ContactMatch[] = [];

  /** The contacts the current search finds, best first (everyone, by name, without a search). */
  get results(): readonly ContactMatch[] {
    const dataset = this.loadedDataset;
    if (dataset) this.compute(dataset);
    return this.found;
  }

  private compute(dataset: Dataset): void {
    const query = this.query.trim();
    const lang = this.language.lang;
    const last = this.last;
    if (last && last.dataset === dataset && last.query === query && last.lang === lang) return;
    if (last && last.query !== query) this.paging.reset();
    this.last = { dataset, query, lang };
    // Languages are searched by the names shown; the UI language follows `lang`, so the check above covers it.
    const { searchContacts, sortBySwedishName } = parts.current;
    this.found = query
      ? searchContacts(dataset, query, { lang, languageName: languageNamer(this.language.ui) })
      : sortBySwedishName(dataset.contacts).map((contact) => ({ contact, score: 0, matches: [] }));
  }

  /**
   * Builds the SDK's search index while the browser is idle, so the reader's
   * first keystroke does not pay for it (about half a second at 5,000 contacts).
   */
  protected override datasetChanged({ dataset }: LoadedDataset): void {
    const warm = () => {
      // With the namer the searches will use: the SDK keeps one index per namer.
      if (this.loadedDataset === dataset) parts.current.searchContacts(dataset, 'x', { limit: 1, languageName: languageNamer(this.language.ui) });
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 2000 });
    else setTimeout(warm, 200);
  }

  private onSearch(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
  }

  /**
   * While the finder has no dataset (the data not set yet, or on its way):
   * its search box, busy, with no cards and no count yet (a count of 0 would
   * be false), which the data then fills in (the same elements,
   * SamverkanElement's frame). What is on screen stays when the data comes (only the loading line above it goes),
   * and a reader can start typing a search meanwhile: it applies once the
   * data is here. Its code is all in the finder's first download (the search
   * itself comes with the data).
   */
  protected override get showsFrame(): boolean {
    return true;
  }

  protected override renderFrame(): TemplateResult {
    return this.renderFinder(undefined);
  }

  protected renderDataset({ dataset }: LoadedDataset): TemplateResult {
    return this.renderFinder(dataset);
  }

  /** The search box, the count and the cards; without a dataset (the frame) no count, no cards and no "nothing matches". */
  private renderFinder(dataset: Dataset | undefined): TemplateResult {
    const m = messagesFor(contactFinderMessages, this.language.ui);
    const lang = this.language.lang;
    if (dataset) this.compute(dataset);
    // (Read only with a dataset: the count and "nothing matches" wait for the data.)
    const query = dataset ? this.last!.query : '';
    const results = dataset ? this.found : [];
    const shown = this.paging.slice(results);
    const remaining = results.length - shown.length;
    // Until the data is here the number is not known: the status region stays empty (and is read once it is filled).
    const count = dataset ? plural(lang, results.length, query ? m.countFound : m.countAll) : '';
    return html`<section aria-label=${m.label}>
      <div class="field" role="search">${searchFieldContent(m.searchLabel, m.searchHint, this.query, this.onSearch)}</div>
      <p part="count" role="status" aria-live="polite" aria-atomic="true">${count}</p>
      ${dataset && results.length === 0
        ? this.renderEmpty(dataset, query, m, lang)
        : html`<ul part="list" class="list cards">
            ${dataset ? shown.map((match, index) => this.renderCard(match, index, dataset, m, lang)) : nothing}
          </ul>`}
      ${remaining > 0
        ? html`<button part="more-button" type="button" class="secondary" @click=${() => this.paging.more()}>
            ${plural(lang, Math.min(remaining, this.pageSize > 0 ? this.pageSize : 20), messagesFor(commonMessages, this.language.ui).showMore)}
          </button>`
        : nothing}
    </section>`;
  }

  private renderEmpty(dataset: Dataset, query: string, m: ContactFinderMessages, lang: string): TemplateResult {
    const general = dataset.agreement.generalContact;
    const [before, after] = m.emptyGeneral.split('{name}') as [string, string?];
    const email = mailtoUrl(general?.email);
    const phone = telUrl(general?.phone);
    const website = safeHttpUrl(general?.website);
    return html`<div part="empty" class="empty">
      <p><slot name="empty">${query ? fillParts(m.empty, { query: isolated(query) }) : m.emptyNoGeneral}</slot></p>
      ${general
        ? html`<p>${before}<strong>${localized(general.name, lang, dataset.defaultLanguage)}</strong>${after ?? ''}</p>
            <ul class="links">
              ${email ? html`<li><a part="email" href=${email} dir="ltr">${general.email}</a></li>` : nothing}
              ${phone ? html`<li><a part="phone" href=${phone} dir="ltr">${general.phone}</a></li>` : nothing}
              ${website ? html`<li><a part="website" href=${website} rel="noopener noreferrer" dir="ltr">${website}</a></li>` : nothing}
            </ul>`
        : query
          ? html`<p>${m.emptyNoGeneral}</p>`
          : nothing}
    </div>`;
  }

  private renderCard({ contact, matches }: ContactMatch, index: number, dataset: Dataset, m: ContactFinderMessages, lang: string): TemplateResult {
    const dl = dataset.defaultLanguage;
    const { highlight } = parts.current;
    const text = (value: LocalizedText, field: ContactFieldMatch['field']) => {
      const picked = pickText(value, lang, dl);
      return inItsLanguage(picked, lang, highlight(picked.text, rangesIn(matches, field, picked.text)));
    };
    const email = mailtoUrl(contact.email);
    const phone = telUrl(contact.phone);
    const languages = contact.languages.map((tag) => languageName(tag, this.language.ui));
    return html`<li part="card" class="card">
      <h3 part="card-name" data-page-item=${index} tabindex="-1">${isolated(highlight(contact.name, rangesIn(matches, 'name', contact.name)))}</h3>
      <p class="title">${text(contact.title, 'title')}</p>
      <p class="unit"><span class="label">${m.unit}:</span> ${text(contact.unit, 'unit')}</p>
      ${contact.topics.length
        ? html`<div class="topics">
            <span class="label" id=${`topics-${index}`}>${m.topics}:</span>
            <ul aria-labelledby=${`topics-${index}`}>
              ${contact.topics.map((topic) => html`<li>${text(topic, 'topic')}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${email || phone
        ? html`<p class="reach">
            ${email ? html`<span><span class="label">${m.email}:</span> <a part="email" href=${email} dir="ltr">${contact.email}</a></span>` : nothing}
            ${phone ? html`<span><span class="label">${m.phone}:</span> <a part="phone" href=${phone} dir="ltr">${contact.phone}</a></span>` : nothing}
          </p>`
        : nothing}
      ${languages.length
        ? html`<p class="languages">
            <span class="label">${m.languages}:</span>
            ${joinedList(languages, this.language.ui, (name) => isolated(highlight(name, rangesIn(matches, 'language', name))))}
          </p>`
        : nothing}
    </li>`;
  }
}

/** The ranges of `matches` that fall in this field's shown text. */
function rangesIn(matches: readonly ContactFieldMatch[], field: ContactFieldMatch['field'], text: string) {
  return matches.filter((match) => match.field === field && match.text === text);
}
