import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EMPTY_JSON, INVALID_JSON, INVALID_UTF8, unsupportedCharset, type GenericAnswer } from './generic-answers.js';

/** A request body that is not what it says it is: the status and the answer's item (its code and words) to answer with. */
export class BodyError extends Error {
  override name = 'BodyError' as const;
  constructor(
    readonly statusCode: 400 | 415,
    readonly answer: GenericAnswer,
  ) {
    super(answer.message.en);
  }
  /** The answer's stable code (`invalid-json`, `invalid-utf8`, `unsupported-charset`). */
  get code(): string {
    return this.answer.code;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The body's bytes as received (for the idempotency hash), when it was JSON. */
    rawBody: Buffer | undefined;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The only body parser: `application/json` in UTF-8, decoded strictly.
 * Invalid UTF-8 is a `400` (not silently replaced by U+FFFD, which would
 * store something the sender never wrote); a `charset` other than UTF-8 is a
 * `415` (a UTF-16 body read as UTF-8 would be garbage). Every other content
 * type is refused by Fastify with `415`. The bytes are kept on the request
 * for the idempotency hash.
 */
export function registerJsonBody(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.decorateRequest('rawBody', undefined);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer | string, done) => {
    const charset = charsetOf(request.headers['content-type']);
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      done(new BodyError(415, unsupportedCharset(charset)), undefined);
      return;
    }
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    let text: string;
    try {
      text = UTF8.decode(bytes);
    } catch {
      done(new BodyError(400, INVALID_UTF8), undefined);
      return;
    }
    request.rawBody = bytes;
    if (bytes.length === 0) {
      // Said as empty, not as broken JSON: there is nothing to look for a missing comma in.
      done(new BodyError(400, EMPTY_JSON), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new BodyError(400, INVALID_JSON), undefined);
    }
  });
}

/** The `charset` parameter of a Content-Type, lower case, without quotes. */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  for (const part of contentType.split(';').slice(1)) {
    const [name = '', value = ''] = part.split('=');
    if (name.trim().toLowerCase() === 'charset') return value.trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return undefined;
}

/** Whether a Content-Type is `application/json` (any parameters). */
export function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  return contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';
}
