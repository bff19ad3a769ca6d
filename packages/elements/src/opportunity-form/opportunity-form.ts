import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Dataset, Issue, OpportunityOffer, SamverkanClient } from '@samverkan/sdk';
import { SamverkanOpportunityFailedEvent } from '../events/samverkan-opportunity-failed.js';
import { SamverkanOpportunitySubmittedEvent } from '../events/samverkan-opportunity-submitted.js';
import { splitList, withScheme } from '../internal/form-answers.js';
import { SamverkanFormElement } from '../internal/form-element.js';
import { languageName } from '../internal/language-names.js';
import { fill, messagesFor, uiLanguage } from '../translations/catalogue.js';
import { formatDateOnly } from '../utils/format.js';
import { opportunityDraft } from './draft.js';
import { CONTACT_FIELDS, emptyValues, FIELD_NAMES, FIELDS, OFFERED_LANGUAGES, ORGANISATION_FIELDS, OTHER_FIELDS, WHAT_FIELDS, WHEN_FIELDS, type FieldName } from './fields.js';
import { opportunityFormMessages, type OpportunityFormFirstMessages } from './messages.js';
import type { OpportunityLaterMessages } from './messages.later.js';
import { opportunityFormStyles } from './opportunity-form.styles.js';
import type { OpportunityValues, ProblemKind } from './validation.js';

/** What the form loads when the reader starts to answer (or its dataset is there). */
type Later = typeof import('./later.js');

/**
 * A signatory organisation offers a volunteer opportunity for the volunteer
 * board: the same habits as the signup form (one shadow root with labels,
 * hints, inline errors and an error summary; a "check your answers" step;
 * sending through the SDK client with one Idempotency-Key per draft; the
 * answers kept in `sessionStorage` until the server has them, and kept on
 * screen when sending fails). It asks for the organisation number: only
 * signatories may offer, which the server checks; with `src` (or `data`)
 * the form checks it too, before sending, and names the organisation.
 * The server stores the offer as pending until the municipality approves.
 *
 * @summary The form to offer a volunteer opportunity.
 * @tagname samverkan-opportunity-form
 * @fires samverkan-opportunity-submitted - the server accepted the offer; `detail.id` only
 * @fires samverkan-opportunity-failed - an attempt to send failed; `detail.error` (the SDK's typed error)
 * @fires samverkan-load - the dataset given in `src` (for the signatory check) is loaded
 * @fires samverkan-error - the dataset could not be loaded (the form still works; the server checks the number)
 * @csspart base - the wrapper (carries lang and dir)
 * @csspart form - the form
 * @csspart error-summary - the list of problems at the top after a failed check
 * @csspart field - each field's wrapper
 * @csspart error-message - an inline error
 * @csspart continue-button - "Continue" to the check step
 * @csspart review - the "check your answers" step
 * @csspart change-button - "Change" beside each answer
 * @csspart send-button - "Send the opportunity"
 * @csspart failure - why sending failed, with a try-again button
 * @csspart try-again-button - sends again with the same Idempotency-Key
 * @csspart success - the confirmation panel
 * @csspart reference - the offer's short reference in the confirmation (its id from a server that gives none)
 * @cssproperty --samverkan-color-accent - links, buttons, focus ring
 * @cssproperty --samverkan-color-error - error borders and icons (never the only sign)
 * @cssproperty --samverkan-color-border - field borders
 * @cssproperty --samverkan-spacing - gaps scale from it
 */
export class SamverkanOpportunityForm extends SamverkanFormElement<FieldName, ProblemKind, OpportunityValues, OpportunityOffer, Later> {
  static override styles = [...SamverkanFormElement.styles, opportunityFormStyles];

  /** Optional: the dataset's URL; the form then tells at once whether the organisation number is a signatory's. */
  @property() override src: string | null = null;

  constructor() {
    super({ fieldNames: FIELD_NAMES, fields: FIELDS, emptyValues, draft: opportunityDraft });
  }

  protected override get m(): OpportunityFormFirstMessages {
    return messagesFor(opportunityFormMessages, this.language.ui);
  }

  protected override get laterMessages(): OpportunityLaterMessages {
    return messagesFor(this.later!.laterMessages, this.language.ui);
  }

