import { findUnsafeText, parseDataset, ValidationError, type Dataset, type RefusalCode } from '@samverkan/sdk';
import type { Actor } from '../auth/actor.js';
import { NothingStored, type ErrorItem } from '../http/errors.js';
import { say, type Said } from '../http/language.js';
import type { PublishedDataset } from '../published-dataset.js';
import { DecisionTargetErased, type Decision, type Erasure, type NewVersion, type SamverkanStore } from '../store/types.js';
import { issueItem } from '../http/issue-items.js';

/** Why a change was not published: the status to answer and the errors. */
export class ChangeRefused extends Error {
  override name = 'ChangeRefused' as const;
  constructor(
    readonly status: number,
    readonly errors: ErrorItem[],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(errors[0] ? say(errors[0].message, 'en') : 'refused');
  }

  /** For Fastify's error handler, should a refusal reach it. */
  get statusCode(): number {
    return this.status;
  }
}

/**
 * Another version was published between reading the dataset and writing the change (the compare-and-set on the
 * version number failed): nothing was stored. A person's write answers `409` (load it again and retry); an erasure
 * retries by itself ({@link publishErasure}).
 */
export class DatasetMoved extends ChangeRefused {
  constructor() {
    super(409, [
      {
        path: '',
        code: 'dataset-moved' satisfies RefusalCode,
        message: {
          en: 'Someone published another change while this one was being saved, so it was not saved: nothing changed. Load the page again, check that your change is still needed, and save it again.',
          sv: 'Någon publicerade en annan ändring medan den här sparades, så den sparades inte: ingenting ändrades. Ladda om sidan, se efter att ändringen fortfarande behövs och spara den igen.',
        },
      },
    ]);
  }
}

/** What a content write gets in file mode (`409 file-mode`; `params.file` names the file when the server was told it). */
export function fileModeRefusal(file: string | undefined): ErrorItem {
  return {
    path: '',
    code: 'file-mode' satisfies RefusalCode,
    ...(file && { params: { file } }),
    message: {
      en: `Nothing was saved: this server publishes the dataset from a file${file ? ` (${file})` : ''} (SAMVERKAN_DATASET), so it cannot be changed here. Change the file instead, and the server publishes it within a second; or ask whoever runs the server to move the dataset into the store ("From the file to the store" in docs/server.md), after which changes are made here.`,
      sv: `Ingenting sparades: den här servern publicerar datasetet från en fil${file ? ` (${file})` : ''} (SAMVERKAN_DATASET), så det går inte att ändra här. Ändra filen i stället, så publicerar servern den inom en sekund; eller be den som driver servern flytta datasetet till databasen ("From the file to the store" i docs/server.md), så görs ändringar här sedan.`,
    },
  };
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
  /** The decision on an application or offer that this change publishes: stored with the version, in one transaction. */
  decision?: Decision;
  /** The erasure this change publishes (the dataset without what it erases): every write of it stored with the version, in one transaction. */
  erasure?: Erasure;
  /** The version a restore publishes again, as it read it: stored only if that version still holds it ({@link NewVersion.restores}). */
  restores?: NewVersion['restores'];
}

declare const checked: unique symbol;
/** A dataset that passed {@link checkedDataset} (a mark for the type checker only): what {@link publishChecked} takes. */
export type CheckedDataset = Dataset & { readonly [checked]: true };

/**
 * The dataset a change would publish, checked: it must pass
 * `parseDataset(…, { strict: true })` (the same rules as `samverkan
 * validate`: ids, references, meeting offsets) and hold no unsafe text.
 * Answers the parsed dataset, or every problem (paths in the dataset).
 */
export function checkedDataset(candidate: Dataset): { dataset: CheckedDataset; errors?: undefined } | { dataset?: undefined; errors: ErrorItem[] } {
  const unsafe = findUnsafeText(candidate);
  if (unsafe.length > 0) return { errors: unsafe.map(issueItem) };
  try {
    return { dataset: parseDataset(JSON.parse(JSON.stringify(candidate)), { strict: true }).dataset as CheckedDataset };
  } catch (error) {
    if (error instanceof ValidationError) return { errors: error.issues.map(issueItem) };
    throw error;
  }
}

