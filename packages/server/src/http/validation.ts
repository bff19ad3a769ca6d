import type { FastifyInstance } from 'fastify';
import { pathToString } from '@samverkan/sdk';
import type * as z from 'zod/mini';
import type { ErrorItem } from './errors.js';

/** A request part (query, params, body) that its zod schema refused: every problem with its path. */
export class RequestValidationError extends Error {
  override name = 'RequestValidationError' as const;
  readonly statusCode = 400;
  constructor(readonly errors: ErrorItem[]) {
    super(errors.map((e) => `${e.path || '(request)'}: ${e.message}`).join('; '));
  }
}

/**
 * Route schemas are the SDK's zod schemas (`schema: { querystring:
 * ApplicationListQuerySchema }`): the server validates with the very
 * schemas the SDK's clients are typed with, and a refusal is a `400` in the
 * API's error shape with each problem's path.
 */
export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => {
    const zod = schema as unknown as z.ZodMiniType;
    return (data: unknown) => {
      const result = zod.safeParse(data);
      if (result.success) return { value: result.data };
      return { error: new RequestValidationError(result.error.issues.map((i) => ({ path: pathToString(i.path as (string | number)[]), message: i.message, code: i.code }))) };
    };
  });
}
