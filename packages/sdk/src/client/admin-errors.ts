/**
 * The admin client's errors: an {@link HttpError} subclass for each answer a
 * program handles differently, made in one factory from the status
 * (stripe's way: 401 → authentication, 412 → precondition failed …). Each has
 * a literal `name` that its guard checks, so the guards work across realms;
 * `isHttpError` is true for all of them.
 */
import { HttpError, type Issue } from '../errors.js';
import { issuesFromBody, parseRetryAfter } from './http-errors.js';

type HttpErrorOptions = ConstructorParameters<typeof HttpError>[1];

/** `401`: not signed in, the session ended, or a wrong e-mail or password at sign-in. */
export class AuthenticationError extends HttpError {
  override name = 'AuthenticationError' as const;
}

/** `403`: signed in, but not allowed (an editor managing users), or a write refused as cross-site (CSRF). */
export class ForbiddenError extends HttpError {
  override name = 'ForbiddenError' as const;
}

/** `404`: no such entity, application, version or user. */
export class NotFoundError extends HttpError {
  override name = 'NotFoundError' as const;
}

/** `409`: the change conflicts with the server's state: the dataset is kept in a file (content writes refused), an id already used, an erased application. */
export class ConflictError extends HttpError {
  override name = 'ConflictError' as const;
}

/** `428`: a change was sent without `If-Match` (read the entity first, so its ETag is known). */
export class PreconditionRequiredError extends HttpError {
  override name = 'PreconditionRequiredError' as const;
}

/**
 * `412`: someone changed (or deleted) the entity since it was read. `current`
 * is the entity as it is now and `etag` its ETag (both absent when it was
 * deleted): show the difference, apply the change to `current` and send it
 * again with `etag`.
 */
export class PreconditionFailedError<T = unknown> extends HttpError {
  override name = 'PreconditionFailedError' as const;
  /** The entity as the server has it now; `undefined` when it was deleted. */
  readonly current: T | undefined;
  /** The ETag of {@link current}, to send as `If-Match` with the next try. */
  readonly etag: string | undefined;

  constructor(message: string, options: HttpErrorOptions & { current?: T | undefined; etag?: string | undefined }) {
    super(message, options);
    this.current = options.current;
    this.etag = options.etag;
  }
}

const hasName = (value: unknown, name: string) => typeof value === 'object' && value !== null && (value as { name?: unknown }).name === name;

/** `true` for an {@link AuthenticationError}. */
export const isAuthenticationError = (value: unknown): value is AuthenticationError => hasName(value, 'AuthenticationError');
/** `true` for a {@link ForbiddenError}. */
export const isForbiddenError = (value: unknown): value is ForbiddenError => hasName(value, 'ForbiddenError');
/** `true` for a {@link NotFoundError}. */
export const isNotFoundError = (value: unknown): value is NotFoundError => hasName(value, 'NotFoundError');
/** `true` for a {@link ConflictError}. */
export const isConflictError = (value: unknown): value is ConflictError => hasName(value, 'ConflictError');
/** `true` for a {@link PreconditionRequiredError}. */
export const isPreconditionRequiredError = (value: unknown): value is PreconditionRequiredError => hasName(value, 'PreconditionRequiredError');
/** `true` for a {@link PreconditionFailedError}. */
export const isPreconditionFailedError = (value: unknown): value is PreconditionFailedError => hasName(value, 'PreconditionFailedError');

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  }
}

/**
 * The error for an answer with an error status to `what` ("replacing
 * organisations/hovsjo-if"), its message built from the server's own
 * `errors[].message` when it gives them.
 */
export async function adminHttpError(response: Response, url: string, what: string): Promise<HttpError> {
  const { status } = response;
  const body = await readBody(response);
  const issues: Issue[] | undefined = withParams(issuesFromBody(body), body);
  const retryAfter = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
  const said = issues && issues.length > 0 ? issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ') : typeof body === 'string' ? body.slice(0, 300) : '';
  const statusText = `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const message = `${capitalise(what)} failed (${statusText})${said ? `: ${said}` : '.'}`;
  const options: HttpErrorOptions = { status, url, body, retryAfter, ...(issues && issues.length > 0 && { issues }) };
  switch (status) {
    case 401:
      return new AuthenticationError(message, options);
    case 403:
      return new ForbiddenError(message, options);
    case 404:
      return new NotFoundError(message, options);
    case 409:
      return new ConflictError(message, options);
    case 412: {
      const { etag, current } = (body ?? {}) as { etag?: unknown; current?: unknown };
      return new PreconditionFailedError(message, { ...options, current, etag: typeof etag === 'string' ? etag : (response.headers.get('etag') ?? undefined) });
    }
    case 428:
      return new PreconditionRequiredError(message, options);
    default:
      return new HttpError(message, options);
  }
}

/**
 * The issues with the facts a refusal gives beside its message (`params`:
 * names and ids), so a program (the admin page) can say it in its own
 * words. `issuesFromBody` made one issue per object in `errors`, in order.
 */
function withParams(issues: Issue[] | undefined, body: unknown): Issue[] | undefined {
  if (!issues) return issues;
  const entries = ((body as { errors?: unknown[] }).errors ?? []).filter((e): e is { params?: unknown } => typeof e === 'object' && e !== null);
  return issues.map((issue, i) => {
    const params = entries[i]?.params;
    if (typeof params !== 'object' || params === null || Array.isArray(params)) return issue;
    const strings = Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    return strings.length > 0 ? { ...issue, params: Object.fromEntries(strings) } : issue;
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
