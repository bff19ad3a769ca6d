// Datasets and URLs for the elements' browser tests.
import type { DatasetInput, Issue, ParseDatasetResult } from '@samverkan/sdk';
import { parseDataset } from '@samverkan/sdk';

let demo: Promise<DatasetInput> | undefined;

/** The demo dataset (examples/data/sodertalje.json) as raw JSON; a fresh deep copy each call. */
export async function demoJson(): Promise<DatasetInput> {
  demo ??= fetch('/examples/data/sodertalje.json').then((r) => r.json() as Promise<DatasetInput>);
  return structuredClone(await demo);
}

let counter = 0;

/** A key no other test uses, for {@link datasetUrl} and {@link hitsFor}. */
export function uniqueKey(name = 'test'): string {
  return `${name}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
}

/** Options of {@link datasetUrl}. */
export interface DatasetUrlOptions {
  /** A repository-relative JSON file to serve instead of the demo dataset. */
  file?: string;
  /** Milliseconds before the server answers. */
  delay?: number;
  /** HTTP status to answer with. */
  status?: number;
  /** Hold the answer until {@link release} (`key`): a load that lasts exactly as long as the test says. */
  hold?: boolean;
}

/** An absolute URL on the test server that serves a dataset and counts its requests under `key`. */
export function datasetUrl(key: string, options: DatasetUrlOptions = {}): string {
  const url = new URL(`/__samverkan-test/dataset/${encodeURIComponent(key)}`, location.origin);
  if (options.file) url.searchParams.set('file', options.file);
  if (options.delay) url.searchParams.set('delay', String(options.delay));
  if (options.status) url.searchParams.set('status', String(options.status));
  if (options.hold) url.searchParams.set('hold', '1');
  return url.href;
}

/** Lets the answers held for `key` ({@link DatasetUrlOptions.hold}) go, now and from now on. */
export async function release(key: string): Promise<void> {
  await fetch(`/__samverkan-test/release/${encodeURIComponent(key)}`);
}

/** How many requests the test server has had for `key`. */
export async function hitsFor(key: string): Promise<number> {
  const response = await fetch(`/__samverkan-test/hits/${encodeURIComponent(key)}`);
  return ((await response.json()) as { hits: number }).hits;
}

/** Makes the test server answer `status` for `key` from now on (`undefined`: back to normal). */
export async function setStatus(key: string, status: number | undefined): Promise<void> {
  await fetch(`/__samverkan-test/set/${encodeURIComponent(key)}${status ? `?status=${status}` : ''}`);
}

/** A URL nothing listens on: fetching it fails as a network error. */
export const UNREACHABLE_URL = 'http://127.0.0.1:9/samverkan.json';

/** Hostile strings for every text field: markup, script and event handlers. */
export const HOSTILE_TEXT = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">`;
/** Hostile URLs for every URL field. */
export const HOSTILE_URLS = ['javascript:window.__pwned=1', 'data:text/html,<script>window.__pwned=1</script>', ' JavaScript:alert(1)'];

/**
 * An "already parsed" dataset (what `parseDataset` would return) whose every
 * text and URL field is hostile. It skips validation on purpose: the elements
 * must stay safe even when given data the schema would have refused.
 */
export async function hostileParsed(): Promise<ParseDatasetResult> {
  const { dataset } = parseDataset(await demoJson());
  const t = HOSTILE_TEXT;
  const url = (i: number) => HOSTILE_URLS[i % HOSTILE_URLS.length]!;
  dataset.agreement.title = { sv: t, en: t };
  dataset.agreement.generalContact = { name: t, email: `${t}@example.org`, phone: t, website: url(0) };
  dataset.organisations = dataset.organisations.slice(0, 6).map((o, i) => ({
    ...o,
    name: `${t} ${i}`,
    description: t,
    website: url(i),
    email: url(i + 1),
    phone: url(i + 2),
    districts: [t],
    activities: [t],
    signature: { signedOn: t, via: t as 'adoption' },
    form: t as 'other',
  }));
  dataset.contacts = dataset.contacts.slice(0, 4).map((c, i) => ({
    ...c,
    name: `${t} ${i}`,
    title: t,
    unit: { sv: t, en: t },
    topics: [t, { sv: t }],
    email: url(i),
    phone: url(i + 1),
    languages: [t],
  }));
  const issues: Issue[] = [];
  return { dataset, issues };
}
