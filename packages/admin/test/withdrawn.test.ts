// An approval whose published entry was taken out of the dataset afterwards (an opportunity
// withdrawn, an organisation deleted or unsigned): the inbox and the page say so from the
// server's `withdrawn` flag, with the way back, and say it no more after a restore.
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { MemoryApi, application, offer } from './fixtures/memory-api.js';
import { signatory } from './fixtures/agreement-content.js';
import { announced, button, expectAccessible, mountAdmin, q, qa, root, settle, text, unmountAll, waitFor } from './helpers/admin-page.js';
import sv from '../src/i18n/messages.js';
import en from '../src/i18n/messages.en.js';

const EDITOR = { id: 'u2', email: 'redaktor@kommun.example.org', name: 'Robin Redaktör', role: 'editor' as const, password: 'y' };

afterEach(() => unmountAll());

/** Deletes an entity as the content list does (with its ETag). */
async function remove(api: MemoryApi, collection: 'organisations' | 'opportunities', id: string): Promise<void> {
  const current = await api.get(collection, id);
  await api.remove(collection, id, current!.etag);
}

/** Restores `version` on the History page, as a person does: the button, then the confirmation. */
async function restoreOnHistoryPage(el: Awaited<ReturnType<typeof mountAdmin>>, api: MemoryApi, version: number): Promise<void> {
  await waitFor(() => root(el).querySelector('.versions'), 'the versions');
  const made = api.versions_[0]!.version + 1;
  button(el, sv.history.restore(version)).click();
  await waitFor(() => q<HTMLDialogElement>(el, '#restore-dialog').open);
  q<HTMLButtonElement>(el, 'button.confirm-restore').click();
  await waitFor(() => announced(el) === sv.history.restored(version, made), 'the restore');
}

describe('an approved offer whose opportunity was withdrawn', () => {
  it("says so from the server's flag (no request for the opportunity), in the inbox and on the page, with the way back; after a restore the link is back", async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, content: { organisations: [signatory] }, offers: [offer(1)] });
    await api.approveOffer('offer-1');
    const approvedVersion = api.versions_[0]!.version;
    await remove(api, 'opportunities', 'opportunity-offer-1');
    api.calls.length = 0;

    const el = await mountAdmin(api, '#/offers');
    const row = await waitFor(() => root(el).querySelector('.rows li[data-id="offer-1"]'));
    expect(text(row.querySelector('.status-tag.withdrawn'))).to.equal(sv.offers.withdrawnTag);

    (row.querySelector<HTMLAnchorElement>('.grow a'))!.click();
    const gone = await waitFor(() => root(el).querySelector('#published-gone'));
    expect(text(gone)).to.equal(`${sv.offers.publishedGone} ${sv.offers.wayBack} ${sv.nav.history}.`);
    expect(text(q(el, 'dl.facts .status-tag.withdrawn'))).to.equal(sv.offers.withdrawnTag);
    expect(qa(el, 'dl.facts a[href^="#/content/opportunities/"]')).to.have.length(0);
    expect(api.calls.filter((c) => c.startsWith('get opportunities'))).to.deep.equal([], 'the flag, not a request per offer');
    await expectAccessible(el);

    // The way back, by keyboard: the link to History, then a restore of the version the approval published.
    gone.querySelector<HTMLAnchorElement>('a[href="#/history"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => location.hash === '#/history');
    await restoreOnHistoryPage(el, api, approvedVersion);
    location.hash = '#/offers/offer-1';
    const link = await waitFor(() => root(el).querySelector<HTMLAnchorElement>('dl.facts a[href="#/content/opportunities/opportunity-offer-1"]'), 'the link back');
    expect(text(link)).to.equal('opportunity-offer-1');
    expect(qa(el, '#published-gone, .status-tag.withdrawn')).to.have.length(0);
  });
});

