import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import {
  createClient,
  isHttpError,
  isNetworkError,
  isTimeoutError,
  isValidationError,
  signatoryByOrganisationNumber,
  type Dataset,
  type OpportunityOffer,
} from '@samverkan/sdk';
import { DatasetController } from '../controllers/dataset-controller.js';
import { LanguageController } from '../controllers/language-controller.js';
import { SamverkanOpportunityFailedEvent } from '../events/samverkan-opportunity-failed.js';
import { SamverkanOpportunitySubmittedEvent } from '../events/samverkan-opportunity-submitted.js';
import { languageName } from '../internal/language-names.js';
import { keepNumbersTogether } from '../signup-form/examples.js';
import { signupFormStyles } from '../signup-form/signup-form.styles.js';
import { splitList, withScheme } from '../signup-form/validation.js';
import { stateStyles } from '../styles/states.js';
import { tokenStyles } from '../styles/tokens.js';
import { fill, messagesFor, uiLanguage } from '../translations/catalogue.js';
import { formatDateOnly } from '../utils/format.js';
import { clearDraft, loadDraft, newIdempotencyKey, saveDraft } from './draft.js';
import { CONTACT_FIELDS, FIELD_NAMES, FIELDS, OFFERED_LANGUAGES, ORGANISATION_FIELDS, OTHER_FIELDS, WHAT_FIELDS, WHEN_FIELDS, type FieldName, type TextFieldName } from './fields.js';
import { opportunityFormMessages, type OpportunityFormMessages } from './messages.js';
import { opportunityFormStyles } from './opportunity-form.styles.js';
import { checkAnswers, emptyValues, problemsFromIssues, type OpportunityValues, type ProblemKind } from './validation.js';

type Step = 'edit' | 'review' | 'done';

/** A problem shown under a field; `serverValue` is the answer a server rejected (it stays until that answer changes). */
interface FieldProblem {
  kind: ProblemKind;
  serverValue?: unknown;
}

/** Why the last attempt to send failed. */
type SendFailure = { kind: 'network' } | { kind: 'rate' } | { kind: 'server'; status: number } | { kind: 'reused' } | { kind: 'not-configured' };

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
 * @cssproperty --samverkan-color-accent - links, buttons, focus ring
 * @cssproperty --samverkan-color-error - error borders and icons (never the only sign)
 * @cssproperty --samverkan-color-border - field borders
 * @cssproperty --samverkan-spacing - gaps scale from it
 */
export class SamverkanOpportunityForm extends LitElement {
  static override styles = [tokenStyles, stateStyles, signupFormStyles, opportunityFormStyles];

  /** The language, following `lang` on the element or its nearest ancestor. */
  protected readonly language = new LanguageController(this);
  /** The optional dataset (to check the organisation number before sending). */
  protected readonly data$ = new DatasetController(this);

  /** The API's base URL including its version path, e.g. `https://kommun.example/api/v1`. */
  @property() api: string | null = null;

  /** Optional: the dataset's URL; the form then tells at once whether the organisation number is a signatory's. */
  @property() src: string | null = null;

  /** Optional: a dataset given directly instead of `src` (raw JSON or parsed). */
  @property({ attribute: false }) data: unknown = undefined;

  @state() private step: Step = 'edit';
  @state() private values: OpportunityValues = emptyValues();
  @state() private problems = new Map<FieldName, FieldProblem>();
  @state() private summary?: { fields: FieldName[]; other: boolean };
  @state() private sending = false;
  @state() private failure?: SendFailure;
  /** What the confirmation shows: the server's short reference (`K7QM-2X9C`), or the offer's id from a server that gives none. */
  @state() private receiptId?: string;

