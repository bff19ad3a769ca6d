import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { AdminApi, DatasetInfo, SignedInUser } from './api.js';
import { messagesFor, type Messages } from './i18n/catalogue.js';
import { CONTENT_COLLECTIONS, isPublicRoute, parseRoute, routeHash, setPasswordTokenFromLocation, type Route } from './router.js';
import { appStyles } from './styles.js';
import type { AdminView } from './views/admin-view.js';
import { pendingCount } from './views/decision-list.js';
import type { AdminSignedInEvent } from './views/sign-in-view.js';

const LANGUAGE_KEY = 'samverkan-admin-language';

/**
 * `<samverkan-admin>`: the admin page. A shell (skip link, header, menu with
 * the count of pending applications, one `<main>`) around the view of the
 * current route (the URL's hash). Before anyone is signed in, only the
 * sign-in and set-password views show. After each route change the view's
 * heading takes focus and the document title follows, so a screen reader
 * says where the person is.
 *
 * @summary The Samverkan admin page.
 */
export class SamverkanAdmin extends LitElement {
  static override styles = appStyles;

  /** Where the operations go; set before the element is connected. */
  @property({ attribute: false }) api!: AdminApi;
  /** The language of the page (`sv` or `en`); otherwise the stored choice, then the document's. */
  @property({ reflect: true }) override lang = '';

  /** `undefined` while the session is being checked; `null` when no one is signed in. */
  @state() private user: SignedInUser | null | undefined = undefined;
  @state() private route: Route = { name: 'applications' };
  @state() private pending = 0;
  @state() private pendingOffers = 0;
  /** Opportunities the dataset (kept in a file) holds and the server does not publish: said beside "Volontäruppdrag". */
  @state() private withheld = 0;
  @state() private info?: DatasetInfo;
  @state() private announcement = '';
  private focusOnUpdate = false;
  private signInNotice = '';

