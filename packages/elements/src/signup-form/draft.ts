// The unsent application, kept in sessionStorage: it survives a reload or a
// visit to the privacy notice in this tab, and is gone when the tab closes
// (never localStorage: a shared computer must not keep it). The consent
// boxes are never stored, so they are never restored ticked.
import { FIELD_NAMES, type TextFieldName } from './fields.js';
import type { SignupValues } from './validation.js';

/** The sessionStorage key of the draft. */
export const DRAFT_STORAGE_KEY = 'samverkan-signup-draft';

/** What is kept: the text answers and the draft's Idempotency-Key. */
export interface SignupDraft {
  values: Partial<Record<TextFieldName, string>>;
  /** One key per draft: every attempt to send this draft uses it, so the server stores it once. */
  idempotencyKey: string;
  /**
   * When the privacy notice was first shown for this draft. Kept so that a
   * retry after a reload sends the same body as before: the server compares
   * the body with the key's first request.
   */
  privacyShownAt?: string;
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Storage can be blocked (sandboxed frames, strict privacy settings).
    return undefined;
  }
}

/** The saved draft, or `undefined` (none, unreadable, or of another shape). */
export function loadDraft(): SignupDraft | undefined {
  try {
    const raw = storage()?.getItem(DRAFT_STORAGE_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<SignupDraft>;
    if (typeof parsed.idempotencyKey !== 'string' || typeof parsed.values !== 'object' || parsed.values === null) return undefined;
    const values: SignupDraft['values'] = {};
    for (const name of FIELD_NAMES) {
      if (name === 'acceptsPrinciples' || name === 'consent') continue;
      const value = (parsed.values as Record<string, unknown>)[name];
      if (typeof value === 'string') values[name] = value;
    }
    return {
      values,
      idempotencyKey: parsed.idempotencyKey,
      ...(typeof parsed.privacyShownAt === 'string' ? { privacyShownAt: parsed.privacyShownAt } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Saves the text answers, the key and when the notice was shown (the consent boxes are left out on purpose). */
export function saveDraft(values: SignupValues, idempotencyKey: string, privacyShownAt?: string): void {
  const kept: SignupDraft['values'] = {};
  for (const name of FIELD_NAMES) {
    if (name === 'acceptsPrinciples' || name === 'consent') continue;
    if (values[name] !== '') kept[name] = values[name];
  }
  try {
    storage()?.setItem(DRAFT_STORAGE_KEY, JSON.stringify({ values: kept, idempotencyKey, ...(privacyShownAt ? { privacyShownAt } : {}) } satisfies SignupDraft));
  } catch {
    // Full or blocked storage: the form still works, it just cannot keep a draft.
  }
}

/** Removes the draft (after the server accepted it). */
export function clearDraft(): void {
  try {
    storage()?.removeItem(DRAFT_STORAGE_KEY);
  } catch {
    // Nothing to remove from storage we cannot reach.
  }
}

/** A new Idempotency-Key: a UUID (random from the platform's CSPRNG even outside secure contexts). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
