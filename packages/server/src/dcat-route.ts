import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toDcatRdfXml } from './dcat.js';
import { sendErrors } from './http/errors.js';
import { INVALID_HOST } from './http/generic-answers.js';
import { ifNoneMatchHits } from './http/conditional.js';
import type { DatasetSnapshot, PublishedDataset } from './published-dataset.js';
import { SHARED_RESOURCE } from './security-headers.js';

/** Harvesters come by daily at most; an hour of freshness is plenty. */
export const DCAT_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';

/** A host name, IPv4 or [IPv6] address with an optional port: what may become part of an IRI. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export interface DcatRouteOptions {
  /** `SAMVERKAN_PUBLIC_URL`: the address every IRI starts with. Without it, the request's protocol and host. */
  publicUrl?: string | undefined;
  /** Behind a reverse proxy: take the protocol and host from the last `X-Forwarded-Proto` / `X-Forwarded-Host`. */
  trustProxy?: boolean;
}

function lastHeader(value: string | string[] | undefined): string | undefined {
  const joined = Array.isArray(value) ? value.join(',') : value;
  return joined?.split(',').pop()?.trim() || undefined;
}

/**
 * `GET`/`HEAD /datasets/dcat`: the agreement's DCAT-AP-SE catalogue in
 * RDF/XML (`toDcatRdfXml`), for the national data portal to harvest, with
 * an ETag and `304`. Its IRIs are absolute: under `publicUrl` when it is
 * configured (say it behind a proxy), else under the address the request
 * was sent to (a `Host` that is not a host name is refused with `400`, so
 * nothing else can enter the IRIs). Written once per dataset snapshot and
 * address.
 */
export function createDcatRoute(published: PublishedDataset, options: DcatRouteOptions) {
  let cache = new Map<string, { body: Buffer; etag: string }>();
  let cacheOf: DatasetSnapshot | undefined;

  return async function dcatRoute(request: FastifyRequest, reply: FastifyReply) {
    let base = options.publicUrl;
    if (!base) {
      const host = (options.trustProxy && lastHeader(request.headers['x-forwarded-host'])) || request.headers.host;
      const forwardedProto = options.trustProxy ? lastHeader(request.headers['x-forwarded-proto'])?.toLowerCase() : undefined;
      const protocol = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : request.protocol;
      if (!host || !HOST.test(host)) {
        return sendErrors(reply, 400, [INVALID_HOST]);
      }
      base = `${protocol}://${host.toLowerCase()}`;
    }
    const snapshot = published.current();
    if (cacheOf !== snapshot) {
      cache = new Map();
      cacheOf = snapshot;
    }
    let entry = cache.get(base);
    if (!entry) {
      const body = Buffer.from(toDcatRdfXml(snapshot.dataset, { publicUrl: base }));
      entry = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
      // A handful of addresses at most (the public one, or the names a server is reached by).
      if (cache.size < 16) cache.set(base, entry);
    }
    reply.headers({ ...SHARED_RESOURCE, ETag: entry.etag, 'Cache-Control': DCAT_CACHE_CONTROL, Vary: 'Host' });
    if (ifNoneMatchHits(request.headers['if-none-match'], [entry.etag])) return reply.code(304).send();
    return reply.header('Content-Type', 'application/rdf+xml; charset=utf-8').send(entry.body);
  };
}
