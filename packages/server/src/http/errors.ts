import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Issue } from '@samverkan/sdk';
import type { Logger } from '../logger.js';
import { BodyError } from './body.js';
import { issueItem } from './issue-items.js';
import { RequestValidationError } from './validation.js';
import { answerLanguage, say, type AnswerLanguage, type Said } from './language.js';
import { CLIENT_CLOSED, EMPTY_JSON, INVALID_CONTENT_LENGTH, methodNotAllowed as methodNotAllowedAnswer, notJson, SERVER_ERROR, THE_BODY, tooLarge, UNKNOWN_PATH } from './generic-answers.js';

/**
 * One problem in an error answer: where (`""` for the request as a whole) and what; a refusal a client says in its
 * own words has a `code` and the facts behind it (`params`). `message` is written in both languages the server
 * speaks ({@link Said}) and sent in the request's (http/language.ts); a plain string is sent as it is.
 */
export interface ErrorItem {
  path: string;
  message: string | Said;
  code?: string;
  params?: Record<string, string>;
}

/**
 * Sends an error in the one shape every error answer has:
 * `{ errors: [{ path, message }] }` (`path` is `""` when the problem is the
 * request as a whole), so a client reads failures one way. Each message is
 * said in the request's language (`Accept-Language`, Swedish by default:
 * {@link answerLanguage}); `lang` overrides it for a route whose body names its language.
 */
export function sendErrors(reply: FastifyReply, status: number, errors: readonly ErrorItem[] | string | Said, headers: Record<string, string> = {}, lang = answerLanguage(reply.request)): FastifyReply {
  const items: readonly ErrorItem[] = typeof errors === 'string' || !Array.isArray(errors) ? [{ path: '', message: errors as string | Said }] : errors;
  return reply.code(status).headers(headers).send({ errors: saidErrors(items, lang) });
}

/**
 * Answers `400` with every SDK issue at its path (a schema's problems:
 * {@link issueItem}), in the request's language: the body's own (`bodyLang`,
 * the accounts' `lang`) when it is Swedish or English, else `Accept-Language`,
 * else Swedish.
 */
export function sendIssues(reply: FastifyReply, issues: readonly Issue[], bodyLang?: unknown): FastifyReply {
  return sendErrors(reply, 400, issues.map(issueItem), {}, answerLanguage(reply.request, bodyLang));
}

/** The items of an error answer with each message said in `lang` (for an answer with more than `errors`, such as a 412's entity). */
export function saidErrors(items: readonly ErrorItem[], lang: AnswerLanguage): (ErrorItem & { message: string })[] {
  return items.map((item) => ({ ...item, message: say(item.message, lang) }));
}

/**
 * A write failed inside its one transaction, so none of it is stored (a
 * decision and the version that publishes it, say). Answered `500` with
 * code `not-stored` and a message that says nothing changed, so the officer
 * knows to try again rather than wonder what half happened; the cause is
 * logged (its message only: never the request's data).
 */
export class NothingStored extends Error {
  override name = 'NothingStored' as const;
  readonly statusCode = 500;
  /** `what` is the write as the answer names it, in both languages ("The application's approval", "Godkännandet av ansökan"). */
  constructor(
    what: Said,
    options: { cause: unknown },
  ) {
    super(`${what.en} could not be stored, and none of it was: nothing changed. Try again; if it fails again, the server's log says why.`, options);
    this.said = {
      en: this.message,
      sv: `${what.sv} kunde inte sparas, och ingen del av den sparades: ingenting ändrades. Försök igen; misslyckas det igen står orsaken i serverns logg.`,
    };
  }
  /** The answer's words, in both languages (sent in the request's). */
  readonly said: Said;
}

/** Whether the request failed because the client went away (not a server fault). */
export function clientWentAway(request: FastifyRequest, error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    code === 'ECONNRESET' ||
    code === 'ECONNABORTED' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    (error as Error | undefined)?.message === 'aborted' ||
    request.raw.destroyed ||
    (request.raw.readableAborted ?? false)
  );
}

/**
 * The error handler and the 404 answer of the whole app: Fastify's own
 * errors (a body too large, an unsupported content type, a broken
 * Content-Length) get the API's error shape and a message that says what to
 * do; a client that went away is not a server error and is not logged as
 * one (issue 17.2; the request's own log line says `aborted`); anything else
 * is a 500 logged with the route's template, never the path or the body.
 */
export function registerErrorHandling(app: FastifyInstance, logger: Logger): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof BodyError) return sendErrors(reply, error.statusCode, [error.answer]);
    if (error instanceof RequestValidationError) return sendErrors(reply, 400, error.errors);
    if (error instanceof NothingStored) {
      logger.event('error', 'a write failed and was rolled back: nothing of it is stored', { route: request.routeOptions.url ?? '(unmatched)', error: (error.cause as Error | undefined)?.message ?? String(error.cause) });
      return sendErrors(reply, 500, [{ path: '', code: 'not-stored', message: error.said }]);
    }
    if (clientWentAway(request, error)) {
      // Nobody is listening; answer anyway so Fastify finishes the request cleanly.
      return sendErrors(reply, 400, [CLIENT_CLOSED]);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE': {
        const limit = request.routeOptions.bodyLimit;
        // The rest of the body is not read (it may be endless): the connection cannot carry another request.
        return sendErrors(reply, 413, [tooLarge(request.routeOptions.config?.bodyName ?? THE_BODY, limit)], { Connection: 'close' });
      }
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendErrors(reply, 415, [notJson()]);
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendErrors(reply, 400, [EMPTY_JSON]);
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendErrors(reply, 400, [INVALID_CONTENT_LENGTH], { Connection: 'close' });
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      logger.event('error', 'request failed', { route: request.routeOptions.url ?? '(unmatched)', error: error.message });
      return sendErrors(reply, status, [SERVER_ERROR]);
    }
    // A refusal thrown past the route that should have answered it (content/publish.ts's ChangeRefused carries its
    // items, and a 412's entity as `extra`): said in the request's language like any refusal, not as its English `message`.
    const carried = (error as { errors?: unknown }).errors;
    if (Array.isArray(carried)) return reply.code(status).send({ errors: saidErrors(carried as ErrorItem[], answerLanguage(request)), ...(error as { extra?: object }).extra });
    // A client error of Fastify's that none of the above names (no route is known to raise one): its own words, in English.
    return sendErrors(reply, status, error.message);
  });

  app.setNotFoundHandler((_request, reply) => sendErrors(reply, 404, [UNKNOWN_PATH]));
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How a route's 413 names its body ("The application", "Ansökan"). */
    bodyName?: Said;
  }
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * Answers `405` with `Allow` for the methods a path does not take. Registered
 * in the same plugin context as the path's own routes, so the answer carries
 * the same hooks (CORS for the public routes).
 */
export function methodNotAllowed(app: FastifyInstance, url: string, allowed: readonly string[], skip: readonly string[] = []): void {
  const allow = allowed.join(', ');
  const others = METHODS.filter((m) => !allowed.includes(m) && !skip.includes(m));
  if (others.length === 0) return;
  app.route({
    method: others as unknown as string[],
    url,
    exposeHeadRoute: false,
    // Marked, so a list of the app's routes (`SamverkanServer.routes`) can tell these answers from real ones.
    config: { methodNotAllowed: true },
    // Answered before any body is read: a PUT to a read-only route is a 405, whatever it sends.
    onRequest: async (request, reply) => sendErrors(reply, 405, [methodNotAllowedAnswer(request.method, allow)], { Allow: allow }),
    handler: async () => undefined,
  });
}
