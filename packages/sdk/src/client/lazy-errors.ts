// The failure rules of the clients (http-errors.ts: which SDK error a failed
// request becomes, and its message in words), loaded with the first failure:
// a request that succeeds never needs them, so a page that only reads a
// dataset does not download them before it renders (issue 18: 1.4 KB gzip on
// every element's page). A failure is also when loading them may fail (the
// network is down): then the error is made here, of the same kind, with a
// short message — callers tell failures apart by kind and status, never by
// message.
import { HttpError, NetworkError, SamverkanError, TimeoutError, ValidationError } from '../errors.js';
import type { RequestContext, RequestSubject } from './http-errors.js';

type Rules = typeof import('./http-errors.js');

/** How the rules are loaded (a parameter of each function below, so a test can make loading fail). */
export type RulesLoader = () => Promise<Rules>;

let loading: Promise<Rules> | undefined;
const importRules: RulesLoader = () => (loading ??= import('./http-errors.js').catch((error: unknown) => {
  // Tried again at the next failure.
  loading = undefined;
  throw error;
}));

/** http-errors.ts, or `undefined` when it cannot be loaded now. */
async function rules(load: RulesLoader): Promise<Rules | undefined> {
  try {
    return await load();
  } catch {
    return undefined;
  }
}

/** http-errors.ts's `httpError` of an error answer (not 2xx). */
export async function httpErrorOf(response: Response, context: { url: string; subject: RequestSubject }, load = importRules): Promise<HttpError> {
  const loaded = await rules(load);
  if (loaded) return loaded.httpError(response, context);
  return new HttpError(`${context.url} answered HTTP ${response.status}.`, { status: response.status, url: context.url });
}

/** http-errors.ts's `timeoutError` of a request that did not answer in time. */
export async function timeoutErrorOf(context: RequestContext, load = importRules): Promise<TimeoutError> {
  const loaded = await rules(load);
  if (loaded) return loaded.timeoutError(context);
  return new TimeoutError(`${context.url} did not answer within ${context.timeout} ms.`, { url: context.url, timeout: context.timeout });
}

/** http-errors.ts's `toSamverkanError` of what `fetch` threw (an SDK error or the caller's abort passes unchanged). */
export async function samverkanErrorOf(error: unknown, context: RequestContext, load = importRules): Promise<unknown> {
  if (error instanceof SamverkanError || (error as { name?: unknown } | null)?.name === 'AbortError') return error;
  const loaded = await rules(load);
  if (loaded) return loaded.toSamverkanError(error, context);
  return new NetworkError(`Could not reach ${context.url}.`, { url: context.url, cause: error });
}

/** http-errors.ts's `withSource`: the error's summary names the dataset's URL. */
export async function withSourceOf(error: ValidationError, url: string, load = importRules): Promise<ValidationError> {
  const loaded = await rules(load);
  return loaded ? loaded.withSource(error, url) : error;
}
