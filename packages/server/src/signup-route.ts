import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { findUnsafeText, validateSignupApplication } from '@samverkan/sdk';
import { newReference } from './reference.js';
import type { CorsPolicy } from './cors.js';
import { isJson } from './http/body.js';
import { sendErrors } from './http/errors.js';
import type { RateLimiter } from './rate-limiter.js';
import { noteForLog } from './respond.js';
import type { IdempotencyRecord, SamverkanStore } from './store/types.js';

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
  store: SamverkanStore;
  cors: CorsPolicy;
  /** Per client (an IPv4 address or an IPv6 /64). */
  limiter: RateLimiter;
  /** For the whole server, whoever sends. */
  ceiling: RateLimiter;
  /** The rate-limit key of a request's client. */
  clientOf: (request: FastifyRequest) => string;
  now: () => Date;
  bodyLimit?: number;
}

/**
 * `POST /api/v1/signups`, as a Fastify route (registered under the `/api/v1`
 * prefix, beside the public routes' CORS). In order: origin allowed
 * (403), rate limit per client and for the whole server (429 with
 * `Retry-After`), `application/json` (415), `Idempotency-Key` syntax (400);
 * then the body: size (413, also chunked), strict UTF-8 and charset
 * (400/415), JSON (400); honeypot (a silent 201, nothing stored); a stored
 * answer for the key is replayed with `Idempotent-Replayed: true` (another
 * body with the same key is 422); unsafe text (400, issue 17.4) and the
 * SDK's schema (400 with every problem); then one transaction that stores
 * the application and its key before `201 { id, status, reference }`.
 */
export function registerSignupRoute(app: FastifyInstance, options: SignupRouteOptions): void {
  const { store, cors, limiter, ceiling, clientOf, now } = options;

  const gate: onRequestAsyncHookHandler = async (request, reply) => {
    if (!cors.allows(request.headers.origin)) {
      return sendErrors(reply, 403, 'This origin may not send applications to this server.');
    }
    const decision = limiter.take(clientOf(request));
    const overall = decision.allowed ? ceiling.take('all') : decision;
    if (!overall.allowed) {
      noteForLog(reply.raw, decision.allowed ? 'rate-limited-server' : 'rate-limited');
      return sendErrors(reply, 429, 'Too many applications; try again later. / För många ansökningar; försök igen senare.', {
        'Retry-After': String(overall.retryAfterSeconds),
      });
    }
    if (!isJson(request.headers['content-type'])) {
      return sendErrors(reply, 415, 'Send the application as JSON (Content-Type: application/json).');
    }
    const key = request.headers['idempotency-key'];
    if (key !== undefined && (Array.isArray(key) || !IDEMPOTENCY_KEY.test(key))) {
      return sendErrors(reply, 400, [{ path: '', message: 'Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.', code: 'invalid-idempotency-key' }]);
    }
  };

  app.post('/signups', { bodyLimit: options.bodyLimit ?? SIGNUP_BODY_LIMIT, onRequest: gate, config: { bodyName: 'The application' } }, async (request, reply) => {
    const body = request.body;
    if (isHoneypotFilled(body)) {
      // Looks exactly like success to the sender; nothing is kept.
      noteForLog(reply.raw, 'honeypot');
      return reply.code(201).send({ id: randomUUID(), status: 'pending', reference: newReference() });
    }

    const key = request.headers['idempotency-key'] as string | undefined;
    const requestHash = key === undefined ? '' : createHash('sha256').update(request.rawBody ?? Buffer.alloc(0)).digest('base64url');
    if (key !== undefined) {
      const stored = await store.findIdempotency(key);
      if (stored) return replay(reply, stored, requestHash);
    }

    const unsafe = findUnsafeText(body, { lang: prefersSwedish(request) ? 'sv' : 'en' });
    if (unsafe.length > 0) return sendErrors(reply, 400, unsafe.map(({ path, message, code }) => ({ path, message, code })));

    const result = validateSignupApplication(body);
    if (!result.success) {
      return sendErrors(
        reply,
        400,
        result.issues.map(({ path, message, code }) => ({ path, message, code })),
      );
    }

    const outcome = await store.queueInsert({ id: randomUUID(), receivedAt: now(), application: result.data }, key === undefined ? undefined : { key, requestHash });
    if (outcome.replay) return replay(reply, outcome.replay, requestHash);
    return reply.code(201).send(outcome.receipt);
  });
}

function replay(reply: FastifyReply, stored: IdempotencyRecord, requestHash: string): FastifyReply {
  if (stored.requestHash !== requestHash) {
    return sendErrors(reply, 422, [
      { path: '', message: 'This Idempotency-Key was already used with a different application. Use a new key for a new application.', code: 'idempotency-key-reused' },
    ]);
  }
  noteForLog(reply.raw, 'replayed');
  return reply.code(stored.status).header('Idempotent-Replayed', 'true').send(JSON.parse(stored.response));
}

/** Whether the request asks for Swedish first (`Accept-Language: sv…`). */
export function prefersSwedish(request: FastifyRequest): boolean {
  return /^\s*sv\b/i.test(request.headers['accept-language'] ?? '');
}

function isHoneypotFilled(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, HONEYPOT_FIELD)) return false;
  const value = (body as Record<string, unknown>)[HONEYPOT_FIELD];
  if (value === undefined || value === null || value === false) return false;
  return typeof value !== 'string' || value.trim() !== '';
}