  private get loaded(): Dataset | undefined {
    return this.data$.state.status === 'ready' ? this.data$.state.dataset : undefined;
  }

  protected override importLater(): Promise<Later> {
    return import('./later.js');
  }

  protected override check(later: Later) {
    return later.checkAnswers(this.values, this.language.ui, this.loaded);
  }

  protected override problemsFromIssues(issues: readonly Issue[]) {
    return this.later!.problemsFromIssues(issues, this.values);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // With the dataset, the number typed is looked up as it is typed; the lookup comes with the later parts.
    if (this.loaded && !this.later) this.preloadLater();
  }

  protected override submit(client: SamverkanClient, offer: OpportunityOffer, idempotencyKey: string) {
    return client.submitOpportunity(offer, { idempotencyKey });
  }

  protected override submittedEvent(id: string): Event {
    return new SamverkanOpportunitySubmittedEvent(id);
  }

  protected override failedEvent(error: Error): Event {
    return new SamverkanOpportunityFailedEvent(error);
  }

  // ——— handlers ———

  protected override fieldTarget(field: FieldName): HTMLElement | null {
    return field === 'languages' ? this.renderRoot.querySelector<HTMLInputElement>('input[name="languages"]') : super.fieldTarget(field);
  }

  protected override problemText(field: FieldName, kind: ProblemKind): string {
    const m = this.laterMessages;
    const texts = m.problems[field];
    return texts[kind] ?? (kind === 'unsafeText' ? m.unsafeText : texts.invalid);
  }

  // ——— render ———

  protected override renderFields(): TemplateResult {
    const m = this.m;
    return html`${this.renderFieldset(m.organisationLegend, ORGANISATION_FIELDS)} ${this.renderFieldset(m.whatLegend, WHAT_FIELDS)}
      ${this.renderFieldset(m.whenLegend, WHEN_FIELDS)} ${this.renderFieldset(m.contactLegend, CONTACT_FIELDS, { id: 'contact-hint', text: m.contactHint })}
      ${this.renderCheckbox('consent')}`;
  }

  protected override renderField(field: FieldName): unknown {
    if (field !== 'languages') return super.renderField(field);
    const ui = uiLanguage(this.language.ui);
    return this.renderChoices('languages', OFFERED_LANGUAGES, { type: 'checkbox', idPrefix: 'language', label: (tag) => languageName(tag, ui), listClass: 'language-choices' });
  }

  /** Under the organisation number: the signatory it belongs to. */
  protected override fieldNotes(field: FieldName) {
    return field === 'orgNumber' ? { describedBy: ['org-number-found'], after: this.renderSignatory() } : {};
  }

  /** With the dataset: the signatory the typed number belongs to, said politely as it is found. */
  private renderSignatory(): TemplateResult {
    const dataset = this.loaded;
    const lookup = this.later?.signatoryByOrganisationNumber;
    const found = dataset && lookup && this.values.orgNumber.trim() ? lookup(dataset, this.values.orgNumber) : undefined;
    return html`<p class="hint found" id="org-number-found" aria-live="polite">${found ? fill(this.m.signatoryFound, { name: found.name }) : ''}</p>`;
  }

  protected override answerText(field: FieldName): string {
    const value = this.values[field];
    const given = this.givenAnswer(value);
    if (given !== undefined) return given;
    if (Array.isArray(value)) return value.map((tag) => languageName(tag, uiLanguage(this.language.ui))).join(', ');
    if (typeof value !== 'string') return '';
    if (field === 'start' || field === 'end' || field === 'validThrough') return formatDateOnly(value.trim(), this.language.ui);
    if (field === 'contactUrl') return withScheme(value);
    if (field === 'districts' || field === 'activities') return splitList(value).join(', ');
    return value.trim();
  }

  protected override reviewSections(): [string, readonly FieldName[]][] {
    const m = this.m;
    return [
      [m.organisationLegend, ORGANISATION_FIELDS],
      [m.whatLegend, WHAT_FIELDS],
      [m.whenLegend, WHEN_FIELDS],
      [m.contactLegend, [...CONTACT_FIELDS, ...OTHER_FIELDS]],
    ];
  }
}
