import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  cachedNumberFormat,
  COMMITMENT_PARTIES,
  type Dataset,
  type FollowUp,
  type FollowUpCommitment,
  type PartyFigures,
  type Principle,
} from '@samverkan/sdk';
import { deferredModule } from '../data/deferred-module.js';
import type { LoadedDataset } from '../data/dataset-source.js';
import { localized } from '../internal/localized.js';
import { SamverkanElement } from '../internal/samverkan-element.js';
import { fill, formatNumber, messagesFor } from '../translations/catalogue.js';
import { formatDateOnly } from '../utils/format.js';
import { safeHttpUrl } from '../utils/safe-url.js';
import { followUpStyles } from './follow-up.styles.js';
import { followUpMessages, type FollowUpMessages } from './messages.js';

/** What the element shows a dataset with (the SDK's figures, the chart, the badges): imported when the element is defined (SamverkanElement.finalize), beside its first render, not before it. */
const parts = deferredModule(() => import('./follow-up-parts.js'));

/** A year attribute as a year, or `undefined` for none or nonsense (then the latest report shows). */
const SIGNED: Intl.NumberFormatOptions = { signDisplay: 'exceptZero' };

const yearConverter = {
  fromAttribute: (value: string | null): number | undefined => {
    if (value === null || value.trim() === '') return undefined;
    const year = Number(value);
    return Number.isInteger(year) ? year : undefined;
  },
  toAttribute: (value: number | undefined): string | null => (value === undefined ? null : String(value)),
};

/**
 * The yearly follow-up of the agreement's commitments. For one year (the
 * latest report unless `year` says otherwise; a switcher changes it): the
 * report's summary and document, an overview per party (done, in progress,
 * not started, not done) as a chart with the same figures in a table for
 * screen readers, the change since the year before when there is one, and
 * each principle's commitments grouped by party with their status in words
 * and a symbol, note and evidence links.
 *
 * @summary The yearly follow-up of the commitments, with an overview chart.
 * @tagname samverkan-follow-up
 *
 * @slot empty - Text of the page's own for when the dataset has no follow-up report at all (instead of the element's message); a year without a report still says which year.
 *
 * @fires samverkan-load - The dataset is loaded and shown (`detail.dataset`, `detail.issues`, `detail.stale`).
 * @fires samverkan-error - The dataset could not be loaded (`detail.error`); the element shows why, with a retry button.
 *
 * @csspart base - The wrapper; carries `lang`, `dir` and `aria-busy`.
 * @csspart heading - The report's heading.
 * @csspart year-select - The year switcher.
 * @csspart summary - The report's summary.
 * @csspart document-link - The link to the report as a document.
 * @csspart overview - The overview (chart, legend and tables).
 * @csspart chart - The SVG chart.
 * @csspart figures-table - The chart's figures as a table (visually hidden).
 * @csspart change-table - The change since the previous report.
 * @csspart principle - One principle with its commitments.
 * @csspart commitment - One commitment.
 * @csspart commitment-status - A commitment's status (symbol and words).
 * @csspart commitment-note - A commitment's note.
 * @csspart note - The stale-data and partly-invalid notes (also `stale-note`, `invalid-note`).
 * @csspart evidence - A commitment's evidence links.
 * @csspart empty - The message when there is no report (for the year).
 * @csspart status - Loading and error boxes (also `loading`, `error`).
 * @csspart retry-button - The error's retry button.
 *
 * @cssproperty --samverkan-font-family - Font; inherits the page's by default.
 * @cssproperty --samverkan-color-text - Text colour; inherits the page's by default.
 * @cssproperty --samverkan-color-surface - Background of each principle.
 * @cssproperty --samverkan-color-border - Borders.
 * @cssproperty --samverkan-color-accent - Links and the focus ring.
 * @cssproperty --samverkan-color-status-done - The chart's "done" colour (default a dark green).
 * @cssproperty --samverkan-color-status-in-progress - The chart's "in progress" colour (default a dark amber).
 * @cssproperty --samverkan-color-status-not-started - The chart's "not started" colour (default grey).
 * @cssproperty --samverkan-color-status-not-done - The chart's "not done" colour (default a dark red).
 * @cssproperty --samverkan-radius - Corner radius.
 * @cssproperty --samverkan-spacing - The base gap; others scale from it.
 */
export class SamverkanFollowUp extends SamverkanElement {
  static override styles = [...SamverkanElement.styles, followUpStyles];

  protected static override readonly datasetParts = parts;

