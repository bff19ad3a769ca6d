import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ORGANISATION_FORMS, SIGNUP_MESSAGE_MAX_LENGTH, type Dataset, type Issue, type SamverkanClient, type SignupApplication } from '@samverkan/sdk';
import { SamverkanSignupFailedEvent } from '../events/samverkan-signup-failed.js';
import { SamverkanSignupSubmittedEvent } from '../events/samverkan-signup-submitted.js';
import { splitList, withScheme } from '../internal/form-answers.js';
import type { FormDraftContents } from '../internal/form-draft.js';
import { SamverkanFormElement, type SendFailure } from '../internal/form-element.js';
import { localized } from '../internal/localized.js';
import { formatNumber, labelOf, messagesFor, plural } from '../translations/catalogue.js';
import { commonMessages } from '../translations/common.js';
import { formatClockTime, formatWait } from '../utils/format.js';
import { safeHttpUrl } from '../utils/safe-url.js';
import { signupDraft } from './draft.js';
import { CONTACT_FIELDS, emptyValues, FIELD_NAMES, FIELDS, ORGANISATION_FIELDS, OTHER_FIELDS, type FieldName } from './fields.js';
import { signupFormMessages, type SignupFormFirstMessages } from './messages.js';
import type { SignupLaterMessages } from './messages.later.js';
import type { PrivacyNoticeShown, ProblemKind, SignupValues } from './validation.js';

/** What the form loads when the reader starts to answer. */
type Later = typeof import('./later.js');

/** How long typing must pause before the remaining characters are announced (exported for the tests' clock). */
export const COUNT_ANNOUNCE_DELAY = 1000;

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
export class SamverkanSignupForm extends SamverkanFormElement<FieldName, ProblemKind, SignupValues, SignupApplication, Later> {
  /**
   * Optional: the dataset's URL; its principles are listed (collapsed) above the acceptance box.
   * Without `src` and without `principles-url`, the principles are read from the API's dataset
   * (`<api>/dataset`), so an applicant always sees what they accept.
   */
  @property() override src: string | null = null;

  /** A page with the principles, linked when no dataset is given (or it cannot be loaded). */
  @property({ attribute: 'principles-url' }) principlesUrl: string | null = null;

  /** The privacy notice (set by the host page); the application records that it was shown. */
  @property({ attribute: 'privacy-url' }) privacyUrl: string | null = null;

  /** The privacy notice's version, recorded with the application. */
  @property({ attribute: 'privacy-version' }) privacyVersion: string | null = null;

  @state() private countAnnouncement = '';

