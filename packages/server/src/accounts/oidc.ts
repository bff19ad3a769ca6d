import * as oidc from 'openid-client';
import type { OidcSettings } from './config.js';
import type { AccountStore } from './types.js';
import { hashSecret, newSecret } from './tokens.js';

/** How long a person may take at the provider's sign-in page. */
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;

/** The path the provider sends people back to; register `<SAMVERKAN_PUBLIC_URL>` + this as the redirect URI. */
export const OIDC_CALLBACK_PATH = '/api/v1/session/oidc/callback';

/** What the provider vouched for. */
export interface OidcIdentity {
  /** Lower-cased; absent when the provider sent none. */
  email?: string;
  /** `email_verified: true`, or Microsoft Entra ID's `xms_edov: true` (the e-mail's domain is verified by the tenant). */
  emailVerified: boolean;
}

/** The sign-in could not be completed (wrong or reused state, a provider error, a token that does not check out). */
export class OidcSignInError extends Error {
  override name = 'OidcSignInError' as const;
}

/**
 * Sign-in with OpenID Connect through `openid-client`: the authorization code
 * flow with PKCE (S256), `state` and `nonce`. What the callback must check
 * (the code verifier and the nonce) is kept server-side under the hash of
 * `state`; `state` also goes to the browser in a short-lived cookie, so the
 * callback is accepted only in the browser that started it.
 */
export class OidcSignIn {
  readonly redirectUri: string;
  readonly #settings: OidcSettings;
  readonly #store: AccountStore;
  readonly #now: () => number;
  #configuration: Promise<oidc.Configuration> | undefined;

  constructor(settings: OidcSettings, publicUrl: string, store: AccountStore, now: () => number) {
    this.#settings = settings;
    this.#store = store;
    this.#now = now;
    this.redirectUri = new URL(OIDC_CALLBACK_PATH, publicUrl).href;
  }

  /** The provider's metadata, discovered once (again after a failure). */
  #config(): Promise<oidc.Configuration> {
    if (!this.#configuration) {
      const issuer = new URL(this.#settings.issuer);
      // Plain HTTP only for a provider on this machine (development and the tests).
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
      this.#configuration = oidc
        .discovery(issuer, this.#settings.clientId, this.#settings.clientSecret, undefined, loopback ? { execute: [oidc.allowInsecureRequests] } : undefined)
        .catch((error: unknown) => {
          this.#configuration = undefined;
          throw error;
        });
    }
    return this.#configuration;
  }

  /** Starts a sign-in: answers the provider URL to send the browser to and the `state` for the browser cookie. */
  async start(): Promise<{ url: URL; state: string }> {
    const config = await this.#config();
    const state = newSecret();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const nonce = oidc.randomNonce();
    await this.#store.createOidcLogin({ stateHash: hashSecret(state), codeVerifier, nonce, expiresAt: this.#now() + OIDC_LOGIN_TTL_MS });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state };
  }

  /**
   * Completes a sign-in from the callback URL; `cookieState` is the state the
   * browser's cookie holds. Each started sign-in completes at most once.
   */
  async finish(callbackUrl: URL, cookieState: string | undefined): Promise<OidcIdentity> {
    const state = callbackUrl.searchParams.get('state');
    if (!state || !cookieState || state !== cookieState) throw new OidcSignInError('state does not match this browser');
    const login = await this.#store.takeOidcLogin(hashSecret(state), this.#now());
    if (!login) throw new OidcSignInError('unknown, used or expired state');
    const config = await this.#config();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new OidcSignInError(`the provider's answer was refused: ${(error as Error).message}`);
    }
    const claims = tokens.claims();
    if (!claims) throw new OidcSignInError('no ID token');
    let source: Record<string, unknown> = claims;
    // Providers that keep the ID token small (oidc-provider by default) give the e-mail from the UserInfo endpoint.
    if (typeof claims.email !== 'string' && config.serverMetadata().userinfo_endpoint) {
      source = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    }
    const email = typeof source.email === 'string' ? source.email.trim().toLowerCase() : undefined;
    return { ...(email && { email }), emailVerified: source.email_verified === true || source.xms_edov === true };
  }
}
