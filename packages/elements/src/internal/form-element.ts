import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { createFetchClient, isHttpError, isNetworkError, isTimeoutError, isValidationError, type Issue, type SamverkanClient, type SignupReceipt } from '@samverkan/sdk';
import { DatasetController, lazyDatasetSource } from '../controllers/dataset-controller.js';
import { LanguageController } from '../controllers/language-controller.js';
import { stateStyles } from '../styles/states.js';
import { tokenStyles } from '../styles/tokens.js';
import type { FieldProblems, FormFieldSpec } from './form-answers.js';
import { FormDraft, newIdempotencyKey, type FormDraftContents } from './form-draft.js';
import { formStyles } from './form.styles.js';
import { keepNumbersTogether } from './keep-numbers-together.js';

/** Where the reader is: answering, checking the answers, or done. */
export type FormStep = 'edit' | 'review' | 'done';

/** Why the last attempt to send failed. */
export type SendFailure =
  | { kind: 'network' }
  | { kind: 'rate'; retryAfter: number | undefined; at: Date }
  | { kind: 'server'; status: number }
  | { kind: 'reused' }
  | { kind: 'not-configured' };

/** A field's label and, where a person might hesitate, a hint. */
export interface FieldText {
  label: string;
  hint?: string;
}

/** A field's error messages by kind of problem; `invalid` is the fallback for any kind it lacks. */
export type ProblemTexts<K extends string> = Partial<Record<K, string>> & { invalid: string };

/** The strings every form has (each form words them for itself, and adds its own). */
export interface FormMessages<F extends string, K extends string> {
  title: string;
  intro: string;
  /** After the label of an answer that may be left empty. */
  optional: string;
  fields: Record<F, FieldText>;
  /** Error messages per field. They say what to do, GOV.UK style. */
  problems: Record<F, ProblemTexts<K>>;
  /** Read out before each inline error, which also shows a "!" icon: never colour alone. */
  errorPrefix: string;
  summaryTitle: string;
  /** A problem the form has no field for (e.g. reported by the server). */
  otherProblem: string;
  continue: string;
  reviewTitle: string;
  reviewIntro: string;
  change: string;
  notGiven: string;
  yes: string;
  send: string;
  sending: string;
  networkTitle: string;
  networkText: string;
  tryAgain: string;
  rateTitle: string;
  rateText: string;
  serverTitle: string;
  /** `{status}` is the HTTP status. */
  serverText: string;
  reusedText: string;
  notConfigured: string;
  successTitle: string;
  successReference: string;
  /** Under the reference, if the form says more about it. */
  successReferenceHint?: string;
  successNextTitle: string;
  successNext: string;
}

/** The outcome of a form's check: what to send, or the problems by field. */
export type FormCheck<F extends string, K extends string, P> = { ok: true; payload: P } | ({ ok: false } & FieldProblems<F, K>);

/** A problem shown under a field; `serverValue` is the answer a server rejected (it stays until that answer changes). */
interface FieldProblem<K extends string> {
  kind: K;
  serverValue?: unknown;
}

/** What a form is made of, given to the base by each form. */
export interface FormSpec<F extends string, V extends Record<F, unknown>> {
  /** Every field, in the form's order (the error summary lists them so). */
  fieldNames: readonly F[];
  fields: Readonly<Record<F, FormFieldSpec>>;
  emptyValues: () => V;
  draft: FormDraft<V>;
}

/** The answers a form holds: one value per field (text, a tick, or a list of tags). */
export type FormValues<F extends string> = Record<F, string | boolean | string[]>;

/**
 * The common base of the forms (the signup form, the opportunity form): a
 * whole form in one shadow root (labels, hints, inline errors and an error
 * summary that reach their fields), a "check your answers" step, and sending
 * through the SDK client with one Idempotency-Key per draft, the same key on
 * every retry, so the server stores it once. The answers are kept in
 * `sessionStorage` until the server has them, and stay on screen when
 * sending fails. The dataset is optional (`src` or `data`); the form works
 * without it.
 *
 * The SDK's check of the answers (zod, with the schema the server uses) is
 * loaded when the reader first starts to answer, not before the form shows:
 * each form names it in {@link prepareCheck}.
 */
export abstract class SamverkanFormElement<F extends string, K extends string, V extends FormValues<F>, P> extends LitElement {
  static override styles = [tokenStyles, stateStyles, formStyles];

