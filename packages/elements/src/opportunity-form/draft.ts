// The unsent offer, kept in sessionStorage like the signup form's draft: it
// survives a reload in this tab and is gone when the tab closes. The consent
// box is never stored, so it is never restored ticked.
import { newIdempotencyKey } from '../signup-form/draft.js';
import { FIELD_NAMES, type TextFieldName } from './fields.js';
import type { OpportunityValues } from './validation.js';

export { newIdempotencyKey };

/** The sessionStorage key of the draft. */
export const OPPORTUNITY_DRAFT_KEY = 'samverkan-opportunity-draft';

/** What is kept: the text answers, the languages ticked and the draft's Idempotency-Key. */
export interface OpportunityDraft {
  values: Partial<Record<TextFieldName, string>> & { languages?: string[] };
  idempotencyKey: string;
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The saved draft, or `undefined` (none, unreadable, or of another shape). */
export function loadDraft(): OpportunityDraft | undefined {
  try {
    const raw = storage()?.getItem(OPPORTUNITY_DRAFT_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<OpportunityDraft>;
    if (typeof parsed.idempotencyKey !== 'string' || typeof parsed.values !== 'object' || parsed.values === null) return undefined;
    const values: OpportunityDraft['values'] = {};
    const source = parsed.values as Record<string, unknown>;
    for (const name of FIELD_NAMES) {
      if (name === 'consent') continue;
      const value = source[name];
      if (name === 'languages') {
        if (Array.isArray(value)) values.languages = value.filter((v): v is string => typeof v === 'string');
      } else if (typeof value === 'string') values[name] = value;
    }
    return { values, idempotencyKey: parsed.idempotencyKey };
  } catch {
    return undefined;
  }
}

/** Saves the answers (not the consent) and the key. */
export function saveDraft(values: OpportunityValues, idempotencyKey: string): void {
  const kept: OpportunityDraft['values'] = {};
  for (const name of FIELD_NAMES) {
    if (name === 'consent') continue;
    if (name === 'languages') {
      if (values.languages.length > 0) kept.languages = [...values.languages];
    } else if (values[name] !== '') kept[name] = values[name];
  }
  try {
    storage()?.setItem(OPPORTUNITY_DRAFT_KEY, JSON.stringify({ values: kept, idempotencyKey } satisfies OpportunityDraft));
  } catch {
    // Full or blocked storage: the form still works, it just keeps no draft.
  }
}

/** Removes the draft (after the server accepted it). */
export function clearDraft(): void {
  try {
    storage()?.removeItem(OPPORTUNITY_DRAFT_KEY);
  } catch {
    // Nothing to remove from storage we cannot reach.
  }
}
