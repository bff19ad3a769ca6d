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
  ORGANISATION_FORMS,
  SIGNUP_MESSAGE_MAX_LENGTH,
  type Dataset,
  type SignupApplication,
} from '@samverkan/sdk';
import { DatasetController } from '../controllers/dataset-controller.js';
import { LanguageController } from '../controllers/language-controller.js';
import { SamverkanSignupFailedEvent } from '../events/samverkan-signup-failed.js';
import { SamverkanSignupSubmittedEvent } from '../events/samverkan-signup-submitted.js';
import { localized } from '../internal/localized.js';
import { stateStyles } from '../styles/states.js';
import { tokenStyles } from '../styles/tokens.js';
import { formatNumber, labelOf, messagesFor, plural } from '../translations/catalogue.js';
import { commonMessages } from '../translations/common.js';
import { dateLocale } from '../utils/format.js';
import { safeHttpUrl } from '../utils/safe-url.js';
import { clearDraft, loadDraft, newIdempotencyKey, saveDraft } from './draft.js';
import { keepNumbersTogether } from './examples.js';
import { CONTACT_FIELDS, FIELD_NAMES, FIELDS, ORGANISATION_FIELDS, OTHER_FIELDS, type FieldName, type TextFieldName } from './fields.js';
import { signupFormMessages, type SignupFormMessages } from './messages.js';
import { signupFormStyles } from './signup-form.styles.js';
import { checkAnswers, emptyValues, problemsFromIssues, splitList, withScheme, type PrivacyNoticeShown, type ProblemKind, type SignupValues } from './validation.js';

type Step = 'edit' | 'review' | 'done';

/** A problem shown under a field; `serverValue` is the answer a server rejected (it stays until that answer changes). */
interface FieldProblem {
  kind: ProblemKind;
  serverValue?: string | boolean;
}

/** Why the last attempt to send failed. */
type SendFailure =
  | { kind: 'network' }
  | { kind: 'rate'; retryAfter: number | undefined; at: Date }
  | { kind: 'server'; status: number }
  | { kind: 'reused' }
  | { kind: 'not-configured' };

/** How long typing must pause before the remaining characters are announced. */
const COUNT_ANNOUNCE_DELAY = 1000;


/**
 * The written application to join the agreement: a whole form in one shadow
 * root (labels, hints, inline errors and the error summary reach their
 * fields), a "check your answers" step, and sending through the SDK client
 * with one Idempotency-Key per draft. The answers are kept in
 * `sessionStorage` until the server has them; nothing personal goes into
 * events, attributes or the console.
 *
 * @summary The signup form (organisation, contact person, principles, consent).
 * @fires samverkan-signup-submitted - the server accepted the application; `detail.id` only
 * @fires samverkan-signup-failed - an attempt to send failed; `detail.error` (the SDK's typed error)
 * @fires samverkan-load - the dataset given in `src` (for the principles) is loaded
 * @fires samverkan-error - the dataset could not be loaded (the form still works, with the `principles-url` link)
 * @csspart base - the wrapper (carries lang and dir)
 * @csspart form - the form
 * @csspart error-summary - the list of problems at the top after a failed check
 * @csspart field - each field's wrapper
 * @csspart error-message - an inline error
 * @csspart principles - the principles (collapsed list or link)
 * @csspart principles-link - the link to the principles (`principles-url`) or to the agreement's full text
 * @csspart published-note - beside the organisation's e-mail, phone and description: shown publicly once approved
 * @csspart continue-button - "Continue" to the check step
 * @csspart review - the "check your answers" step
 * @csspart change-button - "Change" beside each answer
 * @csspart send-button - "Send application"
 * @csspart failure - why sending failed, with a try-again button
 * @csspart try-again-button - sends again with the same Idempotency-Key
 * @csspart success - the confirmation panel
 * @csspart reference - the application's short reference in the confirmation (its id from a server that gives none)
 * @cssproperty --samverkan-color-accent - links, buttons, focus ring
 * @cssproperty --samverkan-color-error - error borders and icons (never the only sign)
 * @cssproperty --samverkan-color-border - field borders
 * @cssproperty --samverkan-spacing - gaps scale from it
 */
