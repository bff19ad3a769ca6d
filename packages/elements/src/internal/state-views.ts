// The shared views of a dataset's states. Elements call these from render()
// so every element says "loading", "failed", "stale" and "partly invalid" the
// same way, in the same places, with the same roles.
import { html, nothing, type TemplateResult } from 'lit';
import type { Issue } from '@samverkan/sdk';
import { messagesFor, plural, uiLanguage } from '../translations/catalogue.js';
import { commonMessages } from '../translations/common.js';
import { formatAge } from '../utils/format.js';

/**
 * The loading view; the element's base carries `aria-busy="true"` meanwhile.
 * Not itself a live region: {@link loadingAnnouncement} says it.
 */
export function loadingView(lang: string): TemplateResult {
  return html`<p part="status loading">${messagesFor(commonMessages, lang).loading}</p>`;
}

/** What the element's live region says: "loading" during a slow load, then briefly "loaded". */
export type LoadAnnouncement = 'loading' | 'loaded' | undefined;

/**
 * The element's polite live region, outside its busy base and there from the
 * first render, so that the text put in it is read out; empty when there is
 * nothing to say.
 */
export function loadingAnnouncement(lang: string, say: LoadAnnouncement): TemplateResult {
  const m = messagesFor(commonMessages, lang);
  return html`<p class="visually-hidden" role="status" lang=${uiLanguage(lang)}>${say === 'loading' ? m.loading : say === 'loaded' ? m.loaded : ''}</p>`;
}

/** A sentence a person understands for why the data could not be loaded. */
export function errorMessage(error: Error, lang: string): string {
  const m = messagesFor(commonMessages, lang);
  switch (error.name) {
    case 'NetworkError':
      return m.errorNetwork;
    case 'TimeoutError':
      return m.errorTimeout;
    case 'HttpError': {
      const status = (error as Error & { status?: unknown }).status;
      return m.errorHttp.replace('{status}', typeof status === 'number' ? String(status) : '?');
    }
    case 'ValidationError':
      return m.errorInvalid;
    // data/dataset-checks.ts: the code that checks the dataset did not arrive; data/deferred-module.ts: the
    // element's own code that shows it did not.
    case 'CheckerNotLoadedError':
    case 'PartNotLoadedError':
      return m.errorPartNotLoaded;
    default:
      return m.errorUnknown;
  }
}

/** The error view: an alert with a plain message and a retry button. */
export function errorView(error: Error, lang: string, retry: () => void): TemplateResult {
  const m = messagesFor(commonMessages, lang);
  return html`<div part="status error" role="alert">
    <h2>${m.errorTitle}</h2>
    <p>${errorMessage(error, lang)}</p>
    <button part="retry-button" type="button" @click=${retry}>${m.retry}</button>
  </div>`;
}

/**
 * The quiet notes above a list: that the data is a saved copy (with its age),
 * and that invalid entries were left out. Nothing when neither applies.
 */
export function dataNotes(
  loaded: { stale: boolean; fetchedAt?: Date | undefined; issues: readonly Issue[] },
  lang: string,
): TemplateResult | typeof nothing {
  const m = messagesFor(commonMessages, lang);
  const stale = loaded.stale
    ? html`<p part="note stale-note">${m.stale.replace('{age}', loaded.fetchedAt ? formatAge(loaded.fetchedAt, lang) : '?')}</p>`
    : nothing;
  const invalid = countEntries(loaded.issues);
  const note = invalid > 0 ? html`<p part="note invalid-note">${plural(lang, invalid, m.partlyInvalid)}</p>` : nothing;
  return stale === nothing && note === nothing ? nothing : html`${stale}${note}`;
}

/** How many entries the issues concern (several issues of one entry count once). */
function countEntries(issues: readonly Issue[]): number {
  const entries = new Set<string>();
  for (const issue of issues) entries.add(issue.segments.slice(0, 2).join('.'));
  return entries.size;
}

