import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { COMMITMENT_PARTIES, type Dataset, type DevelopmentArea, type LatestStatus, type Principle } from '@samverkan/sdk';
import { deferredModule } from '../data/deferred-module.js';
import type { LoadedDataset } from '../data/dataset-source.js';
import { isolated, localized } from '../internal/localized.js';
import { SamverkanElement } from '../internal/samverkan-element.js';
import { fillParts, messagesFor, plural } from '../translations/catalogue.js';
import { formatDateOnly } from '../utils/format.js';
import { safeHttpUrl } from '../utils/safe-url.js';
import { principlesMessages, type PrinciplesMessages } from './messages.js';
import { followUpMessages } from '../follow-up/messages.js';

/** What the element shows a dataset's follow-up statuses with: imported when the element is defined (SamverkanElement.finalize), beside its first render, not before it. */
const parts = deferredModule(() => import('./principles-parts.js'));

const HASH_PREFIX = 'principle-';

/** The principle a URL fragment (`#principle-<id>`) points at, if any. */
export function principleForHash(hash: string, principles: readonly Principle[]): Principle | undefined {
  if (!hash.startsWith(`#${HASH_PREFIX}`)) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(hash.slice(1 + HASH_PREFIX.length));
  } catch {
    return undefined;
  }
  return principles.find((p) => p.id === id);
}

/** The fragment that opens `principle` (`#principle-<id>`). */
export function principleHash(principle: Principle): string {
  return `#${HASH_PREFIX}${encodeURIComponent(principle.id)}`;
}

/**
 * The cooperation agreement itself: its title, when and by whom it was
 * adopted, how often it is revised, and its principles, each a disclosure
 * (a button in a heading that shows and hides the description and the
 * commitments, grouped by party) with a deep link: a page address ending in
 * `#principle-<id>` opens that principle and brings it into view, also when
 * the address changes later. Then the development areas and their actions.
 *
 * @summary The agreement's principles, commitments and development areas.
 * @tagname samverkan-principles
 *
 * @slot empty - Text of the page's own for when the agreement has no principles yet (instead of the element's message).
 *
 * @fires samverkan-load - The dataset is loaded and shown (`detail.dataset`, `detail.issues`, `detail.stale`).
 * @fires samverkan-error - The dataset could not be loaded (`detail.error`); the element shows why, with a retry button.
 *
 * @csspart base - The wrapper; carries `lang`, `dir` and `aria-busy`.
 * @csspart title - The agreement's title.
 * @csspart facts - Adoption and revision.
 * @csspart document-link - The link to the agreement's full text.
 * @csspart principles - The list of principles.
 * @csspart principle - One principle.
 * @csspart principle-toggle - The button that opens and closes a principle (`aria-expanded`).
 * @csspart principle-panel - A principle's description and commitments.
 * @csspart principle-link - A principle's deep link.
 * @csspart commitments - The commitments of one party.
 * @csspart commitment-status - With `show-follow-up`: a commitment's latest status (symbol and words) and its year.
 * @csspart empty - The message when the agreement has no principles.
 * @csspart areas - The development areas.
 * @csspart area - One development area.
 * @csspart status - Loading and error boxes (also `loading`, `error`).
 * @csspart retry-button - The error's retry button.
 * @csspart note - The stale-data and partly-invalid notes (also `stale-note`, `invalid-note`).
 *
 * @cssproperty --samverkan-font-family - Font; inherits the page's by default.
 * @cssproperty --samverkan-color-text - Text colour; inherits the page's by default.
 * @cssproperty --samverkan-color-surface - Background of each principle.
 * @cssproperty --samverkan-color-border - Borders of principles.
 * @cssproperty --samverkan-color-accent - Links, the disclosure buttons and the focus ring.
 * @cssproperty --samverkan-radius - Corner radius.
 * @cssproperty --samverkan-spacing - The base gap; others scale from it.
 */
export class SamverkanPrinciples extends SamverkanElement {
  // Its own styles come with its parts (dataStyles): they style only what data shows.
  static override styles = SamverkanElement.styles;

  protected static override readonly datasetParts = parts;

  /** Show each commitment's latest status from the yearly follow-ups (`followUps` in the dataset) beside it. */
  @property({ type: Boolean, reflect: true, attribute: 'show-follow-up' }) showFollowUp = false;

  private readonly open = new Set<string>();
  private revealAfterRender?: string;
  /** With `show-follow-up`: the latest status by commitment id, for the dataset last shown. */
  private latest?: { dataset: Dataset; statuses: Map<string, LatestStatus> };

