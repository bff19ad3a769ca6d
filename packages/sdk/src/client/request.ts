// The public client's HTTP: `fetch` with a timeout per attempt and retries
// with backoff, as ky did for it. Written here rather than taken from ky
// because every element's page downloads the client before it can show
// anything: ky was about 5 KB of gzip on a page whose budget is 25 KB
// (issue 18; `npm run bench -- size`), and the client needs only this much
// of it. The admin client, in its own bundle, keeps ky.

/** An answer whose status the caller did not accept. */
export class ResponseStatusError extends Error {
  override readonly name = 'ResponseStatusError';
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`);
  }
}

/** No answer within the time allowed for one attempt. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  constructor(readonly timeout: number) {
    super(`No answer within ${timeout} ms.`);
  }
}

/** How a request is made and retried. */
export interface RequestOptions {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Milliseconds each attempt may take. */
  timeout: number;
  /** How many times a failed attempt is made again (a network error or a status in `retryStatuses`). */
  retries: number;
  retryStatuses: readonly number[];
  /** The longest `Retry-After` (seconds) waited for before retrying; a longer one ends the retries. */
  maxRetryAfter: number;
  /** Statuses answered as they are (beside 2xx); every other one throws {@link ResponseStatusError}. */
  accept?: (status: number) => boolean;
  signal?: AbortSignal | undefined;
  cache?: RequestCache;
  fetch?: typeof fetch | undefined;
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

/** 0.3 s, 0.6 s, 1.2 s … (ky's backoff). */
const backoff = (attempt: number) => 300 * 2 ** attempt;

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** One attempt: the caller's signal and the attempt's own timeout both abort it. */
async function attempt(url: string, options: RequestOptions): Promise<Response> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new RequestTimeoutError(options.timeout)), options.timeout);
  const onAbort = () => timeout.abort(options.signal!.reason);
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await (options.fetch ?? globalThis.fetch)(url, {
      method: options.method,
      headers: options.json === undefined ? options.headers : { 'content-type': 'application/json', ...options.headers },
      ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
      ...(options.cache ? { cache: options.cache } : {}),
      signal: timeout.signal,
    });
  } catch (error) {
    // fetch rejects with the signal's reason, or (some engines) a plain AbortError for it.
    if (timeout.signal.aborted && !options.signal?.aborted) throw new RequestTimeoutError(options.timeout);
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Fetches `url`, retrying after a network error or a status in
 * `retryStatuses` (after its `Retry-After`, or a growing backoff). A timeout
 * or the caller's abort is not retried. Throws {@link ResponseStatusError}
 * for an answer that is not 2xx and not accepted, {@link RequestTimeoutError},
 * or what `fetch` threw.
 */
export async function request(url: string, options: RequestOptions): Promise<Response> {
  for (let tried = 0; ; tried++) {
    let response: Response;
    try {
      response = await attempt(url, options);
    } catch (error) {
      if (error instanceof RequestTimeoutError || options.signal?.aborted || tried >= options.retries) throw error;
      await wait(backoff(tried), options.signal);
      continue;
    }
    if (response.ok || options.accept?.(response.status)) return response;
    if (tried >= options.retries || !options.retryStatuses.includes(response.status)) throw new ResponseStatusError(response);
    const after = parseRetryAfter(response.headers.get('retry-after'));
    if (after !== undefined && after > options.maxRetryAfter) throw new ResponseStatusError(response);
    // The body is not needed: let the connection go.
    void response.body?.cancel().catch(() => {});
    await wait(after !== undefined ? after * 1000 : backoff(tried), options.signal);
  }
}