  private idempotencyKey = newIdempotencyKey();
  private focusAfterRender?: string;
  private draftRestored = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.draftRestored) {
      this.draftRestored = true;
      const draft = loadDraft();
      if (draft) {
        this.values = { ...emptyValues(), ...draft.values };
        this.idempotencyKey = draft.idempotencyKey;
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
      this.focusAfterRender = undefined;
      if (target) {
        target.focus();
        target.scrollIntoView?.({ block: 'nearest' });
      }
    }
  }

  // Waits for the language's UI strings too, so that `await el.updateComplete` means the form shows in its language.
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.language.settled;
    // A partly invalid dataset is shown once zod has named its problems (as the signup form and the base do).
    return this.data$.untilChecked(() => super.getUpdateComplete());
  }

  private get m(): OpportunityFormMessages {
    return messagesFor(opportunityFormMessages, this.language.ui);
  }

  private get loaded(): Dataset | undefined {
    return this.data$.state.status === 'ready' ? this.data$.state.dataset : undefined;
  }

  // ——— handlers ———

  private setValue<K extends keyof OpportunityValues>(field: K, value: OpportunityValues[K]): void {
    this.values = { ...this.values, [field]: value };
    if (this.step !== 'done') saveDraft(this.values, this.idempotencyKey);
    // While typing, an error goes as soon as the answer is right; it is never added mid-word.
    if (this.problems.has(field) && this.currentProblem(field) === undefined) {
      const next = new Map(this.problems);
      next.delete(field);
      this.problems = next;
    }
  }

  private recheck(field: FieldName): void {
    if (!this.problems.has(field)) return;
    const kind = this.currentProblem(field);
    const next = new Map(this.problems);
    if (kind) next.set(field, { ...next.get(field)!, kind });
    else next.delete(field);
    this.problems = next;
  }

  /** The field's problem now; a server's objection lasts while its answer is unchanged. */
  private currentProblem(field: FieldName): ProblemKind | undefined {
    const shown = this.problems.get(field);
    if (shown?.serverValue !== undefined && shown.serverValue === this.values[field]) return shown.kind;
    const result = checkAnswers(this.values, this.language.ui, this.loaded);
    return result.ok ? undefined : result.byField.get(field);
  }

  private onText(field: TextFieldName) {
    return (event: Event) => this.setValue(field, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
  }

  private onLanguage(tag: string) {
    return (event: Event) => {
      const checked = (event.target as HTMLInputElement).checked;
      const languages = this.values.languages.filter((t) => t !== tag);
      if (checked) languages.push(tag);
      // Kept in the order offered, so the review and the offer do not depend on the order of clicks.
      this.setValue('languages', OFFERED_LANGUAGES.filter((t) => languages.includes(t)));
    };
  }

  private onContinue(event: Event): void {
    event.preventDefault();
    const result = checkAnswers(this.values, this.language.ui, this.loaded);
    if (!result.ok) {
      this.showProblems(result.byField, result.other.length > 0);
      return;
    }
    this.problems = new Map();
    this.summary = undefined;
    this.step = 'review';
    this.focusAfterRender = '#review-title';
  }

  private showProblems(byField: Map<FieldName, ProblemKind>, other: boolean, fromServer = false): void {
    const problems = new Map<FieldName, FieldProblem>();
    for (const [field, kind] of byField) problems.set(field, fromServer ? { kind, serverValue: this.values[field] } : { kind });
    this.problems = problems;
    this.summary = { fields: FIELD_NAMES.filter((f) => problems.has(f)), other };
    this.step = 'edit';
    this.focusAfterRender = '#error-summary';
  }

  private focusField(field: FieldName): void {
    const target =
      field === 'languages'
        ? this.renderRoot.querySelector<HTMLInputElement>('input[name="languages"]')
        : this.renderRoot.querySelector<HTMLElement>(`#${FIELDS[field].id}`);
    if (!target) return;
    target.closest('[part~="field"]')?.scrollIntoView?.({ block: 'start' });
    target.focus();
  }

  private change(field: FieldName): void {
    this.step = 'edit';
    this.failure = undefined;
    void this.updateComplete.then(() => this.focusField(field));
  }

  /** Sends the checked offer. A second click while one is on its way does nothing. */
  private async send(): Promise<void> {
    if (this.sending) return;
    const result = checkAnswers(this.values, this.language.ui, this.loaded);
    if (!result.ok) {
      this.showProblems(result.byField, result.other.length > 0);
      return;
    }
    if (!this.api) {
      this.failure = { kind: 'not-configured' };
      this.focusAfterRender = '#failure';
      return;
    }
    this.sending = true;
    this.failure = undefined;
    let id: string;
    let reference: string | undefined;
    try {
      const client = createClient({ apiUrl: this.api });
      ({ id, reference } = await client.submitOpportunity(result.offer satisfies OpportunityOffer, { idempotencyKey: this.idempotencyKey }));
    } catch (error) {
      this.sending = false;
      this.sendFailed(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.sending = false;
    clearDraft();
    this.receiptId = reference || id;
    this.step = 'done';
    this.focusAfterRender = '#success';
    await this.updateComplete;
    this.dispatchEvent(new SamverkanOpportunitySubmittedEvent(id));
  }

  private sendFailed(error: Error): void {
    if (isValidationError(error)) {
      const { byField, other } = problemsFromIssues(error.issues, this.values);
      this.showProblems(byField, other.length > 0);
    } else if (isHttpError(error) && error.status === 422 && isKeyReused(error.body)) {
      this.failure = { kind: 'reused' };
    } else if (isHttpError(error) && (error.status === 400 || error.status === 422) && error.issues && error.issues.length > 0) {
      const { byField, other } = problemsFromIssues(error.issues, this.values);
      this.showProblems(byField, other.length > 0, true);
    } else if (isHttpError(error) && error.status === 429) {
      this.failure = { kind: 'rate' };
    } else if (isHttpError(error)) {
      this.failure = { kind: 'server', status: error.status };
    } else if (isNetworkError(error) || isTimeoutError(error)) {
      this.failure = { kind: 'network' };
    } else {
      this.failure = { kind: 'not-configured' };
    }
    if (this.failure) this.focusAfterRender = '#failure';
    void this.updateComplete.then(() => this.dispatchEvent(new SamverkanOpportunityFailedEvent(error)));
  }

  // ——— render ———

  protected override render(): TemplateResult {
    if (!this.language.ready) return html`<div part="base" aria-busy="true"></div>`;
    return html`<div part="base" lang=${this.language.ui} dir=${this.language.dir}>
      ${this.step === 'done' ? this.renderSuccess() : this.step === 'review' ? this.renderReview() : this.renderForm()}
    </div>`;
  }

  private renderForm(): TemplateResult {
    const m = this.m;
    return html`<form part="form" novalidate @submit=${this.onContinue}>
      ${this.renderSummary()}
      <h2>${m.title}</h2>
      <p>${m.intro}</p>
      <fieldset part="fieldset">
        <legend>${m.organisationLegend}</legend>
        ${ORGANISATION_FIELDS.map((f) => this.renderTextField(f))}
      </fieldset>
      <fieldset part="fieldset">
        <legend>${m.whatLegend}</legend>
        ${WHAT_FIELDS.map((f) => (f === 'languages' ? this.renderLanguages() : this.renderTextField(f)))}
      </fieldset>
      <fieldset part="fieldset">
        <legend>${m.whenLegend}</legend>
        ${WHEN_FIELDS.map((f) => this.renderTextField(f))}
      </fieldset>
      <fieldset part="fieldset" aria-describedby="contact-hint">
        <legend>${m.contactLegend}</legend>
        <p class="hint" id="contact-hint">${m.contactHint}</p>
        ${CONTACT_FIELDS.map((f) => this.renderTextField(f))}
      </fieldset>
      ${this.renderConsent()}
      <div class="actions">
        <button part="continue-button" type="submit">${m.continue}</button>
      </div>
    </form>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const summary = this.summary;
    if (!summary) return nothing;
    const fields = summary.fields.filter((f) => this.problems.has(f));
    if (fields.length === 0 && !summary.other) return nothing;
    const m = this.m;
    return html`<div part="error-summary" class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">${m.summaryTitle}</h2>
      <ul>
        ${fields.map(
          (f) =>
            html`<li>
              <a
                href="#${FIELDS[f].id}"
                @click=${(event: Event) => {
                  event.preventDefault();
                  this.focusField(f);
                }}
                >${keepNumbersTogether(this.problemText(f, this.problems.get(f)!.kind))}</a
              >
            </li>`,
        )}
        ${summary.other ? html`<li>${m.otherProblem}</li>` : nothing}
      </ul>
    </div>`;
  }

  private problemText(field: FieldName, kind: ProblemKind): string {
    const texts = this.m.problems[field];
    return texts[kind] ?? (kind === 'unsafeText' ? this.m.unsafeText : texts.invalid);
  }

  private renderError(field: FieldName): TemplateResult | typeof nothing {
    const problem = this.problems.get(field);
    if (!problem) return nothing;
    return html`<p part="error-message" class="error-message" id="${FIELDS[field].id}-error">
      <span class="error-icon" aria-hidden="true">!</span>
      <span class="error-text"><span class="visually-hidden">${this.m.errorPrefix}</span> ${keepNumbersTogether(this.problemText(field, problem.kind))}</span>
    </p>`;
  }

  /** With the dataset: the signatory the typed number belongs to, said politely as it is found. */
  private renderSignatory(): TemplateResult {
    const dataset = this.loaded;
    const found = dataset && this.values.orgNumber.trim() ? signatoryByOrganisationNumber(dataset, this.values.orgNumber) : undefined;
    return html`<p class="hint found" id="org-number-found" aria-live="polite">${found ? fill(this.m.signatoryFound, { name: found.name }) : ''}</p>`;
  }

  private renderTextField(field: TextFieldName): TemplateResult {
    const spec = FIELDS[field];
    const text = this.m.fields[field];
    const invalid = this.problems.has(field);
    const described = [text.hint ? `${spec.id}-hint` : '', field === 'orgNumber' ? 'org-number-found' : '', invalid ? `${spec.id}-error` : ''].filter(Boolean).join(' ');
    const control =
      spec.control === 'textarea'
        ? html`<textarea
            id=${spec.id}
            name=${spec.id}
            rows="6"
            aria-describedby=${ifDefined(described || undefined)}
            aria-invalid=${invalid ? 'true' : 'false'}
            .value=${live(this.values[field])}
            @input=${this.onText(field)}
            @change=${() => this.recheck(field)}
          ></textarea>`
        : html`<input
            id=${spec.id}
            name=${spec.id}
            type=${spec.control ?? 'text'}
            dir=${spec.ltr ? 'ltr' : nothing}
            class=${spec.narrow ? 'narrow' : ''}
            autocomplete=${ifDefined(spec.autocomplete)}
            inputmode=${ifDefined(spec.inputmode)}
            spellcheck=${spec.ltr ? 'false' : nothing}
            aria-describedby=${ifDefined(described || undefined)}
            aria-invalid=${invalid ? 'true' : 'false'}
            .value=${live(this.values[field])}
            @input=${this.onText(field)}
            @change=${() => this.recheck(field)}
          />`;
    return html`<div part="field" class="field ${invalid ? 'invalid' : ''}">
      <label for=${spec.id}>${text.label}${spec.optional ? html` <span class="optional">${this.m.optional}</span>` : nothing}</label>
      ${text.hint ? html`<p class="hint" id="${spec.id}-hint">${keepNumbersTogether(text.hint)}</p>` : nothing} ${this.renderError(field)} ${control}
      ${field === 'orgNumber' ? this.renderSignatory() : nothing}
    </div>`;
  }

  private renderLanguages(): TemplateResult {
    const m = this.m;
    const ui = uiLanguage(this.language.ui);
    return html`<div part="field" class="field">
      <fieldset class="choices languages" id="languages">
        <legend>${m.fields.languages.label} <span class="optional">${m.optional}</span></legend>
        <div class="language-choices">
        ${OFFERED_LANGUAGES.map(
          (tag) => html`<div class="choice">
            <input
              type="checkbox"
              id="language-${tag}"
              name="languages"
              value=${tag}
              .checked=${live(this.values.languages.includes(tag))}
              @change=${this.onLanguage(tag)}
            />
            <label for="language-${tag}">${languageName(tag, ui)}</label>
          </div>`,
        )}
        </div>
      </fieldset>
    </div>`;
  }

  private renderConsent(): TemplateResult {
    const spec = FIELDS.consent;
    const invalid = this.problems.has('consent');
    return html`<div part="field" class="field checkbox ${invalid ? 'invalid' : ''}">
      ${this.renderError('consent')}
      <div class="choice">
        <input
          type="checkbox"
          id=${spec.id}
          name=${spec.id}
          aria-describedby=${ifDefined(invalid ? `${spec.id}-error` : undefined)}
          aria-invalid=${invalid ? 'true' : 'false'}
          .checked=${live(this.values.consent)}
          @change=${(event: Event) => {
            this.setValue('consent', (event.target as HTMLInputElement).checked);
            this.recheck('consent');
          }}
        />
        <label for=${spec.id}>${this.m.fields.consent.label}</label>
      </div>
    </div>`;
  }

  private answerText(field: FieldName): string {
    const m = this.m;
    const ui = uiLanguage(this.language.ui);
    const value = this.values[field];
    if (typeof value === 'boolean') return value ? m.yes : m.notGiven;
    if (Array.isArray(value)) return value.length ? value.map((tag) => languageName(tag, ui)).join(', ') : m.notGiven;
    if (value.trim() === '') return m.notGiven;
    if (field === 'start' || field === 'end' || field === 'validThrough') return formatDateOnly(value.trim(), this.language.ui);
    if (field === 'contactUrl') return withScheme(value);
    if (field === 'districts' || field === 'activities') return splitList(value).join(', ');
    return value.trim();
  }

  private renderAnswer(field: FieldName): TemplateResult {
    const m = this.m;
    const label = m.fields[field].label;
    return html`<div class="answer">
      <dt>${label}</dt>
      <dd class="value" dir="auto">${this.answerText(field)}</dd>
      <dd class="change">
        <button part="change-button" class="link" type="button" data-field=${field} @click=${() => this.change(field)}>
          ${m.change}<span class="visually-hidden"> ${label}</span>
        </button>
      </dd>
    </div>`;
  }

  private renderReview(): TemplateResult {
    const m = this.m;
    return html`<section part="review" class="review" aria-labelledby="review-title">
      <h2 id="review-title" tabindex="-1">${m.reviewTitle}</h2>
      <p>${m.reviewIntro}</p>
      <h3>${m.organisationLegend}</h3>
      <dl>${ORGANISATION_FIELDS.map((f) => this.renderAnswer(f))}</dl>
      <h3>${m.whatLegend}</h3>
      <dl>${WHAT_FIELDS.map((f) => this.renderAnswer(f))}</dl>
      <h3>${m.whenLegend}</h3>
      <dl>${WHEN_FIELDS.map((f) => this.renderAnswer(f))}</dl>
      <h3>${m.contactLegend}</h3>
      <dl>${[...CONTACT_FIELDS, ...OTHER_FIELDS].map((f) => this.renderAnswer(f))}</dl>
      ${this.renderFailure()}
      <p class="visually-hidden" role="status">${this.sending ? m.sending : ''}</p>
      <div class="actions">
        <button part="send-button" type="button" ?disabled=${this.sending} @click=${() => void this.send()}>${this.sending ? m.sending : m.send}</button>
      </div>
    </section>`;
  }

  private renderFailure(): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (!failure) return nothing;
    const m = this.m;
    let title = m.networkTitle;
    let text = m.networkText;
    let retry = true;
    switch (failure.kind) {
      case 'rate':
        title = m.rateTitle;
        text = m.rateText;
        retry = false;
        break;
      case 'server':
        title = m.serverTitle;
        text = m.serverText.replace('{status}', String(failure.status));
        break;
      case 'reused':
        title = m.serverTitle;
        text = m.reusedText;
        retry = false;
        break;
      case 'not-configured':
        title = m.serverTitle;
        text = m.notConfigured;
        retry = false;
        break;
    }
    return html`<div part="status error failure" class="failure" id="failure" role="alert" tabindex="-1">
      <h3><span class="error-icon" aria-hidden="true">!</span> ${title}</h3>
      <p>${text}</p>
      ${retry ? html`<button part="try-again-button" type="button" ?disabled=${this.sending} @click=${() => void this.send()}>${m.tryAgain}</button>` : nothing}
    </div>`;
  }

  private renderSuccess(): TemplateResult {
    const m = this.m;
    return html`<div part="success" class="success" id="success" role="status" tabindex="-1">
      <h2>${m.successTitle}</h2>
      <p>${m.successReference} <strong class="reference" dir="ltr">${this.receiptId}</strong></p>
      <h3>${m.successNextTitle}</h3>
      <p>${m.successNext}</p>
    </div>`;
  }
}

function isKeyReused(body: unknown): boolean {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.some((e) => (e as { code?: unknown } | null)?.code === 'idempotency-key-reused');
}
