/**
 * The answers of the application routes (`GET /api/v1/signups`, `…/{id}`,
 * `…/{id}/approve|reject|erase`) as the admin client reads them. The other
 * admin routes' shapes are in `../wire/` (content, accounts), shared with
 * the server; these had no schema there yet.
 */
import * as z from 'zod/mini';

/** Where an application stands. */
export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
/** One of {@link APPLICATION_STATUSES}. */
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * An application as the admin routes show it. Fields the server adds later
 * are kept (loose), so an older client does not drop them.
 */
export const AdminApplicationSchema = z.looseObject({
  id: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  receivedAt: z.string(),
  /** The short reference the applicant was given (`K7QM-2X9C`). */
  reference: z.optional(z.string()),
  decidedAt: z.optional(z.string()),
  /** When its personal data was erased; `application` is gone from then on. */
  erasedAt: z.optional(z.string()),
  language: z.optional(z.string()),
  /** What the applicant sent, as validated (absent once erased). */
  application: z.optional(z.record(z.string(), z.unknown())),
  /** The signatory it added to the dataset, while approved. */
  organisationId: z.optional(z.string()),
  /** Why it was rejected, when the officer said (never published). */
  rejectReason: z.optional(z.string()),
});
/** An application as the admin routes show it. */
export type AdminApplication = z.output<typeof AdminApplicationSchema>;

/** `GET /api/v1/signups` → one page, newest first, and where the next starts. */
export const AdminApplicationPageSchema = z.object({
  applications: z.array(AdminApplicationSchema),
  nextCursor: z.optional(z.string()),
});
/** One page of applications. */
export type AdminApplicationPage = z.output<typeof AdminApplicationPageSchema>;

/** `POST /api/v1/admin/versions/{n}/restore` → the new version it published. */
export const RestoredVersionSchema = z.looseObject({ version: z.int(), at: z.string() });
/** The version a restore published. */
export type RestoredVersion = z.output<typeof RestoredVersionSchema>;
