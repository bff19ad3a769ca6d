/**
 * The demo's static files, served by @fastify/static: the example pages
 * under `/examples/` (and `/`), and the elements bundle at the root
 * (`/samverkan.min.js` and the files it imports on demand,
 * `/samverkan-<name>-<hash>.min.js`, with their maps). The bundle is sent
 * compressed from the brotli and gzip copies the build writes beside it
 * (`precompressFiles`, scripts/after-build.mjs), so no request compresses
 * anything; the example pages are sources that change while someone works
 * on them, so they are sent as they are. Conditional GETs (`304`, also for a
 * list of ETags), `Last-Modified` and ranges are @fastify/send's.
 *
 * Which paths are served is decided here before a file is touched: a path is
 * decoded once, must not contain `..`, `.`, backslashes or NUL, and must
 * resolve (after symlinks) inside its folder; anything else is a 404, never a
 * file from elsewhere.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Logger } from './logger.js';
import { PAGE_SECURITY_HEADERS, SHARED_RESOURCE } from './security-headers.js';
import { staleCompressedCopies } from './static/precompress.js';

/** The folders the demo publishes beside the API. */
export interface StaticFilesOptions {
  /** Served at `/examples/…`; its `index.html` (or a generated list of pages) at `/`. */
  examplesDir?: string;
  /** The elements' `dist/` folder: `samverkan.min.js`, the files it loads on demand and their maps are served at the root. */
  bundleDir?: string;
}

// samverkan.min.js and the files it imports on demand (samverkan-lang-ar-<hash>.min.js, …), with their maps.
const BUNDLE_FILE = /^samverkan(?:-[\w-]+)?\.min\.js(?:\.map)?$/;

/** Whether `name` is a file of the bundle (its compressed copies are made and served for these). */
export const isBundleFile = (name: string): boolean => BUNDLE_FILE.test(name);

// The demo's files change while someone works on them: revalidate every time (cheap with the ETag).
const PAGE_HEADERS = { ...PAGE_SECURITY_HEADERS, 'Cache-Control': 'no-cache' };
// Other sites load the bundle with <script type="module">, and it loads its language files with import():
// both are CORS requests, which the browser refuses without Access-Control-Allow-Origin.
const BUNDLE_HEADERS = { ...PAGE_HEADERS, ...SHARED_RESOURCE, 'Access-Control-Allow-Origin': '*', Vary: 'Accept-Encoding' };

/**
 * What @fastify/send does differently from our promises, set right for one
 * scope: it answers `200` to `If-None-Match` when the request says
 * `Cache-Control: no-cache` (which fetch() adds to every conditional request),
 * but that directive is for caches, and an origin server evaluates the
 * condition whatever it says (RFC 9110 §13.2.1); and it types JavaScript
 * `application/javascript` where RFC 9239 says `text/javascript`.
 */
function asOriginServer(scope: FastifyInstance): void {
  scope.addHook('onRequest', (request, _reply, done) => {
    if (request.headers['if-none-match'] !== undefined) delete request.raw.headers['cache-control'];
    done();
  });
  scope.addHook('onSend', (_request, reply, payload, done) => {
    if (String(reply.getHeader('content-type')).startsWith('application/javascript')) reply.header('content-type', 'text/javascript; charset=utf-8');
    done(null, payload);
  });
}

/** Registers the static routes (`/`, `/examples`, `/examples/*`, `/:file`) for the folders that exist. */
export async function registerStaticFiles(app: FastifyInstance, options: StaticFilesOptions, logger: Logger): Promise<void> {
  const examples = options.examplesDir && existsSync(options.examplesDir) ? realpathSync(options.examplesDir) : undefined;
  const bundle = options.bundleDir && existsSync(options.bundleDir) ? realpathSync(options.bundleDir) : undefined;
  if (!examples && !bundle) return;

  // Each folder in a context of its own: @fastify/static's `preCompressed` is per registration.
  if (bundle) {
    const stale = staleCompressedCopies(bundle, isBundleFile);
    if (stale.length) logger.event('warn', 'the bundle’s compressed copies are missing or older than the files (run npm run build); those files are sent uncompressed or stale', { files: stale.length });
    await app.register(async (scope) => {
      asOriginServer(scope);
      await scope.register(fastifyStatic, { root: bundle, serve: false, preCompressed: true, cacheControl: false, dotfiles: 'deny' });
      // catchAll: a 404 here logs `(unmatched)`, never the path someone typed.
      scope.get<{ Params: { file: string } }>('/:file', { config: { catchAll: true } }, (request, reply) => {
        const name = request.params.file;
        if (!isBundleFile(name) || !existsSync(join(bundle, name))) return reply.callNotFound();
        return reply.headers(BUNDLE_HEADERS).sendFile(name);
      });
    });
  }
  if (examples) {
    await app.register(async (scope) => {
      asOriginServer(scope);
      await scope.register(fastifyStatic, { root: examples, serve: false, cacheControl: false, dotfiles: 'deny' });
      const send = (reply: FastifyReply, file: string) => reply.headers(PAGE_HEADERS).sendFile(file.slice(examples.length + 1));
      scope.get('/', (_request, reply) => (existsSync(join(examples, 'index.html')) ? send(reply, join(examples, 'index.html')) : reply.headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(pageList(examples))));
      scope.get('/examples', (_request, reply) => reply.headers(PAGE_SECURITY_HEADERS).redirect('/examples/', 301));
      scope.get('/examples/*', { config: { catchAll: true } }, (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
        const file = inside(examples, request.params['*']);
        return file === undefined ? reply.callNotFound() : send(reply, file);
      });
    });
  }
}

/** The file `relative` (as sent, still URL-encoded) names inside `root`, or `undefined` when it names nothing there. */
function inside(root: string, relative: string): string | undefined {
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
  if (statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** A plain list of the example pages when the folder has no index.html of its own. */
function pageList(examples: string): string {
  const pages = readdirSync(examples)
    .filter((name) => name.endsWith('.html'))
    .sort();
  const items = pages.map((name) => `<li><a href="/examples/${encodeURIComponent(name)}">${escapeHtml(name)}</a></li>`).join('\n');
  return `<!doctype html>
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
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
