import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages.js';

/** A problem shown in the summary and beside its field (`fieldId` is the control's id). */
export interface Problem {
  fieldId: string;
  text: string;
}

/**
 * The GOV.UK-style error summary: a titled box at the top of a form, listing
 * each problem as a link that moves focus to its field. The links are handled
 * here instead of following `#id`, which would change the page's route (the
 * hash) and cannot reach into a shadow root anyway.
 */
export function errorSummary(m: Messages, problems: readonly Problem[], root: ParentNode): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  const go = (event: Event, id: string) => {
    event.preventDefault();
    const field = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    field?.focus();
    field?.scrollIntoView?.({ block: 'center' });
  };
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title" id="error-summary">
    <h2 id="error-summary-title">${m.errorSummaryTitle}</h2>
    <ul>
      ${problems.map((p) => html`<li><a href="#${p.fieldId}" @click=${(e: Event) => go(e, p.fieldId)}>${p.text}</a></li>`)}
    </ul>
  </div>`;
}

/** The message beside a field, tied to it by `aria-describedby` (`<id>-error`). */
export function fieldError(problems: readonly Problem[], fieldId: string): TemplateResult | typeof nothing {
  const problem = problems.find((p) => p.fieldId === fieldId);
  return problem ? html`<p class="field-error" id="${fieldId}-error">${problem.text}</p>` : nothing;
}

/** The ids a control's `aria-describedby` lists: its hint and its error when present. */
export function describedBy(problems: readonly Problem[], fieldId: string, hint = false): string | typeof nothing {
  const ids = [hint ? `${fieldId}-hint` : '', problems.some((p) => p.fieldId === fieldId) ? `${fieldId}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}
