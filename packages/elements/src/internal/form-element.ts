import { adoptStyles, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Issue, SamverkanClient, SignupReceipt } from '@samverkan/sdk';
import { LanguageController } from '../controllers/language-controller.js';
import { stateStyles } from '../styles/states.js';
import { tokenStyles } from '../styles/tokens.js';
import { messagesFor, type Catalogue } from '../translations/catalogue.js';
import type { FieldProblems, FormFieldSpec } from './form-answers.js';
import { FormDataset } from './form-dataset.js';
import { FormDraft, newIdempotencyKey, type FormDraftContents } from './form-draft.js';
import type { FormLaterMessages, SendFailure } from './form-steps.js';
import { formStyles } from './form.styles.js';
import { keepNumbersTogether } from './keep-numbers-together.js';

/** Where the reader is: answering, checking the answers, or done. */
export type FormStep = 'edit' | 'review' | 'done';

export type { FormLaterMessages, ProblemTexts, SendFailure } from './form-steps.js';

/** A field's label and, where a person might hesitate, a hint. */
export interface FieldText {
  label: string;
  hint?: string;
}

/**
 * The strings every form shows before the reader has answered (each form
 * words them for itself, and adds its own); those of the later steps are
 * {@link FormLaterMessages}, loaded with them.
 */
export interface FormMessages<F extends string> {
  title: string;
  intro: string;
  /** After the label of an answer that may be left empty. */
  optional: string;
  fields: Record<F, FieldText>;
  continue: string;
  /** The rest of the form (its check and later steps) could not be loaded: the heading. */
  loadFailedTitle: string;
  /** … and what to do: the answers are kept; try Continue again. */
  loadFailedText: string;
}

/**
 * What a form loads when the reader starts to answer (its `later.ts`): the
 * strings of the later steps, and the shared steps themselves; each form adds
 * its check.
 */
export interface FormLater<F extends string, K extends string> {
  laterMessages: Catalogue<FormLaterMessages<F, K>>;
  steps: typeof import('./form-steps.js');
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
 * What a first render does not need is loaded when the reader first starts
 * to answer (focus in the form), not before the form shows: the SDK's check
 * of the answers (zod, with the schema the server uses), the steps after
 * answering (review, sending, failure, confirmation) with their strings and
 * styles, and the SDK's client. Each form names its module in
 * {@link importLater}. If it cannot be loaded, the form says so and keeps
 * every answer; Continue tries again.
 */
export abstract class SamverkanFormElement<F extends string, K extends string, V extends FormValues<F>, P, L extends FormLater<F, K>> extends LitElement {
  static override styles = [tokenStyles, stateStyles, formStyles];

  /** The language, following `lang` on the element or its nearest ancestor. */
  protected readonly language = new LanguageController(this);
  /** The optional dataset; its code (the controller, the SDK client, the validators) is fetched when there is one to load, after the form shows. */
  protected readonly data$ = new FormDataset(this, () => this.datasetUrl());

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
  /** Whether loading the later parts failed at the last Continue (the form says so; the answers stay). */
  @state() protected loadFailed = false;
  /** The later parts, once loaded ({@link loadLater}). */
  protected later?: L;
  private laterLoading?: Promise<L>;
  /** Work waiting for the later parts to load; `updateComplete` waits for it. */
  private pendingLater?: Promise<unknown>;

  constructor(protected readonly form: FormSpec<F, V>) {
    super();
    this.values = form.emptyValues();
    // Needed once the reader starts (the first focus in the form, or the first answer given
    // without one): load them then, so that "Continue" does not wait. A failure shows at Continue.
    const start = () => {
      this.removeEventListener('focusin', start);
      this.removeEventListener('input', start);
      void this.loadLater().catch(() => {});
    };
    this.addEventListener('focusin', start);
    this.addEventListener('input', start);
  }

  // ——— what each form supplies ———

  /** The form's strings in the reader's language. */
  protected abstract get m(): FormMessages<F>;
  /** Imports the form's later parts (its `later.ts`). */
  protected abstract importLater(): Promise<L>;
  /** Checks the answers as they are now (the later parts are loaded). */
  protected abstract check(later: L): FormCheck<F, K, P>;
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

  /** The strings of the later steps in the reader's language (only used once they are loaded: a problem, the review, the confirmation). */
  protected get laterMessages(): FormLaterMessages<F, K> {
    return messagesFor(this.later!.laterMessages, this.language.ui);
  }