describe('a pending offer whose organisation no longer signs', () => {
  it('is not offered for approval, on its page or in the inbox, and the page says why and what to do; accessible', async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, content: { organisations: [signatory] }, offers: [offer(1), offer(2, { organisationId: 'finns-inte-längre' })] });
    // Someone removed its signature (the fixture's number is made up, so not through the checked save).
    const { signature: _signature, ...unsigned } = signatory;
    api.saveBehindTheBack('organisations', unsigned as typeof signatory);

    const el = await mountAdmin(api, '#/offers');
    await waitFor(() => root(el).querySelector('.rows'));
    // Neither can be selected for "approve the selected"; both say why.
    expect(qa(el, '.rows input[type=checkbox]')).to.have.length(0);
    expect(qa(el, '.rows li').map((li) => text(li.querySelector('.status-tag.withdrawn')))).to.deep.equal([sv.offers.notSigningTag, sv.offers.notSigningTag]);
    await expectAccessible(el);

    location.hash = '#/offers/offer-1';
    const note = await waitFor(() => root(el).querySelector('#not-signing'));
    expect(text(note)).to.equal(`${sv.offers.notSigning} ${sv.nav.history} ${sv.offers.notSigningOr} ${sv.nav.organisations}.`);
    expect([...note.querySelectorAll('a')].map((l) => l.getAttribute('href'))).to.deep.equal(['#/history', '#/content/organisations']);
    expect(qa(el, 'button.approve')).to.have.length(0);
    expect(qa(el, 'button.reject')).to.have.length(1);
    await expectAccessible(el);

    // Signed again: approving is offered again, and works.
    api.saveBehindTheBack('organisations', signatory);
    location.hash = '#/offers';
    await waitFor(() => root(el).querySelector('.rows'));
    location.hash = '#/offers/offer-1';
    (await waitFor(() => root(el).querySelector<HTMLButtonElement>('button.approve'))).click();
    await waitFor(() => announced(el) === sv.offers.approved);
    expect(qa(el, '#not-signing')).to.have.length(0);
  });
});

describe('an approved application whose signatory was taken out of the dataset', () => {
  it('links to the signatory while it is published', async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, applications: [application(1)] });
    const el = await mountAdmin(api, '#/applications/app-1');
    (await waitFor(() => root(el).querySelector<HTMLButtonElement>('button.approve'))).click();
    await waitFor(() => announced(el) === sv.applications.approved);
    await settle(el);
    const link = q<HTMLAnchorElement>(el, 'dl.facts a[href="#/content/organisations/organisation-app-1"]');
    expect(text(link)).to.equal('organisation-app-1');
    expect(qa(el, '#published-gone, .status-tag.withdrawn')).to.have.length(0);
  });

  it('says so plainly when it was deleted, in the inbox and on the page, with History and the organisations as the ways back; accessible', async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, applications: [application(1), application(2)] });
    await api.approve('app-1');
    await remove(api, 'organisations', 'organisation-app-1');

    const el = await mountAdmin(api, '#/applications');
    await waitFor(() => root(el).querySelector('.rows'));
    expect(qa(el, '.rows li').map((li) => [li.getAttribute('data-id'), text(li.querySelector('.status-tag.withdrawn'))])).to.deep.equal([
      ['app-2', ''],
      ['app-1', sv.applications.withdrawnTag],
    ]);
    await expectAccessible(el);

    location.hash = '#/applications/app-1';
    const gone = await waitFor(() => root(el).querySelector('#published-gone'));
    const a = sv.applications;
    expect(text(gone)).to.equal(`${a.publishedGone} ${a.wayBack} ${sv.nav.history} ${a.wayBackOr} ${sv.nav.organisations}.`);
    expect([...gone.querySelectorAll('a')].map((l) => l.getAttribute('href'))).to.deep.equal(['#/history', '#/content/organisations']);
    expect(text(q(el, 'dl.facts'))).to.contain(a.status.approved);
    expect(qa(el, 'dl.facts a[href^="#/content/organisations/"]')).to.have.length(0);
    // Still decided: rejecting records it, approving again is not offered.
    expect(qa(el, 'button.approve')).to.have.length(0);
    expect(qa(el, 'button.reject')).to.have.length(1);
    await expectAccessible(el);
    // The note and its links fit a phone's width without sideways scrolling.
    await setViewport({ width: 320, height: 640 });
    try {
      await settle(el);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect(gone.getBoundingClientRect().right).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('says so when only its signature was removed, and in English', async () => {
    const api = new MemoryApi({ users: [EDITOR], signedIn: EDITOR.email, applications: [application(1)] });
    await api.approve('app-1');
    const entry = (await api.get('organisations', 'organisation-app-1'))!;
    const { signature: _signature, ...unsigned } = entry.value;
    await api.replace('organisations', 'organisation-app-1', unsigned as typeof entry.value, entry.etag);

    const el = await mountAdmin(api, '#/applications/app-1', 'en');
    const gone = await waitFor(() => root(el).querySelector('#published-gone'));
    const a = en.applications;
    expect(text(gone)).to.equal(`${a.publishedGone} ${a.wayBack} ${en.nav.history} ${a.wayBackOr} ${en.nav.organisations}.`);
    expect(text(q(el, 'dl.facts .status-tag.withdrawn'))).to.equal(a.withdrawnTag);
    await expectAccessible(el);

    // Rejecting it now: the page shows the decision, no longer "withdrawn".
    button(el, a.reject).click();
    await settle(el);
    button(el, a.rejectConfirm).click();
    await waitFor(() => announced(el) === a.rejected);
    expect(qa(el, '#published-gone, .status-tag.withdrawn')).to.have.length(0);
    expect(text(q(el, 'dl.facts'))).to.contain(a.status.rejected);
  });
});
