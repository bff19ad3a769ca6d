/**
 * The wire format of the content API (`/api/v1/admin`): what the server
 * answers and accepts for the collections, the agreement, the versions and
 * the audit log. The entities themselves are the data model's schemas
 * (`OrganisationSchema`, …); these are the envelopes around them.
 */
import * as z from 'zod/mini';
import { ApiErrorItemSchema } from './common.js';

/** The dataset's lists that the content API edits, one route family each. */
export const CONTENT_COLLECTIONS = ['organisations', 'contacts', 'meetings', 'principles', 'developmentAreas', 'followUps', 'opportunities'] as const;
/** One of {@link CONTENT_COLLECTIONS}. */
export type ContentCollection = (typeof CONTENT_COLLECTIONS)[number];

/** One entity of a list answer: its id, its ETag (for `If-Match`) and the entity itself. */
export const ContentItemSchema = z.object({
  id: z.string(),
  etag: z.string(),
  data: z.record(z.string(), z.unknown()),
});
/** One entity of a list answer. */
export type ContentItem = z.infer<typeof ContentItemSchema>;

/** `GET /api/v1/admin/{collection}`: every entity, in the dataset's order. */
export const ContentListSchema = z.object({ items: z.array(ContentItemSchema) });
/** `GET /api/v1/admin/{collection}`. */
export type ContentList = z.infer<typeof ContentListSchema>;

/**
 * A `412` to a write whose `If-Match` is stale: the errors, and the entity as
 * it is now with its ETag (absent when someone deleted it), so a client can
 * show what changed and try again.
 */
export const PreconditionFailedSchema = z.object({
  errors: z.array(ApiErrorItemSchema),
  etag: z.optional(z.string()),
  current: z.optional(z.unknown()),
});
/** A `412` answer. */
export type PreconditionFailed = z.infer<typeof PreconditionFailedSchema>;

/** `GET /api/v1/admin/versions`: one published version, newest first. */
export const VersionSummarySchema = z.object({
  version: z.int().check(z.positive()),
  at: z.string(),
  /** Who made it: a person's name, "admin token", or "import"/"seed". */
  by: z.string(),
  /** One line: "Changed organisations/hovsjo-if (phone)". */
  summary: z.string(),
});
/** One published version. */
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

/** `GET /api/v1/admin/versions` → `{ versions }`. */
export const VersionListSchema = z.object({ versions: z.array(VersionSummarySchema) });

/** `GET /api/v1/admin/versions/{n}`: the version and the whole dataset as it was published. */
export const VersionSchema = z.extend(VersionSummarySchema, { dataset: z.record(z.string(), z.unknown()) });
/** One version with its dataset. */
export type Version = z.infer<typeof VersionSchema>;

/** One field that differs between two versions of an entity (`path` inside the entity, `""` for the whole). */
export const FieldChangeSchema = z.object({
  path: z.string(),
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
});

/** What happened to one entity between a version and the one before. */
export const EntityChangeSchema = z.object({
  /** A collection, `"agreement"`, or `"dataset"` for the top-level fields. */
  collection: z.string(),
  /** The entity's id (`""` for the agreement and the top level). */
  id: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  fields: z.array(FieldChangeSchema),
});
/** What happened to one entity. */
export type EntityChange = z.infer<typeof EntityChangeSchema>;

/** `GET /api/v1/admin/versions/{n}/changes` → what changed from version n − 1 (everything is "added" for the first). */
export const VersionChangesSchema = z.object({ version: z.int(), previous: z.nullable(z.int()), changes: z.array(EntityChangeSchema) });
/** The changes of one version. */
export type VersionChanges = z.infer<typeof VersionChangesSchema>;

/** The kinds of things the audit log records. */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'content-created',
  'content-replaced',
  'content-deleted',
  'agreement-replaced',
  'application-approved',
  'application-rejected',
  'application-erased',
  'opportunity-approved',
  'opportunity-rejected',
  'opportunity-erased',
  'dataset-imported',
  'dataset-seeded',
  'version-restored',
  'export',
  'user-invited',
  'user-changed',
  'user-removed',
] as const;

