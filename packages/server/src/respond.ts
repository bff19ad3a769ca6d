import type { ServerResponse } from 'node:http';

const notes = new WeakMap<ServerResponse, string>();

/**
 * Attaches a short, non-personal note to the request's log line
 * (`"honeypot"`, `"replayed"`, `"rate-limited"`, `"client-error"`). Kept on
 * the raw response, so answers written straight to the socket can carry one.
 */
export function noteForLog(res: ServerResponse, note: string): void {
  notes.set(res, note);
}

/** The note attached with {@link noteForLog}, if any. */
export function logNote(res: ServerResponse): string | undefined {
  return notes.get(res);
}
