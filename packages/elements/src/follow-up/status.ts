import { html, type TemplateResult } from 'lit';
import { cachedNumberFormat } from '@samverkan/sdk';
import type { FollowUpMessages, ShownStatus } from './messages.js';

/**
 * The symbol of each status, shown with its words wherever a status is shown
 * (the chart, the list, the principles), so a status never rests on colour:
 * a check for done, a half-filled circle for in progress, an empty circle
 * for not started, a cross for not done, a dash for no information.
 */
export const STATUS_SYMBOLS: Readonly<Record<ShownStatus, string>> = {
  done: '\u2713',
  'in-progress': '\u25D0',
  'not-started': '\u25CB',
  'not-done': '\u2715',
  unreported: '\u2013',
};

/** A status as a badge: its symbol (hidden from screen readers, who hear the words) and its words. */
export function statusBadge(status: ShownStatus, m: FollowUpMessages, part = 'commitment-status'): TemplateResult {
  return html`<span part=${part} class="status-badge" data-status=${status}
    ><span class="status-symbol" aria-hidden="true">${STATUS_SYMBOLS[status]}</span> <span class="status-words">${m.statuses[status]}</span></span
  >`;
}

const YEAR: Intl.NumberFormatOptions = { useGrouping: false };

/** A year in the reader's digits, without a thousands separator ("2025", "٢٠٢٥"). */
export function formatYear(year: number, lang: string): string {
  return cachedNumberFormat(lang, YEAR).format(year);
}