/** One entry of the audit log: when, who (a name, never an e-mail), what, and on what (a path such as `organisations/hovsjo-if`). */
export const AuditEntrySchema = z.object({
  at: z.string(),
  by: z.string(),
  action: z.string(),
  target: z.string(),
});
/** One audit entry. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** `GET /api/v1/admin/audit` → `{ entries, nextCursor? }`, newest first. */
export const AuditListSchema = z.object({ entries: z.array(AuditEntrySchema), nextCursor: z.optional(z.string()) });

/** `POST /api/v1/signups/{id}/reject`: an optional reason (kept with the decision, never published). */
export const RejectBodySchema = z.object({ reason: z.optional(z.string().check(z.maxLength(2000))) });

/**
 * One write of a batch (`POST /api/v1/admin/changes`): create an entity
 * (`data`, with or without an `id`), replace one (`id`, `etag` as read,
 * `data`) or delete one (`id`, `etag`).
 */
export const ContentWriteSchema = z.object({
  op: z.enum(['create', 'replace', 'delete']),
  collection: z.enum(CONTENT_COLLECTIONS),
  id: z.optional(z.string().check(z.minLength(1))),
  /** The entity's ETag as read (`If-Match` for this write); needed to replace or delete. */
  etag: z.optional(z.string()),
  data: z.optional(z.record(z.string(), z.unknown())),
});
/** One write of a batch. */
export type ContentWrite = z.infer<typeof ContentWriteSchema>;

/** The most writes one batch takes. */
export const MAX_BATCH_WRITES = 5000;

/**
 * `POST /api/v1/admin/changes`: many writes published as one version, or
 * none of them. `summary` is the version's line in the history (default:
 * how many entries were added, changed and deleted).
 */
export const ContentBatchSchema = z.object({
  writes: z.array(ContentWriteSchema).check(z.minLength(1), z.maxLength(MAX_BATCH_WRITES)),
  summary: z.optional(z.string().check(z.maxLength(200))),
});
/** A batch of writes. */
export type ContentBatch = z.infer<typeof ContentBatchSchema>;

/** The answer to a batch: the version it published and each written entity's id and new ETag (none for a deletion), in the order of the writes. */
export const ContentBatchResultSchema = z.object({
  version: z.int(),
  at: z.string(),
  items: z.array(z.object({ collection: z.enum(CONTENT_COLLECTIONS), id: z.string(), etag: z.optional(z.string()) })),
});
/** The answer to a batch. */
export type ContentBatchResult = z.infer<typeof ContentBatchResultSchema>;

/**
 * Why the server leaves an opportunity of its dataset out of what it
 * publishes. `organisation-not-signatory`: its organisation is listed without
 * a `signature`, and only signatories offer volunteer opportunities. (Only a
 * dataset kept in a file, `SAMVERKAN_DATASET`, can hold one: no write to the
 * store makes one.) A client should say an unknown reason in general words.
 */
export const WITHHELD_REASONS = ['organisation-not-signatory'] as const;
/** One of {@link WITHHELD_REASONS} (a string: a newer server may give another). */
export type WithheldReason = (typeof WITHHELD_REASONS)[number];

/** `GET /api/v1/admin/withheld`: one opportunity the dataset holds and the server does not publish, and why. */
export const WithheldOpportunitySchema = z.object({
  /** The opportunity's id. */
  id: z.string(),
  /** {@link WITHHELD_REASONS}. */
  reason: z.string(),
  /** The organisation it points at. */
  organisationId: z.string(),
  /** That organisation's name, as the dataset lists it. */
  organisation: z.string(),
  /** The opportunity as the dataset holds it. */
  data: z.record(z.string(), z.unknown()),
});
/** One withheld opportunity. */
export type WithheldOpportunity = z.infer<typeof WithheldOpportunitySchema>;

/** `GET /api/v1/admin/withheld` → `{ opportunities }`, in the dataset's order (empty when none is withheld). */
export const WithheldListSchema = z.object({ opportunities: z.array(WithheldOpportunitySchema) });
/** `GET /api/v1/admin/withheld`. */
export type WithheldList = z.infer<typeof WithheldListSchema>;
