import { findUnsafeText, parseDataset, ValidationError, type Dataset } from '@samverkan/sdk';
import type { Actor } from '../auth/actor.js';
import type { ErrorItem } from '../http/errors.js';
import type { PublishedDataset } from '../published-dataset.js';
import type { SamverkanStore } from '../store/types.js';

/** Why a change was not published: the status to answer and the errors. */
export class ChangeRefused extends Error {
  override name = 'ChangeRefused' as const;
  constructor(
    readonly status: number,
    readonly errors: ErrorItem[],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(errors[0]?.message ?? 'refused');
  }

  /** For Fastify's error handler, should a refusal reach it. */
  get statusCode(): number {
    return this.status;
  }
}

/** The sentence a content write gets in file mode (`409`). */
export function fileModeMessage(file: string | undefined): string {
  return `The dataset is kept in a file${file ? ` (${file})` : ''} (SAMVERKAN_DATASET): change the file and the server publishes it within a second. To edit through the API, move the dataset into the store (see "From the file to the store" in docs/server.md). / Datasetet hålls i en fil: ändra filen.`;
}

/** What a change needs. */
export interface PublishContext {
  store: SamverkanStore;
  published: PublishedDataset;
  now: () => Date;
}

/** One change to publish: the dataset after it, what to say about it, and what the audit log records. */
export interface Change {
  dataset: Dataset;
  summary: string;
  action: string;
  target: string;
}

/**
 * The dataset a change would publish, checked: it must pass
 * `parseDataset(…, { strict: true })` (the same rules as `samverkan
 * validate`: ids, references, meeting offsets) and hold no unsafe text.
 * Answers the parsed dataset, or every problem (paths in the dataset).
 */
export function checkedDataset(candidate: Dataset): { dataset: Dataset; errors?: undefined } | { dataset?: undefined; errors: ErrorItem[] } {
  const unsafe = findUnsafeText(candidate);
  if (unsafe.length > 0) return { errors: unsafe.map(({ path, message, code }) => ({ path, message, code })) };
  try {
    return { dataset: parseDataset(JSON.parse(JSON.stringify(candidate)), { strict: true }).dataset };
  } catch (error) {
    if (error instanceof ValidationError) return { errors: error.issues.map(({ path, message, code }) => ({ path, message, code })) };
    throw error;
  }
}

/**
 * Validates ({@link checkedDataset}) and publishes a change as a new
 * version, at once: it is stored (on disk when this resolves) with who,
 * when and a one-line summary, and its audit entries (one per change, or
 * the `audit` given) in the same transaction, and published with a new
 * ETag. `basedOn` is the version the change was built on: if another
 * change was published meanwhile, nothing is stored (`409`).
 */
export async function publishChange(
  ctx: PublishContext,
  actor: Actor,
  basedOn: number,
  change: Change & { audit?: { action: string; target: string }[] },
): Promise<{ version: number; dataset: Dataset; at: Date }> {
  const at = ctx.now();
  const checked = checkedDataset({ ...change.dataset, updatedAt: at.toISOString() });
  if (checked.errors) throw new ChangeRefused(400, checked.errors);
  const { dataset } = checked;
  const audit = (change.audit ?? [{ action: change.action, target: change.target }]).map((entry) => ({ at, by: actor.name, ...entry }));
  const version = await ctx.store.publishVersion({ dataset, at, by: actor.name, summary: change.summary, audit }, basedOn);
  if (version === undefined) throw new ChangeRefused(409, [{ path: '', message: 'The dataset changed while this change was made; load it again and retry.' }]);
  // Published at once: the next GET /api/v1/dataset has it.
  await ctx.published.refresh();
  return { version, dataset, at };
}
