// Sign-in with OpenID Connect against a real OpenID provider (the
// `oidc-provider` package) started here on loopback: the whole redirect dance
// with a browser-like cookie jar per origin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { Browser, parseSetCookie, start, type Running } from './helpers.js';

const CLIENT_ID = 'samverkan-test';
const CLIENT_SECRET = 'a-client-secret-for-the-tests-0123456789';

/** The people the provider knows. */
const PEOPLE: Record<string, { email: string; email_verified: boolean; name: string }> = {
  'sub-anna': { email: 'Anna.Andersson@kommun.example.org', email_verified: true, name: 'Anna Andersson' },
  'sub-nils': { email: 'nils.noaccount@kommun.example.org', email_verified: true, name: 'Nils Utan Konto' },
  'sub-olle': { email: 'olle.overifierad@kommun.example.org', email_verified: false, name: 'Olle Overifierad' },
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A browser across origins: cookies kept per origin, redirects followed by hand. */
class Jar {
  readonly cookies = new Map<string, Map<string, string>>();
  async get(url: string): Promise<Response> {
    const origin = new URL(url).origin;
    const jar = this.cookies.get(origin) ?? new Map<string, string>();
    this.cookies.set(origin, jar);
    const headers: Record<string, string> = { 'Sec-Fetch-Site': 'cross-site' };
    if (jar.size) headers.Cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers });
    for (const header of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(header);
      if (cookie.attributes.get('max-age') === '0' || /1970/.test(String(cookie.attributes.get('expires')))) jar.delete(cookie.name);
      else jar.set(cookie.name, cookie.value);
    }
    return response;
  }
  /** Follows redirects from `url` until `stop` says so; answers every URL visited. */
  async follow(url: string, stop: (url: URL) => boolean): Promise<{ visited: URL[]; last: Response }> {
    const visited: URL[] = [];
    let next = new URL(url);
    for (let i = 0; i < 20; i++) {
      visited.push(next);
      if (stop(next)) return { visited, last: new Response(null) };
      const response = await this.get(next.href);
      const location = response.headers.get('location');
      if (!location) return { visited, last: response };
      next = new URL(location, next);
    }
    throw new Error('too many redirects');
  }
}