  /** The year of the report shown; without it, the latest. Reflects the reader's choice in the switcher. */
  @property({ reflect: true, converter: yearConverter }) year: number | undefined = undefined;

  /** The report shown, once loaded (`undefined` when there is none for the year). */
  get shownReport(): FollowUp | undefined {
    const dataset = this.loadedDataset;
    return dataset ? parts.current.followUpForYear(dataset, this.year) : undefined;
  }

  private onYear(event: Event): void {
    this.year = Number((event.target as HTMLSelectElement).value);
  }

  protected renderDataset({ dataset }: LoadedDataset): TemplateResult {
    const m = messagesFor(followUpMessages, this.language.ui);
    const lang = this.language.lang;
    const reports = parts.current.followUpsByYear(dataset);
    if (reports.length === 0) {
      return html`<section aria-label=${m.label}><p part="empty" class="empty"><slot name="empty">${m.empty}</slot></p></section>`;
    }
    const report = parts.current.followUpForYear(dataset, this.year);
    const shownYear = report?.year ?? this.year!;
    return html`<section class="follow-up" aria-labelledby="follow-up-heading">
      <header class="header">
        <h2 part="heading" id="follow-up-heading">${fill(m.heading, { year: parts.current.formatYear(shownYear, lang) })}</h2>
        ${this.renderSwitcher(reports, shownYear, m, lang)}
      </header>
      ${report ? this.renderReport(dataset, report, m, lang) : html`<p part="empty" class="empty">${fill(m.noReport, { year: parts.current.formatYear(shownYear, lang) })}</p>`}
    </section>`;
  }

  private renderSwitcher(reports: readonly FollowUp[], shownYear: number, m: FollowUpMessages, lang: string): TemplateResult | typeof nothing {
    if (reports.length < 2 && reports[0]?.year === shownYear) return nothing;
    const years = reports.map((r) => r.year);
    return html`<div class="field year">
      <label for="year">${m.yearLabel}</label>
      <select id="year" part="year-select" @change=${this.onYear}>
        ${years.includes(shownYear) ? nothing : html`<option value=${shownYear} selected>${parts.current.formatYear(shownYear, lang)}</option>`}
        ${years.map((year) => html`<option .value=${String(year)} ?selected=${year === shownYear}>${parts.current.formatYear(year, lang)}</option>`)}
      </select>
    </div>`;
  }

  private renderReport(dataset: Dataset, report: FollowUp, m: FollowUpMessages, lang: string): TemplateResult {
    const documentUrl = safeHttpUrl(report.documentUrl);
    const figures = parts.current.followUpFigures(dataset, report);
    const previous = parts.current.previousFollowUp(dataset, report.year);
    return html`${report.publishedOn ? html`<p class="published">${fill(m.published, { date: formatDateOnly(report.publishedOn, lang) })}</p>` : nothing}
      ${report.summary ? html`<p part="summary" class="summary" dir="auto">${localized(report.summary, lang, dataset.defaultLanguage)}</p>` : nothing}
      ${documentUrl ? html`<p><a part="document-link" href=${documentUrl} rel="noopener noreferrer">${m.document}</a></p>` : nothing}
      ${figures.length ? this.renderOverview(figures, report, m, lang) : nothing}
      ${previous && figures.length ? this.renderChange(dataset, figures, previous, m, lang) : nothing}
      ${this.renderCommitments(dataset, report, m, lang)}`;
  }