  private readonly onHashChange = () => this.go(parseRoute(location.hash));

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.lang) this.lang = safeStorage()?.getItem(LANGUAGE_KEY) || document.documentElement.lang || 'sv';
    window.addEventListener('hashchange', this.onHashChange);
    const token = setPasswordTokenFromLocation(location);
    this.route = token !== undefined ? { name: 'set-password', token } : parseRoute(location.hash);
    this.addEventListener('admin-announce', (e) => void this.say(e.message));
    this.addEventListener('admin-navigate', (e) => this.navigate(e.route));
    this.addEventListener('admin-changed', (event) => {
      void this.refreshCounts();
      if (event.dataset) void this.refreshInfo();
    });
    this.addEventListener('admin-signed-in', (e: AdminSignedInEvent) => this.signedIn(e.user));
    this.addEventListener('admin-heading', () => this.followHeading());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private get m(): Messages {
    return messagesFor(this.lang);
  }

  private async checkSession(): Promise<void> {
    try {
      this.user = (await this.api.session()) ?? null;
    } catch {
      this.user = null;
    }
    if (this.user) await this.afterSignIn();
  }

  private async afterSignIn(): Promise<void> {
    await Promise.all([this.refreshCounts(), this.refreshInfo()]);
  }

  /** The dataset's languages and time zone, which the content forms follow. */
  private async refreshInfo(): Promise<void> {
    await this.api.datasetInfo().then(
      (info) => (this.info = info),
      () => undefined,
    );
  }

  private async refreshCounts(): Promise<void> {
    // Each count is a convenience; the inbox itself shows a failure.
    await Promise.all([
      this.api.applications().then((list) => (this.pending = pendingCount(list)), () => undefined),
      this.api.offers().then((list) => (this.pendingOffers = pendingCount(list)), () => undefined),
      this.api.withheld().then((list) => (this.withheld = list.length), () => undefined),
    ]);
  }

  private signedIn(user: SignedInUser): void {
    this.user = user;
    void this.afterSignIn();
    this.go(isPublicRoute(this.route) ? { name: 'applications' } : this.route, true);
  }

  private async signOut(): Promise<void> {
    try {
      await this.api.signOut();
    } finally {
      this.user = null;
      this.signInNotice = this.m.signIn.signedOut;
      this.go({ name: 'sign-in' }, true);
      void this.say(this.m.signIn.signedOut);
    }
  }

  /** Goes to `route`, writing it into the hash (so Back works) unless it is there already. */
  private navigate(route: Route): void {
    const hash = routeHash(route);
    if (location.hash !== hash) history.pushState(null, '', hash);
    this.go(route);
  }

  private go(route: Route, replaceHash = false): void {
    if (replaceHash && route.name !== 'set-password') {
      const hash = routeHash(route);
      if (location.hash !== hash) history.replaceState(null, '', hash);
    }
    this.route = route;
    this.focusOnUpdate = true;
    // Opening an inbox, or the opportunities (whose list says what is withheld), brings the counts in the menu up to
    // date (what arrived, or changed in the dataset file, since the page was opened).
    if (this.user && (route.name === 'applications' || route.name === 'offers' || (route.name === 'content' && route.collection === 'opportunities'))) void this.refreshCounts();
  }

  private async say(message: string): Promise<void> {
    // Cleared first (one render), so the same sentence twice is announced twice.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = message;
  }

  private switchLanguage(): void {
    this.lang = this.m.languageSwitchLang;
    safeStorage()?.setItem(LANGUAGE_KEY, this.lang);
    this.focusOnUpdate = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) document.documentElement.lang = this.m.lang;
    // The page's script may upgrade the element before it sets `api`: the session is checked once there is one.
    if (changed.has('api') && this.api) void this.checkSession();
  }

  /** The document title names the view (its heading), so a screen reader and the browser's tabs say where the person is. */
  private followHeading(): void {
    const view = this.renderRoot.querySelector<AdminView>('main > *');
    const heading = view?.heading?.textContent?.replace(/\s+/g, ' ').trim();
    document.title = `${heading || this.m.appTitle} – Samverkan`;
  }

  protected override async updated(): Promise<void> {
    this.followHeading();
    const view = this.renderRoot.querySelector<AdminView>('main > *');
    if (!this.focusOnUpdate || !view) return;
    this.focusOnUpdate = false;
    await view.updateComplete;
    view.heading?.focus();
    this.followHeading();
  }

  protected override render() {
    const m = this.m;
    if (this.user === undefined) return html`<main id="main" class="alone"><p role="status">${m.loading}</p></main>`;
    const signedIn = this.user !== null;
    const route = signedIn || isPublicRoute(this.route) ? this.route : ({ name: 'sign-in' } as Route);
    return html`<a class="skip" href="#main" @click=${this.skip}>${m.skipToContent}</a>
      <header class="top">
        <span class="brand">${m.appTitle}</span>
        <div class="who">
          ${this.user ? html`<span>${m.signedInAs(this.user.name, m.roles[this.user.role] ?? this.user.role)}</span>` : nothing}
          <button type="button" class="secondary" lang=${m.languageSwitchLang} @click=${this.switchLanguage}>${m.languageSwitch}</button>
          ${this.user ? html`<button type="button" class="secondary sign-out" @click=${this.signOut}>${m.signIn.signOut}</button>` : nothing}
        </div>
      </header>
      ${signedIn
        ? html`<div class="layout">${this.renderMenu(route)}<main id="main" tabindex="-1">${this.renderView(route)}</main></div>`
        : html`<main id="main" class="alone" tabindex="-1">${this.renderView(route)}</main>`}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="announcer">${this.announcement}</div>`;
  }

  private skip(event: Event): void {
    // The hash is the route: move focus without touching it.
    event.preventDefault();
    const main = this.renderRoot.querySelector<HTMLElement>('main');
    (main?.querySelector<HTMLElement>('h1') ?? main)?.focus();
  }

  private renderMenu(route: Route): TemplateResult {
    const m = this.m;
    const isAdmin = this.user?.role === 'admin';
    const current = (names: Route['name'][], collection?: string) =>
      names.includes(route.name) && (!collection || ('collection' in route && route.collection === collection)) ? 'page' : nothing;
    const item = (href: string, label: string, aria: 'page' | typeof nothing, extra: TemplateResult | typeof nothing = nothing) =>
      html`<li><a href=${href} aria-current=${aria}><span>${label}</span>${extra}</a></li>`;
    return html`<nav class="menu" aria-label=${m.mainNavigation}>
      <ul>
        ${item(
          '#/applications',
          m.nav.applications,
          current(['applications', 'application']),
          this.pending > 0 ? html`<span class="badge" id="pending-count"><span class="visually-hidden">, </span>${m.pendingCount(this.pending)}</span>` : nothing,
        )}
        ${item(
          '#/offers',
          m.nav.offers,
          current(['offers', 'offer']),
          this.pendingOffers > 0 ? html`<span class="badge" id="pending-offers-count"><span class="visually-hidden">, </span>${m.pendingCount(this.pendingOffers)}</span>` : nothing,
        )}
        ${CONTENT_COLLECTIONS.map((c) =>
          item(
            `#/content/${c}`,
            m.nav[c],
            current(['content', 'entity'], c),
            c === 'opportunities' && this.withheld > 0
              ? html`<span class="badge warning" id="withheld-count"><span class="visually-hidden">, </span>${m.withheld.count(this.withheld)}</span>`
              : nothing,
          ),
        )}
        ${item('#/agreement', m.nav.agreement, current(['agreement']))}
        ${item('#/freshness', m.nav.freshness, current(['freshness']))}
        ${item('#/history', m.nav.history, current(['history']))}
        ${isAdmin ? item('#/users', m.nav.users, current(['users'])) : nothing}
        ${item('#/import', m.nav.importExport, current(['import']))}
      </ul>
    </nav>`;
  }

  /** A fresh view element per route, so no state of one entity leaks into the next. */
  private renderView(route: Route): TemplateResult {
    return html`${keyed(routeHash(route), this.viewFor(route))}`;
  }

  private viewFor(route: Route): TemplateResult {
    const common = { api: this.api, m: this.m, user: this.user ?? undefined, info: this.info };
    switch (route.name) {
      case 'sign-in':
        return html`<samverkan-admin-sign-in .api=${common.api} .m=${common.m} .notice=${this.signInNotice} .error=${route.error ?? ''}></samverkan-admin-sign-in>`;
      case 'set-password':
        return html`<samverkan-admin-set-password .api=${common.api} .m=${common.m} .token=${route.token}></samverkan-admin-set-password>`;
      case 'applications':
        return html`<samverkan-admin-applications .api=${common.api} .m=${common.m} .user=${common.user}></samverkan-admin-applications>`;
      case 'application':
        return html`<samverkan-admin-application .api=${common.api} .m=${common.m} .user=${common.user} .itemId=${route.id}></samverkan-admin-application>`;
      case 'offers':
        return html`<samverkan-admin-opportunity-offers .api=${common.api} .m=${common.m} .user=${common.user}></samverkan-admin-opportunity-offers>`;
      case 'offer':
        return html`<samverkan-admin-opportunity-offer .api=${common.api} .m=${common.m} .user=${common.user} .itemId=${route.id}></samverkan-admin-opportunity-offer>`;
      case 'content':
        return html`<samverkan-admin-content-list .api=${common.api} .m=${common.m} .user=${common.user} .info=${common.info} .collection=${route.collection}></samverkan-admin-content-list>`;
      case 'entity':
        // A year's follow-up has its own form: the agreement's commitments, grouped by principle and party.
        if (route.collection === 'followUps')
          return html`<samverkan-admin-follow-up-form .api=${common.api} .m=${common.m} .user=${common.user} .info=${common.info} .entityId=${route.id}></samverkan-admin-follow-up-form>`;
        return html`<samverkan-admin-entity-form .api=${common.api} .m=${common.m} .user=${common.user} .info=${common.info} .collection=${route.collection} .entityId=${route.id}></samverkan-admin-entity-form>`;
      case 'agreement':
        return html`<samverkan-admin-entity-form .api=${common.api} .m=${common.m} .user=${common.user} .info=${common.info} .collection=${'agreement'}></samverkan-admin-entity-form>`;
      case 'freshness':
        return html`<samverkan-admin-freshness .api=${common.api} .m=${common.m} .user=${common.user} .info=${common.info}></samverkan-admin-freshness>`;
      case 'history':
        return html`<samverkan-admin-history .api=${common.api} .m=${common.m} .user=${common.user}></samverkan-admin-history>`;
      case 'users':
        return this.user?.role === 'admin'
          ? html`<samverkan-admin-users .api=${common.api} .m=${common.m} .user=${common.user}></samverkan-admin-users>`
          : html`<samverkan-admin-not-found .m=${common.m}></samverkan-admin-not-found>`;
      case 'import':
        return html`<samverkan-admin-import .api=${common.api} .m=${common.m} .user=${common.user} .info=${common.info}></samverkan-admin-import>`;
      default:
        return html`<samverkan-admin-not-found .m=${common.m}></samverkan-admin-not-found>`;
    }
  }
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
