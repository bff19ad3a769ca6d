import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { MemoryApi, application } from './fixtures/memory-api.js';
import { button, expectAccessible, expectFocusOn, focused, mountAdmin, q, qa, root, settle, text, type, unmountAll, waitFor } from './helpers/admin-page.js';
import { parseRoute, routeHash } from '../src/router.js';
import sv from '../src/i18n/messages.js';
import en from '../src/i18n/messages.en.js';

const ADMIN = { id: 'u1', email: 'samordnare@kommun.example.org', name: 'Sam Samordnare', role: 'admin' as const, password: 'rätt lösenord 123' };
const EDITOR = { id: 'u2', email: 'redaktor@kommun.example.org', name: 'Robin Redaktör', role: 'editor' as const, password: 'ett annat lösenord' };

afterEach(() => unmountAll());

describe('routes', () => {
  it('reads and writes every route in the hash', () => {
    for (const hash of ['#/applications', '#/applications/a%2Fb', '#/content/meetings', '#/content/meetings/new', '#/content/organisations/org-1', '#/history', '#/users', '#/set-password?token=abc']) {
      expect(routeHash(parseRoute(hash))).to.equal(hash);
    }
    expect(parseRoute('')).to.deep.equal({ name: 'applications' });
    expect(parseRoute('#/content/nonsense')).to.deep.equal({ name: 'not-found' });
    expect(parseRoute('#/applications/a%2Fb')).to.deep.equal({ name: 'application', id: 'a/b' });
  });
});

describe('sign in', () => {
  it('shows only the sign-in form until someone signs in, then the inbox with focus on its heading', async () => {
    const api = new MemoryApi({ users: [ADMIN], applications: [application(1)] });
    const el = await mountAdmin(api, '#/applications');
    expect(text(q(el, 'h1'))).to.equal(sv.signIn.title);
    expect(qa(el, 'nav.menu')).to.have.length(0);
    await expectAccessible(el);

    type(q<HTMLInputElement>(el, '#sign-in-email'), ADMIN.email);
    type(q<HTMLInputElement>(el, '#sign-in-password'), ADMIN.password);
    button(el, sv.signIn.submit).click();
    await waitFor(() => text(root(el).querySelector('h1')) === sv.applications.title, 'the inbox');
    await settle(el);
    expectFocusOn(el, 'main h1');
    expect(location.hash).to.equal('#/applications');
    expect(text(q(el, '.who'))).to.contain(sv.signedInAs(ADMIN.name, sv.roles.admin!));
    expect(document.title).to.contain(sv.applications.title);
  });

  it('says what is wrong in an error summary that takes focus, keeping the e-mail typed', async () => {
    const api = new MemoryApi({ users: [ADMIN] });
    const el = await mountAdmin(api, '#/sign-in');
    button(el, sv.signIn.submit).click();
    await waitFor(() => root(el).querySelector('#error-summary'));
    await settle(el);
    expect(focused(el)?.id).to.equal('error-summary');
    expect(qa(el, '#error-summary li').map(text)).to.deep.equal([sv.signIn.emailRequired, sv.signIn.passwordRequired]);
    await expectAccessible(el);

    type(q<HTMLInputElement>(el, '#sign-in-email'), ADMIN.email);
    type(q<HTMLInputElement>(el, '#sign-in-password'), 'fel');
    button(el, sv.signIn.submit).click();
    await waitFor(() => text(root(el).querySelector('#error-summary')).includes(sv.signIn.failed), 'the failure');
    expect(q<HTMLInputElement>(el, '#sign-in-email').value).to.equal(ADMIN.email);
    expect(q<HTMLInputElement>(el, '#sign-in-email').getAttribute('aria-invalid')).to.equal('true');
    // A summary link moves focus to its field.
    q<HTMLAnchorElement>(el, '#error-summary a').click();
    expect(focused(el)?.id).to.equal('sign-in-email');
    expect(location.hash).to.equal('#/sign-in');
  });

  it('offers the municipality account only when the server has OpenID Connect set up', async () => {
    const without = await mountAdmin(new MemoryApi({ users: [ADMIN] }), '#/sign-in');
    await settle(without);
    expect(qa(without, 'a.oidc')).to.have.length(0);
    unmountAll();
    const withOidc = await mountAdmin(new MemoryApi({ users: [ADMIN], oidc: true }), '#/sign-in');
    const link = await waitFor(() => root(withOidc).querySelector<HTMLAnchorElement>('a.oidc'));
    expect(text(link)).to.equal(sv.signIn.oidc);
    expect(new URL(link.href).pathname).to.equal('/api/v1/session/oidc/start');
  });

  it('chooses a password from the one-time link, checking length and repetition first', async () => {
    const api = new MemoryApi({ users: [ADMIN] });
    const el = await mountAdmin(api, '#/set-password?token=tok123');
    expect(text(q(el, 'h1'))).to.equal(sv.setPassword.title);
    type(q<HTMLInputElement>(el, '#new-password'), 'kort');
    button(el, sv.setPassword.submit).click();
    await waitFor(() => root(el).querySelector('#error-summary'));
    expect(text(q(el, '#error-summary li'))).to.equal(sv.setPassword.tooShort);
    type(q<HTMLInputElement>(el, '#new-password'), 'ett långt lösenord');
    type(q<HTMLInputElement>(el, '#repeat-password'), 'ett annat lösenord');
    button(el, sv.setPassword.submit).click();
    await waitFor(() => text(root(el).querySelector('#error-summary')).includes(sv.setPassword.mismatch));
    await expectAccessible(el);
    type(q<HTMLInputElement>(el, '#repeat-password'), 'ett långt lösenord');
    button(el, sv.setPassword.submit).click();
    await waitFor(() => text(root(el).querySelector('main')).includes(sv.setPassword.done));
    expect(api.passwordsSet).to.deep.equal([{ token: 'tok123', password: 'ett långt lösenord' }]);
  });

  it('signs out: the session ends and the sign-in form says so', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email });
    const el = await mountAdmin(api, '#/applications');
    button(el, sv.signIn.signOut).click();
    await waitFor(() => text(root(el).querySelector('h1')) === sv.signIn.title);
    expect(api.current).to.equal(undefined);
    expect(text(q(el, 'main'))).to.contain(sv.signIn.signedOut);
    expect(qa(el, 'nav.menu')).to.have.length(0);
  });
});

