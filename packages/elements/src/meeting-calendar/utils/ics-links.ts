// The two ways a meeting gets into a reader's calendar: a one-off `.ics`
// file (a Blob written by ./ics-file.ts, loaded when first needed) and the
// server's feed.
import type { DatasetHeader, Meeting } from '@samverkan/sdk';
import { safeHttpUrl } from '../../utils/safe-url.js';

type IcsWriter = typeof import('./ics-file.js').meetingICalendar;
let icsWriter: IcsWriter | undefined;
let icsWriterLoading: Promise<IcsWriter> | undefined;

/**
 * Loads the iCalendar writer (once; a failed load may be tried again).
 * Until it is loaded, {@link IcsUrls.urlFor} has no URL to give.
 */
export function loadIcsWriter(): Promise<IcsWriter> {
  icsWriterLoading ??= import('./ics-file.js').then(
    (module) => (icsWriter = module.meetingICalendar),
    (error: unknown) => {
      icsWriterLoading = undefined;
      throw error;
    },
  );
  return icsWriterLoading;
}

/** A file name for a meeting's `.ics` made only of safe characters (the id comes from data). */
export function icsFileName(meeting: Meeting): string {
  const base = meeting.id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 80);
  return `${base || 'meeting'}.ics`;
}

/**
 * `blob:` URLs of meetings' `.ics` files, made when first asked for (writing
 * one costs milliseconds: its VTIMEZONE is worked out from Intl) and kept
 * until {@link IcsUrls.clear} (the element calls it when the data or the
 * language changes, and when it leaves the page), so each URL is revoked.
 */
export class IcsUrls {
  private readonly urls = new Map<Meeting, string>();
  private key?: { dataset: DatasetHeader; lang: string };

  /** The URL made for `meeting` so far, if any (nothing is made). */
  peek(meeting: Meeting, dataset: DatasetHeader, lang: string): string | undefined {
    return this.key?.dataset === dataset && this.key.lang === lang ? this.urls.get(meeting) : undefined;
  }

  /**
   * The download URL of `meeting`'s `.ics` file, made now if it was not;
   * `undefined` while the writer is not loaded (see {@link loadIcsWriter}).
   */
  urlFor(meeting: Meeting, dataset: DatasetHeader, lang: string): string | undefined {
    if (!icsWriter) return undefined;
    if (this.key?.dataset !== dataset || this.key.lang !== lang) {
      this.clear();
      this.key = { dataset, lang };
    }
    let url = this.urls.get(meeting);
    if (!url) {
      const blob = new Blob([icsWriter(meeting, dataset, lang)], { type: 'text/calendar;charset=utf-8' });
      url = URL.createObjectURL(blob);
      this.urls.set(meeting, url);
    }
    return url;
  }

  /**
   * Revokes the URLs made for another dataset than `dataset` (those of the
   * same dataset stay: the links shown keep working).
   */
  release(dataset: DatasetHeader): void {
    if (this.key && this.key.dataset !== dataset) this.clear();
  }

  /** Revokes every URL made so far. */
  clear(): void {
    for (const url of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
    this.key = undefined;
  }
}

/** The subscription addresses of a server's feed. */
export interface FeedLinks {
  /** The feed over http(s), to paste into a calendar. */
  https: string;
  /** The same address with `webcal:`, which opens the reader's calendar app. */
  webcal: string;
}

/**
 * The feed links for the API at `api` (its base URL with the version path,
 * e.g. `https://kommun.example/api/v1`; relative values resolve against
 * `baseUrl`, the page). `lang` asks the server for texts in that language
 * when the dataset has it. `undefined` unless the result is http(s).
 */
export function feedLinks(api: string, baseUrl: string, lang?: string): FeedLinks | undefined {
  let base: URL;
  try {
    base = new URL(api.trim(), baseUrl);
  } catch {
    return undefined;
  }
  // javascript:, data: and the like have no path to put the feed under.
  if (base.protocol !== 'http:' && base.protocol !== 'https:') return undefined;
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';
  const feed = new URL('meetings.ics', base);
  if (lang) feed.searchParams.set('lang', lang);
  const https = safeHttpUrl(feed.href);
  if (!https) return undefined;
  return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}
