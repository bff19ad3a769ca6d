import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { meetingsCalendar } from './calendar.js';
import { ifNoneMatchHits } from './http/conditional.js';
import type { DatasetSnapshot, PublishedDataset } from './published-dataset.js';
import { SHARED_RESOURCE } from './security-headers.js';

/** Calendar apps poll feeds every few hours at most; an hour of freshness is plenty. */
export const CALENDAR_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';

interface Feed {
  body: Buffer;
  etag: string;
}

/**
 * `GET`/`HEAD /api/v1/meetings.ics[?lang=en]`: the published meetings as
 * `text/calendar`, from the SDK's `toICalendar`, with an ETag and `304`.
 * Each language's feed is written once per dataset snapshot. (CORS comes
 * from the public routes' plugin; HEAD from Fastify.)
 */
export function createCalendarRoute(published: PublishedDataset) {
  let feeds = new Map<string, Feed>();
  let feedsOf: DatasetSnapshot | undefined;

  return async function calendarRoute(request: FastifyRequest<{ Querystring: { lang?: string } }>, reply: FastifyReply) {
    const snapshot = published.current();
    if (feedsOf !== snapshot) {
      feeds = new Map();
      feedsOf = snapshot;
    }
    const requested = typeof request.query.lang === 'string' ? request.query.lang : undefined;
    const { dataset } = snapshot;
    const lang = requested && dataset.languages.includes(requested) ? requested : dataset.defaultLanguage;
    let feed = feeds.get(lang);
    if (!feed) {
      const body = Buffer.from(meetingsCalendar(dataset, lang));
      feed = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
      feeds.set(lang, feed);
    }
    reply.headers({ ...SHARED_RESOURCE, ETag: feed.etag, 'Cache-Control': CALENDAR_CACHE_CONTROL });
    if (ifNoneMatchHits(request.headers['if-none-match'], [feed.etag])) return reply.code(304).send();
    return reply
      .headers({
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `inline; filename="meetings${lang === dataset.defaultLanguage ? '' : `-${lang}`}.ics"`,
      })
      .send(feed.body);
  };
}