/**
 * Validates ({@link checkedDataset}) and publishes a change as a new
 * version, at once: it is stored (on disk when this resolves) with who,
 * when and a one-line summary, and its audit entries (one per change, or
 * the `audit` given) and the `decision` it publishes in the same
 * transaction, and published with a new
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
  return publishChecked(ctx, actor, basedOn, { ...change, dataset: checked.dataset }, at);
}

/**
 * Publishes a change whose dataset was already checked
 * ({@link checkedDataset}, with `updatedAt` = `at`), as {@link publishChange}
 * does after its check: a batch checks the dataset it makes once, to name
 * each problem at its write, and publishes that (a second strict parse of
 * the whole dataset would find nothing new).
 */
export async function publishChecked(
  ctx: PublishContext,
  actor: Actor,
  basedOn: number,
  change: Change & { dataset: CheckedDataset; audit?: { action: string; target: string }[] },
  at: Date,
): Promise<{ version: number; dataset: Dataset; at: Date }> {
  const { dataset } = change;
  const audit = (change.audit ?? [{ action: change.action, target: change.target }]).map((entry) => ({ at, by: actor.name, ...entry }));
  let version: number | undefined;
  try {
    version = await ctx.store.publishVersion(
      { dataset, at, by: actor.name, summary: change.summary, audit, ...(change.decision && { decision: change.decision }), ...(change.erasure && { erasure: change.erasure }), ...(change.restores && { restores: change.restores }) },
      basedOn,
    );
  } catch (error) {
    if (error instanceof DecisionTargetErased) throw erasedRefusal(error);
    // One transaction: neither the version nor the decision (or erasure) is stored, and the answer says so.
    if (change.decision) throw new NothingStored(decisionWhat(change.decision), { cause: error });
    if (change.erasure) throw new NothingStored(erasureWhat(change.erasure), { cause: error });
    throw error;
  }
  if (version === undefined) throw new DatasetMoved();
  // Published at once: the next GET /api/v1/dataset has it.
  await ctx.published.refresh();
  return { version, dataset, at };
}

/** What a decision change is: what it says about the dataset (`summary`), what the audit log records, and the new dataset. */
export interface DecisionChange {
  summary: string;
  action: string;
  target: string;
  /** The dataset after the decision (the same object when it changes nothing published). */
  change: (dataset: Dataset) => Dataset;
  /** A version even when nothing published changes (approvals and rejections: the history shows every decision). */
  always: boolean;
}

/**
 * Stores a decision on an application or offer with what it publishes, all
 * or nothing. In store mode, when the dataset changes (or `always`), it is
 * a version of its own (with who and when) stored in one transaction with
 * its audit entry and the decision ({@link publishChange}); otherwise (file
 * mode, whose file is the truth and gets the approved signatories merged on
 * top; or nothing published changes) the decision and its audit entry are
 * one transaction. A failure stores nothing and is a {@link NothingStored}.
 *
 * Without a `decision`, only the version, or the audit entry, is stored here.
 */
export async function publishDecision(ctx: PublishContext, actor: Actor, what: DecisionChange, decision?: Decision): Promise<void> {
  await publishStored(ctx, actor, what, decision && { decision });
}

/**
 * Stores an erasure with what it publishes, all or nothing, as
 * {@link publishDecision} stores a decision: in store mode, when the
 * dataset changes (the signatory without its e-mail and phone, the offer's
 * opportunity withdrawn), one transaction with the version, its audit
 * entry and every write of the erasure (the row, its idempotency records,
 * the older versions scrubbed); otherwise the erasure's writes and its
 * audit entry. A failure anywhere stores nothing and is a
 * {@link NothingStored}: everything is as it was, and the officer tries again.
 */
export async function publishErasure(ctx: PublishContext, actor: Actor, what: Omit<DecisionChange, 'always'>, erasure: Erasure): Promise<void> {
  // Another version published meanwhile (a restore, an edit, an approval; on another server too) is no reason to refuse
  // an erasure: its change only takes data out, so it is built again on the newest version. Bounded: a store that
  // keeps moving still gets the usual 409.
  for (let attempt = 1; ; attempt++) {
    try {
      await publishStored(ctx, actor, { ...what, always: false }, { erasure });
      return;
    } catch (error) {
      if (!(error instanceof DatasetMoved) || attempt >= ERASURE_ATTEMPTS) throw error;
    }
  }
}