  private renderOverview(figures: PartyFigures[], report: FollowUp, m: FollowUpMessages, lang: string): TemplateResult {
    const statuses = parts.current.shownStatuses(figures);
    const year = parts.current.formatYear(report.year, lang);
    return html`<section part="overview" class="overview" aria-labelledby="overview-heading">
      <h3 id="overview-heading">${m.overviewHeading}</h3>
      <figure>
        <figcaption aria-hidden="true">${fill(m.chartCaption, { year })}</figcaption>
        ${parts.current.overviewChart(figures, m, lang, this.language.dir === 'rtl')}
      </figure>
      <table part="figures-table" class="visually-hidden">
        <caption>${fill(m.tableCaption, { year })}</caption>
        <thead>
          <tr>
            <th scope="col">${m.partyHeader}</th>
            ${statuses.map((s) => html`<th scope="col">${m.statuses[s]}</th>`)}
            <th scope="col">${m.totalHeader}</th>
          </tr>
        </thead>
        <tbody>
          ${figures.map(
            (f) => html`<tr data-party=${f.party}>
              <th scope="row">${m.parties[f.party]}</th>
              ${statuses.map((s) => html`<td data-status=${s}>${formatNumber(f.counts[s], lang)}</td>`)}
              <td>${formatNumber(f.total, lang)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  private renderChange(dataset: Dataset, figures: PartyFigures[], previous: FollowUp, m: FollowUpMessages, lang: string): TemplateResult {
    const before = new Map(parts.current.followUpFigures(dataset, previous).map((f) => [f.party, f.counts]));
    const statuses = parts.current.shownStatuses([...figures, ...parts.current.followUpFigures(dataset, previous)]);
    const year = parts.current.formatYear(previous.year, lang);
    const signed = cachedNumberFormat(lang, SIGNED);
    return html`<section class="change" aria-labelledby="change-heading">
      <h3 id="change-heading">${fill(m.changeHeading, { year })}</h3>
      <p class="hint" id="change-hint">${fill(m.changeHint, { year })}</p>
      <div class="table-scroll">
        <table part="change-table" aria-labelledby="change-heading" aria-describedby="change-hint">
          <thead>
            <tr>
              <th scope="col">${m.partyHeader}</th>
              ${statuses.map((s) => html`<th scope="col">${parts.current.statusBadge(s, m, 'change-status')}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${figures.map((f) => {
              const change = parts.current.statusChange(f.counts, before.get(f.party) ?? { done: 0, 'in-progress': 0, 'not-started': 0, 'not-done': 0, unreported: 0 });
              return html`<tr data-party=${f.party}>
                <th scope="row">${m.parties[f.party]}</th>
                ${statuses.map(
                  (s) => html`<td data-status=${s} data-change=${change[s]}>
                    ${formatNumber(f.counts[s], lang)} <span class="delta" dir="ltr">(${signed.format(change[s])})</span>
                  </td>`,
                )}
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderCommitments(dataset: Dataset, report: FollowUp, m: FollowUpMessages, lang: string): TemplateResult | typeof nothing {
    const principles = dataset.principles.filter((p) => p.commitments.length > 0);
    if (principles.length === 0) return nothing;
    const entries = new Map(report.commitments.map((entry) => [entry.commitmentId, entry]));
    return html`<section class="commitments" aria-labelledby="commitments-heading">
      <h3 id="commitments-heading">${m.commitmentsHeading}</h3>
      ${principles.map((p, i) => this.renderPrinciple(dataset, p, i, entries, m, lang))}
    </section>`;
  }

  private renderPrinciple(dataset: Dataset, principle: Principle, index: number, entries: Map<string, FollowUpCommitment>, m: FollowUpMessages, lang: string): TemplateResult {
    const d = dataset.defaultLanguage;
    return html`<section part="principle" class="principle" aria-labelledby=${`principle-${index}`}>
      <h4 id=${`principle-${index}`}>${localized(principle.title, lang, d)}</h4>
      ${COMMITMENT_PARTIES.map((party) => {
        const commitments = principle.commitments.filter((c) => c.party === party);
        if (commitments.length === 0) return nothing;
        return html`<div class="party" data-party=${party}>
          <h5>${m.partyCommitments[party]}</h5>
          <ul class="commitment-list">
            ${commitments.map((c) => {
              const entry = entries.get(c.id);
              return html`<li part="commitment" class="commitment" data-commitment=${c.id} data-status=${entry?.status ?? 'unreported'}>
                <p class="commitment-text" dir="auto">${localized(c.text, lang, d)}</p>
                <p class="commitment-status"><span class="visually-hidden">${m.statusPrefix} </span>${parts.current.statusBadge(entry?.status ?? 'unreported', m)}</p>
                ${entry?.note ? html`<p part="commitment-note" class="note" dir="auto">${localized(entry.note, lang, d)}</p>` : nothing}
                ${entry && entry.evidence.length ? this.renderEvidence(entry, m, lang, d) : nothing}
              </li>`;
            })}
          </ul>
        </div>`;
      })}
    </section>`;
  }

  private renderEvidence(entry: FollowUpCommitment, m: FollowUpMessages, lang: string, defaultLanguage: string): TemplateResult {
    return html`<div part="evidence" class="evidence">
      <span class="evidence-label">${m.evidence}:</span>
      <ul>
        ${entry.evidence.map((e) => {
          const url = safeHttpUrl(e.url);
          const title = localized(e.title, lang, defaultLanguage);
          return html`<li><bdi>${url ? html`<a href=${url} rel="noopener noreferrer">${title}</a>` : title}</bdi></li>`;
        })}
      </ul>
    </div>`;
  }
}
