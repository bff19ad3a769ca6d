// The one home of the failure rules of both dataset clients (the ky-based
// createClient and the fetch-based createFetchClient): which SDK error a
// failed request becomes, and its message. Nothing here imports ky, so the
// elements' lean path can use it without ky in its bundle.
import { HttpError, NetworkError, SamverkanError, TimeoutError, ValidationError, type Issue } from '../errors.js';
import { pathToString } from '../issues.js';

/** What a request was for, so a message can say it in words. */
export type RequestSubject = 'dataset' | 'signup' | 'opportunity';

const SUBJECT_NAME: Record<RequestSubject, string> = {
  dataset: 'the dataset',
  signup: 'the signup application',
  opportunity: 'the offered volunteer opportunity',
};

/** Where a failed request went and what for, so its error can say it. */
export interface RequestContext {
  url: string;
  /** The time limit of each attempt, in milliseconds. */
  timeout: number;
  subject: RequestSubject;
}

/**
 * Turns what `fetch` threw into one of the SDK's errors with a message a
 * person can act on: an SDK error stays as it is, an abort asked for by the
 * caller is passed on unchanged (it is not a failure), anything else is a
 * {@link NetworkError}. Each client maps its own timeout and HTTP status
 * errors first ({@link timeoutError}, {@link httpError}).
 */
export function toSamverkanError(error: unknown, context: RequestContext): unknown {
  if (error instanceof SamverkanError) return error;
  if (isAbort(error)) return error;
  return new NetworkError(
    `Could not reach ${context.url} (${describeCause(error)}), so ${SUBJECT_NAME[context.subject]} could not be ${verb(context.subject)}. ` +
      `Check the address and the network connection; the server may also be down${inBrowser() ? ', or it does not allow this page to read it (CORS)' : ''}.`,
    { url: context.url, cause: error },
  );
}

/** The {@link TimeoutError} of a request that did not answer within `context.timeout`. */
export function timeoutError(context: RequestContext): TimeoutError {
  return new TimeoutError(
    `${context.url} did not answer within ${formatSeconds(context.timeout)}, so ${SUBJECT_NAME[context.subject]} could not be ${verb(context.subject)}. The server may be busy or the connection slow; try again later.`,
    { url: context.url, timeout: context.timeout },
  );
}

function verb(subject: RequestSubject): string {
  return subject === 'dataset' ? 'loaded' : 'sent';
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function inBrowser(): boolean {
  return typeof (globalThis as { document?: unknown }).document !== 'undefined';
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** The most specific reason the platform gives: Node's `ECONNREFUSED`, a browser's "Failed to fetch". */
function describeCause(error: unknown): string {
  let current: unknown = error;
  let message = '';
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { code, message: text } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && code) return code === 'ECONNREFUSED' ? 'connection refused' : code === 'ENOTFOUND' ? 'no such host' : code;
    if (typeof text === 'string' && text) message = text;
    current = (current as { cause?: unknown }).cause;
  }
  return message || String(error);
}

/** Seconds from a `Retry-After` header: a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** `['organisation', 'districts', 0]` from `organisation.districts[0]` (or from such an array). */
function toSegments(path: unknown): (string | number)[] {
  if (Array.isArray(path)) return path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  if (typeof path !== 'string' || path === '') return [];
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(match[1]!);
  }
  return segments;
}

/** The issues of a `400 { errors: [{ path, message }] }` answer, or `undefined` when the body has none. */
export function issuesFromBody(body: unknown): Issue[] | undefined {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return undefined;
  const issues: Issue[] = [];
  for (const entry of errors) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { path, message, code } = entry as { path?: unknown; message?: unknown; code?: unknown };
    const segments = toSegments(path);
    issues.push({
      path: pathToString(segments),
      segments,
      code: typeof code === 'string' ? code : 'rejected-by-server',
      message: typeof message === 'string' ? message : 'was rejected by the server',
    });
  }
  return issues;
}

async function readBody(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
  if (text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (/\bjson\b/i.test(type) || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // Not JSON after all: keep the text.
    }
  }
  // An HTML error page can be long; the start is enough to tell what it is.
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/** An {@link HttpError} for an error answer, with its body read and its message in words. */
export async function httpError(response: Response, context: { url: string; subject: RequestSubject }): Promise<HttpError> {
  const { status } = response;
  const body = await readBody(response);
  const retryAfter = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
  const issues = status === 400 || status === 422 ? issuesFromBody(body) : undefined;
  const statusText = `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const subject = SUBJECT_NAME[context.subject];
  const later = retryAfter !== undefined ? `Try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.` : 'Try again later.';
  let message: string;
  if (issues && issues.length > 0) {
    message = `The server rejected ${subject} (${statusText}):\n${issues.map((i) => `  - ${i.path ? `${i.path}: ` : ''}${i.message}`).join('\n')}`;
  } else if (status === 404 || status === 410) {
    message = `${capitalise(subject)} was not found at ${context.url} (${statusText}). Check the address${context.subject === 'dataset' ? ' (the `src` attribute or `datasetUrl`)' : ' (the `api` attribute or `apiUrl`)'}.`;
  } else if (status === 401 || status === 403) {
    message = `The server refused access to ${context.url} (${statusText}).`;
  } else if (status === 413) {
    message = `${capitalise(subject)} is too large for the server at ${context.url} (${statusText}). Shorten the longest texts.`;
  } else if (status === 429) {
    message = `Too many requests to ${context.url} (${statusText}). ${later}`;
  } else if (status >= 500) {
    message = `The server at ${context.url} had a problem with ${subject} (${statusText}). ${later}`;
  } else {
    const detail = typeof body === 'string' ? body : (body as { message?: unknown; error?: unknown } | undefined)?.message ?? (body as { error?: unknown } | undefined)?.error;
    message = `The server at ${context.url} did not accept ${subject} (${statusText})${typeof detail === 'string' && detail ? `: ${detail.slice(0, 300)}` : '.'}`;
  }
  return new HttpError(message, { status, url: context.url, body, retryAfter, issues });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A {@link ValidationError} from another, its summary naming where the data came from. */
export function withSource(error: ValidationError, url: string): ValidationError {
  const summary = error.message.split('\n')[0]!.replace(/:$/, '');
  return new ValidationError(`${summary} (from ${url}):`, error.issues);
}
