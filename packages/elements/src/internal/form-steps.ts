// The parts of a form a reader meets only after answering: "check your
// answers", sending (the SDK's client and what its errors mean to the
// reader), why sending failed, and the confirmation. They are not needed to
// show the form, so each form loads them with its check (see
// `SamverkanFormElement.loadLater` in form-element.ts) when the reader starts
// to answer, not before the first render.
import { html, nothing, type TemplateResult } from 'lit';
import { createFetchClient, isHttpError, isNetworkError, isTimeoutError, isValidationError, type Issue, type SamverkanClient, type SignupReceipt } from '@samverkan/sdk';
import type { FieldProblems } from './form-answers.js';
import { laterFormStyles } from './form-steps.styles.js';

export { laterFormStyles };

/** A field's error messages by kind of problem; `invalid` is the fallback for any kind it lacks. */
export type ProblemTexts<K extends string> = Partial<Record<K, string>> & { invalid: string };

/** The strings every form has for the steps after answering (each form words them for itself, and adds its own). */
export interface FormLaterMessages<F extends string, K extends string> {
  /** Error messages per field. They say what to do, GOV.UK style. */
  problems: Record<F, ProblemTexts<K>>;
  /** Read out before each inline error, which also shows a "!" icon: never colour alone. */
  errorPrefix: string;
  summaryTitle: string;
  /** A problem the form has no field for (e.g. reported by the server). */
  otherProblem: string;
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

/** Why the last attempt to send failed. */
export type SendFailure =
  | { kind: 'network' }
  | { kind: 'rate'; retryAfter: number | undefined; at: Date }
  | { kind: 'server'; status: number }
  | { kind: 'reused' }
  | { kind: 'not-configured' };

/** What an attempt to send ended in: the receipt, or the error with what the form shows for it (a failure, or problems by field). */
export type SendOutcome<F extends string, K extends string> =
  | { ok: true; receipt: SignupReceipt }
  | { ok: false; error: Error; failure?: SendFailure; problems?: FieldProblems<F, K> & { fromServer: boolean } };

/**
 * Sends through the fetch-based client (no ky on the page; "try again"
 * sends the same key, which the form keeps) and says what the outcome means
 * to the reader.
 */
export async function sendAnswers<F extends string, K extends string>(
  api: string,
  submit: (client: SamverkanClient) => Promise<SignupReceipt>,
  problemsFromIssues: (issues: readonly Issue[]) => FieldProblems<F, K>,
): Promise<SendOutcome<F, K>> {
  try {
    return { ok: true, receipt: await submit(createFetchClient({ apiUrl: api })) };
  } catch (caught) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    if (isValidationError(error)) return { ok: false, error, problems: { ...problemsFromIssues(error.issues), fromServer: false } };
    if (isHttpError(error) && error.status === 422 && isKeyReused(error.body)) return { ok: false, error, failure: { kind: 'reused' } };
    if (isHttpError(error) && (error.status === 400 || error.status === 422) && error.issues && error.issues.length > 0) {
      return { ok: false, error, problems: { ...problemsFromIssues(error.issues), fromServer: true } };
    }
    if (isHttpError(error) && error.status === 429) return { ok: false, error, failure: { kind: 'rate', retryAfter: error.retryAfter, at: new Date() } };
    if (isHttpError(error)) return { ok: false, error, failure: { kind: 'server', status: error.status } };
    if (isNetworkError(error) || isTimeoutError(error)) return { ok: false, error, failure: { kind: 'network' } };
    return { ok: false, error, failure: { kind: 'not-configured' } };
  }
}

function isKeyReused(body: unknown): boolean {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.some((e) => (e as { code?: unknown } | null)?.code === 'idempotency-key-reused');
}

/** What the review step shows and does, given by the form. */
export interface ReviewView<F extends string, K extends string> {
  messages: FormLaterMessages<F, K>;
  /** The review's parts: a heading and the fields answered under it. */
  sections: [heading: string, fields: readonly F[]][];
  label: (field: F) => string;
  answer: (field: F) => string;
  sending: boolean;
  failure: SendFailure | undefined;
  /** What "too many attempts" says. */
  rateText: (failure: SendFailure & { kind: 'rate' }) => string;
  send: () => void;
  change: (field: F) => void;
}

/** "Check your answers": each answer with a Change button, then why sending failed (if it did) and the Send button. */
export function renderReview<F extends string, K extends string>(view: ReviewView<F, K>): TemplateResult {
  const m = view.messages;
  return html`<section part="review" class="review" aria-labelledby="review-title">
    <h2 id="review-title" tabindex="-1">${m.reviewTitle}</h2>
    <p>${m.reviewIntro}</p>
    ${view.sections.map(([heading, fields]) => html`<h3>${heading}</h3>
        <dl>${fields.map((f) => renderAnswer(view, f))}</dl>`)}
    ${renderFailure(view)}
    <p class="visually-hidden" role="status">${view.sending ? m.sending : ''}</p>
    <div class="actions">
      <button part="send-button" type="button" ?disabled=${view.sending} @click=${view.send}>${view.sending ? m.sending : m.send}</button>
    </div>
  </section>`;
}

function renderAnswer<F extends string, K extends string>(view: ReviewView<F, K>, field: F): TemplateResult {
  const label = view.label(field);
  return html`<div class="answer">
    <dt>${label}</dt>
    <dd class="value" dir="auto">${view.answer(field)}</dd>
    <dd class="change">
      <button part="change-button" class="link" type="button" data-field=${field} @click=${() => view.change(field)}>
        ${view.messages.change}<span class="visually-hidden"> ${label}</span>
      </button>
    </dd>
  </div>`;
}

function renderFailure<F extends string, K extends string>(view: ReviewView<F, K>): TemplateResult | typeof nothing {
  const failure = view.failure;
  if (!failure) return nothing;
  const m = view.messages;
  let title = m.networkTitle;
  let text = m.networkText;
  let retry = true;
  switch (failure.kind) {
    case 'rate':
      title = m.rateTitle;
      text = view.rateText(failure);
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
    ${retry ? html`<button part="try-again-button" type="button" ?disabled=${view.sending} @click=${view.send}>${m.tryAgain}</button>` : nothing}
  </div>`;
}

/** The confirmation: the reference to give, and what happens next. */
export function renderSuccess<F extends string, K extends string>(m: FormLaterMessages<F, K>, reference: string | undefined): TemplateResult {
  return html`<div part="success" class="success" id="success" role="status" tabindex="-1">
    <h2>${m.successTitle}</h2>
    <p>${m.successReference} <strong part="reference" class="reference" dir="ltr">${reference}</strong></p>
    ${m.successReferenceHint ? html`<p>${m.successReferenceHint}</p>` : nothing}
    <h3>${m.successNextTitle}</h3>
    <p>${m.successNext}</p>
  </div>`;
}
