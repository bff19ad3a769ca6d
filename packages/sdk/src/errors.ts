/**
 * The SDK's error family. Each class has a literal `name`, and the `is…Error`
 * guards check that name, so they also work across realms (iframes, two copies
 * of the SDK on one page) where `instanceof` does not.
 */

/** One problem found in data, with where it is. */
export interface Issue {
  /** Where the problem is, as people read it: `organisations[3].website`. */
  path: string;
  /** The same path as keys and indexes. */
  segments: (string | number)[];
  /** A machine-readable code: zod's (`invalid_type`, `too_small`, …) or ours (`duplicate-id`, `unknown-reference`). */
  code: string;
  /** What is wrong, in plain words, without the path. */
  message: string;
  /** The facts behind the message, for saying it in another language (`localizeIssue`): e.g. the id of a duplicate. */
  params?: Record<string, string>;
}

/** The base class of every error the SDK throws. */
export class SamverkanError extends Error {
  override name: string = 'SamverkanError';
}

/**
 * Data did not match the data model: a dataset whose top level is broken, a
 * dataset read with `strict: true` that has any problem, or an application
 * that the signup schema rejects. `issues` lists every problem with its path.
 */
export class ValidationError extends SamverkanError {
  override name = 'ValidationError' as const;
  /** Every problem, with its path. */
  readonly issues: Issue[];

  constructor(summary: string, issues: Issue[]) {
    super(`${summary}\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}`);
    this.issues = issues;
  }
}

/**
 * A request never got an answer: the server is down or unreachable, the
 * address is wrong, the connection dropped, or (in a browser) the server does
 * not allow this page to read it (CORS). `cause` is the platform's own error.
 */
export class NetworkError extends SamverkanError {
  override name = 'NetworkError' as const;
  /** The address that could not be reached. */
  readonly url: string;

  constructor(message: string, options: { url: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.url = options.url;
  }
}

/** A request took longer than the client's `timeout` and was given up. */
export class TimeoutError extends SamverkanError {
  override name = 'TimeoutError' as const;
  /** The address that did not answer in time. */
  readonly url: string;
  /** The time limit, in milliseconds. */
  readonly timeout: number;

  constructor(message: string, options: { url: string; timeout: number }) {
    super(message);
    this.url = options.url;
    this.timeout = options.timeout;
  }
}

/** The server answered with an error status (4xx or 5xx). */
export class HttpError extends SamverkanError {
  // A string, not a literal: the admin client's subclasses (AuthenticationError,
  // PreconditionFailedError, …) have their own names; isHttpError knows them.
  override name: string = 'HttpError';
  /** The HTTP status, e.g. `404`. */
  readonly status: number;
  /** The address that answered. */
  readonly url: string;
  /** The body of the answer: parsed when it is JSON, otherwise its text (or `undefined` when empty). */
  readonly body: unknown;
  /** From `Retry-After` (on `429` and `503`): seconds to wait before trying again. */
  readonly retryAfter?: number;
  /** From a `400 { errors: [{ path, message }] }` answer: what the server rejected, by field path. */
  readonly issues?: Issue[];

  constructor(
    message: string,
    options: { status: number; url: string; body?: unknown; retryAfter?: number | undefined; issues?: Issue[] | undefined },
  ) {
    super(message);
    this.status = options.status;
    this.url = options.url;
    this.body = options.body;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
    if (options.issues !== undefined) this.issues = options.issues;
  }
}

/** The names of {@link HttpError} and its subclasses (for the guards, which work by name across realms). */
const HTTP_ERROR_NAMES = [
  'HttpError',
  'AuthenticationError',
  'ForbiddenError',
  'NotFoundError',
  'ConflictError',
  'PreconditionRequiredError',
  'PreconditionFailedError',
];

/** `path: message`, or just the message for the whole document. */
export function formatIssue(issue: Issue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

function hasName(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === name;
}

/** `true` for any error the SDK throws. */
export function isSamverkanError(value: unknown): value is SamverkanError {
  return value instanceof SamverkanError || (value instanceof Error && ['ValidationError', 'NetworkError', 'TimeoutError', ...HTTP_ERROR_NAMES].includes(value.name));
}

/** `true` for a {@link ValidationError}. */
export function isValidationError(value: unknown): value is ValidationError {
  return hasName(value, 'ValidationError') && Array.isArray((value as ValidationError).issues);
}

/** `true` for a {@link NetworkError}. */
export function isNetworkError(value: unknown): value is NetworkError {
  return hasName(value, 'NetworkError');
}

/** `true` for a {@link TimeoutError}. */
export function isTimeoutError(value: unknown): value is TimeoutError {
  return hasName(value, 'TimeoutError') && typeof (value as TimeoutError).timeout === 'number';
}

/** `true` for an {@link HttpError}. */
export function isHttpError(value: unknown): value is HttpError {
  return typeof value === 'object' && value !== null && HTTP_ERROR_NAMES.includes((value as { name?: unknown }).name as string) && typeof (value as HttpError).status === 'number';
}
