import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { validateSignupApplication } from '@samverkan/sdk';
import type { CorsPolicy } from './cors.js';
import type { RateLimiter } from './rate-limiter.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { noteForLog, sendErrors, sendJson } from './respond.js';
import type { Store } from './store.js';

/** The largest application body accepted (bytes). */
export const SIGNUP_BODY_LIMIT = 32 * 1024;

/**
 * The form's hidden field that people never see and so never fill; a bot
 * that fills every field gives itself away. It is not part of the schema.
 */
export const HONEYPOT_FIELD = 'website_confirm';

/** What an `Idempotency-Key` may look like: 1–255 visible ASCII characters (a UUID is typical). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** What the signup route needs. */
export interface SignupRouteOptions {
  store: Store;
  cors: CorsPolicy;
  limiter: RateLimiter;
  /** The client an address belongs to, for the rate limit. */
  clientOf: (req: IncomingMessage) => string;
  now: () => Date;
  bodyLimit?: number;
}

/**
 * `POST /api/v1/signups`. In order: origin allowed (403), rate limit (429
 * with `Retry-After`), `application/json` (415), size (413, also for
 * chunked bodies), JSON (400), honeypot (a silent 201, nothing stored),
 * `Idempotency-Key` (a stored answer is replayed with `Idempotent-Replayed:
 * true`; the same key with another body is 422), validation with the SDK's
 * schema (400 with every problem), then one transaction that stores the
 * application and its key before `201 { id, status: "pending" }` is sent.
 */
export function createSignupRoute(options: SignupRouteOptions) {
  const { store, cors, limiter, clientOf, now } = options;
  const limit = options.bodyLimit ?? SIGNUP_BODY_LIMIT;

  return async function signupRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    const corsHeaders = cors.headers(origin);
    if (!cors.allows(origin)) {
      sendErrors(res, 403, 'This origin may not send applications to this server.', corsHeaders);
      return;
    }

    const decision = limiter.take(clientOf(req));
    if (!decision.allowed) {
      noteForLog(res, 'rate-limited');
      drain(req);
      sendErrors(res, 429, 'Too many applications from this address; try again later.', {
        ...corsHeaders,
        'Retry-After': String(decision.retryAfterSeconds),
      });
      return;
    }

    if (!isJson(req.headers['content-type'])) {
      drain(req);
      sendErrors(res, 415, 'Send the application as JSON (Content-Type: application/json).', corsHeaders);
      return;
    }

    const keyHeader = req.headers['idempotency-key'];
    const key = Array.isArray(keyHeader) ? keyHeader.join(',') : keyHeader;
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      drain(req);
      sendErrors(res, 400, [{ path: '', message: 'Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.', code: 'invalid-idempotency-key' }], corsHeaders);
      return;
    }

    let raw: Buffer;
    try {
      raw = await readBody(req, limit);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        tooLarge(req, res, limit, corsHeaders);
        return;
      }
      throw error;
    }

    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      sendErrors(res, 400, [{ path: '', message: 'is not valid JSON', code: 'invalid-json' }], corsHeaders);
      return;
    }

    if (isHoneypotFilled(body)) {
      // Looks exactly like success to the sender; nothing is kept.
      noteForLog(res, 'honeypot');
      sendJson(res, 201, { id: randomUUID(), status: 'pending' }, corsHeaders);
      return;
    }

    const requestHash = key === undefined ? '' : createHash('sha256').update(raw).digest('base64url');
    if (key !== undefined) {
      const stored = store.findIdempotency(key);
      if (stored) {
        replay(res, stored, requestHash, corsHeaders);
        return;
      }
    }

    const result = validateSignupApplication(body);
    if (!result.success) {
      sendErrors(
        res,
        400,
        result.issues.map(({ path, message, code }) => ({ path, message, code })),
        corsHeaders,
      );
      return;
    }

    const id = randomUUID();
    const response = JSON.stringify({ id, status: 'pending' });
    const earlier = await store.queueInsert(
      { id, receivedAt: now(), application: result.data },
      key === undefined ? undefined : { key, requestHash, status: 201, response },
    );
    if (earlier) {
      replay(res, earlier, requestHash, corsHeaders);
      return;
    }
    sendJson(res, 201, JSON.parse(response), corsHeaders);
  };
}

function replay(res: ServerResponse, stored: { requestHash: string; status: number; response: string }, requestHash: string, corsHeaders: Record<string, string>): void {
  if (stored.requestHash !== requestHash) {
    sendErrors(
      res,
      422,
      [{ path: '', message: 'This Idempotency-Key was already used with a different application. Use a new key for a new application.', code: 'idempotency-key-reused' }],
      corsHeaders,
    );
    return;
  }
  noteForLog(res, 'replayed');
  sendJson(res, stored.status, JSON.parse(stored.response), { ...corsHeaders, 'Idempotent-Replayed': 'true' });
}

/**
 * Answers 413 and closes the connection: the rest of the body is not read
 * (it may be endless), and a keep-alive connection with unread bytes in it
 * cannot carry another request.
 */
function tooLarge(req: IncomingMessage, res: ServerResponse, limit: number, corsHeaders: Record<string, string>): void {
  sendErrors(res, 413, `The application is larger than ${limit / 1024} KiB.`, { ...corsHeaders, Connection: 'close' });
  // Read and discard a little more so the client sees the answer instead of a reset, then hang up.
  let discarded = 0;
  const onData = (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > 1024 * 1024) req.socket.destroy();
  };
  req.on('data', onData);
  const timer = setTimeout(() => req.socket.destroy(), 2000);
  timer.unref();
  req.socket.once('close', () => clearTimeout(timer));
}

/**
 * Lets an unread body flow away so a keep-alive connection can carry the next
 * request; a body that goes on past 64 KiB is not worth reading: hang up.
 */
function drain(req: IncomingMessage): void {
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > 64 * 1024) req.socket.destroy();
  });
  req.resume();
}

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

function isHoneypotFilled(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, HONEYPOT_FIELD)) return false;
  const value = (body as Record<string, unknown>)[HONEYPOT_FIELD];
  if (value === undefined || value === null || value === false) return false;
  return typeof value !== 'string' || value.trim() !== '';
}