  /** The text of a field's problem. */
  protected problemText(field: F, kind: K): string {
    const texts = this.laterMessages.problems[field];
    return texts[kind] ?? texts.invalid;
  }

  /** What "too many attempts" says. */
  protected rateMessage(_failure: SendFailure & { kind: 'rate' }): string {
    return this.laterMessages.rateText;
  }

  /** What a text field shows beside its own parts: ids that describe it, and content before its error and after its control. */
  protected fieldNotes(_field: F): { describedBy?: string[]; before?: unknown; after?: unknown } {
    return {};
  }

  // ——— lifecycle ———

  /** Cancels the prefetch of the later parts planned for when the browser is idle. */
  private cancelIdlePrefetch?: () => void;

  /**
   * Once the form is shown and the browser has nothing else to do, the later
   * parts are fetched, so that Continue clicked without touching a field does
   * not wait for them (Safari gives a clicked button no focus, so the first
   * focus does not start them there). A failure shows only at Continue.
   */
  private prefetchWhenIdle(): void {
    if (this.later || this.cancelIdlePrefetch) return;
    this.cancelIdlePrefetch = whenIdle(() => {
      this.cancelIdlePrefetch = undefined;
      void this.loadLater().catch(() => {});
    });
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    this.prefetchWhenIdle();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelIdlePrefetch?.();
    this.cancelIdlePrefetch = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page before the prefetch ran: planned again.
    if (this.hasUpdated) this.prefetchWhenIdle();
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

  // Waits for the language's UI strings, later parts still loading, and a
  // partly invalid dataset being checked, so that `await el.updateComplete`
  // means the form shows what it was given, in its language.
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.language.settled;
    let result: boolean;
    do {
      while (this.pendingLater) await this.pendingLater;
      result = await this.data$.untilChecked(() => super.getUpdateComplete());
    } while (this.pendingLater);
    return result;
  }

  // ——— the later parts ———

  /**
   * Loads the later parts (once; later calls share the first, and a failed
   * load is tried again on the next call), with their strings in the
   * reader's language and their styles added to the form's.
   */
  protected loadLater(): Promise<L> {
    if (!this.laterLoading) {
      const loading = this.importLater().then(async (later) => {
        // A language whose strings cannot be loaded shows in Swedish, as the rest of the form does.
        await later.laterMessages.load(this.language.ui).catch(() => {});
        const root = this.renderRoot;
        if (root instanceof ShadowRoot) adoptStyles(root, [...(this.constructor as typeof LitElement).elementStyles, later.steps.laterFormStyles]);
        this.later = later;
        return later;
      });
      loading.catch(() => {
        if (this.laterLoading === loading) this.laterLoading = undefined;
      });
      this.laterLoading = loading;
    }
    return this.laterLoading;
  }

  /**
   * Starts loading the later parts in the background (and renders again
   * when they are there); `updateComplete` waits for it. A failure shows
   * only when the reader needs them (Continue).
   */
  protected preloadLater(): void {
    if (this.later || this.pendingLater) return;
    const done = this.loadLater()
      .then(
        () => this.requestUpdate(),
        () => {},
      )
      .finally(() => {
        if (this.pendingLater === done) this.pendingLater = undefined;
      });
    this.pendingLater = done;
  }

  /**
   * Runs `then` with the later parts loaded; `updateComplete` waits for it.
   * When they cannot be loaded, the form says so (the answers stay) and
   * `then` is not run.
   */
  protected withLater(then: (later: L) => void): Promise<void> {
    const done = this.loadLater()
      .then(
        (later) => {
          this.loadFailed = false;
          then(later);
        },
        () => {
          this.loadFailed = true;
          this.step = 'edit';
          this.focusAfterRender = '#load-failure';
        },
      )
      .finally(() => {
        if (this.pendingLater === done) this.pendingLater = undefined;
      });
    this.pendingLater = done;
    return done;
  }

  // ——— handlers ———

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
    const result = this.check(this.later!);
    return result.ok ? undefined : result.byField.get(field);
  }

  protected onText(field: F) {
    return (event: Event) => this.setValue(field, (event.target as HTMLInputElement | HTMLTextAreaElement).value as V[F]);
  }

