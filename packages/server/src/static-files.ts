import { createReadStream, existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { chooseEncoding } from './dataset-route.js';
import { ifNoneMatchHits } from './http/conditional.js';
import { PAGE_SECURITY_HEADERS, SHARED_RESOURCE } from './security-headers.js';

/** Text files worth compressing (the bundle is some 180 KB as it is, under 60 KB gzipped). */
const COMPRESSIBLE = new Set(['.js', '.map', '.html', '.css', '.json', '.svg', '.txt', '.md']);

/** Content types by file extension; anything else is sent as bytes. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** The folders the demo publishes beside the API. */
export interface StaticFilesOptions {
  /** Served at `/examples/…`; its `index.html` (or a generated list of pages) at `/`. */
  examplesDir?: string;
  /** The elements' `dist/` folder: `samverkan.min.js`, the files it loads on demand and their maps are served at the root. */
  bundleDir?: string;
}

// samverkan.min.js and the files it imports on demand (samverkan-lang-ar-<hash>.min.js, …), with their maps.
const BUNDLE_FILE = /^samverkan(?:-[\w-]+)?\.min\.js(?:\.map)?$/;

/**
 * Serves the demo's static files: the example pages under `/examples/`, the
 * elements bundle at `/samverkan.min.js` (and the files beside it that it
 * imports, `/samverkan-<name>-<hash>.min.js`). A path is decoded once, must not
 * contain `..`, backslashes or NUL, and must resolve (after symlinks) inside
 * its folder; anything else is a 404, never a file from elsewhere.
 */
export class StaticFiles {
  #examples: string | undefined;
  #bundle: string | undefined;

  constructor(options: StaticFilesOptions) {
    this.#examples = options.examplesDir && existsSync(options.examplesDir) ? realpathSync(options.examplesDir) : undefined;
    this.#bundle = options.bundleDir && existsSync(options.bundleDir) ? realpathSync(options.bundleDir) : undefined;
  }

  /**
   * Answers the request if it names a static file (writing to the socket
   * itself, `reply.hijack()`); returns `false` to let the caller answer 404.
   */
  serve(request: FastifyRequest, reply: FastifyReply): boolean {
    const url = request.url;
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    const res = reply.raw;
    const found = this.#find(pathname);
    if (!found) return false;
    reply.hijack();
    if (found === 'index') this.#sendIndex(request.raw, res);
    else if (found === 'redirect') res.writeHead(301, { Location: '/examples/', ...PAGE_SECURITY_HEADERS }).end();
    else if (!this.#send(request.raw, res, found.file, found.extra)) {
      // The file went away between the look-up and the answer.
      res.writeHead(404, { ...PAGE_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.');
    }
    return true;
  }

  #find(pathname: string): 'index' | 'redirect' | { file: string; extra: Record<string, string> } | undefined {
    if (pathname === '/' && this.#examples) {
      const index = join(this.#examples, 'index.html');
      return existsSync(index) ? { file: index, extra: {} } : 'index';
    }
    if (pathname === '/examples' && this.#examples) return 'redirect';
    if (pathname.startsWith('/examples/') && this.#examples) {
      const file = this.#resolve(this.#examples, pathname.slice('/examples/'.length));
      return file === undefined ? undefined : { file, extra: {} };
    }
    const name = pathname.slice(1);
    if (BUNDLE_FILE.test(name) && this.#bundle) {
      const file = join(this.#bundle, name);
      if (!existsSync(file)) return undefined;
      // Other sites load the bundle with <script type="module">, and it loads
      // its language files with import(): both are CORS requests, which the
      // browser refuses without Access-Control-Allow-Origin.
      return { file, extra: { ...SHARED_RESOURCE, 'Access-Control-Allow-Origin': '*' } };
    }
    return undefined;
  }

  #resolve(root: string, relative: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(relative);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((part) => part === '..' || part === '.')) return undefined;
    let file = resolve(root, decoded);
    if (!existsSync(file)) return undefined;
    file = realpathSync(file);
    if (file !== root && !file.startsWith(root + sep)) return undefined;
    if (statSync(file).isDirectory()) {
      file = join(file, 'index.html');
      if (!existsSync(file)) return undefined;
    }
    return file;
  }

  #send(req: IncomingMessage, res: ServerResponse, file: string, extra: Record<string, string>): boolean {
    let stats;
    try {
      stats = statSync(file);
    } catch {
      return false;
    }
    if (!stats.isFile()) return false;
    const lastModified = stats.mtime.toUTCString();
    const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
    const headers: Record<string, string> = {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      // The demo's files change while someone works on them: revalidate every time (cheap with the ETag).
      'Cache-Control': 'no-cache',
      'Last-Modified': lastModified,
      ETag: etag,
      ...PAGE_SECURITY_HEADERS,
      ...extra,
    };
    const encoding = COMPRESSIBLE.has(extname(file).toLowerCase()) ? chooseEncoding(req.headers['accept-encoding']) : 'identity';
    if (COMPRESSIBLE.has(extname(file).toLowerCase())) headers['Vary'] = 'Accept-Encoding';
    if (encoding !== 'identity') {
      // One ETag per encoding: a cache must not answer a gzip request with brotli bytes.
      headers.ETag = `${etag.slice(0, -1)}-${encoding === 'gzip' ? 'gz' : 'br'}"`;
      headers['Content-Encoding'] = encoding;
    }
    if (ifNoneMatchHits(req.headers['if-none-match'], [headers.ETag!])) {
      res.writeHead(304, headers).end();
      return true;
    }
    if (encoding !== 'identity') {
      const body = this.#compressed(file, stats.mtimeMs, encoding);
      res.writeHead(200, { ...headers, 'Content-Length': String(body.length) });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    }
    res.writeHead(200, { ...headers, 'Content-Length': String(stats.size) });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).on('error', () => res.destroy()).pipe(res);
    return true;
  }

  // Compressed copies, made on the first request and kept until the file changes.
  #cache = new Map<string, { mtimeMs: number; gzip?: Buffer; br?: Buffer }>();

  #compressed(file: string, mtimeMs: number, encoding: 'gzip' | 'br'): Buffer {
    let entry = this.#cache.get(file);
    if (!entry || entry.mtimeMs !== mtimeMs) {
      entry = { mtimeMs };
      this.#cache.set(file, entry);
    }
    if (!entry[encoding]) {
      const raw = readFileSync(file);
      entry[encoding] =
        encoding === 'br' ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }) : gzipSync(raw, { level: 9 });
    }
    return entry[encoding]!;
  }

  /** A plain list of the example pages when the folder has no index.html of its own. */
  #sendIndex(req: IncomingMessage, res: ServerResponse): void {
    const pages = readdirSync(this.#examples!)
      .filter((name) => name.endsWith('.html'))
      .sort();
    const items = pages.map((name) => `<li><a href="/examples/${encodeURIComponent(name)}">${escapeHtml(name)}</a></li>`).join('\n');
    const html = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Samverkan demo</title>
<h1>Samverkan demo</h1>
<h2>Example pages</h2>
<ul>
${items || '<li>No example pages yet.</li>'}
</ul>
<h2>API</h2>
<ul>
<li><a href="/api/v1/dataset">/api/v1/dataset</a></li>
<li><a href="/api/v1/meetings.ics">/api/v1/meetings.ics</a></li>
<li><a href="/samverkan.min.js">/samverkan.min.js</a></li>
</ul>
</html>
`;
    const body = Buffer.from(html);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(body.length),
      'Cache-Control': 'no-cache',
      ...PAGE_SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