  private honeypot = '';
  private privacyShownAt?: string;
  private countTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super({ fieldNames: FIELD_NAMES, fields: FIELDS, emptyValues, draft: signupDraft });
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
  }

  protected override get m(): SignupFormFirstMessages {
    return messagesFor(signupFormMessages, this.language.ui);
  }

  protected override get laterMessages(): SignupLaterMessages {
    return messagesFor(this.later!.laterMessages, this.language.ui);
  }

  protected override draftRestoredWith(draft: FormDraftContents<SignupValues>): void {
    this.privacyShownAt = draft.extra['privacyShownAt'];
  }

  protected override draftExtra(): Record<string, string | undefined> {
    return { privacyShownAt: this.privacyShownAt };
  }

  protected override importLater(): Promise<Later> {
    return import('./later.js');
  }

  protected override check(later: Later) {
    return later.checkAnswers(this.values, this.language.ui, this.privacyNotice());
  }

  protected override problemsFromIssues(issues: readonly Issue[]) {
    return this.later!.problemsFromIssues(issues, this.values);
  }

  protected override submit(client: SamverkanClient, application: SignupApplication, idempotencyKey: string) {
    return client.submitSignup(application, { idempotencyKey, extra: { website_confirm: this.honeypot } });
  }

  protected override submittedEvent(id: string): Event {
    return new SamverkanSignupSubmittedEvent(id);
  }

  protected override failedEvent(error: Error): Event {
    return new SamverkanSignupFailedEvent(error);
  }

  /**
   * Where the principles come from: `src`; else, when the page gives no
   * `principles-url` either, the API's own dataset (the server publishes it at
   * `<api>/dataset`), rather than ask for acceptance of principles the
   * applicant cannot see. With `principles-url` and no `src`, nothing is fetched.
   */
  protected override datasetUrl(): string | null {
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

  protected override onText(field: FieldName) {
    const set = super.onText(field);
    return (event: Event) => {
      set(event);
      if (field === 'message') this.scheduleCountAnnouncement();
    };
  }

  protected override fieldTarget(field: FieldName): HTMLElement | null {
    return field === 'orgForm'
      ? (this.renderRoot.querySelector<HTMLInputElement>('input[name="org-form"]:checked') ?? this.renderRoot.querySelector<HTMLInputElement>('input[name="org-form"]'))
      : super.fieldTarget(field);
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

  // ——— render ———

  protected override renderFields(): TemplateResult {
    const m = this.m;
    return html`${this.renderFieldset(m.organisationLegend, ORGANISATION_FIELDS)}
      ${this.renderFieldset(m.contactLegend, CONTACT_FIELDS, { id: 'contact-hint', text: m.contactHint })}
      ${this.renderPrinciples()} ${this.renderCheckbox('acceptsPrinciples')}
      <section class="privacy" aria-labelledby="privacy-title">
        <h3 id="privacy-title">${m.privacyTitle}</h3>
        ${this.renderPrivacyLink()} ${this.renderCheckbox('consent')}
      </section>
      ${this.renderTextField('message')} ${this.renderHoneypot()}`;
  }

  protected override renderField(field: FieldName): unknown {
    return field === 'orgForm'
      ? this.renderChoices('orgForm', ORGANISATION_FORMS, { type: 'radio', idPrefix: 'org-form', label: (form) => this.formLabel(form) })
      : super.renderField(field);
  }

  /** Beside a published field, that it is published; with the message, its limit and count. */
  protected override fieldNotes(field: FieldName) {
    const spec = FIELDS[field];
    const published = spec.published
      ? html`<p part="published-note" class="hint published" id="${spec.id}-published">
          ${spec.published === 'contact' ? this.m.publishedContactNote : this.m.publishedNote}
        </p>`
      : nothing;
    if (field !== 'message') return { describedBy: spec.published ? [`${spec.id}-published`] : [], before: published };
    return {
      describedBy: ['message-limit'],
      before: html`<p class="visually-hidden" id="message-limit">${this.m.characterLimit.replace('{n}', formatNumber(SIGNUP_MESSAGE_MAX_LENGTH, this.language.ui))}</p>`,
      after: this.renderCount(),
    };
  }

  private renderCount(): TemplateResult {
    const over = this.values.message.length > SIGNUP_MESSAGE_MAX_LENGTH;
    // The visible count follows every keystroke but is hidden from screen
    // readers; they hear the polite live region once typing pauses.
    return html`<p class="count ${over ? 'over' : ''}" aria-hidden="true">${over ? html`<span class="error-icon">!</span> ` : nothing}${this.countText()}</p>
      <p class="visually-hidden" role="status" aria-live="polite" id="message-count-status">${this.countAnnouncement}</p>`;
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

  protected override reviewSections(): [string, readonly FieldName[]][] {
    const m = this.m;
    return [
      [m.organisationLegend, ORGANISATION_FIELDS],
      [m.contactLegend, CONTACT_FIELDS],
      [this.laterMessages.reviewOther, OTHER_FIELDS],
    ];
  }

  /** An organisation form's name: the common one, but "other" says "other form" as a choice of its own. */
  private formLabel(form: string): string {
    return form === 'other' ? this.m.otherForm : labelOf(messagesFor(commonMessages, this.language.ui).forms, form);
  }

  protected override answerText(field: FieldName): string {
    const value = this.values[field];
    const given = this.givenAnswer(value);
    if (given !== undefined || typeof value !== 'string') return given ?? '';
    if (field === 'orgForm') return this.formLabel(value);
    if (field === 'orgWebsite') return withScheme(value);
    if (field === 'orgDistricts' || field === 'orgActivities') return splitList(value).join(', ');
    return value.trim();
  }

  protected override rateMessage(failure: SendFailure & { kind: 'rate' }): string {
    return failure.retryAfter === undefined ? this.laterMessages.rateTextUnknown : this.rateText(failure.retryAfter, failure.at);
  }

  /** "in 45 minutes (at 14:32)" in the reader's language. */
  private rateText(seconds: number, at: Date): string {
    const lang = this.language.ui;
    const time = formatClockTime(new Date(at.getTime() + seconds * 1000), lang);
    return this.laterMessages.rateText.replace('{when}', formatWait(seconds, lang)).replace('{time}', time);
  }
}