export class SamverkanSignupForm extends LitElement {
  static override styles = [tokenStyles, stateStyles, signupFormStyles];

  /** The language, following `lang` on the element or its nearest ancestor. */
  protected readonly language = new LanguageController(this);
  /** The optional dataset (for the principles). */
  protected readonly data$ = new DatasetController(this, () => this.datasetUrl());

  /** The API's base URL including its version path, e.g. `https://kommun.example/api/v1`. */
  @property() api: string | null = null;

  /**
   * Optional: the dataset's URL; its principles are listed (collapsed) above the acceptance box.
   * Without `src` and without `principles-url`, the principles are read from the API's dataset
   * (`<api>/dataset`), so an applicant always sees what they accept.
   */
  @property() src: string | null = null;

  /** Optional: a dataset given directly instead of `src` (raw JSON or parsed). */
  @property({ attribute: false }) data: unknown = undefined;

  /** A page with the principles, linked when no dataset is given (or it cannot be loaded). */
  @property({ attribute: 'principles-url' }) principlesUrl: string | null = null;

  /** The privacy notice (set by the host page); the application records that it was shown. */
  @property({ attribute: 'privacy-url' }) privacyUrl: string | null = null;

  /** The privacy notice's version, recorded with the application. */
  @property({ attribute: 'privacy-version' }) privacyVersion: string | null = null;

  @state() private step: Step = 'edit';
  @state() private values: SignupValues = emptyValues();
  @state() private problems = new Map<FieldName, FieldProblem>();
  /** The fields listed in the error summary (in form order), or `undefined` when no summary shows. */
  @state() private summary?: { fields: FieldName[]; other: boolean };
  @state() private sending = false;
  @state() private failure?: SendFailure;
  /** What the confirmation shows: the server's short reference, or the application's id from a server that gives none. */
  @state() private receiptReference?: string;
  @state() private countAnnouncement = '';

