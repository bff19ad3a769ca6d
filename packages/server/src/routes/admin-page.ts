/**
 * The admin page at `/admin`: the files of `@samverkan/admin`'s build
 * (index.html, admin.js, admin.css and their source maps), served by
 * @fastify/static under a strict Content-Security-Policy. The page needs no
 * inline script or style (Lit's styles are constructed style sheets, which a
 * CSP does not govern), so the policy allows scripts, styles and requests
 * from this origin only, and the page cannot be framed.
 *
 * Every route of the page is in the URL's fragment (`/admin#/applications`),
 * so the server answers `/admin` and `/admin/` with index.html; the
 * set-password link uses the fragment too, so its token never reaches a log.
 */
import { existsSync, realpathSync } from 'node:fs';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';

/** The headers of every answer under /admin. */
export const ADMIN_PAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  // index.html and admin.js keep their names across builds: always revalidated (ETag), never stale.
  'Cache-Control': 'no-cache',
});

/** Options of {@link adminPage}. */
export interface AdminPageOptions {
  /** The admin page's built files: `packages/admin/dist`. */
  dir: string;
}

/** The files the page is made of; anything else under /admin is a 404. */
const FILE = /^(?:index\.html|admin(?:-[\w.-]+)?\.js(?:\.map)?|admin\.css)$/;

/**
 * Registers `GET /admin`, `/admin/` and `/admin/<file>`. When `dir` has no
 * build (`npm run build` not run), `/admin` answers 503 saying how to build it.
 */
export const adminPage: FastifyPluginAsync<AdminPageOptions> = async (app: FastifyInstance, options) => {
  const built = existsSync(`${options.dir}/index.html`);
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(ADMIN_PAGE_HEADERS);
  });
  if (!built) {
    const unbuilt = async (_request: unknown, reply: import('fastify').FastifyReply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('The admin page is not built. Run `npm run build` and start the server again.\nAdministrationssidan är inte byggd. Kör `npm run build` och starta servern igen.\n');
    app.get('/admin', unbuilt);
    app.get('/admin/', unbuilt);
    return;
  }
  await app.register(fastifyStatic, {
    root: realpathSync(options.dir),
    prefix: '/admin/',
    index: false,
    wildcard: false,
    dotfiles: 'deny',
    cacheControl: false,
    allowedPath: (path) => FILE.test(path.replace(/^\/+/, '')),
  });
  const page = async (_request: unknown, reply: import('fastify').FastifyReply) => reply.sendFile('index.html');
  app.get('/admin', page);
  app.get('/admin/', page);
  app.get<{ Params: { file: string } }>('/admin/:file', async (request, reply) => {
    if (!FILE.test(request.params.file)) return reply.callNotFound();
    return reply.sendFile(request.params.file);
  });
};
