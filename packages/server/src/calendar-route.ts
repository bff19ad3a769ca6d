import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { meetingsCalendar } from './calendar.js';
import type { CorsPolicy } from './cors.js';
import type { DatasetSnapshot, PublishedDataset } from './published-dataset.js';
import { API_SECURITY_HEADERS, SHARED_RESOURCE } from './security-headers.js';

/** Calendar apps poll feeds every few hours at most; an hour of freshness is plenty. */
export const CALENDAR_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';

interface Feed {
  body: Buffer;
  etag: string;
}

/**
 * `GET`/`HEAD /api/v1/meetings.ics[?lang=en]`: the published meetings as
 * `text/calendar`, from the SDK's `toICalendar`, with an ETag and `304`.
 * Each language's feed is written once per dataset snapshot.
 */
export function createCalendarRoute(published: PublishedDataset, cors: CorsPolicy) {
  let feeds = new Map<string, Feed>();
  let feedsOf: DatasetSnapshot | undefined;

  return function calendarRoute(req: IncomingMessage, res: ServerResponse): void {
    const snapshot = published.current();
    if (feedsOf !== snapshot) {
      feeds = new Map();
      feedsOf = snapshot;
    }
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const requested = q === -1 ? undefined : (new URLSearchParams(url.slice(q + 1)).get('lang') ?? undefined);
    const { dataset } = snapshot;
    const lang = requested && dataset.languages.includes(requested) ? requested : dataset.defaultLanguage;
    let feed = feeds.get(lang);
    if (!feed) {
      const body = Buffer.from(meetingsCalendar(dataset, lang));
      feed = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
      feeds.set(lang, feed);
    }
    const headers: Record<string, string> = {
      ...API_SECURITY_HEADERS,
      ...SHARED_RESOURCE,
      ...cors.headers(req.headers.origin),
      ETag: feed.etag,
      'Cache-Control': CALENDAR_CACHE_CONTROL,
    };
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === feed.etag || t.trim() === '*')) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Length': String(feed.body.length),
      'Content-Disposition': `inline; filename="meetings${lang === dataset.defaultLanguage ? '' : `-${lang}`}.ics"`,
    });
    res.end(req.method === 'HEAD' ? undefined : feed.body);
  };
}
