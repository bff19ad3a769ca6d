// Deciding on an erased application, and a restore an erasure refused, as the officer meets them: the page offers
// only what the server takes (docs/server.md: a decision on an erased item stores nothing of it; withdrawing an erased
// approval's signatory stays possible, without a reason), and a restore refused because personal data in the
// version was erased meanwhile (409 version-erased) says so, and what to do, in the page's language.
import { expect } from '@open-wc/testing';
import { RefusedError } from '../src/api.js';
import { MemoryApi, application } from './fixtures/memory-api.js';
import { announced, button, describe_, expectAccessible, expectFocusOn, mountAdmin, q, qa, root, text, unmountAll, waitFor } from './helpers/admin-page.js';
import sv from '../src/i18n/messages.js';
import en from '../src/i18n/messages.en.js';

const ADMIN = { id: 'u1', email: 'samordnare@kommun.example.org', name: 'Sam Samordnare', role: 'admin' as const, password: 'x' };
const a = sv.applications;

afterEach(() => unmountAll());

describe('an erased application', () => {
  it('waiting: offers no decision at all (nothing left to approve, and a reason would be kept about it)', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, applications: [application(1)] });
    await api.erase('app-1');
    const el = await mountAdmin(api, '#/applications/app-1');
    await waitFor(() => root(el).querySelector('.facts'), 'the page');
    expect(text(q(el, '.facts'))).to.contain(a.erased);
    // Described as text, not the elements themselves: a failure then names them (and reports at once; see reportable-failures.ts).
    expect(qa(el, 'button.approve, button.reject, button.erase').map(describe_), 'decisions offered on an erased waiting application').to.deep.equal([]);
    await expectAccessible(el);
  });

  it('approved and published: can be rejected to withdraw its signatory, without a reason field, and says why', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, applications: [application(1)] });
    await api.approve('app-1');
    await api.erase('app-1');
    const el = await mountAdmin(api, '#/applications/app-1');
    (await waitFor(() => root(el).querySelector<HTMLButtonElement>('button.reject'), 'the reject button')).click();
    await waitFor(() => root(el).querySelector('.reject-form'), 'the form');
    expect(describe_(root(el).querySelector('#reject-reason')), 'a reason field on the rejection of an erased application').to.equal('nothing');
    expect(text(q(el, '#reject-erased'))).to.equal(a.rejectErased);
    // Focus moves into the form, onto the one thing to do there, which the note describes.
    expectFocusOn(el, '.reject-form button[type="submit"]');
    expect(q(el, '.reject-form button[type="submit"]').getAttribute('aria-describedby')).to.equal('reject-erased');
    await expectAccessible(el);
    button(el, a.rejectConfirm).click();
    await waitFor(() => announced(el) === a.rejected, 'the rejection');
    expect(api.calls).to.include('reject app-1');
    expect(api.applications_[0]).to.include({ status: 'rejected' });
    expect(api.applications_[0]!.reason).to.equal(undefined);
  });

  it('a refusal of a reason sent anyway (another client) is said in the page’s words', async () => {
    const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, applications: [application(1)] });
    await api.approve('app-1');
    await api.erase('app-1');
    const refused = await api.reject('app-1', 'Ett skäl').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).to.be.instanceOf(RefusedError);
    const { errorText } = await import('../src/views/admin-view.js');
    expect(errorText(refused, sv)).to.equal(sv.refusals.erasedReason);
    expect(errorText(refused, en)).to.equal(en.refusals.erasedReason);
  });
});

describe('a restore refused because personal data in the version was erased meanwhile', () => {
  for (const [lang, m] of [
    ['sv', sv],
    ['en', en],
  ] as const) {
    it(`History says why and what to do; nothing is restored (${lang})`, async () => {
      const api = new MemoryApi({ users: [ADMIN], signedIn: ADMIN.email, applications: [application(1)] });
      await api.approve('app-1');
      const withIt = api.versions_[0]!.version;
      api.publish('Later');
      const versions = api.versions_.length;
      // What the server answers when an erasure rewrote the version between the restore's read and its write.
      api.restore = async (version: number) => {
        throw new RefusedError([{ code: 'version-erased', params: { version: String(version) }, message: `Version ${version} återställdes inte.` }]);
      };
      const el = await mountAdmin(api, '#/history', lang);
      await waitFor(() => root(el).querySelector('button.restore'), 'the versions');
      button(el, m.history.restore(withIt)).click();
      await waitFor(() => q<HTMLDialogElement>(el, '#restore-dialog').open, 'the question');
      q<HTMLButtonElement>(el, 'button.confirm-restore').click();
      const alert = await waitFor(() => root(el).querySelector('[role=alert]'), 'why it was not restored');
      expect(text(alert)).to.equal(m.refusals.restoreErased(String(withIt)));
      expect(api.versions_.length).to.equal(versions);
      await expectAccessible(el);
    });
  }
});