  private onContinue(event: Event): void {
    event.preventDefault();
    void this.withLater((later) => {
      const result = this.check(later);
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
    await this.withLater((later) => {
      const result = this.check(later);
      if (result.ok) payload = result.payload;
      else this.showProblems(result.byField, result.other.length > 0);
    });
    const later = this.later;
    if (payload === undefined || !later || this.sending) return;
    if (!this.api) {
      this.failure = { kind: 'not-configured' };
      this.focusAfterRender = '#failure';
      return;
    }
    this.sending = true;
    this.failure = undefined;
    const sent = payload;
    const outcome = await later.steps.sendAnswers(
      this.api,
      (client) => this.submit(client, sent, this.idempotencyKey),
      (issues) => this.problemsFromIssues(issues),
    );
    this.sending = false;
    if (!outcome.ok) {
      if (outcome.problems) this.showProblems(outcome.problems.byField, outcome.problems.other.length > 0, outcome.problems.fromServer);
      else {
        this.failure = outcome.failure;
        this.focusAfterRender = '#failure';
      }
      void this.updateComplete.then(() => this.dispatchEvent(this.failedEvent(outcome.error)));
      return;
    }
    this.form.draft.clear();
    this.receiptReference = outcome.receipt.reference || outcome.receipt.id;
    this.step = 'done';
    this.focusAfterRender = '#success';
    await this.updateComplete;
    this.dispatchEvent(this.submittedEvent(outcome.receipt.id));
  }

  // ——— render ———

  protected override render(): TemplateResult {
    // Until the UI strings of the form's language are loaded: busy, and no fields yet to type into.
    if (!this.language.ready) return html`<div part="base" aria-busy="true"></div>`;
    return html`<div part="base" lang=${this.language.ui} dir=${this.language.dir}>
      ${this.step === 'done' && this.later
        ? this.later.steps.renderSuccess(this.laterMessages, this.receiptReference)
        : this.step === 'review' && this.later
          ? this.renderReview(this.later)
          : html`<form part="form" novalidate @submit=${this.onContinue}>
              ${this.renderLoadFailure()} ${this.renderSummary()}
              <h2>${this.m.title}</h2>
              <p>${this.m.intro}</p>
              ${this.renderFields()}
              <div class="actions">
                <button part="continue-button" type="submit">${this.m.continue}</button>
              </div>
            </form>`}
    </div>`;
  }

  /** Why Continue did nothing: the rest of the form could not be loaded. */
  private renderLoadFailure(): TemplateResult | typeof nothing {
    if (!this.loadFailed) return nothing;
    return html`<div part="status error load-failure" class="failure" id="load-failure" role="alert" tabindex="-1">
      <h2><span class="error-icon" aria-hidden="true">!</span> ${this.m.loadFailedTitle}</h2>
      <p>${this.m.loadFailedText}</p>
    </div>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const summary = this.summary;
    if (!summary) return nothing;
    // Listed as at the last check, minus what has been fixed since.
    const fields = summary.fields.filter((f) => this.problems.has(f));
    if (fields.length === 0 && !summary.other) return nothing;
    const m = this.laterMessages;
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
      <span class="error-text"><span class="visually-hidden">${this.laterMessages.errorPrefix}</span> ${keepNumbersTogether(this.problemText(field, problem.kind))}</span>
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

  private renderReview(later: L): TemplateResult {
    return later.steps.renderReview<F, K>({
      messages: this.laterMessages,
      sections: this.reviewSections(),
      label: (field) => this.m.fields[field].label,
      answer: (field) => this.answerText(field),
      sending: this.sending,
      failure: this.failure,
      rateText: (failure) => this.rateMessage(failure),
      send: () => void this.send(),
      change: (field) => this.change(field),
    });
  }

  /** A given answer as the review shows it: a tick as yes, nothing as "not given". */
  protected givenAnswer(value: unknown): string | undefined {
    const m = this.laterMessages;
    if (typeof value === 'boolean') return value ? m.yes : m.notGiven;
    if (typeof value === 'string' && value.trim() === '') return m.notGiven;
    if (Array.isArray(value) && value.length === 0) return m.notGiven;
    return undefined;
  }
}

/**
 * Runs `run` when the browser is idle (`requestIdleCallback`, at the latest
 * after `timeout` ms), else after a short timeout; gives a function that
 * cancels it.
 */
function whenIdle(run: () => void, timeout = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
}
