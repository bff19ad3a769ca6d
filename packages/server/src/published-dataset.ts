import { readFileSync, statSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { parseDataset, type Dataset, type Issue, type Organisation } from '@samverkan/sdk';
import type { Logger } from './logger.js';
import { Store } from './store.js';
import type { ServerStore } from './store/types.js';

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
  store: ServerStore;
  logger?: Logger;
  /** Re-read the file when it changes (polled every `watchIntervalMs`, default 1000). Default `true` for a file. */
  watch?: boolean;
  watchIntervalMs?: number;
}

/**
 * The dataset the server publishes: the configured dataset, read leniently
 * with `parseDataset` (invalid entries dropped and logged), plus the
 * signatories of approved applications. A new snapshot (and ETag) is made
 * when the file changes or the store's revision moves; between changes every
 * request gets the same prepared bytes.
 *
 * With SQLite (which answers at once) the snapshot is rebuilt on the spot
 * when the store's revision moved. With PostgreSQL (which answers later) it
 * is rebuilt by {@link refresh}: after every write in this process (the
 * route awaits it before answering) and when another process's write is
 * announced (LISTEN/NOTIFY); requests in between get the snapshot as it is.
 */
export class PublishedDataset {
  #options: PublishedDatasetOptions;
  #base: Dataset;
  #fileStamp = '';
  #snapshot: DatasetSnapshot | undefined;
  #snapshotRevision = -1;
  #generation = 0;
  #builtGeneration = -1;
  #watching = false;

  /**
   * Reads the source; throws a `ValidationError` when its top level is
   * unreadable. With an asynchronous store (PostgreSQL), nothing is read until
   * {@link ready}.
   */
  constructor(options: PublishedDatasetOptions) {
    this.#options = options;
    this.#base = undefined as unknown as Dataset;
    if (options.store instanceof Store) {
      if ('store' in options.source) this.#seedSync(options.store, options.source);
      this.#base = this.#readSync();
      this.#startWatching();
    }
    // Another process's change: rebuild now, so the next request gets it.
    options.store.onOtherWriter(() => {
      if (!(options.store instanceof Store)) void this.refresh().catch(() => undefined);
    });
  }

  /** Resolves once the dataset is read (at once with SQLite; PostgreSQL: after seeding and reading it). */
  async ready(): Promise<void> {
    const { store, source } = this.#options;
    if (store instanceof Store) return;
    if (this.#snapshot) return;
    if ('store' in source) await this.#seedAsync(store, source);
    this.#base = await this.#readAsync();
    await this.refresh();
    this.#startWatching();
  }

  #startWatching(): void {
    const { source } = this.#options;
    if ('file' in source && this.#options.watch !== false && !this.#watching) {
      this.#watching = true;
      watchFile(source.file, { interval: this.#options.watchIntervalMs ?? 1000, persistent: false }, (current) => this.#onFileChange(current));
    }
  }

  /** `"file"`: the file is the truth and content writes are refused; `"store"`: versions in the store. */
  get mode(): 'file' | 'store' {
    return 'file' in this.#options.source ? 'file' : 'store';
  }

  /** The dataset as published now. */
  current(): DatasetSnapshot {
    const { store } = this.#options;
    if (store instanceof Store && this.#stale()) {
      this.#markBuilt();
      // File mode: approvals are merged on top of the file. Store mode: they are versions of their own.
      this.#snapshot = snapshot(this.mode === 'file' ? merge(this.#base, store.approvedOrganisations(), store.lastChangeAt()) : this.#readSync());
    }
    if (!this.#snapshot) throw new Error('The published dataset is not read yet (await ready()).');
    return this.#snapshot;
  }

  #stale(): boolean {
    return !this.#snapshot || this.#snapshotRevision !== this.#options.store.revision || this.#builtGeneration !== this.#generation;
  }

  #markBuilt(): void {
    this.#snapshotRevision = this.#options.store.revision;
    this.#builtGeneration = this.#generation;
  }

  #refreshing: Promise<void> | undefined;

  /**
   * Rebuilds the snapshot when the store changed since it was built (an
   * asynchronous store; with SQLite `current()` does it). Routes await this
   * after a write, so their answer and the next request see the new version.
   * Rebuilds run one at a time; one asked for during a rebuild runs after it.
   */
  async refresh(): Promise<void> {
    const { store } = this.#options;
    if (store instanceof Store) return;
    while (this.#refreshing) await this.#refreshing;
    if (!this.#stale()) return;
    const revision = store.revision;
    const generation = this.#generation;
    this.#refreshing = (async () => {
      const dataset = this.mode === 'file' ? merge(this.#base, await store.approvedOrganisations(), await store.lastChangeAt()) : await this.#readAsync();
      this.#snapshot = snapshot(dataset);
      this.#snapshotRevision = revision;
      this.#builtGeneration = generation;
    })();
    try {
      await this.#refreshing;
    } finally {
      this.#refreshing = undefined;
    }
    // A change that arrived while building: build again.
    if (this.#stale()) await this.refresh();
  }

  /**
   * Publishes the first version from the seed when the store has none (the
   * demo on its first start). The seed is read leniently, like a dataset
   * file: invalid entries are left out and logged.
   */
  #seedSync(store: Store, source: { seed?: unknown; seedLabel?: string }): void {
    if (store.latestVersion()) return;
    const first = this.#firstVersion(source);
    store.publishVersion(first);
    store.record({ at: first.at, by: 'seed', action: 'dataset-seeded', target: 'dataset' });
  }

  async #seedAsync(store: ServerStore, source: { seed?: unknown; seedLabel?: string }): Promise<void> {
    if (await store.latestVersion()) return;
    const first = this.#firstVersion(source);
    // Only into a still empty store (expected 0): two processes starting together seed once.
    if ((await store.publishVersion(first, 0)) !== undefined) await store.record({ at: first.at, by: 'seed', action: 'dataset-seeded', target: 'dataset' });
  }

  #firstVersion(source: { seed?: unknown; seedLabel?: string }): { dataset: Dataset; at: Date; by: string; summary: string } {
    if (source.seed === undefined) {
      throw new Error('The store holds no dataset yet: publish one with `samverkan-server import FILE.json`, or set SAMVERKAN_DATASET to serve a file.');
    }
    const { dataset, issues } = parseDataset(source.seed);
    if (issues.length > 0) logIssues(this.#options.logger, issues);
    return { dataset, at: new Date(), by: 'seed', summary: `First version, from ${source.seedLabel ?? 'the seed'}` };
  }

  /** The configured dataset without the approved signatories (for building a new signatory). */
  get base(): Dataset {
    return this.#base;
  }

  /**
   * Re-reads the file now. Keeps the previous version (and logs why) when the
   * new one cannot be read, so a half-saved file never takes the data down.
   */
  reload(): boolean {
    try {
      if (!(this.#options.store instanceof Store)) {
        void this.#reloadAsync();
        return true;
      }
      this.#base = this.#readSync();
      this.#generation++;
      return true;
    } catch (error) {
      this.#options.logger?.event('error', 'the dataset file could not be read; still publishing the previous version', {
        error: (error as Error).message.split('\n')[0],
      });
      return false;
    }
  }