  /** The language, following `lang` on the element or its nearest ancestor. */
  protected readonly language = new LanguageController(this);
  /** The optional dataset. */
  /** The optional dataset; its code (the validators) is fetched when there is one to load, after the form shows. */
  protected readonly data$ = new DatasetController(this, lazyDatasetSource, () => this.datasetUrl());

  /** The API's base URL including its version path, e.g. `https://kommun.example/api/v1`. */
  @property() api: string | null = null;

  /** Optional: the dataset's URL. */
  @property() src: string | null = null;

  /** Optional: a dataset given directly instead of `src` (raw JSON or parsed). */
  @property({ attribute: false }) data: unknown = undefined;

  @state() protected step: FormStep = 'edit';
  @state() protected values: V;
  @state() protected problems = new Map<F, FieldProblem<K>>();
  /** The fields listed in the error summary (in form order), or `undefined` when no summary shows. */
  @state() protected summary?: { fields: F[]; other: boolean };
  @state() protected sending = false;
  @state() protected failure?: SendFailure;
  /** What the confirmation shows: the server's short reference, or the id from a server that gives none. */
  @state() protected receiptReference?: string;

  protected idempotencyKey = newIdempotencyKey();
  protected focusAfterRender?: string;
  private draftRestored = false;
  /** A check waiting for the SDK's validation to load; `updateComplete` waits for it. */
  private pendingCheck?: Promise<unknown>;

  constructor(protected readonly form: FormSpec<F, V>) {
    super();
    this.values = form.emptyValues();
    // The check is needed once the reader starts: load it then, so that "Continue" does not wait.
    this.addEventListener('focusin', () => void this.prepareCheck().catch(() => {}), { once: true });
  }

  // ——— what each form supplies ———

  /** The form's strings in the reader's language. */
  protected abstract get m(): FormMessages<F, K>;
  /** Loads what {@link check} needs (once; later calls share the first). */
  protected abstract prepareCheck(): Promise<void>;
  /** Checks the answers as they are now (after {@link prepareCheck}). */
  protected abstract check(): FormCheck<F, K, P>;
  /** The problems a server's issues (a 400 or 422 answer, or the client's own check) make. */
  protected abstract problemsFromIssues(issues: readonly Issue[]): FieldProblems<F, K>;
  /** Sends what the check made. */
  protected abstract submit(client: SamverkanClient, payload: P, idempotencyKey: string): Promise<SignupReceipt>;
  /** The event that the server accepted (its id only: nothing personal). */
  protected abstract submittedEvent(id: string): Event;
  /** The event that an attempt to send failed. */
  protected abstract failedEvent(error: Error): Event;
  /** The form's fields, below its title and introduction (fieldsets, consents). */
  protected abstract renderFields(): unknown;
  /** The review's parts: a heading and the fields answered under it. */
  protected abstract reviewSections(): [heading: string, fields: readonly F[]][];
  /** An answer as the review shows it. */
  protected abstract answerText(field: F): string;

  /** Where the dataset is; default `src`. */
  protected datasetUrl(): string | null {
    return this.src;
  }

  /** Called with a restored draft (after the answers and the key are back). */
  protected draftRestoredWith(_draft: FormDraftContents<V>): void {}

  /** What the form keeps beside the answers in its draft. */
  protected draftExtra(): Record<string, string | undefined> {
    return {};
  }

