import { readFileSync, statSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { parseDataset, signs, type Dataset, type Issue, type Opportunity, type Organisation } from '@samverkan/sdk';
import { unsignedOffering } from './offered-by-signatories.js';
import type { Logger } from './logger.js';
import type { SamverkanStore } from './store/types.js';

/** One published version of the dataset, ready to send. */
export interface DatasetSnapshot {
  dataset: Dataset;
  /** The compact JSON, as sent. */
  body: Buffer;
  /** A strong ETag of `body`; the compressed variants add `-gz` / `-br` inside the quotes. */
  etag: string;
  /** The hash inside the ETag. */
  hash: string;
  /** The ETags of every encoding (identity, gzip, brotli), for `If-None-Match`. */
  etags: readonly string[];
  /** The gzip variant (compressed on first use). */
  gzip(): Buffer;
  /** The brotli variant (compressed on first use). */
  brotli(): Buffer;
}

/**
 * Where the dataset comes from: a file (watched for changes; the file is the
 * truth), or the store's published versions (`seed` publishes version 1 into
 * a store that has none: the demo, or a value given in code).
 */
export type DatasetSource = { file: string } | { store: true; seed?: unknown; seedLabel?: string };

/** Options of {@link PublishedDataset}. */
export interface PublishedDatasetOptions {
  source: DatasetSource;
  store: SamverkanStore;
  logger?: Logger;
  /** Re-read the file when it changes (polled every `watchIntervalMs`, default 1000). Default `true` for a file. */
  watch?: boolean;
  watchIntervalMs?: number;
}

/**
 * The dataset the server publishes, ready to send: in file mode the file
 * (read leniently with `parseDataset`, invalid entries dropped and logged)
 * plus the signatories of approved applications; in store mode the store's
 * latest version. `current()` is synchronous and cheap (every dataset
 * request calls it): it gives the snapshot made by the last `load()` or
 * `refresh()`. Writes call `refresh()` before they answer, so a change is
 * published at once; other processes' writes (an `import`) are noticed by
 * polling the store's change token every second.
 */
export class PublishedDataset {
  #options: PublishedDatasetOptions;
  #base: Dataset | undefined;
  #fileStamp = '';
  #snapshot: DatasetSnapshot | undefined;
  #token: string | undefined;
  #timers: NodeJS.Timeout[] = [];
  #watching = false;
  #refreshing: Promise<void> | undefined;
  #again = false;
  /** What file mode last withheld (see {@link withheldOpportunities}), so the log says it once per change, not on every refresh. */
  #withheld = '';
  #withheldList: readonly WithheldOpportunity[] = [];

  constructor(options: PublishedDatasetOptions) {
    this.#options = options;
  }

  /** `"file"`: the file is the truth and content writes are refused; `"store"`: versions in the store. */
  get mode(): 'file' | 'store' {
    return 'file' in this.#options.source ? 'file' : 'store';
  }

  /**
   * Reads the source the first time (seeding an empty store from `seed`),
   * and starts watching the file and the store. Rejects with a
   * `ValidationError` when the file's top level is unreadable, or when the
   * store has no version and there is no seed.
   */
  async load(): Promise<void> {
    const { source, store } = this.#options;
    if ('store' in source) await this.#seed(source);
    else this.#base = this.#readFile(source.file);
    await this.refresh();
    if (this.#options.watch === false) return;
    if ('file' in source) {
      this.#watching = true;
      watchFile(source.file, { interval: this.#options.watchIntervalMs ?? 1000, persistent: false }, (current) => this.#onFileChange(current));
    }
    const poll = setInterval(() => {
      Promise.resolve(store.changeToken()).then(
        (token) => {
          if (token !== this.#token) void this.refresh();
        },
        () => {
          // A store that cannot answer is reported by /healthz; keep publishing what we have.
        },
      );
    }, this.#options.watchIntervalMs ?? 1000);
    poll.unref();
    this.#timers.push(poll);
  }

  /**
   * The opportunities file mode leaves out of what it publishes now (their
   * organisations are listed without a signature); none in store mode, where
   * no write can make one. `/healthz` counts them (public: a number only), so
   * the operator learns of them without reading the log; the admin API lists
   * them with why (`GET /api/v1/admin/withheld`), so the coordinator does.
   */
  withheld(): readonly WithheldOpportunity[] {
    return this.#withheldList;
  }

  /** The dataset as published now (after `load()`). */
  current(): DatasetSnapshot {
    if (!this.#snapshot) throw new Error('The published dataset is not loaded yet.');
    return this.#snapshot;
  }

  /**
   * Makes a new snapshot from the source and the store. Calls that arrive
   * while one runs share the next run, so the last write is always seen.
   */
  refresh(): Promise<void> {
    if (this.#refreshing) {
      this.#again = true;
      return this.#refreshing;
    }
    const run = async (): Promise<void> => {
      do {
        this.#again = false;
        const { store } = this.#options;
        const token = await store.changeToken();
        let dataset: Dataset;
        if (this.mode === 'file') {
          dataset = this.#withoutUnsignedOffers(merge(this.#base!, await store.approvedOrganisations(), await store.lastChangeAt(), await store.offers.approvedOpportunities()));
        } else {
          // Versions are validated strictly before they are stored.
          const latest = await store.latestVersion();
          if (!latest) throw new Error('The store holds no dataset version.');
          dataset = latest.dataset;
        }
        this.#token = token;
        if (this.#snapshot?.dataset !== dataset) this.#snapshot = snapshot(dataset);
      } while (this.#again);
    };
    this.#refreshing = run().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  /**
   * Publishes the first version from the seed when the store has none (the
   * demo on its first start). The seed is read leniently, like a dataset
   * file: invalid entries are left out and logged.
   */
  async #seed(source: { seed?: unknown; seedLabel?: string }): Promise<void> {
    const { store, logger } = this.#options;
    if (await store.latestVersion()) return;
    if (source.seed === undefined) {
      throw new Error('The store holds no dataset yet: publish one with `samverkan-server import FILE.json`, or set SAMVERKAN_DATASET to serve a file.');
    }
    const { dataset, issues } = parseDataset(source.seed);
    if (issues.length > 0) logIssues(logger, issues);
    const at = new Date();
    // Only into a store that is still empty (built on version 0): two processes starting together on one PostgreSQL database seed once.
    await store.publishVersion({ dataset, at, by: 'seed', summary: `First version, from ${source.seedLabel ?? 'the seed'}`, audit: [{ at, by: 'seed', action: 'dataset-seeded', target: 'dataset' }] }, 0);
  }

  /**
   * Re-reads the file now (file mode). Keeps the previous version (and logs
   * why) when the new one cannot be read, so a half-saved file never takes
   * the data down.
   */
  async reload(): Promise<boolean> {
    const { source, logger } = this.#options;
    if (!('file' in source)) return false;
    try {
      this.#base = this.#readFile(source.file);
    } catch (error) {
      logger?.event('error', 'the dataset file could not be read; still publishing the previous version', {
        error: (error as Error).message.split('\n')[0],
      });
      return false;
    }
    await this.refresh();
    return true;
  }

  /** Stops watching the file and the store. */
  close(): void {
    const { source } = this.#options;
    if (this.#watching && 'file' in source) unwatchFile(source.file);
    this.#watching = false;
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
  }

  /**
   * File mode: the file is the truth, but only signatories offer volunteer
   * opportunities, as everywhere else. An opportunity whose organisation the
   * file lists without a signature (after approved applications' signatures
   * are merged in) is left out of what is published, like an invalid entry,
   * and the log says which, by id only, once per change of the list.
   */
  #withoutUnsignedOffers(dataset: Dataset): Dataset {
    const { dataset: published, withheld } = withheldOpportunities(dataset);
    const key = JSON.stringify(withheld.map((w) => [w.opportunityId, w.organisationId]));
    this.#withheldList = withheld;
    if (key !== this.#withheld) {
      this.#withheld = key;
      if (withheld.length > 0) {
        this.#options.logger?.event('warn', `the dataset file has ${withheld.length} volunteer opportunit${withheld.length === 1 ? 'y' : 'ies'} offered by organisations without a signature; only signatories offer them, so those are not published (add the signature, or point them at a signatory, in the file)`, {
          withheld: withheld.map((w) => `opportunities/${w.opportunityId} (organisations/${w.organisationId})`),
        });
      }
    }
    return published;
  }

  #readFile(file: string): Dataset {
    this.#fileStamp = stamp(statSync(file));
    const { dataset, issues } = parseDataset(readFileSync(file, 'utf8'));
    if (issues.length > 0) logIssues(this.#options.logger, issues);
    return dataset;
  }

  #onFileChange(current: Stats): void {
    if (current.nlink === 0 && current.size === 0) return; // removed or being replaced: wait for the new file
    if (stamp(current) === this.#fileStamp) return;
    void this.reload().then((ok) => {
      if (ok) this.#options.logger?.event('info', 'the dataset file changed; publishing the new version');
    });
  }
}

function stamp(stats: Stats): string {
  return `${stats.mtimeMs}:${stats.size}:${stats.ino}`;
}

function logIssues(logger: Logger | undefined, issues: Issue[]): void {
  logger?.event('warn', `the dataset has ${issues.length} problem(s); those entries are left out`, {
    issues: issues.slice(0, 20).map((i) => `${i.path}: ${i.message}`),
  });
}

/** An opportunity file mode does not publish: its organisation is listed without a signature. */
export interface WithheldOpportunity {
  opportunityId: string;
  organisationId: string;
  /** The opportunity as the file has it (the admin API shows it to editors; never logged). */
  opportunity: Opportunity;
  /** The organisation's name as the file has it. */
  organisationName: string;
}

/**
 * The dataset without the opportunities offered by organisations it lists
 * without a signature (the signatories' rule of offered-by-signatories.ts,
 * applied to a file that no write checked), and those it left out.
 */
export function withheldOpportunities(dataset: Dataset): { dataset: Dataset; withheld: WithheldOpportunity[] } {
  const unsigned = unsignedOffering(dataset);
  if (unsigned.size === 0) return { dataset, withheld: [] };
  const names = new Map(dataset.organisations.map((o) => [o.id, o.name]));
  // In the file's order, so the admin page lists them as the file has them.
  const withheld = (dataset.opportunities ?? [])
    .filter((o) => unsigned.has(o.organisationId))
    .map((opportunity) => ({ opportunityId: opportunity.id, organisationId: opportunity.organisationId, opportunity, organisationName: names.get(opportunity.organisationId) ?? opportunity.organisationId }));
  return { dataset: { ...dataset, opportunities: (dataset.opportunities ?? []).filter((o) => !unsigned.has(o.organisationId)) }, withheld };
}

/**
 * The configured dataset with what approved submissions add: an approval of
 * an organisation the dataset already lists (same id) adds its signature
 * there, unless the dataset gives one itself; the other signatories and the
 * approved opportunities (unless the dataset has one with the same id) are
 * appended.
 */
export function merge(base: Dataset, approved: Organisation[], lastChangeAt?: string, opportunities: Opportunity[] = []): Dataset {
  if (approved.length === 0 && !lastChangeAt && opportunities.length === 0) return base;
  const byId = new Map(approved.map((o) => [o.id, o]));
  const organisations = base.organisations.map((o) => {
    const match = byId.get(o.id);
    if (!match) return o;
    byId.delete(o.id);
    return signs(o) ? o : { ...o, signature: match.signature! };
  });
  organisations.push(...byId.values());
  let updatedAt = base.updatedAt;
  if (lastChangeAt && Date.parse(lastChangeAt) > Date.parse(updatedAt)) updatedAt = lastChangeAt;
  const merged: Dataset = { ...base, updatedAt, organisations };
  if (opportunities.length > 0) {
    const listed = new Set((base.opportunities ?? []).map((o) => o.id));
    merged.opportunities = [...(base.opportunities ?? []), ...opportunities.filter((o) => !listed.has(o.id))];
  }
  return merged;
}

function snapshot(dataset: Dataset): DatasetSnapshot {
  const body = Buffer.from(JSON.stringify(dataset));
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 32);
  let gz: Buffer | undefined;
  let br: Buffer | undefined;
  return {
    dataset,
    body,
    hash,
    etag: `"${hash}"`,
    etags: [`"${hash}"`, `"${hash}-gz"`, `"${hash}-br"`],
    gzip: () => (gz ??= gzipSync(body, { level: 9 })),
    // Quality 6: on a 1 MB dataset here ~20 ms and 7 % larger than quality 9 (~50 ms); 11 takes ~2 s.
    brotli: () =>
      (br ??= brotliCompressSync(body, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 6, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT },
      })),
  };
}
