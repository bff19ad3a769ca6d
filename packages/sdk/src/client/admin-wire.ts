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
  /** The signatory it added to the dataset, while approved (and while `republished`). */
  organisationId: z.optional(z.string()),
  /** Why it was rejected, when the officer said (never published). */
  rejectReason: z.optional(z.string()),
  /**
   * `true` when it is approved but its signatory is no longer published (the
   * organisation deleted, or its signature removed, in the content list);
   * worked out by the server from the published dataset on every answer, so
   * it goes again when a restore brings the signatory back. Absent otherwise.
   */
  withdrawn: z.optional(z.boolean()),
  /**
   * `true` when it is rejected but the signatory an earlier approval
   * published is one again (a restore from the history of a version from
   * before the rejection, or its signature added again by hand):
   * `organisationId` names it. Worked out like `withdrawn`. Approving it then
   * publishes nothing new; rejecting it again takes the signatory out again.
   * Absent otherwise.
   */
  republished: z.optional(z.boolean()),
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

/**
 * An offered volunteer opportunity as the admin routes show it
 * (`GET /api/v1/opportunities`, `…/{id}`, `…/{id}/approve|reject|erase`).
 * Loose, like applications, so fields the server adds later are kept.
 */
export const AdminOfferSchema = z.looseObject({
  id: z.string(),
  /** The short reference the organisation was given (`K7QM-2X9C`). */
  reference: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  receivedAt: z.string(),
  decidedAt: z.optional(z.string()),
  /** When its content was erased; `offer` is gone from then on. */
  erasedAt: z.optional(z.string()),
  /** The language the form was filled in. */
  language: z.string(),
  /** The signatory that offered it. */
  organisationId: z.string(),
  /** What the organisation sent, as validated (absent once erased). */
  offer: z.optional(z.record(z.string(), z.unknown())),
  /** The id of the opportunity it published in the dataset, while approved (and while `republished`). */
  opportunityId: z.optional(z.string()),
  /** Why it was rejected, when the officer said (never published). */
  rejectReason: z.optional(z.string()),
  /**
   * `true` when it is approved but its opportunity is no longer published
   * (withdrawn in the content list); worked out by the server from the
   * published dataset on every answer, so it goes again when a restore
   * brings the opportunity back. Absent otherwise.
   */
  withdrawn: z.optional(z.boolean()),
  /**
   * `true` when it is rejected but the opportunity an earlier approval
   * published is published again (a restore from the history):
   * `opportunityId` names it. Worked out like `withdrawn`. Approving it then
   * publishes nothing new; rejecting it again takes it off again. Absent
   * otherwise.
   */
  republished: z.optional(z.boolean()),
  /**
   * `true` when it is not approved and the organisation that offered it is
   * not a signatory now (deleted, or its signature removed, after it
   * offered): approving it would be refused (`409 not-a-signatory`). Worked
   * out from the published dataset on every answer, so it goes when a
   * restore or a new signature makes the organisation sign again. Absent
   * otherwise.
   */
  noLongerSigns: z.optional(z.boolean()),
});
/** An offered opportunity as the admin routes show it. */
export type AdminOffer = z.output<typeof AdminOfferSchema>;

/** `GET /api/v1/opportunities` → one page, newest first, and where the next starts. */
export const AdminOfferPageSchema = z.object({
  offers: z.array(AdminOfferSchema),
  nextCursor: z.optional(z.string()),
});
/** One page of offered opportunities. */
export type AdminOfferPage = z.output<typeof AdminOfferPageSchema>;