  /** The element a field's summary link and "Change" button focus. */
  protected fieldTarget(field: F): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#${this.form.fields[field].id}`);
  }

  /** The text of a field's problem. */
  protected problemText(field: F, kind: K): string {
    const texts = this.m.problems[field];
    return texts[kind] ?? texts.invalid;
  }

  /** What "too many attempts" says. */
  protected rateMessage(_failure: SendFailure & { kind: 'rate' }): string {
    return this.m.rateText;
  }

  /** What a text field shows beside its own parts: ids that describe it, and content before its error and after its control. */
  protected fieldNotes(_field: F): { describedBy?: string[]; before?: unknown; after?: unknown } {
    return {};
  }

  // ——— lifecycle ———

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.draftRestored) {
      this.draftRestored = true;
      const draft = this.form.draft.load();
      if (draft) {
        this.values = { ...this.form.emptyValues(), ...draft.values };
        this.idempotencyKey = draft.idempotencyKey;
        this.draftRestoredWith(draft);
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

  // Waits for the language's UI strings, a check still loading, and a partly
  // invalid dataset being checked, so that `await el.updateComplete` means
  // the form shows what it was given, in its language.
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.language.settled;
    while (this.pendingCheck) await this.pendingCheck;
    return this.data$.untilChecked(() => super.getUpdateComplete());
  }

  // ——— handlers ———

  /** Runs `then` with the check loaded; `updateComplete` waits for it. */
  private withCheck(then: () => void): Promise<void> {
    const done = this.prepareCheck()
      .then(() => then())
      .finally(() => {
        if (this.pendingCheck === done) this.pendingCheck = undefined;
      });
    this.pendingCheck = done;
    return done;
  }

  protected setValue<N extends F>(field: N, value: V[N]): void {
    this.values = { ...this.values, [field]: value };
    if (this.step !== 'done') this.form.draft.save(this.values, this.idempotencyKey, this.draftExtra());
    // While typing, an error goes as soon as the answer is right; it is
    // never added or reworded mid-word (that waits for the field's change).
    if (this.problems.has(field) && this.currentProblem(field) === undefined) {
      const next = new Map(this.problems);
      next.delete(field);
      this.problems = next;
    }
  }

  protected recheck(field: F): void {
    if (!this.problems.has(field)) return;
    const kind = this.currentProblem(field);
    const next = new Map(this.problems);
    if (kind) next.set(field, { ...next.get(field)!, kind });
    else next.delete(field);
    this.problems = next;
  }

  /** The field's problem now; a server's objection lasts while its answer is unchanged. (Only called while a problem shows, so the check is loaded.) */
  private currentProblem(field: F): K | undefined {
    const shown = this.problems.get(field);
    if (shown?.serverValue !== undefined && shown.serverValue === this.values[field]) return shown.kind;
    const result = this.check();
    return result.ok ? undefined : result.byField.get(field);
  }

  protected onText(field: F) {
    return (event: Event) => this.setValue(field, (event.target as HTMLInputElement | HTMLTextAreaElement).value as V[F]);
  }

  private onContinue(event: Event): void {
    event.preventDefault();
    void this.withCheck(() => {
      const result = this.check();
      if (!result.ok) {
        this.showProblems(result.byField, result.other.length > 0);
        return;
      }
      this.problems = new Map();
      this.summary = undefined;
      this.step = 'review';
      this.focusAfterRender = '#review-title';
    });
  }

  private showProblems(byField: Map<F, K>, other: boolean, fromServer = false): void {
    const problems = new Map<F, FieldProblem<K>>();
    for (const [field, kind] of byField) problems.set(field, fromServer ? { kind, serverValue: this.values[field] } : { kind });
    this.problems = problems;
    // In the form's order, as the reader meets the fields.
    this.summary = { fields: this.form.fieldNames.filter((f) => problems.has(f)), other };
    this.step = 'edit';
    this.focusAfterRender = '#error-summary';
  }

  private focusField(field: F): void {
    const target = this.fieldTarget(field);
    if (!target) return;
    // The label or legend above the field should be in view too (GOV.UK does the same).
    target.closest('[part~="field"]')?.scrollIntoView?.({ block: 'start' });
    target.focus();
  }

  private change(field: F): void {
    this.step = 'edit';
    this.failure = undefined;
    void this.updateComplete.then(() => this.focusField(field));
  }

  /** Sends the checked answers. A second click while they are on their way does nothing. */
  private async send(): Promise<void> {
    if (this.sending) return;
    let payload: P | undefined;
    await this.withCheck(() => {
      const result = this.check();
      if (result.ok) payload = result.payload;
      else this.showProblems(result.byField, result.other.length > 0);
    });
    if (payload === undefined || this.sending) return;
    if (!this.api) {
      this.failure = { kind: 'not-configured' };
      this.focusAfterRender = '#failure';
      return;
    }
    this.sending = true;
    this.failure = undefined;
    let receipt: SignupReceipt;
    try {
      // The fetch-based client: no ky on the page; "try again" sends the same key.
      receipt = await this.submit(createFetchClient({ apiUrl: this.api }), payload, this.idempotencyKey);
    } catch (error) {
      this.sending = false;
      this.sendFailed(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.sending = false;
    this.form.draft.clear();
    this.receiptReference = receipt.reference || receipt.id;
    this.step = 'done';
    this.focusAfterRender = '#success';
    await this.updateComplete;
    this.dispatchEvent(this.submittedEvent(receipt.id));
  }

  private sendFailed(error: Error): void {
    if (isValidationError(error)) {
      const { byField, other } = this.problemsFromIssues(error.issues);
      this.showProblems(byField, other.length > 0);
    } else if (isHttpError(error) && error.status === 422 && isKeyReused(error.body)) {
      this.failure = { kind: 'reused' };
    } else if (isHttpError(error) && (error.status === 400 || error.status === 422) && error.issues && error.issues.length > 0) {
      const { byField, other } = this.problemsFromIssues(error.issues);
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
    void this.updateComplete.then(() => this.dispatchEvent(this.failedEvent(error)));
  }

  // ——— render ———

  protected override render(): TemplateResult {
    // Until the UI strings of the form's language are loaded: busy, and no fields yet to type into.
    if (!this.language.ready) return html`<div part="base" aria-busy="true"></div>`;
    return html`<div part="base" lang=${this.language.ui} dir=${this.language.dir}>
      ${this.step === 'done'
        ? this.renderSuccess()
        : this.step === 'review'
          ? this.renderReview()
          : html`<form part="form" novalidate @submit=${this.onContinue}>
              ${this.renderSummary()}
              <h2>${this.m.title}</h2>
              <p>${this.m.intro}</p>
              ${this.renderFields()}
              <div class="actions">
                <button part="continue-button" type="submit">${this.m.continue}</button>
              </div>
            </form>`}
    </div>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const summary = this.summary;
    if (!summary) return nothing;
    // Listed as at the last check, minus what has been fixed since.
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
                href="#${this.form.fields[f].id}"
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

  protected renderError(field: F): TemplateResult | typeof nothing {
    const problem = this.problems.get(field);
    if (!problem) return nothing;
    return html`<p part="error-message" class="error-message" id="${this.form.fields[field].id}-error">
      <span class="error-icon" aria-hidden="true">!</span>
      <span class="error-text"><span class="visually-hidden">${this.m.errorPrefix}</span> ${keepNumbersTogether(this.problemText(field, problem.kind))}</span>
    </p>`;
  }

  protected renderTextField(field: F): TemplateResult {
    const spec = this.form.fields[field];
    const text = this.m.fields[field];
    const invalid = this.problems.has(field);
    const notes = this.fieldNotes(field);
    const describedBy = [text.hint ? `${spec.id}-hint` : '', ...(notes.describedBy ?? []), invalid ? `${spec.id}-error` : ''].filter(Boolean).join(' ') || undefined;
    const value = live(this.values[field] as string);
    const control =
      spec.control === 'textarea'
        ? html`<textarea
            id=${spec.id}
            name=${spec.id}
            rows=${spec.rows ?? 4}
            aria-describedby=${ifDefined(describedBy)}
            aria-invalid=${invalid ? 'true' : 'false'}
            .value=${value}
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
            spellcheck=${spec.noSpellcheck ? 'false' : nothing}
            aria-describedby=${ifDefined(describedBy)}
            aria-invalid=${invalid ? 'true' : 'false'}
            .value=${value}
            @input=${this.onText(field)}
            @change=${() => this.recheck(field)}
          />`;
    return html`<div part="field" class="field ${invalid ? 'invalid' : ''}">
      <label for=${spec.id}>${text.label}${spec.optional ? html` <span class="optional">${this.m.optional}</span>` : nothing}</label>
      ${text.hint ? html`<p class="hint" id="${spec.id}-hint">${keepNumbersTogether(text.hint)}</p>` : nothing} ${notes.before ?? nothing}
      ${this.renderError(field)} ${control} ${notes.after ?? nothing}
    </div>`;
  }

  /** A fieldset of answers under a legend, with a hint under the legend if given (`<id>-hint` describes the fieldset). */
  protected renderFieldset(legend: string, fields: readonly F[], hint?: { id: string; text: string }): TemplateResult {
    return html`<fieldset part="fieldset" aria-describedby=${ifDefined(hint?.id)}>
      <legend>${legend}</legend>
      ${hint ? html`<p class="hint" id=${hint.id}>${hint.text}</p>` : nothing} ${fields.map((f) => this.renderField(f))}
    </fieldset>`;
  }

  /** A field as the form shows it; default a text field (a form overrides it for its choice groups). */
  protected renderField(field: F): unknown {
    return this.renderTextField(field);
  }

  /** A tick box that must be ticked (a consent). */
  protected renderCheckbox(field: F): TemplateResult {
    const spec = this.form.fields[field];
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
          .checked=${live(this.values[field] as boolean)}
          @change=${(event: Event) => {
            this.setValue(field, (event.target as HTMLInputElement).checked as V[F]);
            this.recheck(field);
          }}
        />
        <label for=${spec.id}>${this.m.fields[field].label}</label>
      </div>
    </div>`;
  }

  /**
   * A group of radio buttons (one answer) or tick boxes (a list of tags) in a
   * fieldset whose legend is the field's label; each choice's id is
   * `<idPrefix>-<option>`.
   */
  protected renderChoices(
    field: F,
    options: readonly string[],
    choice: { type: 'radio' | 'checkbox'; idPrefix: string; label: (option: string) => string; listClass?: string },
  ): TemplateResult {
    const spec = this.form.fields[field];
    const invalid = this.problems.has(field);
    const value = this.values[field];
    const choices = options.map(
      (option) => html`<div class="choice">
        <input
          type=${choice.type}
          id="${choice.idPrefix}-${option}"
          name=${spec.id}
          value=${option}
          .checked=${live(Array.isArray(value) ? value.includes(option) : value === option)}
          @change=${(event: Event) => {
            const checked = (event.target as HTMLInputElement).checked;
            if (Array.isArray(value)) {
              // Kept in the order offered, so the review and what is sent do not depend on the order of clicks.
              const chosen = (this.values[field] as string[]).filter((o) => o !== option);
              if (checked) chosen.push(option);
              this.setValue(field, options.filter((o) => chosen.includes(o)) as V[F]);
            } else this.setValue(field, option as V[F]);
            this.recheck(field);
          }}
        />
        <label for="${choice.idPrefix}-${option}">${choice.label(option)}</label>
      </div>`,
    );
    return html`<div part="field" class="field ${invalid ? 'invalid' : ''}">
      <fieldset class="choices" id=${spec.id} aria-describedby=${ifDefined(invalid ? `${spec.id}-error` : undefined)}>
        <legend>${this.m.fields[field].label}${spec.optional ? html` <span class="optional">${this.m.optional}</span>` : nothing}</legend>
        ${this.renderError(field)} ${choice.listClass ? html`<div class=${choice.listClass}>${choices}</div>` : choices}
      </fieldset>
    </div>`;
  }

  private renderReview(): TemplateResult {
    const m = this.m;
    return html`<section part="review" class="review" aria-labelledby="review-title">
      <h2 id="review-title" tabindex="-1">${m.reviewTitle}</h2>
      <p>${m.reviewIntro}</p>
      ${this.reviewSections().map(([heading, fields]) => html`<h3>${heading}</h3>
          <dl>${fields.map((f) => this.renderAnswer(f))}</dl>`)}
      ${this.renderFailure()}
      <p class="visually-hidden" role="status">${this.sending ? m.sending : ''}</p>
      <div class="actions">
        <button part="send-button" type="button" ?disabled=${this.sending} @click=${() => void this.send()}>${this.sending ? m.sending : m.send}</button>
      </div>
    </section>`;
  }

  private renderAnswer(field: F): TemplateResult {
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

  /** A given answer as the review shows it: a tick as yes, nothing as "not given". */
  protected givenAnswer(value: unknown): string | undefined {
    if (typeof value === 'boolean') return value ? this.m.yes : this.m.notGiven;
    if (typeof value === 'string' && value.trim() === '') return this.m.notGiven;
    if (Array.isArray(value) && value.length === 0) return this.m.notGiven;
    return undefined;
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
        text = this.rateMessage(failure);
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
      <p>${m.successReference} <strong part="reference" class="reference" dir="ltr">${this.receiptReference}</strong></p>
      ${m.successReferenceHint ? html`<p>${m.successReferenceHint}</p>` : nothing}
      <h3>${m.successNextTitle}</h3>
      <p>${m.successNext}</p>
    </div>`;
  }
}

function isKeyReused(body: unknown): boolean {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.some((e) => (e as { code?: unknown } | null)?.code === 'idempotency-key-reused');
}
