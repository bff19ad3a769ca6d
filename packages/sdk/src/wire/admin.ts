/**
 * Query strings and bodies of the routes that decide applications, as the
 * server validates them (`GET /api/v1/signups`, `POST …/reject`) and the
 * SDK's admin client sends them.
 */
import * as z from 'zod/mini';
import { normaliseReference } from '../reference.js';

/** The largest page of applications. */
export const MAX_APPLICATION_PAGE = 500;

const pageSize = (max: number) =>
  z.coerce.number({ error: `must be a whole number from 1 to ${max}` }).check(z.refine((n) => Number.isInteger(n) && n >= 1 && n <= max, `must be a whole number from 1 to ${max}`));

/** `GET /api/v1/signups?status=&reference=&limit=&cursor=`. */
export const ApplicationListQuerySchema = z.object({
  status: z.optional(z.enum(['pending', 'approved', 'rejected'], { error: 'must be one of pending, approved, rejected' })),
  /** Any case, the dash optional (`k7qm2x9c`). */
  reference: z.optional(z.string().check(z.refine((value) => normaliseReference(value) !== undefined, 'must be a reference such as K7QM-2X9C'))),
  limit: z.optional(pageSize(MAX_APPLICATION_PAGE)),
  /** The `nextCursor` of the previous page. */
  cursor: z.optional(z.string()),
});
/** The query of the application list. */
export type ApplicationListQuery = z.infer<typeof ApplicationListQuerySchema>;

/** `GET /api/v1/admin/audit?limit=&cursor=`. */
export const AuditListQuerySchema = z.object({
  limit: z.optional(pageSize(500)),
  cursor: z.optional(z.string().check(z.regex(/^[1-9]\d{0,15}$/, 'is not a cursor this server gave'))),
});