/** How often an erasure is built again on a newer version before it answers `409` ({@link DatasetMoved}). */
const ERASURE_ATTEMPTS = 5;

async function publishStored(ctx: PublishContext, actor: Actor, what: DecisionChange, stored?: { decision: Decision } | { erasure: Erasure }): Promise<void> {
  const audit = { at: ctx.now(), by: actor.name, action: what.action, target: what.target };
  const latest = ctx.published.mode === 'store' ? await ctx.store.latestVersion() : undefined;
  const next = latest && what.change(latest.dataset);
  if (latest && next && (next !== latest.dataset || what.always)) {
    await publishChange(ctx, actor, latest.version, { dataset: next, summary: what.summary, action: what.action, target: what.target, ...stored });
    return;
  }
  if (!stored) {
    await ctx.store.record(audit);
    return;
  }
  let done: boolean;
  try {
    // An erasure that takes something out of the newest version after all (an approval committed since `latest` was
    // read) is a version too, in store mode: what is published never changes without a History entry.
    done =
      'decision' in stored
        ? await ctx.store.decide(stored.decision, audit)
        : await ctx.store.eraseWith(stored.erasure, audit, ctx.published.mode === 'store' ? { summary: what.summary } : undefined);
  } catch (error) {
    if (error instanceof DecisionTargetErased) throw erasedRefusal(error);
    throw new NothingStored('decision' in stored ? decisionWhat(stored.decision) : erasureWhat(stored.erasure), { cause: error });
  }
  if (!done) {
    const on = 'decision' in stored ? stored.decision.on : stored.erasure.on;
    throw new ChangeRefused(404, [noSuch(on)]);
  }
}

function decisionWhat(decision: Decision): Said {
  const approval = decision.status === 'approved';
  if (decision.on === 'application') return approval ? { en: "The application's approval", sv: 'Godkännandet av ansökan' } : { en: "The application's rejection", sv: 'Avslaget på ansökan' };
  return approval ? { en: "The offer's approval", sv: 'Godkännandet av erbjudandet' } : { en: "The offer's rejection", sv: 'Avslaget på erbjudandet' };
}

function erasureWhat(erasure: Erasure): Said {
  return erasure.on === 'application'
    ? { en: "The erasure of the application's personal data", sv: 'Raderingen av ansökans personuppgifter' }
    : { en: "The erasure of the offer's content", sv: 'Raderingen av erbjudandets innehåll' };
}

/** `409 erased`: a decision on an application or offer erased after the route read it (the same answer as when it was erased before). */
function erasedRefusal(error: DecisionTargetErased): ChangeRefused {
  return new ChangeRefused(409, [erasedItem(error.decision.on, error.decision.status === 'approved' ? 'approve' : 'reject')]);
}

/**
 * The refusal of a decision on an erased application or offer (`409`, code
 * `erased`): what was sent is gone, so there is nothing to approve, nor to
 * keep a rejection's reason with. Said in the request's language.
 */
export function erasedItem(on: 'application' | 'offer', action: 'approve' | 'reject'): ErrorItem {
  const [what, vad] = on === 'application' ? ['application', 'Ansökan'] : ['offer', 'Erbjudandet'];
  const [verb, verbSv] = action === 'approve' ? ['approve', 'godkänna'] : ['reject', 'avslå'];
  return {
    path: '',
    code: 'erased' satisfies RefusalCode,
    params: { action },
    message: {
      en: `This ${what} was erased; there is nothing left to ${verb}, and nothing is stored. Reload the list: it shows what is left of it.`,
      sv: `${vad} har raderats; det finns inget kvar att ${verbSv}, och ingenting sparas. Ladda om listan: den visar vad som finns kvar.`,
    },
  };
}

/** `404`: no application, or no offered opportunity, has the id in the address. */
export function noSuch(on: 'application' | 'offer'): ErrorItem {
  return {
    path: '',
    message:
      on === 'application'
        ? { en: 'There is no application with this id. It may have been removed; reload the list.', sv: 'Det finns ingen ansökan med det id:t. Den kan ha tagits bort; ladda om listan.' }
        : { en: 'There is no offered opportunity with this id. It may have been removed; reload the list.', sv: 'Det finns inget erbjudet uppdrag med det id:t. Det kan ha tagits bort; ladda om listan.' },
  };
}
