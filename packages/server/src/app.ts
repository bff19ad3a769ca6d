import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { parseDataset, type Dataset } from '@samverkan/sdk';

export interface AppOptions {
  /** The dataset to publish (raw JSON value; validated with `parseDataset`). */
  dataset: unknown;
}

/**
 * A minimal first version of the API: `GET /healthz` and
 * `GET /api/v1/dataset` with a strong ETag and `304` on `If-None-Match`.
 */
export function createApp(options: AppOptions): Server {
  const { dataset } = parseDataset(options.dataset);
  const body = JSON.stringify(dataset satisfies Dataset);
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;

  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.method === 'GET' && url.pathname === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && url.pathname === '/api/v1/dataset') {
      const headers = { ETag: etag, 'Cache-Control': 'public, max-age=60', 'Access-Control-Allow-Origin': '*' };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' }).end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not found"}');
  });
}
