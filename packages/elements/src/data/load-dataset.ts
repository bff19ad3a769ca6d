// Fetching the dataset at an element's `src`: the SDK's fetch client, and
// nothing that checks the dataset. This module is in an element's first
// download, so the request can start as soon as the element is on the page;
// the client imports the validators itself once the answer is in, and the
// element has started that same import when it connected
// (dataset-checks.ts), so they arrive while the dataset is on its way.
import { createFetchClient, localStorageDatasetStorage, type SamverkanClient } from '@samverkan/sdk';
import type { LoadedDataset, LoadOptions } from './dataset-source.js';

const clients = new Map<string, SamverkanClient>();

/**
 * The dataset at `src` (resolved against the page), through the SDK client.
 * Every element on the page asking for the same absolute URL shares one
 * request and one copy (the SDK keeps them per URL, whichever client asks).
 */
export function loadDataset(src: string, options: LoadOptions): Promise<LoadedDataset> {
  const url = new URL(src, document.baseURI).href;
  const key = `${options.offlineCopy ? 'offline' : 'memory'} ${url}`;
  let client = clients.get(key);
  if (!client) {
    client = createFetchClient({ datasetUrl: url, ...(options.offlineCopy ? { cache: localStorageDatasetStorage() } : {}) });
    clients.set(key, client);
  }
  return client.getDataset({ signal: options.signal, ...(options.retry ? { revalidate: true } : {}) });
}
