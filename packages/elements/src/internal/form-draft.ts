// A form's unsent answers, kept in sessionStorage: they survive a reload or a
// visit to a linked page in this tab, and are gone when the tab closes (never
// localStorage: a shared computer must not keep them). Only text answers and
// lists of tags are kept; tick boxes (the consents) never are, so they are
// never restored ticked. One store per form, each under its own key.

/** What is read back: the answers kept, the draft's Idempotency-Key, and the form's own extra strings. */
export interface FormDraftContents<V> {
  values: Partial<V>;
  /** One key per draft: every attempt to send this draft uses it, so the server stores it once. */
  idempotencyKey: string;
  /** Strings the form keeps beside the answers (the signup form: when the privacy notice was shown). */
  extra: Record<string, string>;
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Storage can be blocked (sandboxed frames, strict privacy settings).
    return undefined;
  }
}

/**
 * The draft of one form: `empty` gives the answers' shapes (a string answer
 * is kept as a string, a list of tags as strings, a tick box not at all), and
 * `extraKeys` names the strings stored beside them. The stored JSON is
 * `{ values, idempotencyKey, ...extra }`.
 */
export class FormDraft<V extends object> {
  constructor(
    /** The sessionStorage key. */
    readonly key: string,
    private readonly empty: () => V,
    private readonly extraKeys: readonly string[] = [],
  ) {}

  /** The saved draft, or `undefined` (none, unreadable, or of another shape). */
  load(): FormDraftContents<V> | undefined {
    try {
      const raw = storage()?.getItem(this.key);
      if (!raw) return undefined;
      const parsed = JSON.parse(raw) as { values?: unknown; idempotencyKey?: unknown } & Record<string, unknown>;
      if (typeof parsed.idempotencyKey !== 'string' || typeof parsed.values !== 'object' || parsed.values === null) return undefined;
      const source = parsed.values as Record<string, unknown>;
      const values: Record<string, unknown> = {};
      for (const [name, shape] of Object.entries(this.empty())) {
        const value = source[name];
        if (typeof shape === 'string' && typeof value === 'string') values[name] = value;
        else if (Array.isArray(shape) && Array.isArray(value)) values[name] = value.filter((v): v is string => typeof v === 'string');
      }
      const extra: Record<string, string> = {};
      for (const key of this.extraKeys) if (typeof parsed[key] === 'string') extra[key] = parsed[key] as string;
      return { values: values as Partial<V>, idempotencyKey: parsed.idempotencyKey, extra };
    } catch {
      return undefined;
    }
  }

  /** Saves the answers that are given (no tick boxes), the key and the extra strings. */
  save(values: V, idempotencyKey: string, extra: Record<string, string | undefined> = {}): void {
    const kept: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === 'string' && value !== '') kept[name] = value;
      else if (Array.isArray(value) && value.length > 0) kept[name] = [...(value as unknown[])];
    }
    const extras = Object.fromEntries(Object.entries(extra).filter(([key, value]) => this.extraKeys.includes(key) && value));
    try {
      storage()?.setItem(this.key, JSON.stringify({ values: kept, idempotencyKey, ...extras }));
    } catch {
      // Full or blocked storage: the form still works, it just cannot keep a draft.
    }
  }

  /** Removes the draft (after the server accepted it). */
  clear(): void {
    try {
      storage()?.removeItem(this.key);
    } catch {
      // Nothing to remove from storage we cannot reach.
    }
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
