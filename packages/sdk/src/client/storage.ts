/**
 * A copy of a dataset kept between page loads (or runs of a script), so that a
 * dataset can still be shown when its server is down.
 */
export interface StoredDataset {
  /** The dataset document as the server sent it (it is validated again when read back). */
  json: unknown;
  /** The server's `ETag` for this copy, used to ask "has it changed?" (`If-None-Match`). */
  etag?: string;
  /** When the server last sent or confirmed this copy, as an ISO 8601 date-time. */
  fetchedAt: string;
}

/**
 * Where the client keeps its persistent copy: anything with `get` and `set`,
 * synchronous or not (localStorage, IndexedDB, a file, a Map in tests). Keys
 * are absolute dataset URLs. Failures of `get`/`set` are ignored: the cache is
 * an aid, never a reason for a request to fail.
 */
export interface DatasetStorage {
  get(key: string): Promise<StoredDataset | undefined> | StoredDataset | undefined;
  set(key: string, value: StoredDataset): void | Promise<void>;
}

/**
 * The persistent cache for browsers, in `localStorage` under `prefix` + the
 * dataset URL. Where `localStorage` is missing or refuses (Safari's private
 * mode, a full quota, storage disabled by the user), it quietly stores nothing.
 */
export function localStorageDatasetStorage(prefix = 'samverkan:dataset:'): DatasetStorage {
  const storage = (): Storage | undefined => {
    try {
      return globalThis.localStorage ?? undefined;
    } catch {
      // Reading `localStorage` itself throws when the user blocks site data.
      return undefined;
    }
  };
  return {
    get(key) {
      try {
        const text = storage()?.getItem(prefix + key);
        if (!text) return undefined;
        const value = JSON.parse(text) as Partial<StoredDataset>;
        if (typeof value !== 'object' || value === null || typeof value.fetchedAt !== 'string' || !('json' in value)) return undefined;
        return value as StoredDataset;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      try {
        storage()?.setItem(prefix + key, JSON.stringify(value));
      } catch {
        // Quota exceeded or storage disabled: keep working without a persistent copy.
      }
    },
  };
}

/** A {@link DatasetStorage} in memory (a `Map`), for scripts and tests. */
export function memoryDatasetStorage(map: Map<string, StoredDataset> = new Map()): DatasetStorage {
  return {
    get: (key) => map.get(key),
    set: (key, value) => void map.set(key, value),
  };
}
