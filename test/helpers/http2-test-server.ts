// An HTTP/2 server for the tests that watch what Chromium requests when (test/import-at-once.test.ts,
// test/autoloader-round-trips.test.ts): as a site or CDN serves the files today. Over HTTP/1.1 Chromium opens at most
// six connections to a host, and a seventh file waits for one of them to be free: a round trip that is the protocol's,
// not the bundle's, which those tests would count as one file learned from another. The certificate is
// @web/dev-server-core's self-signed one (which its own http2 option uses); a page ignores that it is not trusted.
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse, type Http2SecureServer } from 'node:http2';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';

const dev = fileURLToPath(new URL('../../node_modules/@web/dev-server-core/', import.meta.url));

/** Listens on a free loopback port; resolves with the server and its origin (https://127.0.0.1:port). */
export async function listenHttp2(handler: (req: Http2ServerRequest, res: Http2ServerResponse) => void): Promise<{ server: Http2SecureServer; origin: string }> {
  const tls = { key: readFileSync(join(dev, '.self-signed-dev-server-ssl.key')), cert: readFileSync(join(dev, '.self-signed-dev-server-ssl.cert')) };
  const server = createSecureServer(tls, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Makes `page` accept the server's self-signed certificate. */
export async function trustTestCertificate(page: Page): Promise<void> {
  await (await page.createCDPSession()).send('Security.setIgnoreCertificateErrors', { ignore: true });
}
