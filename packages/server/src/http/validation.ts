import type { FastifyInstance } from 'fastify';
import { validateWith } from '@samverkan/sdk';
import type * as z from 'zod/mini';
import { say } from './language.js';
import type { ErrorItem } from './errors.js';
import { issueItem } from './issue-items.js';

/** A request part (query, params, body) that its zod schema refused: every problem with its path. */
export class RequestValidationError extends Error {
  override name = 'RequestValidationError' as const;
  readonly statusCode = 400;
  constructor(readonly errors: ErrorItem[]) {
    super(errors.map((e) => `${e.path || '(request)'}: ${say(e.message, 'en')}`).join('; '));
  }
}

/**
 * Route schemas are the SDK's zod schemas (`schema: { querystring:
 * ApplicationListQuerySchema }`): the server validates with the very
 * schemas the SDK's clients are typed with, and a refusal is a `400` in the
 * API's error shape with each problem's path. They are checked with the SDK's
 * messages (`validateWith`), which its catalogue says in Swedish too: each
 * problem is answered in the request's language (http/issue-items.ts).
 */
export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => {
    const zod = schema as unknown as z.ZodMiniType;
    return (data: unknown) => {
      const result = validateWith(zod, data);
      if (result.success) return { value: result.data };
      return { error: new RequestValidationError(result.issues.map(issueItem)) };
    };
  });
}