describe('the shell', () => {
  it('counts pending applications in the menu and marks the current page', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, applications: [application(1), application(2), application(3, { status: 'approved' })] });
    const el = await mountAdmin(api, '#/applications');
    const badge = await waitFor(() => root(el).querySelector('#pending-count'));
    expect(text(badge)).to.contain(sv.pendingCount(2));
    expect(q(el, 'nav.menu a[aria-current="page"]').getAttribute('href')).to.equal('#/applications');
    expect(q(el, 'nav.menu').getAttribute('aria-label')).to.equal(sv.mainNavigation);
  });

  it('hides users from editors', async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email });
    const el = await mountAdmin(api, '#/applications');
    await settle(el);
    expect(qa(el, 'nav.menu a').map((a) => a.getAttribute('href'))).not.to.include('#/users');
  });

  it('switches to English and back, and remembers the choice', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email });
    const el = await mountAdmin(api, '#/applications');
    button(el, sv.languageSwitch).click();
    await settle(el);
    expect(text(q(el, 'h1'))).to.equal(en.applications.title);
    expect(document.documentElement.lang).to.equal('en');
    expect(localStorage.getItem('samverkan-admin-language')).to.equal('en');
    button(el, en.languageSwitch).click();
    await settle(el);
    expect(text(q(el, 'h1'))).to.equal(sv.applications.title);
    localStorage.removeItem('samverkan-admin-language');
  });

  it('moves focus to the new heading on a route change and works at 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, applications: [application(1)] });
      const el = await mountAdmin(api, '#/applications');
      location.hash = '#/nowhere';
      await waitFor(() => text(root(el).querySelector('main')).includes(sv.notFound));
      await settle(el);
      expectFocusOn(el, 'main h1');
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expectAccessible(el);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('the skip link is the first stop and moves focus to the main heading', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email });
    const el = await mountAdmin(api, '#/applications');
    await settle(el);
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expectFocusOn(el, 'a.skip');
    await sendKeys({ press: 'Enter' });
    expectFocusOn(el, 'main h1');
    expect(location.hash).to.equal('#/applications');
  });
});

describe('sign in with the municipality account', () => {
  it('says why when the OpenID Connect sign-in comes back refused', async () => {
    const el = await mountAdmin(new MemoryApi({ users: [ADMIN], oidc: true }), '#/sign-in?error=oidc-no-account');
    await settle(el);
    expect(text(q(el, '[role="alert"]'))).to.equal(sv.signIn.oidcNoAccount);
    await expectAccessible(el);
  });
});

describe('forced colours', () => {
  it('keeps the current page, errors and buttons visible with system colours', async () => {
    const { executeServerCommand } = await import('@web/test-runner-commands');
    await executeServerCommand('set-forced-colors', { active: true });
    try {
      const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email });
      const el = await mountAdmin(api, '#/content/organisations/new');
      await waitFor(() => root(el).querySelector('form'));
      button(el, sv.save).click();
      await waitFor(() => root(el).querySelector('#error-summary'));
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const current = getComputedStyle(q(el, 'nav.menu a[aria-current="page"]'));
      const summary = getComputedStyle(q(el, '#error-summary'));
      // The current page is marked with the system highlight, the summary framed in the text colour.
      expect(current.forcedColorAdjust).to.equal('none');
      expect(summary.borderTopStyle).to.equal('solid');
      expect(summary.borderTopWidth).to.equal('4px');
      await expectAccessible(el);
    } finally {
      await executeServerCommand('set-forced-colors', { active: false });
    }
  });
});
