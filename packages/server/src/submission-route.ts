import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { findUnsafeText, type Issue } from '@samverkan/sdk';
import type { CorsPolicy } from './cors.js';
import { ChangeRefused } from './content/publish.js';
import { isJson } from './http/body.js';
import { sendErrors, type ErrorItem } from './http/errors.js';
import { idempotencyKeyReused, INVALID_IDEMPOTENCY_KEY, notJson, ORIGIN_NOT_ALLOWED, rateLimited } from './http/generic-answers.js';
import { issueItem } from './http/issue-items.js';
import { answerLanguage, type AnswerLanguage, type Said } from './http/language.js';
import type { RateLimiter } from './rate-limiter.js';
import { newReference } from './reference.js';
import { noteForLog } from './respond.js';
import type { IdempotencyRecord, InsertOutcome } from './store/types.js';

/** The largest body of an application or an offer (bytes). */
export const SUBMISSION_BODY_LIMIT = 32 * 1024;

/**
 * The forms' hidden field that people never see and so never fill; a bot
 * that fills every field gives itself away. It is not part of any schema.
 */
export const HONEYPOT_FIELD = 'website_confirm';

/** What an `Idempotency-Key` may look like: 1–255 visible ASCII characters (a UUID is typical). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** What every public submission route shares: who may send, how often, and the clock. */
export interface SubmissionGate {
  cors: CorsPolicy;
  /** Per client (an IPv4 address or an IPv6 /64). */
  limiter: RateLimiter;
  /** For the whole server, whoever sends. */
  ceiling: RateLimiter;
  /** The rate-limit key of a request's client. */
  clientOf: (request: FastifyRequest) => string;
  now: () => Date;
}

/** One kind of submission (an application to join, an offered opportunity). */
export interface SubmissionKind<T> extends SubmissionGate {
  /** The route, under the `/api/v1` prefix (`/signups`). */
  url: string;
  /** "The application", "Ansökan": names the body in a 413 and a 415. */
  bodyName: Said;
  /** "a different application", "en annan ansökan": what a reused `Idempotency-Key` was used with (422). */
  otherBody: Said;
  /** Idempotency keys of this kind live apart from other kinds' ("" for applications, which came first). */
  keyPrefix: string;
  bodyLimit?: number;
  /** The SDK's check of the body (same messages as the form). */
  validate(body: unknown): { success: true; data: T } | { success: false; issues: Issue[] };
  /** Checks that need the published data (an offer's organisation must be a signatory); problems at their paths. */
  check?(data: T, request: FastifyRequest): ErrorItem[] | Promise<ErrorItem[]>;
  /** Stores it (with its key, in one transaction) and gives the receipt, or the stored answer for the key. */
  insert(input: { id: string; receivedAt: Date; data: T }, idempotency: { key: string; requestHash: string } | undefined): Promise<InsertOutcome>;
  findIdempotency(key: string): IdempotencyRecord | undefined | Promise<IdempotencyRecord | undefined>;
  /** Called after a submission is stored (notifications); failures are logged, never answered. */
  afterStore?(receipt: { id: string; reference: string }, data: T): void | Promise<void>;
}

/**
 * A public `POST` that receives a submission, as a Fastify route (under the
 * `/api/v1` prefix, beside the public routes' CORS). In order: origin
 * allowed (403), rate limit per client and for the whole server (429 with
 * `Retry-After`), `application/json` (415), `Idempotency-Key` syntax (400);
 * then the body: size (413, also chunked), strict UTF-8 and charset
 * (400/415), JSON (400); honeypot (a silent 201, nothing stored); a stored
 * answer for the key is replayed with `Idempotent-Replayed: true` (another
 * body with the same key is 422); unsafe text (400, issue 17.4) and the
 * SDK's schema (400 with every problem); the kind's own checks; then one
 * transaction that stores it and its key before `201 { id, status, reference }`.
 */