  private readonly onHashChange = (): void => {
    const dataset = this.loadedDataset;
    if (dataset && this.revealFromHash(dataset)) this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  /** `true` when the principle with `id` is open. */
  isOpen(id: string): boolean {
    return this.open.has(id);
  }

  /** Opens or closes the principle with `id` (what its button does). */
  toggle(id: string, open = !this.open.has(id)): void {
    if (open) this.open.add(id);
    else this.open.delete(id);
    this.requestUpdate();
  }

  protected override datasetChanged({ dataset }: LoadedDataset): void {
    this.revealFromHash(dataset);
  }

  /** Opens the principle the page's address points at; `true` if there is one. */
  private revealFromHash(dataset: Dataset): boolean {
    const principle = principleForHash(location.hash, dataset.principles);
    if (!principle) return false;
    this.open.add(principle.id);
    this.revealAfterRender = principle.id;
    return true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const id = this.revealAfterRender;
    if (id === undefined) return;
    this.revealAfterRender = undefined;
    const index = this.loadedDataset?.principles.findIndex((p) => p.id === id) ?? -1;
    const item = this.renderRoot.querySelector<HTMLElement>(`[data-principle="${index}"]`);
    if (!item) return;
    item.scrollIntoView({ block: 'start' });
    item.querySelector<HTMLButtonElement>('[part~="principle-toggle"]')?.focus({ preventScroll: true });
  }

  protected renderDataset({ dataset }: LoadedDataset): TemplateResult {
    const m = messagesFor(principlesMessages, this.language.ui);
    const lang = this.language.lang;
    const { agreement } = dataset;
    const documentUrl = safeHttpUrl(agreement.documentUrl);
    return html`<article class="agreement" aria-labelledby="agreement-title">
      <header class="header">
        <h2 part="title" id="agreement-title">${localized(agreement.title, lang, dataset.defaultLanguage)}</h2>
        <p part="facts">
          ${fillParts(m.adopted, { date: formatDateOnly(agreement.adoptedOn, lang), municipality: isolated(agreement.municipality.name) })}
          ${agreement.revisionIntervalYears ? plural(lang, agreement.revisionIntervalYears, m.revision) : nothing}
          ${agreement.developmentPlanIntervalYears ? plural(lang, agreement.developmentPlanIntervalYears, m.developmentPlan) : nothing}
        </p>
        ${documentUrl ? html`<p><a part="document-link" href=${documentUrl} rel="noopener noreferrer">${m.document}</a></p>` : nothing}
      </header>
      <section class="section" aria-labelledby="principles-heading">
        <h3 id="principles-heading">${m.principlesHeading}</h3>
        ${dataset.principles.length
          ? html`<ul part="principles" class="principles">
              ${dataset.principles.map((p, i) => this.renderPrinciple(p, i, dataset, m, lang))}
            </ul>`
          : html`<p part="empty" class="empty"><slot name="empty">${m.noPrinciples}</slot></p>`}
      </section>
      ${dataset.developmentAreas.length
        ? html`<section class="section" aria-labelledby="areas-heading">
            <h3 id="areas-heading">${m.areasHeading}</h3>
            <ul part="areas" class="areas">
              ${dataset.developmentAreas.map((area, i) => this.renderArea(area, i, dataset, m, lang))}
            </ul>
          </section>`
        : nothing}
    </article>`;
  }

  private renderPrinciple(principle: Principle, index: number, dataset: Dataset, m: PrinciplesMessages, lang: string): TemplateResult {
    const open = this.open.has(principle.id);
    // DOM ids from the index: ids in the data are not guaranteed to be valid in HTML.
    const button = `principle-button-${index}`;
    const panel = `principle-panel-${index}`;
    return html`<li part="principle" class="principle" data-principle=${index}>
      <h4>
        <button
          part="principle-toggle"
          id=${button}
          type="button"
          class="toggle"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${panel}
          @click=${() => this.toggle(principle.id)}
        >
          <span class="marker" aria-hidden="true"></span>
          <span class="toggle-text">${localized(principle.title, lang, dataset.defaultLanguage)}</span>
        </button>
      </h4>
      <div part="principle-panel" id=${panel} class="panel" ?hidden=${!open}>
        ${principle.description ? html`<p>${localized(principle.description, lang, dataset.defaultLanguage)}</p>` : nothing}
        ${COMMITMENT_PARTIES.map((party) => {
          const commitments = principle.commitments.filter((c) => c.party === party);
          return commitments.length
            ? html`<div part="commitments" class="commitments" data-party=${party}>
                <h5>${m.parties[party]}</h5>
                <ul>
                  ${commitments.map((c) => html`<li>${localized(c.text, lang, dataset.defaultLanguage)}${this.renderLatestStatus(dataset, c.id, lang)}</li>`)}
                </ul>
              </div>`
            : nothing;
        })}
        <p class="deep-link"><a part="principle-link" href=${principleHash(principle)}>${m.link}</a></p>
      </div>
    </li>`;
  }

  /** With `show-follow-up`: the commitment's latest status and its year, after its text. */
  private renderLatestStatus(dataset: Dataset, commitmentId: string, lang: string): TemplateResult | typeof nothing {
    if (!this.showFollowUp) return nothing;
    if (this.latest?.dataset !== dataset) this.latest = { dataset, statuses: parts.current.latestCommitmentStatuses(dataset) };
    const latest = this.latest.statuses.get(commitmentId);
    if (!latest) return nothing;
    const m = messagesFor(followUpMessages, this.language.ui);
    return html` <span class="latest-status"
      >${parts.current.statusBadge(latest.status, m)} <span class="latest-year">(${parts.current.formatYear(latest.year, lang)})</span></span
    >`;
  }

  private renderArea(area: DevelopmentArea, index: number, dataset: Dataset, m: PrinciplesMessages, lang: string): TemplateResult {
    return html`<li part="area" class="area" data-area=${index}>
      <h4>${localized(area.title, lang, dataset.defaultLanguage)}</h4>
      ${area.goal ? html`<p><strong>${m.goal}:</strong> ${localized(area.goal, lang, dataset.defaultLanguage)}</p>` : nothing}
      ${area.actions.length
        ? html`<h5>${m.actions}</h5>
            <ul>
              ${area.actions.map((action) => html`<li>${localized(action.text, lang, dataset.defaultLanguage)}</li>`)}
            </ul>`
        : nothing}
    </li>`;
  }
}