  private idempotencyKey = newIdempotencyKey();
  private honeypot = '';
  private privacyShownAt?: string;
  private focusAfterRender?: string;
  private countTimer?: ReturnType<typeof setTimeout>;
  private draftRestored = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.draftRestored) {
      this.draftRestored = true;
      const draft = loadDraft();
      if (draft) {
        this.values = { ...emptyValues(), ...draft.values };
        this.idempotencyKey = draft.idempotencyKey;
        this.privacyShownAt = draft.privacyShownAt;
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.countTimer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.privacyShownAt === undefined && this.privacyNoticeUrl() !== undefined && this.step === 'edit') {
      // The notice's link is on screen now: that is the moment to record.
      this.privacyShownAt = new Date().toISOString();
    }
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
      this.focusAfterRender = undefined;
      if (target) {
        target.focus();
        target.scrollIntoView?.({ block: 'nearest' });
      }
    }
  }

  private get m(): SignupFormMessages {
    return messagesFor(signupFormMessages, this.language.ui);
  }

  /**
   * Where the principles come from: `src`; else, when the page gives no
   * `principles-url` either, the API's own dataset (the server publishes it at
   * `<api>/dataset`), rather than ask for acceptance of principles the
   * applicant cannot see. With `principles-url` and no `src`, nothing is fetched.
   */
  private datasetUrl(): string | null {
    if (this.src) return this.src;
    if (this.principlesUrl || !this.api) return null;
    return `${this.api.replace(/\/+$/, '')}/dataset`;
  }

  /** The privacy notice's absolute http(s) URL, if the page set one. */
  private privacyNoticeUrl(): string | undefined {
    return this.absoluteUrl(this.privacyUrl);
  }

  private absoluteUrl(value: string | null): string | undefined {
    if (!value) return undefined;
    try {
      return safeHttpUrl(new URL(value, document.baseURI).href);
    } catch {
      return undefined;
    }
  }

  private privacyNotice(): PrivacyNoticeShown | undefined {
    const url = this.privacyNoticeUrl();
    if (url === undefined) return undefined;
    return {
      url,
      ...(this.privacyVersion ? { version: this.privacyVersion } : {}),
      shownAt: this.privacyShownAt ?? new Date().toISOString(),
    };
  }

  // ——— handlers ———

  private setValue(field: FieldName, value: string | boolean): void {
    this.values = { ...this.values, [field]: value };
    if (this.step !== 'done') saveDraft(this.values, this.idempotencyKey, this.privacyShownAt);
    if (field === 'message') this.scheduleCountAnnouncement();
    // While typing, an error goes as soon as the answer is right; it is
    // never added or reworded mid-word (that waits for the field's change).
    if (this.problems.has(field) && !this.stillWrong(field)) {
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

  /** The field's problem now, from the schema; a server's objection lasts while its answer is unchanged. */
  private currentProblem(field: FieldName): ProblemKind | undefined {
    const shown = this.problems.get(field);
    if (shown?.serverValue !== undefined && shown.serverValue === this.values[field]) return shown.kind;
    const result = checkAnswers(this.values, this.language.ui, this.privacyNotice());
    return result.ok ? undefined : result.byField.get(field);
  }

  private stillWrong(field: FieldName): boolean {
    return this.currentProblem(field) !== undefined;
  }

  private onText(field: TextFieldName) {
    return (event: Event) => this.setValue(field, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
  }

  private onCheckbox(field: 'acceptsPrinciples' | 'consent') {
    return (event: Event) => {
      this.setValue(field, (event.target as HTMLInputElement).checked);
      this.recheck(field);
    };
  }

  private onContinue(event: Event): void {
    event.preventDefault();
    const result = checkAnswers(this.values, this.language.ui, this.privacyNotice());
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
    // In the form's order, as the reader meets the fields.
    this.summary = { fields: FIELD_NAMES.filter((f) => problems.has(f)), other };
    this.step = 'edit';
    this.focusAfterRender = '#error-summary';
  }

  private focusField(field: FieldName): void {
    const spec = FIELDS[field];
    const target =
      field === 'orgForm'
        ? (this.renderRoot.querySelector<HTMLInputElement>('input[name="org-form"]:checked') ?? this.renderRoot.querySelector<HTMLInputElement>('input[name="org-form"]'))
        : this.renderRoot.querySelector<HTMLElement>(`#${spec.id}`);
    if (!target) return;
    // The label or legend above the field should be in view too (GOV.UK does the same).
    target.closest('[part~="field"]')?.scrollIntoView?.({ block: 'start' });
    target.focus();
  }

  private onSummaryLink(field: FieldName) {
    return (event: Event) => {
      event.preventDefault();
      this.focusField(field);
    };
  }

  private change(field: FieldName): void {
    this.step = 'edit';
    this.failure = undefined;
    void this.updateComplete.then(() => this.focusField(field));
  }

  private scheduleCountAnnouncement(): void {
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => {
      this.countAnnouncement = this.countText();
    }, COUNT_ANNOUNCE_DELAY);
  }

  private countText(): string {
    const left = SIGNUP_MESSAGE_MAX_LENGTH - this.values.message.length;
    return left >= 0 ? plural(this.language.ui, left, this.m.charactersLeft) : plural(this.language.ui, -left, this.m.charactersOver);
  }

  /** Sends the checked application. A second click while one is on its way does nothing. */
  private async send(): Promise<void> {
    if (this.sending) return;
    const result = checkAnswers(this.values, this.language.ui, this.privacyNotice());
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
      ({ id, reference } = await client.submitSignup(result.application satisfies SignupApplication, {
        idempotencyKey: this.idempotencyKey,
        extra: { website_confirm: this.honeypot },
      }));
    } catch (error) {
      this.sending = false;
      this.sendFailed(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.sending = false;
    clearDraft();
    this.receiptReference = reference || id;
    this.step = 'done';
    this.focusAfterRender = '#success';
    await this.updateComplete;
    this.dispatchEvent(new SamverkanSignupSubmittedEvent(id));
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
      this.failure = { kind: 'rate', retryAfter: error.retryAfter, at: new Date() };
    } else if (isHttpError(error)) {
      this.failure = { kind: 'server', status: error.status };
    } else if (isNetworkError(error) || isTimeoutError(error)) {
      this.failure = { kind: 'network' };
    } else {
      this.failure = { kind: 'not-configured' };
    }
    if (this.failure) this.focusAfterRender = '#failure';
    void this.updateComplete.then(() => this.dispatchEvent(new SamverkanSignupFailedEvent(error)));
  }

  // ——— render ———

  // Waits for the language's UI strings too, so that `await el.updateComplete`
  // means the form shows in its language.
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.language.settled;
    return this.data$.untilChecked(() => super.getUpdateComplete());
  }

  protected override render(): TemplateResult {
    // Until the UI strings of the form's language are loaded: busy, and no fields yet to type into.
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
        ${ORGANISATION_FIELDS.map((f) => (f === 'orgForm' ? this.renderFormChoice() : this.renderTextField(f as TextFieldName)))}
      </fieldset>
      <fieldset part="fieldset" aria-describedby="contact-hint">
        <legend>${m.contactLegend}</legend>
        <p class="hint" id="contact-hint">${m.contactHint}</p>
        ${CONTACT_FIELDS.map((f) => this.renderTextField(f as TextFieldName))}
      </fieldset>
      ${this.renderPrinciples()} ${this.renderCheckbox('acceptsPrinciples')}
      <section class="privacy" aria-labelledby="privacy-title">
        <h3 id="privacy-title">${m.privacyTitle}</h3>
        ${this.renderPrivacyLink()} ${this.renderCheckbox('consent')}
      </section>
      ${this.renderTextField('message')} ${this.renderHoneypot()}
      <div class="actions">
        <button part="continue-button" type="submit">${m.continue}</button>
      </div>
    </form>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const summary = this.summary;
    if (!summary) return nothing;
    const m = this.m;
    // Listed as at the last check, minus what has been fixed since.
    const fields = summary.fields.filter((f) => this.problems.has(f));
    if (fields.length === 0 && !summary.other) return nothing;
    return html`<div part="error-summary" class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">${m.summaryTitle}</h2>
      <ul>
        ${fields.map(
          (f) =>
            html`<li><a href="#${FIELDS[f].id}" @click=${this.onSummaryLink(f)}>${keepNumbersTogether(this.problemText(f, this.problems.get(f)!.kind))}</a></li>`,
        )}
        ${summary.other ? html`<li>${m.otherProblem}</li>` : nothing}
      </ul>
    </div>`;
  }

  private problemText(field: FieldName, kind: ProblemKind): string {
    const texts = this.m.problems[field];
    return texts[kind] ?? texts.invalid;
  }

  private renderError(field: FieldName): TemplateResult | typeof nothing {
    const problem = this.problems.get(field);
    if (!problem) return nothing;
    return html`<p part="error-message" class="error-message" id="${FIELDS[field].id}-error">
      <span class="error-icon" aria-hidden="true">!</span>
      <span class="error-text"><span class="visually-hidden">${this.m.errorPrefix}</span> ${keepNumbersTogether(this.problemText(field, problem.kind))}</span>
    </p>`;
  }

  private renderLabel(field: FieldName): TemplateResult {
    const spec = FIELDS[field];
    return html`<label for=${spec.id}>${this.m.fields[field].label}${spec.optional ? html` <span class="optional">${this.m.optional}</span>` : nothing}</label>`;
  }

  private renderTextField(field: TextFieldName): TemplateResult {
    const spec = FIELDS[field];
    const text = this.m.fields[field];
    const invalid = this.problems.has(field);
    const described = [
      text.hint ? `${spec.id}-hint` : '',
      spec.published ? `${spec.id}-published` : '',
      field === 'message' ? 'message-limit' : '',
      invalid ? `${spec.id}-error` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const common = {
      id: spec.id,
      describedBy: described || undefined,
    };
    const control =
      spec.control === 'textarea'
        ? html`<textarea
            id=${common.id}
            name=${spec.id}
            rows=${field === 'message' ? 6 : 4}
            aria-describedby=${ifDefined(common.describedBy)}
            aria-invalid=${invalid ? 'true' : 'false'}
            .value=${live(this.values[field])}
            @input=${this.onText(field)}
            @change=${() => this.recheck(field)}
          ></textarea>`
        : html`<input
            id=${common.id}
            name=${spec.id}
            type=${spec.control ?? 'text'}
            dir=${spec.ltr ? 'ltr' : nothing}
            class=${spec.narrow ? 'narrow' : ''}
            autocomplete=${ifDefined(spec.autocomplete)}
            inputmode=${ifDefined(spec.inputmode)}
            spellcheck=${spec.control === 'email' || spec.control === 'url' || field === 'orgNumber' ? 'false' : nothing}
            aria-describedby=${ifDefined(common.describedBy)}
            aria-invalid=${invalid ? 'true' : 'false'}
            .value=${live(this.values[field])}
            @input=${this.onText(field)}
            @change=${() => this.recheck(field)}
          />`;
    return html`<div part="field" class="field ${invalid ? 'invalid' : ''}">
      ${this.renderLabel(field)} ${text.hint ? html`<p class="hint" id="${spec.id}-hint">${keepNumbersTogether(text.hint)}</p>` : nothing}
      ${spec.published
        ? html`<p part="published-note" class="hint published" id="${spec.id}-published">
            ${spec.published === 'contact' ? this.m.publishedContactNote : this.m.publishedNote}
          </p>`
        : nothing}
      ${field === 'message' ? html`<p class="visually-hidden" id="message-limit">${this.m.characterLimit.replace('{n}', formatNumber(SIGNUP_MESSAGE_MAX_LENGTH, this.language.ui))}</p>` : nothing}
      ${this.renderError(field)} ${control} ${field === 'message' ? this.renderCount() : nothing}
    </div>`;
  }

  private renderCount(): TemplateResult {
    const over = this.values.message.length > SIGNUP_MESSAGE_MAX_LENGTH;
    // The visible count follows every keystroke but is hidden from screen
    // readers; they hear the polite live region once typing pauses.
    return html`<p class="count ${over ? 'over' : ''}" aria-hidden="true">${over ? html`<span class="error-icon">!</span> ` : nothing}${this.countText()}</p>
      <p class="visually-hidden" role="status" aria-live="polite" id="message-count-status">${this.countAnnouncement}</p>`;
  }

  private renderFormChoice(): TemplateResult {
    const m = this.m;
    const invalid = this.problems.has('orgForm');
    return html`<div part="field" class="field ${invalid ? 'invalid' : ''}">
      <fieldset class="choices" id="org-form" aria-describedby=${ifDefined(invalid ? 'org-form-error' : undefined)}>
        <legend>${m.fields.orgForm.label}</legend>
        ${this.renderError('orgForm')}
        ${ORGANISATION_FORMS.map(
          (form) => html`<div class="choice">
            <input
              type="radio"
              id="org-form-${form}"
              name="org-form"
              value=${form}
              .checked=${live(this.values.orgForm === form)}
              @change=${() => {
                this.setValue('orgForm', form);
                this.recheck('orgForm');
              }}
            />
            <label for="org-form-${form}">${this.formLabel(form)}</label>
          </div>`,
        )}
      </fieldset>
    </div>`;
  }

  private renderCheckbox(field: 'acceptsPrinciples' | 'consent'): TemplateResult {
    const spec = FIELDS[field];
    const invalid = this.problems.has(field);
    return html`<div part="field" class="field checkbox ${invalid ? 'invalid' : ''}">
      ${this.renderError(field)}
      <div class="choice">
        <input
          type="checkbox"
          id=${spec.id}
          name=${spec.id}
          aria-describedby=${ifDefined(invalid ? `${spec.id}-error` : undefined)}
          aria-invalid=${invalid ? 'true' : 'false'}
          .checked=${live(this.values[field])}
          @change=${this.onCheckbox(field)}
        />
        <label for=${spec.id}>${this.m.fields[field].label}</label>
      </div>
    </div>`;
  }

  private renderPrinciples(): TemplateResult {
    const m = this.m;
    const state = this.data$.state;
    // The page's own page of principles; else the agreement's full text, once the dataset names it.
    const pageLink = this.absoluteUrl(this.principlesUrl);
    const documentLink = state.status === 'ready' ? safeHttpUrl(state.dataset.agreement.documentUrl) : undefined;
    const link = pageLink ?? documentLink;
    const linkView = link
      ? html`<p>
          <a part="principles-link" href=${link} target="_blank" rel="noopener noreferrer">${pageLink ? m.principlesLink : m.agreementLink}</a>
          <span class="new-tab">${m.newTab}</span>
        </p>`
      : nothing;
    let body: unknown = linkView;
    if (state.status === 'ready' && state.dataset.principles.length > 0) {
      body = html`${this.renderPrincipleList(state.dataset)}${linkView}`;
    } else if (state.status === 'loading') {
      body = html`<p role="status">${m.principlesLoading}</p>${linkView}`;
    } else if (!link) {
      // Nothing to read (no list, no link): say so rather than show an empty box.
      body = html`<p>${m.principlesUnavailable}</p>`;
    }
    return html`<section part="principles" class="principles" aria-labelledby="principles-title">
      <h3 id="principles-title">${m.principlesTitle}</h3>
      ${body}
    </section>`;
  }

  private renderPrincipleList(dataset: Dataset): TemplateResult {
    const lang = this.language.lang;
    const principles = dataset.principles;
    return html`<details>
      <summary>${plural(this.language.ui, principles.length, this.m.principlesShow)}</summary>
      <ol>
        ${principles.map(
          (p) => html`<li>
            <strong>${localized(p.title, lang, dataset.defaultLanguage)}</strong>
            ${p.description ? html`<p>${localized(p.description, lang, dataset.defaultLanguage)}</p>` : nothing}
          </li>`,
        )}
      </ol>
    </details>`;
  }

  private renderPrivacyLink(): TemplateResult {
    const m = this.m;
    const url = this.privacyNoticeUrl();
    return url
      ? html`<p><a part="privacy-link" href=${url} target="_blank" rel="noopener">${m.privacyLink}</a> <span class="new-tab">${m.newTab}</span></p>`
      : html`<p>${m.privacyNoLink}</p>`;
  }

  private renderHoneypot(): TemplateResult {
    // Clipped to nothing, out of the tab order, hidden from assistive
    // technology and inert: a person never fills it; a bot that fills every
    // field does. The server drops an application that fills it, so browser
    // autofill and password managers must never fill it either: hence an id
    // and a label no autofill heuristic reads as an address, a name or a
    // website (it is sent as `website_confirm` in the JSON, never from the
    // DOM), `autocomplete="off"`, the password managers' own opt-outs, and
    // `inert`, which makes it unfocusable (Chrome fills only fields that can
    // take focus).
    return html`<div class="honeypot" aria-hidden="true" inert>
      <label for="leave-empty">${this.m.honeypotLabel}</label>
      <input
        type="text"
        id="leave-empty"
        name="leave-empty"
        tabindex="-1"
        autocomplete="off"
        data-1p-ignore
        data-lpignore="true"
        data-form-type="other"
        @input=${(e: Event) => (this.honeypot = (e.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  private renderReview(): TemplateResult {
    const m = this.m;
    return html`<section part="review" class="review" aria-labelledby="review-title">
      <h2 id="review-title" tabindex="-1">${m.reviewTitle}</h2>
      <p>${m.reviewIntro}</p>
      <h3>${m.organisationLegend}</h3>
      <dl>${ORGANISATION_FIELDS.map((f) => this.renderAnswer(f))}</dl>
      <h3>${m.contactLegend}</h3>
      <dl>${CONTACT_FIELDS.map((f) => this.renderAnswer(f))}</dl>
      <h3>${m.reviewOther}</h3>
      <dl>${OTHER_FIELDS.map((f) => this.renderAnswer(f))}</dl>
      ${this.renderFailure()}
      <p class="visually-hidden" role="status">${this.sending ? m.sending : ''}</p>
      <div class="actions">
        <button part="send-button" type="button" ?disabled=${this.sending} @click=${() => void this.send()}>
          ${this.sending ? m.sending : m.send}
        </button>
      </div>
    </section>`;
  }

  /** An organisation form's name: the common one, but "other" says "other form" as a choice of its own. */
  private formLabel(form: string): string {
    return form === 'other' ? this.m.otherForm : labelOf(messagesFor(commonMessages, this.language.ui).forms, form);
  }

  private answerText(field: FieldName): string | string[] {
    const m = this.m;
    const value = this.values[field];
    if (typeof value === 'boolean') return value ? m.yes : m.notGiven;
    if (value.trim() === '') return m.notGiven;
    if (field === 'orgForm') return this.formLabel(value);
    if (field === 'orgWebsite') return withScheme(value);
    if (field === 'orgDistricts' || field === 'orgActivities') return splitList(value);
    return value.trim();
  }

  private renderAnswer(field: FieldName): TemplateResult {
    const m = this.m;
    const answer = this.answerText(field);
    const label = field === 'orgForm' ? m.fields.orgForm.label : m.fields[field].label;
    return html`<div class="answer">
      <dt>${label}</dt>
      <dd class="value" dir="auto">${Array.isArray(answer) ? answer.join(', ') : answer}</dd>
      <dd class="change">
        <button part="change-button" class="link" type="button" data-field=${field} @click=${() => this.change(field)}>
          ${m.change}<span class="visually-hidden"> ${label}</span>
        </button>
      </dd>
    </div>`;
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
        text = failure.retryAfter === undefined ? m.rateTextUnknown : this.rateText(failure.retryAfter, failure.at);
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
      ${retry
        ? html`<button part="try-again-button" type="button" ?disabled=${this.sending} @click=${() => void this.send()}>${m.tryAgain}</button>`
        : nothing}
    </div>`;
  }

  /** "in 45 minutes (at 14:32)" in the reader's language. */
  private rateText(seconds: number, at: Date): string {
    const lang = this.language.ui;
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    const when =
      seconds < 90
        ? new Intl.RelativeTimeFormat(lang, { numeric: 'always' }).format(Math.max(1, seconds), 'second')
        : new Intl.RelativeTimeFormat(lang, { numeric: 'always' }).format(minutes, 'minute');
    const time = new Intl.DateTimeFormat(dateLocale(lang), { hour: '2-digit', minute: '2-digit' }).format(new Date(at.getTime() + seconds * 1000));
    return this.m.rateText.replace('{when}', when).replace('{time}', time);
  }

  private renderSuccess(): TemplateResult {
    const m = this.m;
    return html`<div part="success" class="success" id="success" role="status" tabindex="-1">
      <h2>${m.successTitle}</h2>
      <p>${m.successReference} <strong part="reference" class="reference" dir="ltr">${this.receiptReference}</strong></p>
      <p>${m.successReferenceHint}</p>
      <h3>${m.successNextTitle}</h3>
      <p>${m.successNext}</p>
    </div>`;
  }
}

function isKeyReused(body: unknown): boolean {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.some((e) => (e as { code?: unknown } | null)?.code === 'idempotency-key-reused');
}