export function registerSubmissionRoute<T>(app: FastifyInstance, kind: SubmissionKind<T>): void {
  const { cors, limiter, ceiling, clientOf, now } = kind;

  const gate: onRequestAsyncHookHandler = async (request, reply) => {
    if (!cors.allows(request.headers.origin)) {
      return sendErrors(reply, 403, [ORIGIN_NOT_ALLOWED]);
    }
    const decision = limiter.take(clientOf(request));
    const overall = decision.allowed ? ceiling.take('all') : decision;
    if (!overall.allowed) {
      noteForLog(reply.raw, decision.allowed ? 'rate-limited-server' : 'rate-limited');
      return sendErrors(reply, 429, [rateLimited(overall.retryAfterSeconds)], { 'Retry-After': String(overall.retryAfterSeconds) });
    }
    if (!isJson(request.headers['content-type'])) {
      return sendErrors(reply, 415, [notJson(kind.bodyName)]);
    }
    const key = request.headers['idempotency-key'];
    if (key !== undefined && (Array.isArray(key) || !IDEMPOTENCY_KEY.test(key))) {
      return sendErrors(reply, 400, [INVALID_IDEMPOTENCY_KEY]);
    }
  };

  app.post(kind.url, { bodyLimit: kind.bodyLimit ?? SUBMISSION_BODY_LIMIT, onRequest: gate, config: { bodyName: kind.bodyName } }, async (request, reply) => {
    const body = request.body;
    if (isHoneypotFilled(body)) {
      // Looks exactly like success to the sender; nothing is kept.
      noteForLog(reply.raw, 'honeypot');
      return reply.code(201).send({ id: randomUUID(), status: 'pending', reference: newReference() });
    }

    // The form's own language (`language` in the body) first, then Accept-Language: one rule (http/language.ts).
    const lang = answerLanguage(request, (body as { language?: unknown } | null)?.language);
    const header = request.headers['idempotency-key'] as string | undefined;
    const key = header === undefined ? undefined : kind.keyPrefix + header;
    const requestHash = key === undefined ? '' : createHash('sha256').update(request.rawBody ?? Buffer.alloc(0)).digest('base64url');
    if (key !== undefined) {
      const stored = await kind.findIdempotency(key);
      if (stored) return replay(reply, stored, requestHash, kind.otherBody, lang);
    }

    const unsafe = findUnsafeText(body, { lang });
    if (unsafe.length > 0) return sendErrors(reply, 400, unsafe.map(({ path, message, code }) => ({ path, message, code })), {}, lang);

    const result = kind.validate(body);
    if (!result.success) {
      return sendErrors(
        reply,
        400,
        result.issues.map(issueItem),
        {},
        lang,
      );
    }
    const problems = kind.check ? await kind.check(result.data, request) : [];
    if (problems.length > 0) return sendErrors(reply, 400, problems, {}, lang);

    let outcome: InsertOutcome;
    try {
      outcome = await kind.insert({ id: randomUUID(), receivedAt: now(), data: result.data }, key === undefined ? undefined : { key, requestHash });
    } catch (error) {
      // The published data changed between the check and the insert (a signatory withdrawn): refused as the check would have.
      if (error instanceof ChangeRefused) return sendErrors(reply, error.status, error.errors, {}, lang);
      throw error;
    }
    if (outcome.replay) return replay(reply, outcome.replay, requestHash, kind.otherBody, lang);
    if (kind.afterStore) {
      Promise.resolve()
        .then(() => kind.afterStore!(outcome.receipt, result.data))
        .catch(() => {
          // A notification that fails must not fail the submission; the notifier logs its own failures.
        });
    }
    return reply.code(201).send(outcome.receipt);
  });
}

function replay(reply: FastifyReply, stored: IdempotencyRecord, requestHash: string, otherBody: Said, lang: AnswerLanguage): FastifyReply {
  if (stored.requestHash !== requestHash) return sendErrors(reply, 422, [idempotencyKeyReused(otherBody)], {}, lang);
  noteForLog(reply.raw, 'replayed');
  return reply.code(stored.status).header('Idempotent-Replayed', 'true').send(JSON.parse(stored.response));
}

function isHoneypotFilled(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, HONEYPOT_FIELD)) return false;
  const value = (body as Record<string, unknown>)[HONEYPOT_FIELD];
  if (value === undefined || value === null || value === false) return false;
  return typeof value !== 'string' || value.trim() !== '';
}