describe('sign-in with OpenID Connect (a real oidc-provider)', () => {
  let app: Running;
  let idp: Server;
  let issuer: string;
  let provider: any;
  /** Whom the provider signs in at the next interaction. */
  let signInAs = 'sub-anna';

  before(async () => {
    const appPort = await freePort();
    const publicUrl = `http://127.0.0.1:${appPort}`;
    idp = createServer();
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [`${publicUrl}/api/v1/session/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      async findAccount(_ctx: unknown, sub: string) {
        const person = PEOPLE[sub];
        return person && { accountId: sub, claims: async () => ({ sub, ...person }) };
      },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      cookies: { keys: ['oidc-test-cookie-key-0123456789abcdef'] },
      pkce: { required: () => true },
    });
    // The provider's login and consent pages, answered at once: "the person signs in as signInAs and agrees".
    idp.on('request', async (req, res) => {
      if (req.url?.startsWith('/interaction/')) {
        const details = await provider.interactionDetails(req, res);
        let result: Record<string, unknown>;
        if (details.prompt.name === 'login') {
          result = { login: { accountId: signInAs } };
        } else {
          const grant = new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
          grant.addOIDCScope('openid email profile');
          result = { consent: { grantId: await grant.save() } };
        }
        await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
        return;
      }
      provider.callback()(req, res);
    });

    app = await start({ publicUrl, oidc: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, port: appPort });
    await app.addUser('anna.andersson@kommun.example.org', 'editor', { name: 'Anna Andersson' });
    await app.addUser('olle.overifierad@kommun.example.org', 'editor');
  });
  after(async () => {
    await app.close();
    await new Promise((resolve) => idp.close(resolve));
  });

  const isAdminPage = (url: URL) => url.origin === new URL(app.base).origin && url.pathname === '/admin';

  test('the sign-in options say OpenID Connect is set up', async () => {
    const options = await (await fetch(`${app.base}/api/v1/session/options`)).json();
    assert.deepEqual(options, { password: true, oidc: true, oidcStartUrl: '/api/v1/session/oidc/start' });
  });

  test('a person with a Samverkan account (same e-mail, verified) gets in', async () => {
    signInAs = 'sub-anna';
    const jar = new Jar();
    const { visited } = await jar.follow(`${app.base}/api/v1/session/oidc/start`, isAdminPage);
    const authorize = visited.find((url) => url.origin === issuer && url.pathname === '/auth')!;
    assert.equal(authorize.searchParams.get('response_type'), 'code');
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(authorize.searchParams.get('state'));
    assert.ok(authorize.searchParams.get('nonce'));
    assert.equal(authorize.searchParams.get('redirect_uri'), `${app.base}/api/v1/session/oidc/callback`);
    const landed = visited.at(-1)!;
    assert.equal(landed.hash, '#/');

    const session = jar.cookies.get(new URL(app.base).origin)!;
    assert.ok(session.get('samverkan-session'), 'a session cookie was set');
    const browser = new Browser(app.base);
    browser.cookies.set('samverkan-session', session.get('samverkan-session')!);
    const me = await (await browser.fetch('/api/v1/session')).json();
    assert.equal(me.user.email, 'anna.andersson@kommun.example.org');
    assert.equal(me.via, 'oidc');
    assert.equal((await browser.fetch('/api/v1/admin/probe')).status, 200);
    assert.ok(app.audit.events.some((e) => e.action === 'sign-in' && e.by === 'Anna Andersson' && e.target === `user:${me.user.id}`));
  });

  test('a person without a Samverkan account is refused', async () => {
    signInAs = 'sub-nils';
    const jar = new Jar();
    const { visited } = await jar.follow(`${app.base}/api/v1/session/oidc/start`, isAdminPage);
    assert.equal(visited.at(-1)!.hash, '#/sign-in?error=oidc-no-account');
    assert.equal(jar.cookies.get(new URL(app.base).origin)!.has('samverkan-session'), false);
  });

  test('an address the provider has not verified is refused, even with an account', async () => {
    signInAs = 'sub-olle';
    const jar = new Jar();
    const { visited } = await jar.follow(`${app.base}/api/v1/session/oidc/start`, isAdminPage);
    assert.equal(visited.at(-1)!.hash, '#/sign-in?error=oidc-no-account');
    assert.equal(jar.cookies.get(new URL(app.base).origin)!.has('samverkan-session'), false);
  });

  test('a wrong state, a callback in another browser and a replayed callback are refused', async () => {
    signInAs = 'sub-anna';
    const isCallback = (url: URL) => url.pathname === '/api/v1/session/oidc/callback';
    const jar = new Jar();
    const { visited } = await jar.follow(`${app.base}/api/v1/session/oidc/start`, isCallback);
    const callback = visited.at(-1)!;
    assert.ok(callback.searchParams.get('code'));

    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'forged-state-value');
    const wrongState = await jar.get(tampered.href);
    assert.equal(new URL(wrongState.headers.get('location')!).hash, '#/sign-in?error=oidc-failed');
    assert.equal(jar.cookies.get(new URL(app.base).origin)!.has('samverkan-session'), false);

    // The attacker's own callback URL, opened in the victim's browser (no state cookie there): refused.
    const other = new Jar();
    const fresh = await new Jar().follow(`${app.base}/api/v1/session/oidc/start`, isCallback);
    const planted = await other.get(fresh.visited.at(-1)!.href);
    assert.equal(new URL(planted.headers.get('location')!).hash, '#/sign-in?error=oidc-failed');
    assert.equal(other.cookies.get(new URL(app.base).origin)?.has('samverkan-session') ?? false, false);

    // A completed sign-in cannot be completed again with the same answer.
    const good = new Jar();
    const run = await good.follow(`${app.base}/api/v1/session/oidc/start`, isCallback);
    const stateCookie = good.cookies.get(new URL(app.base).origin)!.get('samverkan-oidc-state')!;
    const first = await good.get(run.visited.at(-1)!.href);
    assert.equal(new URL(first.headers.get('location')!).hash, '#/');
    good.cookies.get(new URL(app.base).origin)!.set('samverkan-oidc-state', stateCookie);
    good.cookies.get(new URL(app.base).origin)!.delete('samverkan-session');
    const replay = await good.get(run.visited.at(-1)!.href);
    assert.equal(new URL(replay.headers.get('location')!).hash, '#/sign-in?error=oidc-failed');
    assert.equal(good.cookies.get(new URL(app.base).origin)!.has('samverkan-session'), false);
  });

  test('without OpenID Connect settings the routes say it is not set up', async () => {
    const plain = await start();
    try {
      const options = await (await fetch(`${plain.base}/api/v1/session/options`)).json();
      assert.deepEqual(options, { password: true, oidc: false });
      const started = await fetch(`${plain.base}/api/v1/session/oidc/start`, { redirect: 'manual' });
      assert.equal(started.status, 404);
      assert.match((await started.json()).errors[0].message, /OpenID Connect/);
    } finally {
      await plain.close();
    }
  });
});