  /** Stops watching the file. */
  close(): void {
    const { source } = this.#options;
    if (this.#watching && 'file' in source) unwatchFile(source.file);
    this.#watching = false;
  }

  async #reloadAsync(): Promise<void> {
    try {
      this.#base = await this.#readAsync();
      this.#generation++;
      await this.refresh();
    } catch (error) {
      this.#options.logger?.event('error', 'the dataset file could not be read; still publishing the previous version', {
        error: (error as Error).message.split('\n')[0],
      });
    }
  }

  #readSync(): Dataset {
    const { source } = this.#options;
    if (!('file' in source)) {
      // Versions are validated strictly before they are stored.
      const latest = (this.#options.store as Store).latestVersion();
      if (!latest) throw new Error('The store holds no dataset version.');
      return latest.dataset;
    }
    return this.#readFile(source.file);
  }

  async #readAsync(): Promise<Dataset> {
    const { source } = this.#options;
    if (!('file' in source)) {
      const latest = await this.#options.store.latestVersion();
      if (!latest) throw new Error('The store holds no dataset version.');
      return latest.dataset;
    }
    return this.#readFile(source.file);
  }

  #readFile(file: string): Dataset {
    this.#fileStamp = stamp(statSync(file));
    const raw = readFileSync(file, 'utf8');
    const { dataset, issues } = parseDataset(raw);
    if (issues.length > 0) logIssues(this.#options.logger, issues);
    return dataset;
  }

  #onFileChange(current: Stats): void {
    if (current.nlink === 0 && current.size === 0) return; // removed or being replaced: wait for the new file
    if (stamp(current) === this.#fileStamp) return;
    if (this.reload()) this.#options.logger?.event('info', 'the dataset file changed; publishing the new version');
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

/**
 * The configured dataset with the approved signatories: an approval of an
 * organisation the dataset already lists (same id) adds its signature there,
 * unless the dataset gives one itself; the others are appended.
 */
export function merge(base: Dataset, approved: Organisation[], lastChangeAt?: string): Dataset {
  if (approved.length === 0 && !lastChangeAt) return base;
  const byId = new Map(approved.map((o) => [o.id, o]));
  const organisations = base.organisations.map((o) => {
    const match = byId.get(o.id);
    if (!match) return o;
    byId.delete(o.id);
    return o.signature ? o : { ...o, signature: match.signature! };
  });
  organisations.push(...byId.values());
  let updatedAt = base.updatedAt;
  if (lastChangeAt && Date.parse(lastChangeAt) > Date.parse(updatedAt)) updatedAt = lastChangeAt;
  return { ...base, updatedAt, organisations };
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
